import { createHash } from 'node:crypto';
import { z } from 'zod';
import { documents, outboxEmails } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { formatMoney } from '../money.ts';
import { renderOrderPdf } from './order-pdf.ts';
import { orderById, orderSummary, supplierById } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { orderEmail, purchasingEvidence, purchasingRefusals } from './texts.ts';
import { checkMove, moveOrder } from './transition.ts';

const input = z.object({
  orderId: z.string().uuid(),
  to: z.string().email().optional().describe("Recipient; defaults to the supplier's email."),
  message: z.string().max(2000).optional().describe('A sentence added to the email.'),
});

async function recipient(ctx: ToolCtx, request: z.output<typeof input>) {
  const order = await orderById(ctx.db, request.orderId, ctx.lang);
  checkMove(ctx, order, 'sent');
  const supplier = await supplierById(ctx.db, order.supplierId, ctx.lang);
  const to = request.to ?? supplier.email;
  if (!to) throw invalid(purchasingRefusals[ctx.lang].noSupplierEmail(supplier.name));
  return { order, supplier, to };
}

export const sendOrder = defineTool({
  name: 'purchasing_send_order',
  title: 'Send a purchase order to the supplier',
  description:
    "Email an approved purchase order to the supplier as a PDF in the company's language. The PDF is kept " +
    'as a document and the email goes through the outbox. The order becomes "sent". Only approved orders ' +
    'can be sent (submit drafts with purchasing_submit_order first).',
  kind: 'write',
  risk: 'external',
  effect: 'sets',
  openWorld: true,
  input,
  output: OrderSummary.extend({ documentId: z.string().uuid(), emailId: z.string().uuid(), to: z.string() }),
  async assess(ctx, request) {
    const { order, supplier, to } = await recipient(ctx, request);
    const known = to.toLowerCase() === supplier.email?.toLowerCase();
    return {
      amount: { cents: order.totalCents, currency: order.currency },
      evidence: [
        known
          ? {
              factor: 'recipient_on_file',
              weight: 0.2,
              detail: purchasingEvidence[ctx.lang].recipientOnFile(to, supplier.name),
            }
          : {
              factor: 'recipient_not_on_file',
              weight: -0.2,
              detail: purchasingEvidence[ctx.lang].recipientNotOnFile(to, supplier.name, supplier.email),
            },
      ],
    };
  },
  async run(ctx, request) {
    const { order: unlocked, supplier, to } = await recipient(ctx, request);
    const order = await orderById(ctx.db, unlocked.id, ctx.lang, true);
    checkMove(ctx, order, 'sent');
    const tenant = await ctx.tenant();
    const lang = tenant.language;
    const summary = await orderSummary(ctx.db, order.id, ctx.lang);
    const pdf = await renderOrderPdf({
      tenant,
      supplier,
      order: { ...summary, shipToProvince: order.shipToProvince, notes: order.notes },
      lang,
      createdAt: ctx.now,
    });
    const filename = `${order.number}.pdf`;
    const [document] = await ctx.db
      .insert(documents)
      .values({
        tenantId: ctx.tenantId,
        filename,
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        content: pdf,
        source: 'generated',
        status: 'booked',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: documents.id });
    const mail = orderEmail(lang, {
      number: order.number,
      company: tenant.name,
      total: formatMoney(order.totalCents, order.currency, lang === 'fr' ? 'fr-CA' : 'en-CA'),
      expectedOn: order.expectedOn,
      message: request.message,
    });
    const [email] = await ctx.db
      .insert(outboxEmails)
      .values({
        tenantId: ctx.tenantId,
        to,
        subject: mail.subject,
        text: mail.text,
        attachments: [{ filename, contentType: 'application/pdf', documentId: document!.id }],
        relatedType: 'purchase_order',
        relatedId: order.id,
        createdAt: ctx.now,
      })
      .returning({ id: outboxEmails.id });
    await moveOrder(ctx, order, 'sent', `to ${to}`);
    return { ...(await orderSummary(ctx.db, order.id, ctx.lang)), documentId: document!.id, emailId: email!.id, to };
  },
  summarize: (o, lang) =>
    lang === 'fr' ? `Bon de commande ${o.number} envoyé à ${o.to}.` : `Purchase order ${o.number} sent to ${o.to}.`,
});
