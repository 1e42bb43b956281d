import { z } from 'zod';
import { defineTool } from '../define.ts';
import { clientSummary, findClients as query } from './queries.ts';
import { ClientSummary } from './schemas.ts';

export const findClients = defineTool({
  name: 'invoicing_find_clients',
  title: 'Find clients',
  description:
    'Search the company clients by name, email or tax number (part of it is enough, case-insensitive); an ' +
    'empty query lists them all. Returns up to `limit` clients with id, province/country, language, ' +
    'currency, terms and credit limit. Use the id in other invoicing tools.',
  kind: 'read',
  input: z.object({
    query: z.string().trim().max(200).default(''),
    limit: z.number().int().min(1).max(100).default(20),
  }),
  output: z.object({ clients: z.array(ClientSummary) }),
  run: async (ctx, input) => ({ clients: (await query(ctx.db, input.query, input.limit)).map(clientSummary) }),
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.clients.length} client(s) trouvé(s).` : `${out.clients.length} client(s) found.`,
});
