import { z } from 'zod';
import { suppliers } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { conflict } from '../errors.ts';
import { CurrencyCode } from '../money.ts';
import { SupplierSummary } from './schemas.ts';

export const createSupplier = defineTool({
  name: 'purchasing_create_supplier',
  title: 'Create a supplier',
  description:
    'Add a supplier to the company. Give at least its name; GST/QST numbers, email, province and payment ' +
    'terms (days) help match its bills later. Fails if a supplier with the same name exists: search first ' +
    'with purchasing_find_suppliers.',
  kind: 'write',
  risk: 'internal',
  input: z.object({
    name: z.string().trim().min(1).max(200),
    legalName: z.string().trim().max(200).optional(),
    email: z.string().email().optional(),
    phone: z.string().max(50).optional(),
    province: z.string().length(2).toUpperCase().optional(),
    country: z.string().length(2).toUpperCase().default('CA'),
    currency: CurrencyCode.optional(),
    gstNumber: z.string().max(30).optional(),
    qstNumber: z.string().max(30).optional(),
    paymentTermsDays: z.number().int().min(0).max(365).default(30),
  }),
  output: SupplierSummary,
  async assess(ctx, input) {
    const existing = await ctx.db.query.suppliers.findFirst({ where: (s, { eq, and }) => and(eq(s.tenantId, ctx.tenantId), eq(s.name, input.name)) });
    if (existing) throw conflict(`A supplier named '${input.name}' already exists (id ${existing.id}).`, { id: existing.id });
    return {};
  },
  async run(ctx, input) {
    const tenant = await ctx.tenant();
    const [row] = await ctx.db
      .insert(suppliers)
      .values({ ...input, currency: input.currency ?? tenant.currency, tenantId: ctx.tenantId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`A supplier named '${input.name}' already exists.`);
    return summary(row);
  },
  summarize: (s, lang) => (lang === 'fr' ? `Fournisseur ${s.name} créé.` : `Supplier ${s.name} created.`),
});

export const summary = (s: typeof suppliers.$inferSelect): SupplierSummary => ({
  id: s.id,
  name: s.name,
  status: s.status,
  email: s.email,
  province: s.province,
  gstNumber: s.gstNumber,
  paymentTermsDays: s.paymentTermsDays,
});
type SupplierSummary = z.infer<typeof SupplierSummary>;
