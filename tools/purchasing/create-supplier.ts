import { z } from 'zod';
import { suppliers } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { embedText } from '../embeddings/embedder.ts';
import { conflict } from '../errors.ts';
import { supplierByName } from './queries.ts';
import { purchasingRefusals } from './texts.ts';
import { SupplierFields, supplierSummary, supplierText } from './supplier-fields.ts';
import { SupplierSummary } from './schemas.ts';

const F = SupplierFields;

export const createSupplier = defineTool({
  name: 'purchasing_create_supplier',
  title: 'Create a supplier',
  description:
    'Add a supplier to the company. Give at least its name; GST/QST numbers ("123456789RT0001", ' +
    '"1234567890TQ0001"), email, province and payment terms (days) help match its bills later. Rating is ' +
    '1–5 stars, risk 0–100; certifications and diversity flags are free labels. Fails if a supplier with ' +
    'the same name exists: search first with purchasing_find_suppliers.',
  kind: 'write',
  risk: 'internal',
  effect: 'adds',
  input: z.object({
    name: F.name,
    legalName: F.legalName.optional(),
    status: z.enum(['active', 'pending', 'inactive', 'blocked']).default('active'),
    email: F.email.optional(),
    phone: F.phone.optional(),
    province: F.province.optional(),
    country: F.country.default('CA'),
    currency: F.currency.optional(),
    gstNumber: F.gstNumber.optional(),
    qstNumber: F.qstNumber.optional(),
    vatNumber: F.vatNumber.optional(),
    siren: F.siren.optional(),
    paymentTermsDays: F.paymentTermsDays.default(30),
    rating: F.rating.optional(),
    riskScore: F.riskScore.optional(),
    certifications: F.certifications.default([]),
    diversityFlags: F.diversityFlags.default([]),
    notes: F.notes.optional(),
  }),
  output: SupplierSummary,
  async assess(ctx, input) {
    const existing = await supplierByName(ctx.db, input.name);
    if (existing?.exact)
      throw conflict(purchasingRefusals[ctx.lang].supplierExists(input.name, existing.id), { id: existing.id });
    if (existing)
      throw conflict(purchasingRefusals[ctx.lang].supplierLookalike(input.name, existing.name, existing.id), {
        id: existing.id,
        name: existing.name,
      });
    return {};
  },
  async run(ctx, input) {
    const tenant = await ctx.tenant();
    const embedding = await embedText(supplierText(input));
    const [row] = await ctx.db
      .insert(suppliers)
      .values({ ...input, currency: input.currency ?? tenant.currency, tenantId: ctx.tenantId, embedding })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(purchasingRefusals[ctx.lang].supplierExists(input.name));
    return supplierSummary(row);
  },
  summarize: (s, lang) => (lang === 'fr' ? `Fournisseur ${s.name} créé.` : `Supplier ${s.name} created.`),
});

/** Kept for callers of the first version of this module. */
export const summary = supplierSummary;
