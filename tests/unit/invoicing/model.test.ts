// Pure rules of invoices. Every expected value is written out by hand, never recomputed.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/errors.ts';
import { fromMinor } from '../../../tools/money.ts';
import {
  canMove,
  checkCredit,
  checkPayment,
  dueDateFor,
  duePeriods,
  INVOICE_STATUSES,
  nextPeriod,
  overCreditLimit,
  settledStatus,
  taxPlaceOf,
  transitionError,
  type InvoiceStatus,
} from '../../../tools/invoicing/model.ts';
import { formatRate, localeOf, taxLineLabel } from '../../../tools/invoicing/texts.ts';

const cad = (cents: bigint) => fromMinor(cents, 'CAD');

describe('the lifecycle table', () => {
  // Every pair written out: a new arrow in the table fails here until someone decides it on purpose.
  const allowed: Record<InvoiceStatus, InvoiceStatus[]> = {
    draft: ['sent', 'cancelled'],
    sent: ['viewed', 'partially_paid', 'paid', 'overdue', 'cancelled'],
    viewed: ['partially_paid', 'paid', 'overdue', 'cancelled'],
    partially_paid: ['paid', 'overdue'],
    overdue: ['paid', 'cancelled'],
    paid: [],
    cancelled: [],
  };
  const pairs = INVOICE_STATUSES.flatMap((from) =>
    INVOICE_STATUSES.map((to) => ({ from, to, ok: allowed[from].includes(to) })),
  );

  it.each(pairs)('$from → $to: $ok', ({ from, to, ok }) => {
    expect(canMove(from, to)).toBe(ok);
  });

  it.each([
    {
      from: 'paid' as const,
      to: 'cancelled' as const,
      lang: 'en' as const,
      message:
        'Invoice INV2026-00007 is paid: it cannot become cancelled (paid is final). To correct it, issue a credit note (invoicing_create_credit_note).',
    },
    {
      from: 'paid' as const,
      to: 'cancelled' as const,
      lang: 'fr' as const,
      message:
        'La facture INV2026-00007 est payée : elle ne peut pas devenir annulée (payée est définitif). Pour la corriger, émettez une note de crédit (invoicing_create_credit_note).',
    },
    {
      from: 'draft' as const,
      to: 'paid' as const,
      lang: 'en' as const,
      message: 'Invoice INV2026-00007 is draft: it cannot become paid (it may become sent, cancelled).',
    },
    {
      from: 'sent' as const,
      to: 'sent' as const,
      lang: 'fr' as const,
      message:
        'La facture INV2026-00007 est envoyée : elle ne peut pas devenir envoyée (suivants possibles : consultée, partiellement payée, payée, en retard, annulée).',
    },
  ])('refuses $from → $to with a message that says what to do ($lang)', ({ from, to, lang, message }) => {
    const error = transitionError('INV2026-00007', from, to, lang);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('invalid');
    expect(error.message).toBe(message);
  });
});

describe('settledStatus: what the money on an issued invoice says', () => {
  const base = {
    totalCents: 11498n,
    paidCents: 0n,
    creditedCents: 0n,
    dueDate: '2026-04-01',
    viewed: false,
    today: '2026-03-15',
  };
  it.each([
    { name: 'nothing received, not viewed', change: {}, expected: 'sent' },
    { name: 'nothing received, viewed', change: { viewed: true }, expected: 'viewed' },
    { name: 'part paid', change: { paidCents: 5000n }, expected: 'partially_paid' },
    { name: 'part credited', change: { creditedCents: 1000n }, expected: 'partially_paid' },
    { name: 'paid in full', change: { paidCents: 11498n }, expected: 'paid' },
    { name: 'paid and credited to zero', change: { paidCents: 10000n, creditedCents: 1498n }, expected: 'paid' },
    { name: 'credited in full', change: { creditedCents: 11498n }, expected: 'paid' },
    { name: 'due today is not yet late', change: { today: '2026-04-01' }, expected: 'sent' },
    { name: 'past due with a balance', change: { today: '2026-04-02' }, expected: 'overdue' },
    { name: 'past due, part paid: still late', change: { today: '2026-04-02', paidCents: 5000n }, expected: 'overdue' },
    { name: 'past due, paid in full', change: { today: '2026-04-02', paidCents: 11498n }, expected: 'paid' },
  ])('$name → $expected', ({ change, expected }) => {
    expect(settledStatus({ ...base, ...change })).toBe(expected);
  });
});

