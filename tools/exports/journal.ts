/**
 * Comptoir's documents as a double-entry journal, in the layout of QuickBooks Online's "Import journal
 * entries" CSV (Journal No., Journal Date, Account Name, Debits, Credits, Description, Name — Intuit's
 * help article "Import journal entries"). Every other package that imports a general journal (Xero
 * manual journals, Sage 50, Wave, Acomba) takes the same columns with a mapping step.
 *
 *   supplier bill       Dr expense (each line's account code, else the purchases account), Dr each tax
 *                       (input tax credits), Cr accounts payable (name: the supplier)
 *   sales invoice       Dr accounts receivable (name: the client), Cr sales, Cr each tax collected
 *   credit note         the reverse of an invoice
 *   payment received    Dr bank, Cr accounts receivable
 *   bill payment        Dr accounts payable, Cr bank
 *
 * Pure: amounts in cents, entries checked to balance before anything is written.
 */
import { fromMinor, toMinor } from '../money.ts';

export interface Accounts {
  bank: string;
  receivable: string;
  payable: string;
  sales: string;
  purchases: string;
  /** Sales tax accounts by component; QuickBooks Canada keeps GST/HST in one account. */
  gst: string;
  qst: string;
  otherTax: string;
}

export const DEFAULT_ACCOUNTS: Accounts = {
  bank: 'Bank',
  receivable: 'Accounts Receivable (A/R)',
  payable: 'Accounts Payable (A/P)',
  sales: 'Sales',
  purchases: 'Purchases',
  gst: 'GST/HST Payable',
  qst: 'QST Payable',
  otherTax: 'Sales Tax Payable',
};

export interface JournalLine {
  journalNo: string;
  date: string;
  account: string;
  debitCents: bigint;
  creditCents: bigint;
  description: string;
  name: string;
}

export interface TaxPart {
  code: string;
  amount: string;
}

export type JournalSource =
  | {
      kind: 'bill';
      number: string;
      date: string;
      currency: string;
      supplier: string;
      reference: string | null;
      lines: { accountCode: string | null; amountCents: bigint }[];
      subtotalCents: bigint;
      taxCents: bigint;
      totalCents: bigint;
      taxes: TaxPart[];
    }
  | {
      kind: 'invoice' | 'credit_note';
      number: string;
      date: string;
      currency: string;
      client: string;
      subtotalCents: bigint;
      taxCents: bigint;
      totalCents: bigint;
      taxes: TaxPart[];
    }
  | {
      kind: 'payment_received';
      number: string;
      date: string;
      amountCents: bigint;
      client: string;
      reference: string | null;
    }
  | {
      kind: 'bill_payment';
      number: string;
      date: string;
      amountCents: bigint;
      supplier: string;
      reference: string | null;
    };

function taxAccount(code: string, accounts: Accounts): string {
  if (code === 'GST' || code === 'HST') return accounts.gst;
  if (code === 'QST') return accounts.qst;
  return accounts.otherTax;
}

/** Tax per account; what the breakdown does not explain (a bill typed with a tax total only) goes to otherTax. */
function taxSplit(
  taxes: readonly TaxPart[],
  taxCents: bigint,
  currency: string,
  accounts: Accounts,
): Map<string, bigint> {
  const split = new Map<string, bigint>();
  let explained = 0n;
  for (const t of taxes) {
    let cents: bigint;
    try {
      cents = toMinor(t.amount, currency);
    } catch {
      continue;
    }
    const account = taxAccount(t.code, accounts);
    split.set(account, (split.get(account) ?? 0n) + cents);
    explained += cents;
  }
  if (explained !== taxCents) split.set(accounts.otherTax, (split.get(accounts.otherTax) ?? 0n) + taxCents - explained);
  return split;
}

