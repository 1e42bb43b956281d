import { z } from 'zod';
import { defineTool } from '../define.ts';
import { Direction, Offset, PageInfo } from '../paging.ts';
import { searchProducts } from './queries.ts';
import { ProductSummary } from './schemas.ts';

export const findProducts = defineTool({
  name: 'purchasing_find_products',
  title: 'Find products',
  description:
    'Search products by name, SKU or description in French or English, forgiving accents and plurals ' +
    '("chaises ergonomiques" finds "Chaise ergonomique"), and by meaning. Best match first with a score ' +
    '0–1; an empty query lists products by name (or sku, or price). Filter by category or usual supplier; ' +
    'page with offset (total says how many match). Returns prices, bulk price and threshold, lead time.',
  kind: 'read',
  input: z.object({
    query: z.string().trim().max(200).default(''),
    categoryId: z.string().uuid().optional(),
    supplierId: z.string().uuid().optional(),
    id: z.string().uuid().optional().describe('One product by id (its page), active or not.'),
    includeInactive: z.boolean().default(false),
    sort: z.enum(['name', 'sku', 'price']).default('name'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(100).default(20),
  }),
  output: z
    .object({ products: z.array(ProductSummary.extend({ score: z.number().nullable() })) })
    .extend(PageInfo.shape),
  run: async (ctx, input) => {
    const { rows, total } = await searchProducts(ctx.db, input);
    return { products: rows, total, offset: input.offset, limit: input.limit };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.products.length} produit(s) trouvé(s).` : `${out.products.length} product(s) found.`,
});
