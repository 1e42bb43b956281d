/**
 * Money received or credited on an invoice: the new paid and credited amounts, and the status they
 * imply (settledStatus), written together so the row never says "paid" with a balance or the reverse.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { invoices } from '../../db/schema/index.ts';
import { invalid } from '../errors.ts';
import { assertMove, OPEN_STATUSES, settledStatus, statusWord, type InvoiceStatus } from './model.ts';
import type { InvoiceRow } from './queries.ts';
import type { Lang } from './texts.ts';
import { isoDate } from '../dates.ts';

/** Refuses money on an invoice that is not issued and open, saying what to do instead. */
export function assertOpen(invoice: InvoiceRow, what: 'payment' | 'credit', lang: Lang): void {
  if (invoice.kind !== 'invoice') {
    throw invalid(
      lang === 'fr'
        ? `${invoice.number} est une note de crédit : ${what === 'payment' ? 'un paiement' : 'un crédit'} s'applique à une facture.`
        : `${invoice.number} is a credit note: a ${what} applies to an invoice.`,
    );
  }
  const status = invoice.status as InvoiceStatus;
  if (OPEN_STATUSES.includes(status)) return;
  const advice: Partial<Record<InvoiceStatus, Record<Lang, string>>> = {
    draft: {
      fr: "envoyez-la d'abord (invoicing_send_invoice), ou modifiez le brouillon",
      en: 'send it first (invoicing_send_invoice), or change the draft',
    },
    paid: { fr: 'rien ne reste dû', en: 'nothing is left to pay' },
    cancelled: { fr: 'elle ne compte plus', en: 'it no longer counts' },
  };
  const why = advice[status]?.[lang] ?? '';
  throw invalid(
    lang === 'fr'
      ? `La facture ${invoice.number} est ${statusWord(status, 'fr')} : ${what === 'payment' ? 'aucun paiement' : 'aucune note de crédit'} possible (${why}).`
      : `Invoice ${invoice.number} is ${statusWord(status, 'en')}: no ${what} can be recorded (${why}).`,
    { status },
  );
}

export async function applyMoney(
  tx: Tx,
  invoice: InvoiceRow,
  change: { paidCents?: bigint; creditedCents?: bigint },
  now: Date,
  lang: Lang,
): Promise<InvoiceStatus> {
  const paidCents = invoice.paidCents + (change.paidCents ?? 0n);
  const creditedCents = invoice.creditedCents + (change.creditedCents ?? 0n);
  const from = invoice.status as InvoiceStatus;
  const to = settledStatus({
    totalCents: invoice.totalCents,
    paidCents,
    creditedCents,
    dueDate: invoice.dueDate,
    viewed: invoice.viewedAt !== null,
    today: isoDate(now),
  });
  if (to !== from) assertMove(invoice.number, from, to, lang);
  await tx
    .update(invoices)
    .set({ paidCents, creditedCents, status: to, updatedAt: now })
    .where(eq(invoices.id, invoice.id));
  return to;
}
