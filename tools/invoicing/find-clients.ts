import { z } from 'zod';
import { defineTool } from '../define.ts';
import { Direction, Offset, PageInfo } from '../paging.ts';
import { clientSummary, findClients as query } from './queries.ts';
import { ClientSummary } from './schemas.ts';

export const findClients = defineTool({
  name: 'invoicing_find_clients',
  title: 'Find clients',
  description:
    'Search the company clients by name, email or tax number (part of it is enough, case-insensitive); an ' +
    'empty query lists them all, by name (or with sort "created", newest first). Returns up to `limit` ' +
    'clients with id, province/country, language, currency, terms and credit limit, and how many match ' +
    '(page with offset). Use the id in other invoicing tools.',
  kind: 'read',
  input: z.object({
    query: z.string().trim().max(200).default(''),
    id: z.string().uuid().optional().describe('One client by id (its page).'),
    sort: z.enum(['name', 'created']).default('name'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(100).default(20),
  }),
  output: z.object({ clients: z.array(ClientSummary) }).extend(PageInfo.shape),
  run: async (ctx, input) => {
    const { rows, total } = await query(ctx.db, input);
    return { clients: rows.map(clientSummary), total, offset: input.offset, limit: input.limit };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.clients.length} client(s) trouvé(s).` : `${out.clients.length} client(s) found.`,
});
