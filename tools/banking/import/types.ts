/** What every statement reader returns, whatever the bank's format. */
import { createHash } from 'node:crypto';

export type StatementFormat = 'camt' | 'mt940' | 'mt942' | 'ofx' | 'csv';

export interface StatementLine {
  bookedOn: string;
  valueOn: string | null;
  /** Positive: money in; negative: money out. */
  amountCents: bigint;
  currency: string;
  description: string;
  counterparty: string | null;
  reference: string | null;
  /** The bank's own id when it gives one, else a hash of the line: the same file always yields the same ids. */
  externalId: string;
}

export interface StatementAccount {
  iban: string | null;
  accountNumber: string | null;
  currency: string | null;
  name: string | null;
  institution: string | null;
}

/** A balance as the bank states it: signed minor units (negative: overdrawn) in its currency. */
export interface StatedBalance {
  cents: bigint;
  currency: string;
}

/**
 * An opening and a closing balance the statement states, with the booked lines between them: the bank
 * says opening + lines = closing, and balance.ts checks it in exact minor units.
 */
export interface BalanceSpan {
  opening: StatedBalance;
  closing: StatedBalance;
  lines: Pick<StatementLine, 'amountCents' | 'currency'>[];
}

export interface Statement {
  account: StatementAccount;
  /** The bank's reference for this statement (MT940 :20:, camt Id), to name it to a person. */
  reference: string | null;
  lines: StatementLine[];
  /** Empty when the file states no opening and closing balance (OFX, CSV, camt.054, intraday camt.052). */
  balances: BalanceSpan[];
}

export interface ParsedFile {
  format: StatementFormat;
  statements: Statement[];
}

/** A statement that cannot be read; the message is given in both languages, the tool picks one. */
export class StatementError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** A line before its id is settled: `bankId` when the bank gave one. */
export type DraftLine = Omit<StatementLine, 'externalId'> & { bankId?: string | null };

/**
 * Settles external ids. A bank id is kept; lines without one get a hash of their fields. Two identical
 * lines (two coffees on one day) or a bank id repeated in the file get an occurrence number, so
 * neither is lost and a re-import still finds both.
 */
export function withExternalIds(lines: DraftLine[]): StatementLine[] {
  const seen = new Map<string, number>();
  return lines.map(({ bankId, ...line }) => {
    const base = bankId?.trim()
      ? `bank:${bankId.trim()}`
      : `sha256:${createHash('sha256')
          .update(
            JSON.stringify([
              line.bookedOn,
              line.valueOn,
              line.amountCents.toString(),
              line.currency,
              line.description,
              line.counterparty,
              line.reference,
            ]),
          )
          .digest('hex')
          .slice(0, 32)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...line, externalId: n === 1 ? base : `${base}#${n}` };
  });
}

/** Collapses the line breaks and runs of spaces banks put in free text. */
export const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
export const orNull = (text: string | null | undefined): string | null => clean(text) || null;
