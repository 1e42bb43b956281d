/**
 * The reconciliation engine, pure: for every line of a statement, the documents it may pay (found by
 * blocking, never all pairs), each scored from factors a person can check, then one assignment over
 * the whole statement so no document is paid twice and no line used twice. Handles one transfer for
 * several documents of a party (bounded subset-sum), short payments within the fee tolerance, partial
 * payments, over-payments (the rest a credit) and lines repeated in a statement.
 */
import { type OpenIndex, type OpenItem, itemsInRange } from './index-open.ts';
import { nameSimilarity, payerOf, trigrams } from './names.ts';
import { readReferences } from './references.ts';
import { calibrated } from './calibration.ts';

export interface Line {
  id: string;
  accountId?: string;
  bookedOn: string;
  /** Signed cents: positive money in (pays invoices), negative money out (pays bills). */
  amountCents: number;
  currency: string;
  description: string;
  counterparty: string | null;
  reference: string | null;
}

/** What the tenant's history taught: this payer text is (or is not) this party. */
export interface Alias {
  payer: string;
  partyId: string;
  confirmed: number;
  rejected: number;
}

export interface MatchSettings {
  /** A payment short of the balance by at most this many cents is taken as paid less a bank fee. */
  feeToleranceCents: number;
}

export type FactorCode =
  | 'amount_exact'
  | 'amount_short_fee'
  | 'amount_partial'
  | 'amount_over'
  | 'amount_group'
  | 'reference_full'
  | 'reference_sequence'
  | 'reference_other_document'
  | 'name_strong'
  | 'name_close'
  | 'name_weak'
  | 'name_other_party'
  | 'alias_confirmed'
  | 'alias_rejected'
  | 'date_plausible'
  | 'date_before_document'
  | 'date_long_after';

export interface Factor {
  factor: FactorCode;
  /** Log-odds this factor adds. */
  weight: number;
  /** What a person needs to read it: numbers, names, amounts in cents, days. */
  params: Record<string, string | number>;
}

export type MatchKind = 'exact' | 'short' | 'partial' | 'over' | 'group';

export interface Proposal {
  lineId: string;
  kind: MatchKind;
  /** Documents paid and the cents applied to each. */
  items: { item: OpenItem; appliedCents: number }[];
  /** Short payment: the difference, a bank fee or left open. */
  feeCents: number;
  /** Over-payment: what stays as a credit for the party. */
  creditCents: number;
  score: number;
  /** Calibrated probability that this is the right match. */
  confidence: number;
  /**
   * Something besides the amount says who pays: a document number or the payer's name (or a learned
   * alias). An amount alone is a coincidence often enough that it is only ever suggested.
   */
  identified: boolean;
  factors: Factor[];
}

export interface LineResult {
  line: Line;
  payer: string;
  /** Best first, at most 3, after the assignment (a document taken by another line is not offered). */
  candidates: Proposal[];
  /** What the assignment chose for this line, or null. */
  chosen: Proposal | null;
  /** Set when the same line (date, amount, text) appears earlier in the statement: never matched twice. */
  duplicateOf: string | null;
}

const BASE = -3;
const MAX_AMOUNT_CANDIDATES = 40;
const MAX_FEE_WINDOW_CANDIDATES = 16;
const MAX_PARTY_ITEMS = 40;
const MAX_SUBSET_ITEMS = 22;
const MAX_SUBSET_SIZE = 6;
const MAX_SUBSET_NODES = 5_000;
const MAX_NAME_CANDIDATES = 40;
/** A trigram in more names than this is too common to find a party by (see partiesFor). */
const COMMON_GRAM = 500;
const DAY = 86_400_000;

/** Dates are few (a statement spans months), parsing them is not free: each is parsed once. */
const parsedDates = new Map<string, number>();
const dayOf = (iso: string) => {
  let t = parsedDates.get(iso);
  if (t === undefined) {
    t = Date.parse(iso);
    if (parsedDates.size > 100_000) parsedDates.clear();
    parsedDates.set(iso, t);
  }
  return t;
};
const days = (a: string, b: string) => Math.round((dayOf(a) - dayOf(b)) / DAY);

interface PartyHit {
  partyId: string;
  similarity: number;
  alias: 'confirmed' | 'rejected' | null;
}

