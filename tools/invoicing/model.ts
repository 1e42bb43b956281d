/**
 * Pure rules of sales invoices: which status may follow which, what status the money on an invoice
 * implies, due dates from terms, recurring periods, how much may still be paid or credited, and
 * where a client's sales tax is due. No I/O: the tools apply these rules inside a transaction.
 */
import { invalid, type AppError } from '../errors.ts';
import { isIsoDate } from '../money.ts';
import type { TaxCountry } from '../tax/index.ts';
import { addDays } from '../dates.ts';

export const INVOICE_STATUSES = ['draft', 'sent', 'viewed', 'partially_paid', 'paid', 'overdue', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const PAYMENT_METHODS = ['interac', 'wire', 'cheque', 'cash', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

type Lang = 'fr' | 'en';

/**
 * The lifecycle: draft → sent → viewed → partially paid → paid, overdue once past due with a balance,
 * or cancelled before any money moved. Paid and cancelled are final: a mistake on an issued invoice
 * is corrected with a credit note, which keeps the numbered document the client received intact.
 * A partial payment on an overdue invoice leaves it overdue (it is still late).
 */
const NEXT: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['viewed', 'partially_paid', 'paid', 'overdue', 'cancelled'],
  viewed: ['partially_paid', 'paid', 'overdue', 'cancelled'],
  partially_paid: ['paid', 'overdue'],
  overdue: ['paid', 'cancelled'],
  paid: [],
  cancelled: [],
};

export const canMove = (from: InvoiceStatus, to: InvoiceStatus): boolean => NEXT[from].includes(to);
export const nextStatuses = (from: InvoiceStatus): readonly InvoiceStatus[] => NEXT[from];

const STATUS_WORDS: Record<InvoiceStatus, Record<Lang, string>> = {
  draft: { fr: 'brouillon', en: 'draft' },
  sent: { fr: 'envoyée', en: 'sent' },
  viewed: { fr: 'consultée', en: 'viewed' },
  partially_paid: { fr: 'partiellement payée', en: 'partially paid' },
  paid: { fr: 'payée', en: 'paid' },
  overdue: { fr: 'en retard', en: 'overdue' },
  cancelled: { fr: 'annulée', en: 'cancelled' },
};

export const statusWord = (status: InvoiceStatus, lang: Lang): string => STATUS_WORDS[status][lang];

/** What a person can do instead, for each final or blocking status. */
const INSTEAD: Partial<Record<InvoiceStatus, Record<Lang, string>>> = {
  paid: {
    fr: 'Pour la corriger, émettez une note de crédit (invoicing_create_credit_note).',
    en: 'To correct it, issue a credit note (invoicing_create_credit_note).',
  },
  cancelled: { fr: 'Créez une nouvelle facture au besoin.', en: 'Create a new invoice if needed.' },
  partially_paid: {
    fr: 'Elle a reçu un paiement : émettez une note de crédit pour le solde (invoicing_create_credit_note).',
    en: 'It has received a payment: issue a credit note for the balance (invoicing_create_credit_note).',
  },
};

/**
 * The error for a refused move, saying what the invoice is, what may follow, and what to do instead.
 * @example transitionError('INV2026-00001', 'paid', 'cancelled', 'en').message
 * // "Invoice INV2026-00001 is paid: it cannot become cancelled (paid is final). To correct it, issue a credit note (invoicing_create_credit_note)."
 */
export function transitionError(number: string, from: InvoiceStatus, to: InvoiceStatus, lang: Lang): AppError {
  const allowed = NEXT[from].map((s) => statusWord(s, lang));
  const instead = INSTEAD[from]?.[lang];
  const message =
    lang === 'fr'
      ? `La facture ${number} est ${statusWord(from, 'fr')} : elle ne peut pas devenir ${statusWord(to, 'fr')} (${allowed.length ? `suivants possibles : ${allowed.join(', ')}` : `${statusWord(from, 'fr')} est définitif`}).`
      : `Invoice ${number} is ${statusWord(from, 'en')}: it cannot become ${statusWord(to, 'en')} (${allowed.length ? `it may become ${allowed.join(', ')}` : `${statusWord(from, 'en')} is final`}).`;
  return invalid(instead ? `${message} ${instead}` : message, { number, from, to, allowed: NEXT[from] });
}

/** Throws the clear error unless `from → to` is in the lifecycle. */
export function assertMove(number: string, from: InvoiceStatus, to: InvoiceStatus, lang: Lang): void {
  if (!canMove(from, to)) throw transitionError(number, from, to, lang);
}

/** What the client still owes: never below zero in practice, since overpayment and over-crediting are refused. */
export const balanceOf = (invoice: { totalCents: bigint; paidCents: bigint; creditedCents: bigint }): bigint =>
  invoice.totalCents - invoice.paidCents - invoice.creditedCents;

/**
 * The status the money on an issued invoice implies: paid once nothing is owed (payments and credit
 * notes together), overdue while something is owed after the due date, partially paid when part is
 * settled, otherwise sent or viewed as before. Dates are YYYY-MM-DD, so they compare as text.
 */
export function settledStatus(invoice: {
  totalCents: bigint;
  paidCents: bigint;
  creditedCents: bigint;
  dueDate: string;
  viewed: boolean;
  today: string;
}): InvoiceStatus {
  if (balanceOf(invoice) <= 0n) return 'paid';
  if (invoice.dueDate < invoice.today) return 'overdue';
  if (invoice.paidCents + invoice.creditedCents > 0n) return 'partially_paid';
  return invoice.viewed ? 'viewed' : 'sent';
}

/** Statuses in which money can be received or credited: issued and not yet settled. */
export const OPEN_STATUSES: readonly InvoiceStatus[] = ['sent', 'viewed', 'partially_paid', 'overdue'];

function utcDate(iso: string): Date {
  if (!isIsoDate(iso))
    throw invalid(`Invalid date '${iso}': expected a real date written YYYY-MM-DD, e.g. "2026-04-01".`);
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * The day payment is due: the issue date plus the client's terms in days (net 30 by default).
 * @example dueDateFor('2026-01-31', 30) // "2026-03-02"
 */
export function dueDateFor(issueDate: string, termsDays: number): string {
  if (!Number.isInteger(termsDays) || termsDays < 0)
    throw invalid(`Invalid payment terms '${termsDays}': expected a whole number of days, 0 or more.`);
  utcDate(issueDate); // refuses a date that is not on the calendar
  return addDays(issueDate, termsDays);
}

const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const daysIn = (year: number, monthIndex: number): number => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/**
 * The period after `period` for a schedule anchored on day `anchorDay` of the month (the day of its
 * start date). Months without that day use their last day, and the next period goes back to the
 * anchor: a schedule started on Jan 31 bills Feb 28, then Mar 31, never drifting to the 28th.
 * @example nextPeriod('2026-01-31', 'monthly', 31) // "2026-02-28"
 * @example nextPeriod('2026-02-28', 'monthly', 31) // "2026-03-31"
 */
export function nextPeriod(
  period: string,
  frequency: Frequency,
  anchorDay: number = Number(period.slice(8, 10)),
): string {
  const date = utcDate(period);
  if (!Number.isInteger(anchorDay) || anchorDay < 1 || anchorDay > 31)
    throw invalid(`Invalid anchor day '${anchorDay}': expected 1 to 31.`);
  const months = date.getUTCMonth() + MONTHS[frequency];
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = months % 12;
  const day = Math.min(anchorDay, daysIn(year, month));
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/**
 * The periods a schedule owes on `today`, oldest first: from `nextOn` while not after today nor after
 * `endOn`. A job that did not run for three months catches up with three invoices, each for its period.
 */
export function duePeriods(
  schedule: { nextOn: string; endOn: string | null; frequency: Frequency; anchorDay: number },
  today: string,
  max = 36,
): string[] {
  const periods: string[] = [];
  let period = schedule.nextOn;
  while (period <= today && (schedule.endOn === null || period <= schedule.endOn) && periods.length < max) {
    periods.push(period);
    period = nextPeriod(period, schedule.frequency, schedule.anchorDay);
  }
  return periods;
}

/**
 * Refuses a payment that is not positive or exceeds what is owed: an overpayment is almost always a
 * typo or a payment meant for another invoice, and accepting it would hide the client's credit.
 * `format` writes amounts for the reader (formatMoney in the invoice currency and client's locale).
 */
export function checkPayment(
  amountCents: bigint,
  balanceCents: bigint,
  number: string,
  lang: Lang,
  format: (cents: bigint) => string,
): void {
  if (amountCents <= 0n) {
    throw invalid(
      lang === 'fr'
        ? `Un paiement doit être positif (reçu : ${format(amountCents)}).`
        : `A payment must be positive (got ${format(amountCents)}).`,
    );
  }
  if (amountCents > balanceCents) {
    throw invalid(
      lang === 'fr'
        ? `Paiement refusé : ${format(amountCents)} dépasse le solde de ${format(balanceCents)} de la facture ${number}. Vérifiez le montant, ou la facture à laquelle il se rapporte.`
        : `Payment refused: ${format(amountCents)} exceeds the ${format(balanceCents)} balance of invoice ${number}. Check the amount, or which invoice it belongs to.`,
      { amount: format(amountCents), balance: format(balanceCents) },
    );
  }
}

/**
 * A credit note reverses part of an invoice; together, an invoice's credit notes cannot exceed what
 * is still owed on it (refunding money already received is not modelled: it would need a payment out).
 */
export function checkCredit(
  creditCents: bigint,
  balanceCents: bigint,
  number: string,
  lang: Lang,
  format: (cents: bigint) => string,
): void {
  if (creditCents <= 0n) {
    throw invalid(
      lang === 'fr'
        ? `Une note de crédit doit avoir un montant positif (reçu : ${format(creditCents)}).`
        : `A credit note must have a positive amount (got ${format(creditCents)}).`,
    );
  }
  if (creditCents > balanceCents) {
    throw invalid(
      lang === 'fr'
        ? `Note de crédit refusée : ${format(creditCents)} dépasse ce qui reste créditable sur la facture ${number} (${format(balanceCents)}).`
        : `Credit note refused: ${format(creditCents)} exceeds what remains creditable on invoice ${number} (${format(balanceCents)}).`,
      { credit: format(creditCents), creditable: format(balanceCents) },
    );
  }
}

/**
 * Where a client's sales tax is due. Canada: the client's province is the place of supply (Excise Tax
 * Act Sched. IX, for services and goods delivered to the client's address). France: French VAT by the
 * rate class of each line. Other countries are refused rather than guessed (exports are zero-rated in
 * Canada only under conditions Comptoir does not check).
 */
export function taxPlaceOf(
  client: { name: string; country: string; province: string | null },
  lang: Lang,
): { country: TaxCountry; region?: string } {
  if (client.country === 'CA') {
    if (!client.province) {
      throw invalid(
        lang === 'fr'
          ? `Le client ${client.name} n'a pas de province : elle détermine les taxes (lieu de fourniture). Ajoutez-la avec invoicing_update_client.`
          : `Client ${client.name} has no province: it sets the sales tax (place of supply). Add it with invoicing_update_client.`,
      );
    }
    return { country: 'CA', region: client.province };
  }
  if (client.country === 'FR') return { country: 'FR' };
  throw invalid(
    lang === 'fr'
      ? `Le client ${client.name} est dans le pays ${client.country} : Comptoir calcule les taxes pour des clients au Canada ou en France seulement.`
      : `Client ${client.name} is in country ${client.country}: Comptoir computes sales tax for clients in Canada or France only.`,
    { country: client.country },
  );
}

/**
 * Whether a new amount would take the client over their credit limit, counting what they already owe.
 * A null limit means none was set.
 */
export function overCreditLimit(limitCents: bigint | null, owedCents: bigint, newCents: bigint): boolean {
  return limitCents !== null && owedCents + newCents > limitCents;
}
