import { z } from 'zod';
import { productCategories } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { conflict } from '../errors.ts';
import { categoryById } from './queries.ts';
import { CategorySummary } from './schemas.ts';
import { purchasingRefusals } from './texts.ts';

export const createCategory = defineTool({
  name: 'purchasing_create_category',
  title: 'Create a product category',
  description:
    'Add a product category (e.g. "Mobilier de bureau"), optionally under a parent category. Spend analytics ' +
    'group by it. Fails if the name is taken: list categories with purchasing_list_categories.',
  kind: 'write',
  risk: 'internal',
  effect: 'adds',
  input: z.object({ name: z.string().trim().min(1).max(100), parentId: z.string().uuid().optional() }),
  output: CategorySummary,
  async assess(ctx, input) {
    if (input.parentId) await categoryById(ctx.db, input.parentId, ctx.lang);
    return {};
  },
  async run(ctx, input) {
    if (input.parentId) await categoryById(ctx.db, input.parentId, ctx.lang);
    const [row] = await ctx.db
      .insert(productCategories)
      .values({ tenantId: ctx.tenantId, name: input.name, parentId: input.parentId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(purchasingRefusals[ctx.lang].categoryExists(input.name));
    return { id: row.id, name: row.name, parentId: row.parentId };
  },
  summarize: (c, lang) => (lang === 'fr' ? `Catégorie ${c.name} créée.` : `Category ${c.name} created.`),
});