/** Parties whose name is like the payer text, found through trigram postings, with learned aliases. */
function partiesFor(
  index: OpenIndex,
  payer: string,
  aliases: Map<string, Alias[]>,
  memo: Map<string, PartyHit[]>,
): PartyHit[] {
  const known = memo.get(payer);
  if (known) return known;
  const hits = new Map<string, PartyHit>();
  if (payer) {
    const grams = trigrams(payer);
    const { shared, partyList } = index;
    const touched: number[] = [];
    // Trigrams common to a large share of names (" LE", "  S") say little and cost much: past
    // COMMON_GRAM parties they are not counted, and the share needed is of the trigrams counted.
    let counted = 0;
    for (const g of grams) {
      const posting = index.gramPostings.get(g);
      if (!posting) {
        counted++;
        continue;
      }
      if (posting.length > COMMON_GRAM) continue;
      counted++;
      for (const at of posting) {
        if (shared[at] === 0) touched.push(at);
        shared[at]!++;
      }
    }
    // A trigram similarity of 0.4 needs at least 40 % of the payer's trigrams in the name; the 40
    // parties sharing the most are enough to find the few above that (names of one trade share a lot).
    const need = Math.max(2, Math.ceil(counted * 0.4));
    let likely: [number, number][] = [];
    for (const at of touched) {
      if (shared[at]! >= need) likely.push([at, shared[at]!]);
      shared[at] = 0;
    }
    if (likely.length > MAX_NAME_CANDIDATES) likely = likely.sort((a, b) => b[1] - a[1]).slice(0, MAX_NAME_CANDIDATES);
    for (const [at] of likely) {
      const party = partyList[at]!;
      const similarity = nameSimilarity(payer, grams, party.normalized, party.grams);
      if (similarity >= 0.4) hits.set(party.id, { partyId: party.id, similarity, alias: null });
    }
  }
  for (const alias of aliases.get(payer) ?? []) {
    if (!index.parties.has(alias.partyId)) continue;
    const learned = alias.confirmed > alias.rejected ? 'confirmed' : alias.rejected > 0 ? 'rejected' : null;
    if (!learned) continue;
    const hit = hits.get(alias.partyId);
    if (hit) hit.alias = learned;
    else if (learned === 'confirmed')
      hits.set(alias.partyId, { partyId: alias.partyId, similarity: 0, alias: learned });
  }
  const list = [...hits.values()].sort((a, b) => b.similarity - a.similarity).slice(0, 8);
  memo.set(payer, list);
  return list;
}

interface LineFacts {
  line: Line;
  paid: number;
  payer: string;
  refs: ReturnType<typeof readReferences>;
  /** Items the text names by number, and how (full or sequence). */
  named: Map<OpenItem, 'full' | 'sequence'>;
  parties: Map<string, PartyHit>;
  strongestOtherParty: number;
}

function nameFactors(facts: LineFacts, partyId: string, factors: Factor[], party: string) {
  const hit = facts.parties.get(partyId);
  // A person said this payer is not this party: the name counts against, never for.
  if (hit?.alias === 'rejected') {
    factors.push({ factor: 'alias_rejected', weight: -4, params: { payer: facts.payer, party } });
    return 0;
  }
  if (hit?.alias === 'confirmed') {
    factors.push({ factor: 'alias_confirmed', weight: 3, params: { payer: facts.payer, party } });
    return 1;
  }
  const s = hit?.similarity ?? 0;
  const similarity = Math.round(s * 100);
  if (s >= 0.85) factors.push({ factor: 'name_strong', weight: 2.6, params: { party, similarity } });
  else if (s >= 0.6) factors.push({ factor: 'name_close', weight: 1.8, params: { party, similarity } });
  else if (s >= 0.45) factors.push({ factor: 'name_weak', weight: 0.8, params: { party, similarity } });
  else if (facts.payer && facts.strongestOtherParty >= 0.85)
    factors.push({ factor: 'name_other_party', weight: -1.5, params: { party, payer: facts.payer } });
  return s;
}

function dateFactor(line: Line, item: OpenItem, factors: Factor[]) {
  const since = days(line.bookedOn, item.issuedOn);
  if (since < -3)
    factors.push({
      factor: 'date_before_document',
      weight: -3,
      params: { number: item.number, issuedOn: item.issuedOn },
    });
  else if (item.dueOn && days(line.bookedOn, item.dueOn) > 180)
    factors.push({ factor: 'date_long_after', weight: -0.5, params: { number: item.number, dueOn: item.dueOn } });
  else factors.push({ factor: 'date_plausible', weight: 0.3, params: { number: item.number, days: since } });
}

function referenceFactor(facts: LineFacts, item: OpenItem, factors: Factor[]): boolean {
  const how = facts.named.get(item);
  if (how === 'full') factors.push({ factor: 'reference_full', weight: 4, params: { number: item.number } });
  else if (how === 'sequence')
    factors.push({ factor: 'reference_sequence', weight: 2.2, params: { number: item.number } });
  else if (facts.named.size && [...facts.named.values()].includes('full'))
    factors.push({
      factor: 'reference_other_document',
      weight: -2,
      params: { number: item.number, other: [...facts.named.keys()][0]!.number },
    });
  return how !== undefined;
}

