/**
 * The open documents of one side of the books (invoices for money in, bills for money out), indexed
 * once so each statement line finds its candidates without looking at every document: by amount
 * (sorted balances, exact or within the fee tolerance), by document number (year+sequence, sequence
 * alone, letters-and-digits of supplier numbers) and by party name (trigram postings). Pure.
 */
import { normalizeName, trigrams } from './names.ts';
import { parseOurNumber, readReferences, yearKey } from './references.ts';

/**
 * Amounts inside the matcher are integer cents held in JavaScript numbers: exact up to 2^53 cents
 * (90 trillion), and several times faster than bigint in the hot loops. Callers convert at the edge.
 */
export interface OpenItem {
  kind: 'invoice' | 'bill';
  id: string;
  /** Our number (INV2026-00012), the one shown to people. */
  number: string;
  /** Other numbers the payer may quote: a supplier's own invoice number. */
  otherNumbers?: string[];
  partyId: string;
  party: string;
  currency: string;
  balanceCents: number;
  issuedOn: string;
  dueOn: string | null;
}

export interface Party {
  id: string;
  name: string;
  normalized: string;
  grams: Set<string>;
  items: OpenItem[];
}

export interface OpenIndex {
  items: OpenItem[];
  parties: Map<string, Party>;
  /** Items sorted by balance, for amount ranges. */
  byBalance: OpenItem[];
  balances: Float64Array;
  byYearSeq: Map<string, OpenItem[]>;
  bySeq: Map<number, OpenItem[]>;
  byCompact: Map<string, OpenItem[]>;
  /** Parties by position, for the postings below. */
  partyList: Party[];
  /** Each trigram: the positions (in partyList) of the parties whose name has it. */
  gramPostings: Map<string, number[]>;
  /** Scratch counters, one per party, reused by every payer lookup (always left at zero). */
  shared: Int32Array;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function indexOpen(items: OpenItem[]): OpenIndex {
  const parties = new Map<string, Party>();
  const byYearSeq = new Map<string, OpenItem[]>();
  const bySeq = new Map<number, OpenItem[]>();
  const byCompact = new Map<string, OpenItem[]>();
  for (const item of items) {
    let party = parties.get(item.partyId);
    if (!party) {
      const normalized = normalizeName(item.party);
      party = { id: item.partyId, name: item.party, normalized, grams: trigrams(normalized), items: [] };
      parties.set(item.partyId, party);
    }
    party.items.push(item);
    const ours = parseOurNumber(item.number);
    if (ours) {
      push(byYearSeq, yearKey(ours.year, ours.seq), item);
      push(bySeq, ours.seq, item);
    }
    for (const n of [item.number, ...(item.otherNumbers ?? [])]) {
      const key = [...readReferences(n).compact].sort((a, b) => b.length - a.length)[0];
      if (key) push(byCompact, key, item);
    }
  }
  const partyList = [...parties.values()];
  const gramPostings = new Map<string, number[]>();
  partyList.forEach((party, at) => {
    for (const g of party.grams) push(gramPostings, g, at);
  });
  const byBalance = [...items].sort((a, b) => a.balanceCents - b.balanceCents);
  return {
    items,
    parties,
    byBalance,
    balances: Float64Array.from(byBalance, (i) => i.balanceCents),
    byYearSeq,
    bySeq,
    byCompact,
    partyList,
    gramPostings,
    shared: new Int32Array(partyList.length),
  };
}

/** First position whose balance is ≥ cents. */
function lowerBound(balances: Float64Array, cents: number): number {
  let lo = 0;
  let hi = balances.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (balances[mid]! < cents) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items whose balance is between `from` and `to` cents, at most `cap` of them (null when there are more). */
export function itemsInRange(index: OpenIndex, from: number, to: number, cap: number): OpenItem[] | null {
  const start = lowerBound(index.balances, from);
  const end = lowerBound(index.balances, to + 1);
  if (end - start > cap) return null;
  return index.byBalance.slice(start, end);
}
