/**
 * A client contests an invoice: while the dispute is open the invoice gets no reminder. A person marks
 * it, or the email intake proposes it (as the AI, with the client's reply as evidence) when a client
 * answers a reminder or an invoice saying the invoice is wrong.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inboundEmails, invoiceDisputes } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { invoiceById } from '../invoicing/queries.ts';
import { OPEN_STATUSES, type InvoiceStatus, statusWord } from '../invoicing/model.ts';
import { invoiceIdByNumber, openDispute } from './queries.ts';
import { disputeTexts, refusals } from './texts.ts';

const input = z.object({
  invoiceId: z.string().uuid().optional(),
  invoiceNumber: z.string().min(1).optional().describe('e.g. INV2026-00012; used when invoiceId is not given.'),
  reason: z.string().trim().min(3).max(2000).describe("What the client contests, in the client's or your words."),
  emailId: z.string().uuid().optional().describe('The received email in which the client contests the invoice.'),
});

export const Dispute = z.object({
  id: z.string().uuid(),
  invoiceId: z.string().uuid(),
  invoiceNumber: z.string(),
  source: z.enum(['person', 'email']),
  reason: z.string(),
  emailId: z.string().uuid().nullable(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});

export async function invoiceToDispute(ctx: ToolCtx, request: { invoiceId?: string; invoiceNumber?: string }) {
  let id = request.invoiceId ?? null;
  if (!id) {
    if (!request.invoiceNumber) throw invalid(disputeTexts.which(ctx.lang));
    id = await invoiceIdByNumber(ctx.db, request.invoiceNumber);
    if (!id) throw notFound(refusals.unknownNumber(ctx.lang, request.invoiceNumber));
  }
  return invoiceById(ctx.db, id, true, ctx.lang);
}

export const markDisputed = defineTool({
  name: 'reminders_mark_disputed',
  title: 'Mark an invoice as disputed',
  description:
    'Record that the client contests an invoice (wrong amount, goods not received, not ordered…): no payment ' +
    'reminder goes out for it until the dispute is resolved with reminders_resolve_dispute. Give invoiceId (or ' +
    'invoiceNumber) and the reason; emailId when the client said so by email. An invoice already disputed keeps ' +
    'its open dispute (returned with alreadyOpen). Fails for a draft, paid or cancelled invoice.',
  kind: 'write',
  effect: 'sets',
  risk: 'internal',
  input,
  output: z.object({ dispute: Dispute, alreadyOpen: z.boolean() }),
  async assess(ctx, request) {
    const invoice = await invoiceToDispute(ctx, request);
    if (invoice.kind !== 'invoice') throw invalid(refusals.creditNote(ctx.lang, invoice.number));
    const status = invoice.status as InvoiceStatus;
    if (!OPEN_STATUSES.includes(status))
      throw invalid(disputeTexts.notOpen(ctx.lang, invoice.number, statusWord(status, ctx.lang)), { status });
    if (request.emailId) {
      const [email] = await ctx.db
        .select({ id: inboundEmails.id })
        .from(inboundEmails)
        .where(eq(inboundEmails.id, request.emailId));
      if (!email) throw notFound(disputeTexts.noEmail(ctx.lang, request.emailId));
    }
    return {};
  },
  async run(ctx, request) {
    const invoice = await invoiceToDispute(ctx, request);
    const existing = await openDispute(ctx.db, invoice.id);
    if (existing) return { dispute: disputeOut(existing, invoice.number), alreadyOpen: true };
    const [row] = await ctx.db
      .insert(invoiceDisputes)
      .values({
        tenantId: ctx.tenantId,
        invoiceId: invoice.id,
        source: request.emailId ? 'email' : 'person',
        reason: request.reason,
        emailId: request.emailId ?? null,
        openedBy: ctx.actor.userId,
        openedAt: ctx.now,
      })
      .returning();
    return { dispute: disputeOut(row!, invoice.number), alreadyOpen: false };
  },
  // Undoing the mark removes the dispute it opened (and only that one, while still open): reminders resume.
  async undo(ctx, _request, result) {
    if (result.alreadyOpen) return;
    await ctx.db
      .delete(invoiceDisputes)
      .where(and(eq(invoiceDisputes.id, result.dispute.id), eq(invoiceDisputes.invoiceId, result.dispute.invoiceId)));
  },
  summarize: (out, lang) => disputeTexts.marked(lang, out.dispute.invoiceNumber, out.alreadyOpen),
});

export function disputeOut(row: typeof invoiceDisputes.$inferSelect, invoiceNumber: string) {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    invoiceNumber,
    source: row.source,
    reason: row.reason,
    emailId: row.emailId,
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolution: row.resolution,
  };
}