/** One line against one document: null when the amounts cannot go together on the evidence there is. */
function single(facts: LineFacts, item: OpenItem, tolerance: number): Proposal | null {
  const { paid, line } = facts;
  const balance = item.balanceCents;
  if (balance <= 0) return null;
  const factors: Factor[] = [];
  const referenced = referenceFactor(facts, item, factors);
  const similarity = nameFactors(facts, item.partyId, factors, item.party);
  let kind: MatchKind;
  if (paid === balance) {
    kind = 'exact';
    factors.unshift({ factor: 'amount_exact', weight: 3.2, params: { number: item.number, cents: paid } });
  } else if (paid < balance && balance - paid <= tolerance) {
    kind = 'short';
    factors.unshift({
      factor: 'amount_short_fee',
      weight: 2.2,
      params: { number: item.number, cents: paid, fee: balance - paid },
    });
  } else if (paid < balance) {
    // A part payment is told by its reference or its payer, never by its amount.
    if (!referenced && similarity < 0.6) return null;
    kind = 'partial';
    factors.unshift({
      factor: 'amount_partial',
      weight: -0.5,
      params: { number: item.number, cents: paid, balance },
    });
  } else {
    if (!referenced && similarity < 0.85) return null;
    kind = 'over';
    factors.unshift({
      factor: 'amount_over',
      weight: -0.8,
      params: { number: item.number, cents: paid, credit: paid - balance },
    });
  }
  dateFactor(line, item, factors);
  const applied = kind === 'partial' ? paid : balance;
  return {
    lineId: line.id,
    kind,
    identified: referenced || similarity >= 0.45,
    items: [{ item, appliedCents: Math.min(applied, balance) }],
    feeCents: kind === 'short' ? balance - paid : 0,
    creditCents: kind === 'over' ? paid - balance : 0,
    score: factors.reduce((s, f) => s + f.weight, BASE),
    confidence: 0,
    factors,
  };
}

/** Subsets of a party's open documents whose balances add up to the payment (within the fee tolerance), smallest first. */
export function subsetsFor(items: OpenItem[], paid: number, tolerance: number, limit = 3): OpenItem[][] {
  const pool = items
    .filter((i) => i.balanceCents > 0 && i.balanceCents <= paid + tolerance)
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn))
    .slice(0, MAX_SUBSET_ITEMS)
    .sort((a, b) => b.balanceCents - a.balanceCents);
  const found: OpenItem[][] = [];
  let nodes = 0;
  const suffix = new Float64Array(pool.length + 1);
  for (let i = pool.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + pool[i]!.balanceCents;
  const chosen: OpenItem[] = [];
  const walk = (start: number, sum: number) => {
    if (found.length >= limit || ++nodes > MAX_SUBSET_NODES) return;
    if (chosen.length >= 2 && sum >= paid && sum - paid <= tolerance) {
      found.push([...chosen]);
      return;
    }
    if (chosen.length >= MAX_SUBSET_SIZE) return;
    for (let i = start; i < pool.length; i++) {
      const next = sum + pool[i]!.balanceCents;
      if (next > paid + tolerance) continue;
      if (sum + suffix[i]! < paid) return;
      chosen.push(pool[i]!);
      walk(i + 1, next);
      chosen.pop();
    }
  };
  walk(0, 0);
  return found.sort((a, b) => a.length - b.length);
}

function group(facts: LineFacts, members: OpenItem[]): Proposal {
  const { paid, line } = facts;
  const total = members.reduce((s, i) => s + i.balanceCents, 0);
  const factors: Factor[] = [
    {
      factor: 'amount_group',
      weight: 2.6,
      params: { numbers: members.map((m) => m.number).join(', '), count: members.length, cents: paid },
    },
  ];
  const named = members.filter((m) => facts.named.has(m)).length;
  const hit = facts.parties.get(members[0]!.partyId);
  const identified = named > 0 || (hit !== undefined && hit.alias !== 'rejected');
  if (named === members.length)
    factors.push({ factor: 'reference_full', weight: 4, params: { number: members.map((m) => m.number).join(', ') } });
  else if (named > 0)
    factors.push({
      factor: 'reference_sequence',
      weight: 1.5,
      params: {
        number: members
          .filter((m) => facts.named.has(m))
          .map((m) => m.number)
          .join(', '),
      },
    });
  // Each extra document is one more way for a coincidence to add up.
  const penalty = -0.4 * (members.length - 2);
  nameFactors(facts, members[0]!.partyId, factors, members[0]!.party);
  dateFactor(
    line,
    members.reduce((a, b) => (a.issuedOn > b.issuedOn ? a : b)),
    factors,
  );
  const fee = total - paid;
  return {
    lineId: line.id,
    kind: 'group',
    identified,
    items: members.map((item) => ({ item, appliedCents: item.balanceCents })),
    feeCents: Math.max(0, fee),
    creditCents: 0,
    score: factors.reduce((s, f) => s + f.weight, BASE + penalty),
    confidence: 0,
    factors,
  };
}