describe('due dates from terms', () => {
  it.each([
    { issued: '2026-03-02', terms: 30, due: '2026-04-01' },
    { issued: '2026-01-31', terms: 30, due: '2026-03-02' },
    { issued: '2024-02-15', terms: 15, due: '2024-03-01' },
    { issued: '2025-02-15', terms: 15, due: '2025-03-02' },
    { issued: '2026-12-15', terms: 45, due: '2027-01-29' },
    { issued: '2026-05-10', terms: 0, due: '2026-05-10' },
  ])('$issued net $terms → $due', ({ issued, terms, due }) => {
    expect(dueDateFor(issued, terms)).toBe(due);
  });

  it('refuses negative terms and impossible dates', () => {
    expect(() => dueDateFor('2026-01-01', -1)).toThrow(/whole number of days/);
    expect(() => dueDateFor('2025-02-29', 30)).toThrow(/real date/);
  });
});

describe('nextPeriod', () => {
  it.each([
    { period: '2026-01-15', frequency: 'monthly' as const, anchor: 15, next: '2026-02-15' },
    { period: '2026-12-15', frequency: 'monthly' as const, anchor: 15, next: '2027-01-15' },
    { period: '2026-01-31', frequency: 'monthly' as const, anchor: 31, next: '2026-02-28' },
    { period: '2026-02-28', frequency: 'monthly' as const, anchor: 31, next: '2026-03-31' },
    { period: '2026-03-31', frequency: 'monthly' as const, anchor: 31, next: '2026-04-30' },
    { period: '2024-01-30', frequency: 'monthly' as const, anchor: 30, next: '2024-02-29' },
    { period: '2026-01-01', frequency: 'quarterly' as const, anchor: 1, next: '2026-04-01' },
    { period: '2026-11-30', frequency: 'quarterly' as const, anchor: 30, next: '2027-02-28' },
    { period: '2026-02-28', frequency: 'quarterly' as const, anchor: 30, next: '2026-05-30' },
    { period: '2024-02-29', frequency: 'yearly' as const, anchor: 29, next: '2025-02-28' },
    { period: '2025-02-28', frequency: 'yearly' as const, anchor: 29, next: '2026-02-28' },
    { period: '2027-02-28', frequency: 'yearly' as const, anchor: 29, next: '2028-02-29' },
  ])('$period $frequency (day $anchor) → $next', ({ period, frequency, anchor, next }) => {
    expect(nextPeriod(period, frequency, anchor)).toBe(next);
  });

  it('defaults the anchor to the day of the period', () => {
    expect(nextPeriod('2026-05-20', 'monthly')).toBe('2026-06-20');
  });

  it.each([
    {
      name: 'three missed months, caught up in order',
      schedule: { nextOn: '2026-01-31', endOn: null },
      today: '2026-04-15',
      periods: ['2026-01-31', '2026-02-28', '2026-03-31'],
    },
    { name: 'nothing due yet', schedule: { nextOn: '2026-05-31', endOn: null }, today: '2026-04-15', periods: [] },
    {
      name: 'due today',
      schedule: { nextOn: '2026-04-15', endOn: null },
      today: '2026-04-15',
      periods: ['2026-04-15'],
    },
    {
      name: 'stops at the end date',
      schedule: { nextOn: '2026-01-31', endOn: '2026-02-28' },
      today: '2026-06-01',
      periods: ['2026-01-31', '2026-02-28'],
    },
  ])('duePeriods: $name', ({ schedule, today, periods }) => {
    expect(duePeriods({ ...schedule, frequency: 'monthly', anchorDay: 31 }, today)).toEqual(periods);
  });
});

