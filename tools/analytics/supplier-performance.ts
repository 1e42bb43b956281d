import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { supplierBills, suppliers } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { fromMinor, DateOf } from '../money.ts';
import { supplierPerformance } from '../purchasing/model.ts';
import { deliveryHistory } from '../purchasing/performance.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { companyToday } from '../dates.ts';

export const supplierScorecard = defineTool({
  name: 'analytics_supplier_performance',
  title: 'Supplier performance',
  description:
    'A scorecard per supplier: on-time delivery score 0–100 (100 × mean share of each due order received by its ' +
    'expected date), due/on-time/late orders, average days late, rating, risk, and total billed. Worst score first.',
  kind: 'read',
  input: z.object({ asOf: DateOf('report').optional(), limit: z.number().int().min(1).max(500).default(50) }),
  output: z.object({
    asOf: z.string(),
    suppliers: z.array(
      z.object({
        id: z.string().uuid(),
        name: z.string(),
        score: z.number().int().nullable(),
        dueOrders: z.number().int(),
        onTimeOrders: z.number().int(),
        lateOrders: z.number().int(),
        averageDaysLate: z.number(),
        rating: z.number().int().nullable(),
        riskScore: z.number().int().nullable(),
        billed: z.string(),
        currency: z.string(),
      }),
    ),
  }),
  async run(ctx, input) {
    const asOf = input.asOf ?? (await companyToday(ctx));
    const list = await ctx.db
      .select({
        id: suppliers.id,
        name: suppliers.name,
        rating: suppliers.rating,
        riskScore: suppliers.riskScore,
        currency: suppliers.currency,
        billed: sql<string>`coalesce(sum(${supplierBills.totalCents}) filter (where ${supplierBills.status} <> 'cancelled'), 0)`,
      })
      .from(suppliers)
      .leftJoin(supplierBills, tenantJoin(supplierBills.supplierId, suppliers.id))
      // The key is (tenant_id, id): grouping by it lets the other supplier columns be selected.
      .groupBy(suppliers.tenantId, suppliers.id);
    const rows = [];
    for (const s of list) {
      const p = supplierPerformance(await deliveryHistory(ctx.db, s.id), asOf);
      rows.push({
        id: s.id,
        name: s.name,
        ...p,
        rating: s.rating,
        riskScore: s.riskScore,
        billed: fromMinor(BigInt(s.billed), s.currency),
        currency: s.currency,
      });
    }
    // Worst first: people open this to find who to talk to. Unscored suppliers go last.
    rows.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.name.localeCompare(b.name));
    return { asOf, suppliers: rows.slice(0, input.limit) };
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Performance de ${o.suppliers.length} fournisseur(s).`
      : `Performance of ${o.suppliers.length} supplier(s).`,
});