function lineFacts(
  index: OpenIndex,
  line: Line,
  aliases: Map<string, Alias[]>,
  memo: Map<string, PartyHit[]>,
): LineFacts {
  const paid = Math.abs(line.amountCents);
  const payer = payerOf(line.counterparty, line.description);
  const refs = readReferences(line.description, line.reference);
  const named = new Map<OpenItem, 'full' | 'sequence'>();
  const currency = (i: OpenItem) => i.currency === line.currency;
  for (const key of refs.full) for (const i of index.byYearSeq.get(key) ?? []) if (currency(i)) named.set(i, 'full');
  for (const key of refs.compact) for (const i of index.byCompact.get(key) ?? []) if (currency(i)) named.set(i, 'full');
  for (const seq of refs.seqOnly) {
    const hits = (index.bySeq.get(seq) ?? []).filter(currency);
    // A bare "no 12" that fits many documents (several years, several series) says little on its own.
    if (hits.length <= 5) for (const i of hits) if (!named.has(i)) named.set(i, 'sequence');
  }
  const hits = partiesFor(index, payer, aliases, memo);
  const parties = new Map(hits.map((h) => [h.partyId, h]));
  const strongestOtherParty = hits.reduce((m, h) => Math.max(m, h.alias === 'confirmed' ? 1 : h.similarity), 0);
  return { line, paid, payer, refs, named, parties, strongestOtherParty };
}

/** Every proposal for one line, unscored against the others yet. */
function proposalsFor(index: OpenIndex, facts: LineFacts, tolerance: number): Proposal[] {
  const { paid, line } = facts;
  const seen = new Set<OpenItem>();
  const out: Proposal[] = [];
  const consider = (item: OpenItem) => {
    if (seen.has(item) || item.currency !== line.currency) return;
    seen.add(item);
    const p = single(facts, item, tolerance);
    if (p) out.push(p);
  };
  for (const item of facts.named.keys()) consider(item);
  // The exact amount, then the amounts a bank fee away. With many open documents, a fee window holds
  // dozens of balances that only the amount links to the line: past a few, only the documents of
  // parties the payer looks like are taken from it (likewise for a very common exact amount).
  const exact = itemsInRange(index, paid, paid, MAX_AMOUNT_CANDIDATES);
  const short = tolerance > 0 ? itemsInRange(index, paid + 1, paid + tolerance, MAX_FEE_WINDOW_CANDIDATES) : [];
  for (const item of exact ?? []) consider(item);
  for (const item of short ?? []) consider(item);
  if (!exact || !short) {
    const from = exact ? paid + 1 : paid;
    const to = short ? paid : paid + tolerance;
    for (const hit of facts.parties.values())
      for (const item of index.parties.get(hit.partyId)!.items)
        if (item.balanceCents >= from && item.balanceCents <= to) consider(item);
  }
  for (const hit of facts.parties.values()) {
    if (hit.alias === 'rejected' || (hit.similarity < 0.6 && hit.alias !== 'confirmed')) continue;
    const items = index.parties.get(hit.partyId)!.items;
    for (const item of items.length > MAX_PARTY_ITEMS ? items.slice(-MAX_PARTY_ITEMS) : items) consider(item);
  }
  // Several documents in one transfer: the ones the text names, else a subset of one party's balances.
  const namedByParty = new Map<string, OpenItem[]>();
  for (const item of facts.named.keys()) {
    const list = namedByParty.get(item.partyId) ?? [];
    list.push(item);
    namedByParty.set(item.partyId, list);
  }
  const groups: OpenItem[][] = [];
  for (const members of namedByParty.values()) {
    const total = members.reduce((s, i) => s + i.balanceCents, 0);
    if (members.length >= 2 && total >= paid && total - paid <= tolerance) groups.push(members);
  }
  const exactSingle = out.some((p) => p.kind === 'exact' && p.score > 2);
  // The subset search runs for the payer's most likely party only (hits are sorted best first): a
  // transfer for several invoices comes from one client, and the search is the costly part.
  if (!groups.length && !exactSingle) {
    const best = [...facts.parties.values()].find(
      (h) => h.alias === 'confirmed' || (h.alias !== 'rejected' && h.similarity >= 0.6),
    );
    if (best) groups.push(...subsetsFor(index.parties.get(best.partyId)!.items, paid, tolerance, 2));
  }
  for (const members of groups) out.push(group(facts, members));
  return out;
}

