import { z } from 'zod';
import { defineTool } from '../define.ts';
import { searchProducts } from './queries.ts';
import { ProductSummary } from './schemas.ts';

export const findProducts = defineTool({
  name: 'purchasing_find_products',
  title: 'Find products',
  description:
    'Search products by name, SKU or description in French or English, forgiving accents and plurals ' +
    '("chaises ergonomiques" finds "Chaise ergonomique"), and by meaning. Best match first with a score ' +
    '0–1; an empty query lists products by name. Filter by category or usual supplier. Returns prices, ' +
    'bulk price and threshold, lead time.',
  kind: 'read',
  input: z.object({
    query: z.string().trim().max(200).default(''),
    categoryId: z.string().uuid().optional(),
    supplierId: z.string().uuid().optional(),
    includeInactive: z.boolean().default(false),
    limit: z.number().int().min(1).max(100).default(20),
  }),
  output: z.object({ products: z.array(ProductSummary.extend({ score: z.number().nullable() })) }),
  run: async (ctx, input) => ({ products: await searchProducts(ctx.db, input) }),
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.products.length} produit(s) trouvé(s).` : `${out.products.length} product(s) found.`,
});
