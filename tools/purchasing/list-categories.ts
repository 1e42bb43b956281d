import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { productCategories } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { CategorySummary } from './schemas.ts';

export const listCategories = defineTool({
  name: 'purchasing_list_categories',
  title: 'List product categories',
  description: 'All product categories of the company, by name, with their id and parent category id.',
  kind: 'read',
  input: z.object({}),
  output: z.object({ categories: z.array(CategorySummary) }),
  run: async (ctx) => ({
    categories: await ctx.db
      .select({ id: productCategories.id, name: productCategories.name, parentId: productCategories.parentId })
      .from(productCategories)
      .orderBy(asc(productCategories.name)),
  }),
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.categories.length} catégorie(s).` : `${out.categories.length} categor(y/ies).`,
});