export function journalLines(sources: readonly JournalSource[], accounts: Accounts = DEFAULT_ACCOUNTS): JournalLine[] {
  const out: JournalLine[] = [];
  for (const s of sources) {
    const lines: JournalLine[] = [];
    const add = (account: string, debitCents: bigint, creditCents: bigint, description: string, name = '') => {
      if (debitCents === 0n && creditCents === 0n) return;
      // A negative debit is a credit and the other way round: importers want positive amounts.
      if (debitCents < 0n) [debitCents, creditCents] = [0n, creditCents - debitCents];
      if (creditCents < 0n) [debitCents, creditCents] = [debitCents - creditCents, 0n];
      lines.push({ journalNo: s.number, date: s.date, account, debitCents, creditCents, description, name });
    };
    switch (s.kind) {
      case 'bill': {
        const what = `Bill ${s.number}${s.reference ? ` (${s.reference})` : ''}`;
        const byAccount = new Map<string, bigint>();
        let lined = 0n;
        for (const l of s.lines) {
          const account = l.accountCode ?? accounts.purchases;
          byAccount.set(account, (byAccount.get(account) ?? 0n) + l.amountCents);
          lined += l.amountCents;
        }
        // A bill entered by totals, or whose lines do not add up to its subtotal: the rest is purchases.
        if (lined !== s.subtotalCents)
          byAccount.set(accounts.purchases, (byAccount.get(accounts.purchases) ?? 0n) + s.subtotalCents - lined);
        for (const [account, cents] of byAccount) add(account, cents, 0n, what, s.supplier);
        for (const [account, cents] of taxSplit(s.taxes, s.taxCents, s.currency, accounts))
          add(account, cents, 0n, what, s.supplier);
        add(accounts.payable, 0n, s.totalCents, what, s.supplier);
        break;
      }
      case 'invoice':
      case 'credit_note': {
        const sign = s.kind === 'invoice' ? 1n : -1n;
        const what = `${s.kind === 'invoice' ? 'Invoice' : 'Credit note'} ${s.number}`;
        const abs = (c: bigint) => (c < 0n ? -c : c);
        add(accounts.receivable, sign * abs(s.totalCents), 0n, what, s.client);
        add(accounts.sales, 0n, sign * abs(s.subtotalCents), what, s.client);
        for (const [account, cents] of taxSplit(s.taxes, s.taxCents, s.currency, accounts))
          add(account, 0n, sign * abs(cents), what, s.client);
        break;
      }
      case 'payment_received': {
        const what = `Payment ${s.number}${s.reference ? ` (${s.reference})` : ''}`;
        add(accounts.bank, s.amountCents, 0n, what, s.client);
        add(accounts.receivable, 0n, s.amountCents, what, s.client);
        break;
      }
      case 'bill_payment': {
        const what = `Payment of ${s.number}${s.reference ? ` (${s.reference})` : ''}`;
        add(accounts.payable, s.amountCents, 0n, what, s.supplier);
        add(accounts.bank, 0n, s.amountCents, what, s.supplier);
        break;
      }
    }
    const debits = lines.reduce((t, l) => t + l.debitCents, 0n);
    const credits = lines.reduce((t, l) => t + l.creditCents, 0n);
    if (debits !== credits)
      throw new Error(`Journal entry ${s.number} does not balance: debits ${debits}, credits ${credits}.`);
    out.push(...lines);
  }
  return out;
}

/** YYYY-MM-DD as the importer's date format. */
export function formatDate(date: string, format: 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'YYYY-MM-DD'): string {
  const [y, m, d] = date.split('-');
  return format === 'MM/DD/YYYY' ? `${m}/${d}/${y}` : format === 'DD/MM/YYYY' ? `${d}/${m}/${y}` : date;
}

export const JOURNAL_HEADER = [
  'Journal No.',
  'Journal Date',
  'Account Name',
  'Debits',
  'Credits',
  'Description',
  'Name',
] as const;

export const journalRow = (l: JournalLine, currency: string, dateFormat: Parameters<typeof formatDate>[1]) => [
  l.journalNo,
  formatDate(l.date, dateFormat),
  l.account,
  l.debitCents ? fromMinor(l.debitCents, currency) : '',
  l.creditCents ? fromMinor(l.creditCents, currency) : '',
  l.description,
  l.name,
];