const duplicateKey = (l: Line) =>
  [
    l.accountId ?? '',
    l.bookedOn,
    l.amountCents,
    l.description.trim().toUpperCase(),
    l.counterparty ?? '',
    l.reference ?? '',
  ].join('|');

/**
 * Matches a statement against the open documents. `index` holds both sides' documents or one; lines
 * in go to invoices, lines out to bills, by the documents' kind.
 */
export function matchStatement(
  lines: Line[],
  indexes: { incoming: OpenIndex; outgoing: OpenIndex },
  settings: MatchSettings,
  learned: Alias[] = [],
): LineResult[] {
  const aliases = new Map<string, Alias[]>();
  for (const a of learned) {
    const list = aliases.get(a.payer) ?? [];
    list.push(a);
    aliases.set(a.payer, list);
  }
  const memoIn = new Map<string, PartyHit[]>();
  const memoOut = new Map<string, PartyHit[]>();
  const seen = new Map<string, string>();
  const results: LineResult[] = [];
  const all: Proposal[] = [];
  const proposalsOf = new Map<string, Proposal[]>();
  for (const line of lines) {
    const key = duplicateKey(line);
    const duplicateOf = seen.get(key) ?? null;
    if (!duplicateOf) seen.set(key, line.id);
    const incoming = line.amountCents > 0;
    const index = incoming ? indexes.incoming : indexes.outgoing;
    if (duplicateOf || line.amountCents === 0) {
      results.push({
        line,
        payer: payerOf(line.counterparty, line.description),
        candidates: [],
        chosen: null,
        duplicateOf,
      });
      continue;
    }
    const facts = lineFacts(index, line, aliases, incoming ? memoIn : memoOut);
    const proposals = proposalsFor(index, facts, settings.feeToleranceCents);
    proposalsOf.set(line.id, proposals);
    all.push(...proposals);
    results.push({ line, payer: facts.payer, candidates: [], chosen: null, duplicateOf: null });
  }
  // Competition: a proposal is as likely as its weight against every alternative for its line and
  // for its documents, and against "none of these" (weight e^0).
  const itemWeight = new Map<OpenItem, number>();
  const lineWeight = new Map<string, number>();
  for (const p of all) {
    const w = Math.exp(p.score);
    lineWeight.set(p.lineId, (lineWeight.get(p.lineId) ?? 0) + w);
    for (const { item } of p.items) itemWeight.set(item, (itemWeight.get(item) ?? 0) + w);
  }
  for (const p of all) {
    const w = Math.exp(p.score);
    const rivals = Math.max(...p.items.map(({ item }) => itemWeight.get(item)! - w));
    p.confidence = calibrated(w / (1 + lineWeight.get(p.lineId)! + rivals));
  }
  // One assignment over the statement: the most certain proposals first, each taken only if its
  // line is free and its documents still owe what it applies.
  const remaining = new Map<OpenItem, number>();
  const taken = new Set<string>();
  const chosen = new Map<string, Proposal>();
  const order = all
    .filter((p) => p.confidence >= 0.05)
    .sort((a, b) => b.confidence - a.confidence || b.score - a.score);
  for (const p of order) {
    if (taken.has(p.lineId)) continue;
    const fits = p.items.every(({ item, appliedCents }) => {
      const left = remaining.get(item) ?? item.balanceCents;
      return p.kind === 'partial' ? appliedCents <= left : left === item.balanceCents;
    });
    if (!fits) continue;
    taken.add(p.lineId);
    chosen.set(p.lineId, p);
    for (const { item, appliedCents } of p.items)
      remaining.set(
        item,
        (remaining.get(item) ?? item.balanceCents) - (p.kind === 'partial' ? appliedCents : item.balanceCents),
      );
  }
  for (const r of results) {
    const mine = proposalsOf.get(r.line.id) ?? [];
    r.chosen = chosen.get(r.line.id) ?? null;
    const stillOpen = mine.filter(
      (p) =>
        p === r.chosen ||
        p.items.every(({ item }) => (remaining.get(item) ?? item.balanceCents) > 0 || chosen.get(r.line.id) === p),
    );
    r.candidates = stillOpen.sort((a, b) => b.confidence - a.confidence).slice(0, 3);
  }
  return results;
}
