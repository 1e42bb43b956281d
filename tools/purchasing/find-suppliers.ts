import { z } from 'zod';
import { defineTool } from '../define.ts';
import { Direction, Offset, PageInfo } from '../paging.ts';
import { searchSuppliers } from './queries.ts';
import { SupplierSummary } from './schemas.ts';

export const findSuppliers = defineTool({
  name: 'purchasing_find_suppliers',
  title: 'Find suppliers',
  description:
    'Search the company suppliers by name, legal name or tax number, forgiving accents, case, plurals and ' +
    'legal forms ("bureau plus" finds "Bureau Plus Inc."), and by meaning. Best match first, each with a ' +
    'score from 0 to 1. An empty query lists suppliers by name (or, with sort "created", newest first). ' +
    'Filter by status if needed; page with offset (total says how many match). Use the id in other ' +
    'purchasing tools.',
  kind: 'read',
  input: z.object({
    query: z.string().trim().max(200).default(''),
    status: z.array(z.enum(['active', 'pending', 'inactive', 'blocked'])).optional(),
    id: z.string().uuid().optional().describe('One supplier by id (its page).'),
    sort: z.enum(['name', 'created']).default('name'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(100).default(20),
  }),
  output: z
    .object({ suppliers: z.array(SupplierSummary.extend({ score: z.number().nullable() })) })
    .extend(PageInfo.shape),
  run: async (ctx, input) => {
    const { rows, total } = await searchSuppliers(ctx.db, input);
    return { suppliers: rows, total, offset: input.offset, limit: input.limit };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.suppliers.length} fournisseur(s) trouvé(s).` : `${out.suppliers.length} supplier(s) found.`,
});
