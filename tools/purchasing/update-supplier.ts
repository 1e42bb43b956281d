import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { suppliers } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { embedText } from '../embeddings/embedder.ts';
import { conflict, invalid } from '../errors.ts';
import { supplierById, supplierByName } from './queries.ts';
import { SupplierFields, supplierSummary, supplierText } from './supplier-fields.ts';
import { SupplierSummary } from './schemas.ts';
import { purchasingEvidence, purchasingRefusals } from './texts.ts';

const F = SupplierFields;
/** null clears an optional field; an absent key leaves it as it is. */
const clearable = <T extends z.ZodType>(field: T) => field.nullable().optional();

const input = z.object({
  supplierId: z.string().uuid(),
  name: F.name.optional(),
  legalName: clearable(F.legalName),
  status: z
    .enum(['active', 'pending', 'inactive', 'blocked'])
    .optional()
    .describe('"blocked" refuses new orders and bills.'),
  email: clearable(F.email),
  phone: clearable(F.phone),
  province: clearable(F.province),
  country: F.country.optional(),
  currency: F.currency.optional(),
  gstNumber: clearable(F.gstNumber),
  qstNumber: clearable(F.qstNumber),
  vatNumber: clearable(F.vatNumber),
  siren: clearable(F.siren),
  paymentTermsDays: F.paymentTermsDays.optional(),
  rating: clearable(F.rating),
  riskScore: clearable(F.riskScore),
  certifications: F.certifications.optional(),
  diversityFlags: F.diversityFlags.optional(),
  notes: clearable(F.notes),
});

async function checkChange(ctx: ToolCtx, request: z.output<typeof input>) {
  const { supplierId, ...changes } = request;
  const supplier = await supplierById(ctx.db, supplierId, ctx.lang);
  if (Object.values(changes).every((v) => v === undefined)) throw invalid(purchasingRefusals[ctx.lang].nothingToChange);
  if (changes.name && changes.name !== supplier.name) {
    const other = await supplierByName(ctx.db, changes.name, supplierId);
    if (other?.exact)
      throw conflict(purchasingRefusals[ctx.lang].supplierNameTaken(changes.name, other.id), { id: other.id });
    if (other)
      throw conflict(purchasingRefusals[ctx.lang].supplierLookalike(changes.name, other.name, other.id), {
        id: other.id,
        name: other.name,
      });
  }
  return { supplier, changes };
}

export const updateSupplier = defineTool({
  name: 'purchasing_update_supplier',
  title: 'Update a supplier',
  description:
    'Change a supplier: name, status (active, pending, inactive, blocked), contact, tax numbers, payment ' +
    'terms, rating (1–5), risk (0–100), certifications, diversity flags, notes. Only the fields given change; ' +
    'null clears an optional field. The performance score is computed from deliveries and cannot be set.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  input,
  output: SupplierSummary,
  async assess(ctx, request) {
    const { supplier } = await checkChange(ctx, request);
    return {
      evidence: [
        { factor: 'supplier_exact', weight: 0.2, detail: purchasingEvidence[ctx.lang].supplierById(supplier.name) },
      ],
    };
  },
  async run(ctx, request) {
    const { supplier, changes } = await checkChange(ctx, request);
    const renamed =
      (changes.name !== undefined && changes.name !== supplier.name) ||
      (changes.legalName !== undefined && changes.legalName !== supplier.legalName);
    const next = {
      name: changes.name ?? supplier.name,
      legalName: changes.legalName === undefined ? supplier.legalName : changes.legalName,
    };
    const embedding = renamed ? await embedText(supplierText(next)) : undefined;
    const [row] = await ctx.db
      .update(suppliers)
      .set({ ...changes, ...(renamed ? { embedding } : {}), updatedAt: ctx.now })
      .where(eq(suppliers.id, supplier.id))
      .returning();
    return supplierSummary(row!);
  },
  summarize: (s, lang) => (lang === 'fr' ? `Fournisseur ${s.name} mis à jour.` : `Supplier ${s.name} updated.`),
});