describe('payments and credits against the balance', () => {
  it.each([
    { amount: 5000n, balance: 11498n, ok: true },
    { amount: 11498n, balance: 11498n, ok: true },
    {
      amount: 11499n,
      balance: 11498n,
      ok: false,
      message:
        'Payment refused: 114.99 exceeds the 114.98 balance of invoice INV2026-00001. Check the amount, or which invoice it belongs to.',
    },
    { amount: 0n, balance: 11498n, ok: false, message: 'A payment must be positive (got 0.00).' },
    { amount: -100n, balance: 11498n, ok: false, message: 'A payment must be positive (got -1.00).' },
  ])('payment $amount on balance $balance: $ok', ({ amount, balance, ok, message }) => {
    const attempt = () => checkPayment(amount, balance, 'INV2026-00001', 'en', cad);
    if (ok) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(message);
  });

  it('says an overpayment in French for a French reader', () => {
    expect(() => checkPayment(200n, 100n, 'INV2026-00002', 'fr', cad)).toThrow(
      'Paiement refusé : 2.00 dépasse le solde de 1.00 de la facture INV2026-00002. Vérifiez le montant, ou la facture à laquelle il se rapporte.',
    );
  });

  it.each([
    { credit: 2000n, creditable: 2000n, ok: true },
    {
      credit: 2001n,
      creditable: 2000n,
      ok: false,
      message: 'Credit note refused: 20.01 exceeds what remains creditable on invoice INV2026-00003 (20.00).',
    },
    { credit: 0n, creditable: 2000n, ok: false, message: 'A credit note must have a positive amount (got 0.00).' },
  ])('credit $credit of $creditable: $ok', ({ credit, creditable, ok, message }) => {
    const attempt = () => checkCredit(credit, creditable, 'INV2026-00003', 'en', cad);
    if (ok) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(message);
  });

  it.each([
    { limit: null, owed: 1_000_000n, adding: 1n, over: false },
    { limit: 100_000n, owed: 60_000n, adding: 40_000n, over: false },
    { limit: 100_000n, owed: 60_000n, adding: 40_001n, over: true },
    { limit: 0n, owed: 0n, adding: 1n, over: true },
  ])('credit limit $limit, owed $owed, adding $adding: over $over', ({ limit, owed, adding, over }) => {
    expect(overCreditLimit(limit, owed, adding)).toBe(over);
  });
});

describe('place of supply', () => {
  it.each([
    { client: { name: 'Café Olimpico', country: 'CA', province: 'QC' }, place: { country: 'CA', region: 'QC' } },
    { client: { name: 'Atlantic Fisheries', country: 'CA', province: 'NS' }, place: { country: 'CA', region: 'NS' } },
    { client: { name: 'Boulangerie Lyon', country: 'FR', province: null }, place: { country: 'FR' } },
  ])('$client.name → $place', ({ client, place }) => {
    expect(taxPlaceOf(client, 'en')).toEqual(place);
  });

  it.each([
    {
      client: { name: 'Sans Province', country: 'CA', province: null },
      message:
        'Client Sans Province has no province: it sets the sales tax (place of supply). Add it with invoicing_update_client.',
    },
    {
      client: { name: 'Acme Corp', country: 'US', province: null },
      message: 'Client Acme Corp is in country US: Comptoir computes sales tax for clients in Canada or France only.',
    },
  ])('refuses $client.name', ({ client, message }) => {
    expect(() => taxPlaceOf(client, 'en')).toThrow(message);
  });
});

describe('how rates and amounts are written for the reader', () => {
  it.each([
    { rate: '0.05', lang: 'fr' as const, text: '5\u00a0%' },
    { rate: '0.09975', lang: 'fr' as const, text: '9,975\u00a0%' },
    { rate: '0.09975', lang: 'en' as const, text: '9.975%' },
    { rate: '0.055', lang: 'fr' as const, text: '5,5\u00a0%' },
    { rate: '0.13', lang: 'en' as const, text: '13%' },
    { rate: '0.2', lang: 'en' as const, text: '20%' },
  ])('$rate in $lang → $text', ({ rate, lang, text }) => {
    expect(formatRate(rate, lang)).toBe(text);
  });

  it.each([
    { labels: { fr: 'TPS', en: 'GST' }, rate: '0.05', lang: 'fr' as const, text: 'TPS (5\u00a0%)' },
    { labels: { fr: 'TVQ', en: 'QST' }, rate: '0.09975', lang: 'en' as const, text: 'QST (9.975%)' },
    { labels: { fr: 'TVA 20\u00a0%', en: 'VAT 20%' }, rate: '0.20', lang: 'fr' as const, text: 'TVA 20\u00a0%' },
  ])('tax line $text', ({ labels, rate, lang, text }) => {
    expect(taxLineLabel(labels, rate, lang)).toBe(text);
  });

  it.each([
    { lang: 'fr' as const, country: 'CA', locale: 'fr-CA' },
    { lang: 'fr' as const, country: 'FR', locale: 'fr-FR' },
    { lang: 'en' as const, country: 'CA', locale: 'en-CA' },
    { lang: 'en' as const, country: 'FR', locale: 'en-CA' },
  ])('$lang reader in $country → $locale', ({ lang, country, locale }) => {
    expect(localeOf(lang, country)).toBe(locale);
  });
});
