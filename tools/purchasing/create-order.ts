import { z } from 'zod';
import { purchaseOrderHistory, purchaseOrderItems, purchaseOrders } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { Quantity, toMinor, formatAmount, DateOf, NonNegativeMoney } from '../money.ts';
import { nextNumber } from '../numbering.ts';
import { amountLevel } from '../actions/policy.ts';
import { documentTotals, taxLinesOf } from '../totals.ts';
import { unitPriceFor } from './model.ts';
import { orderSummary, productById, supplierById } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { purchasingEvidence, purchasingRefusals, STATUS_WORDS } from './texts.ts';
import { companyToday } from '../dates.ts';

const Line = z.object({
  productId: z.string().uuid().optional(),
  description: z.string().trim().min(1).max(500),
  quantity: Quantity,
  unitPrice: NonNegativeMoney.optional().describe(
    "Defaults to the product's price, its bulk price from the product's threshold quantity on.",
  ),
  treatment: z.enum(['taxable', 'exempt', 'zero_rated']).default('taxable'),
});

const input = z.object({
  supplierId: z.string().uuid(),
  lines: z.array(Line).min(1).max(500),
  orderDate: DateOf('document').optional().describe('Defaults to today.'),
  expectedOn: DateOf('due').optional(),
  shipToProvince: z
    .string()
    .length(2)
    .toUpperCase()
    .optional()
    .describe("Delivery province; defaults to the company's."),
  notes: z.string().max(2000).optional(),
});

/** Totals of an order request, in the supplier's currency, taxed at the delivery province. */
async function priced(ctx: ToolCtx, request: z.output<typeof input>) {
  const tenant = await ctx.tenant();
  const supplier = await supplierById(ctx.db, request.supplierId, ctx.lang);
  const say = purchasingRefusals[ctx.lang];
  if (supplier.status === 'blocked') throw invalid(say.supplierBlocked(supplier.name));
  const currency = supplier.currency;
  const on = request.orderDate ?? (await companyToday(ctx));
  const lines = await Promise.all(
    request.lines.map(async (l, i) => {
      if (l.unitPrice !== undefined) return { ...l, unitPriceCents: toMinor(l.unitPrice, currency) };
      if (!l.productId) throw invalid(say.lineWithoutPrice(i + 1));
      const product = await productById(ctx.db, l.productId, ctx.lang);
      if (product.currency !== currency)
        throw invalid(say.lineCurrency(i + 1, product.name, product.currency, currency));
      return { ...l, unitPriceCents: unitPriceFor(product, l.quantity).unitPriceCents };
    }),
  );
  const country = tenant.country === 'FR' ? 'FR' : 'CA';
  const totals = documentTotals({
    country,
    region: request.shipToProvince ?? tenant.province,
    on,
    currency,
    lines,
    lang: ctx.lang,
  });
  return { tenant, supplier, currency, on, lines, ...totals };
}

export const createOrder = defineTool({
  name: 'purchasing_create_order',
  title: 'Create a purchase order',
  description:
    'Draft a purchase order for one supplier (find its id with purchasing_find_suppliers). Amounts are ' +
    'decimal strings in the supplier currency ("1250.00"), quantities decimal strings ("10"). Taxes are ' +
    'computed from the delivery province and the order date. Returns the order number, totals and status ' +
    '"draft"; submit it with purchasing_submit_order for approval.',
  kind: 'write',
  risk: 'draft',
  effect: 'adds',
  input,
  output: OrderSummary,
  async assess(ctx, request) {
    const order = await priced(ctx, request);
    return {
      amount: { cents: order.breakdown.total, currency: order.currency },
      evidence: [
        {
          factor: 'supplier_exact',
          weight: 0.2,
          detail: purchasingEvidence[ctx.lang].supplierById(order.supplier.name),
        },
      ],
      prepared: order,
    };
  },
  async run(ctx, request, prepared) {
    const { tenant, supplier, currency, on, lines, lineTotals, breakdown } = prepared ?? (await priced(ctx, request));
    const number = await nextNumber(ctx.db, ctx.tenantId, 'PO', on);
    const level = amountLevel(breakdown.total, [
      tenant.approvalLevel1Cents,
      tenant.approvalLevel2Cents,
      tenant.approvalLevel3Cents,
    ]);
    const [order] = await ctx.db
      .insert(purchaseOrders)
      .values({
        tenantId: ctx.tenantId,
        number,
        supplierId: supplier.id,
        currency,
        orderDate: on,
        expectedOn: request.expectedOn,
        shipToProvince: request.shipToProvince ?? tenant.province,
        subtotalCents: breakdown.subtotal,
        taxCents: breakdown.totalTax,
        totalCents: breakdown.total,
        taxBreakdown: taxLinesOf(breakdown),
        approvalLevel: level,
        notes: request.notes,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await ctx.db.insert(purchaseOrderItems).values(
      lines.map((l, i) => ({
        tenantId: ctx.tenantId,
        orderId: order!.id,
        position: i + 1,
        productId: l.productId,
        description: l.description,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        lineTotalCents: lineTotals[i]!,
        taxTreatment: l.treatment,
      })),
    );
    await ctx.db.insert(purchaseOrderHistory).values({
      tenantId: ctx.tenantId,
      orderId: order!.id,
      toStatus: 'draft',
      actorId: ctx.actor.userId,
      at: ctx.now,
    });
    return orderSummary(ctx.db, order!.id, ctx.lang);
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Bon de commande ${o.number} (${o.supplier.name}) : total ${formatAmount(o.total, o.currency, lang)}, statut ${STATUS_WORDS[o.status].fr}.`
      : `Purchase order ${o.number} (${o.supplier.name}): total ${formatAmount(o.total, o.currency, lang)}, status ${STATUS_WORDS[o.status].en}.`,
});
