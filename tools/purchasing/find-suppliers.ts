import { z } from 'zod';
import { defineTool } from '../define.ts';
import { summary } from './create-supplier.ts';
import { findSuppliers as query } from './queries.ts';
import { SupplierSummary } from './schemas.ts';

export const findSuppliers = defineTool({
  name: 'purchasing_find_suppliers',
  title: 'Find suppliers',
  description:
    'Search the company suppliers by name (part of the name is enough, case-insensitive). Returns up to ' +
    '`limit` suppliers with their id, status and tax number. Use the id in other purchasing tools.',
  kind: 'read',
  input: z.object({ query: z.string().trim().max(200).default(''), limit: z.number().int().min(1).max(100).default(20) }),
  output: z.object({ suppliers: z.array(SupplierSummary) }),
  run: async (ctx, input) => ({ suppliers: (await query(ctx.db, input.query, input.limit)).map(summary) }),
  summarize: (out, lang) => (lang === 'fr' ? `${out.suppliers.length} fournisseur(s) trouvé(s).` : `${out.suppliers.length} supplier(s) found.`),
});
