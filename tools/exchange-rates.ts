/**
 * A foreign amount in the company currency, for approval levels, AI limits and the hard cap: at the
 * rate given with the document when there is one, else at the latest rate the company holds on or
 * before the document's date (exchange_rates, entered with settings_set_exchange_rate). No rate, no
 * guess: the caller treats the amount as unknown and asks for the highest level.
 */
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { exchangeRates } from '../db/schema/index.ts';
import type { Amount } from './define.ts';
import { convertMinor } from './money.ts';

export type Conversion =
  | { kind: 'same'; cents: bigint }
  | { kind: 'converted'; cents: bigint; rate: string; on: string; source: 'document' | 'held' }
  | { kind: 'missing'; on: string };

/** The latest rate held for a pair on or before `on`, as an exact decimal string. */
export async function heldRate(tx: Tx, currency: string, companyCurrency: string, on: string) {
  const [row] = await tx
    .select({ rate: exchangeRates.rate, validFrom: exchangeRates.validFrom })
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.currency, currency),
        eq(exchangeRates.companyCurrency, companyCurrency),
        lte(exchangeRates.validFrom, on),
      ),
    )
    .orderBy(desc(exchangeRates.validFrom))
    .limit(1);
  return row;
}

export async function toCompanyCurrency(
  tx: Tx,
  amount: Amount,
  companyCurrency: string,
  today: string,
): Promise<Conversion> {
  if (amount.currency === companyCurrency) return { kind: 'same', cents: amount.cents };
  const on = amount.on ?? today;
  if (amount.rate)
    return {
      kind: 'converted',
      cents: convertMinor(amount.cents, amount.currency, companyCurrency, amount.rate),
      rate: amount.rate,
      on,
      source: 'document',
    };
  const held = await heldRate(tx, amount.currency, companyCurrency, on);
  if (!held) return { kind: 'missing', on };
  return {
    kind: 'converted',
    cents: convertMinor(amount.cents, amount.currency, companyCurrency, held.rate),
    rate: held.rate,
    on: held.validFrom,
    source: 'held',
  };
}
