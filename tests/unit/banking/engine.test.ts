/** The pure reconciliation engine: names, references, blocking, several invoices, fees, the assignment. */
import { describe, expect, it } from 'vitest';
import { indexOpen, type OpenItem } from '../../../tools/banking/engine/index-open.ts';
import { type Line, matchStatement, subsetsFor } from '../../../tools/banking/engine/match.ts';
import { nameSimilarity, normalizeName, payerOf, trigrams } from '../../../tools/banking/engine/names.ts';
import { engineAllows } from '../../../tools/banking/engine/policy.ts';
import { readReferences } from '../../../tools/banking/engine/references.ts';

const similarity = (payer: string, name: string) => {
  const p = payerOf(payer, '');
  const n = normalizeName(name);
  return nameSimilarity(p, trigrams(p), n, trigrams(n));
};

describe('names', () => {
  it.each([
    ['Les Ébénisteries Côté ltée', 'EBENISTERIES COTE'],
    ['Bureau Plus Inc.', 'BUREAU PLUS'],
    ['Boulangerie Martin SARL', 'BOULANGERIE MARTIN'],
    ['Müller GmbH', 'MULLER'],
    ['Tremblay & Fils senc', 'TREMBLAY FILS'],
  ])('normalises %s to %s', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });

  it.each([
    ['CONSTRUCTION TRMBLAY', 'Construction Tremblay inc.', 0.6],
    ['CONST. TREMBLAY', 'Construction Tremblay inc.', 0.85],
    ['ENTR GAGNON', 'Les Entreprises Gagnon ltée', 0.85],
    ['PLOMBERIE SAINT-PIE', 'Plomberie Saint-Pierre inc.', 0.85],
  ])('finds %s like %s (≥ %s)', (payer, name, floor) => {
    expect(similarity(payer, name)).toBeGreaterThanOrEqual(floor);
  });

  it('keeps different companies apart', () => {
    expect(similarity('BOULANGERIE MARTIN', 'Construction Tremblay inc.')).toBeLessThan(0.3);
  });
});

describe('references', () => {
  it.each([
    ['FACT 2026-0012', ['2026:12'], []],
    ['INV2026-12', ['2026:12'], []],
    ['2026-00012', ['2026:12'], []],
    ['Facture no 12', [], [12]],
    ['Paiement n° 00012', [], [12]],
    ['Inv #12', [], [12]],
    ['Paiement factures 12, 13 et 14', [], [12, 13, 14]],
    ['Virement du 2026-03-01', [], []],
  ])('reads %s', (text, full, seqOnly) => {
    const refs = readReferences(text);
    expect(refs.full).toEqual(full);
    expect(refs.seqOnly).toEqual(seqOnly);
  });
});

const invoice = (id: string, number: string, party: string, cents: number, issuedOn = '2026-02-01'): OpenItem => ({
  kind: 'invoice',
  id,
  number,
  partyId: party,
  party,
  currency: 'CAD',
  balanceCents: cents,
  issuedOn,
  dueOn: '2026-03-03',
});
const line = (id: string, cents: number, counterparty: string | null, description = ''): Line => ({
  id,
  bookedOn: '2026-03-05',
  amountCents: cents,
  currency: 'CAD',
  description,
  counterparty,
  reference: null,
});
const match = (lines: Line[], items: OpenItem[], feeToleranceCents = 2500) =>
  matchStatement(lines, { incoming: indexOpen(items), outgoing: indexOpen([]) }, { feeToleranceCents });

describe('matching a statement', () => {
  const items = [
    invoice('a1', 'INV2026-00012', 'Construction Tremblay inc.', 114_975),
    invoice('a2', 'INV2026-00013', 'Construction Tremblay inc.', 57_488),
    invoice('a3', 'INV2026-00014', 'Construction Tremblay inc.', 20_000),
    invoice('b1', 'INV2026-00020', 'Boulangerie Martin SARL', 114_975),
  ];

  it('pays the invoice the reference names, not the other one of the same amount', () => {
    const [r] = match([line('l1', 114_975, 'BOULANGERIE MARTIN', 'Facture no 20')], items);
    expect(r!.chosen!.items.map((i) => i.item.id)).toEqual(['b1']);
    expect(r!.chosen!.factors.map((f) => f.factor)).toContain('reference_sequence');
  });

  it('finds one transfer paying several invoices of a client', () => {
    const [r] = match([line('l1', 114_975 + 57_488, 'CONSTRUCTION TREMBLAY', 'WIRE IN')], items);
    expect(r!.chosen!.kind).toBe('group');
    expect(r!.chosen!.items.map((i) => i.item.id).sort()).toEqual(['a1', 'a2']);
  });

  it('takes a payment short by a bank fee within the tolerance, the fee apart', () => {
    const [r] = match([line('l1', 114_975 - 1500, 'BOULANGERIE MARTIN', 'FACT 2026-0020')], items);
    expect(r!.chosen).toMatchObject({ kind: 'short', feeCents: 1500 });
  });

  it('records an over-payment as the balance and a credit', () => {
    const [r] = match([line('l1', 25_000, 'CONSTRUCTION TREMBLAY', 'INV2026-14')], items);
    expect(r!.chosen).toMatchObject({ kind: 'over', creditCents: 5000 });
  });

  it('never pays one invoice twice nor uses a repeated line', () => {
    const lines = [
      line('l1', 114_975, 'BOULANGERIE MARTIN', 'FACT 2026-0020'),
      line('l2', 114_975, 'BOULANGERIE MARTIN', 'FACT 2026-0020'),
    ];
    const results = match(lines, items);
    expect(results[0]!.chosen!.items[0]!.item.id).toBe('b1');
    expect(results[1]!.duplicateOf).toBe('l1');
    expect(results[1]!.chosen).toBeNull();
  });

  it('never lets a stranger paying a common amount be recorded alone', () => {
    const [r] = match([line('l1', 114_975, 'JEAN-FRANCOIS MARCOTTE', 'Dépôt')], items);
    expect(r!.candidates.length).toBeGreaterThan(0);
    expect(r!.candidates.every((c) => !c.identified && !engineAllows(c, 0.5))).toBe(true);
  });

  it('lets the statement decide: the line whose evidence is stronger gets the invoice', () => {
    const lines = [
      line('weak', 20_000, null, 'Deposit'),
      line('strong', 20_000, 'CONSTRUCTION TREMBLAY', 'INV2026-00014'),
    ];
    const results = match(lines, items);
    expect(results.find((r) => r.line.id === 'strong')!.chosen!.items[0]!.item.id).toBe('a3');
    expect(results.find((r) => r.line.id === 'weak')!.chosen).toBeNull();
  });

  it('bounds the subset search and finds the exact subset', () => {
    // Powers of two: exactly one subset adds up to any total.
    const many = Array.from({ length: 20 }, (_, i) => invoice(`x${i}`, `INV2026-${100 + i}`, 'X', 2 ** i));
    const found = subsetsFor(many, 2 ** 3 + 2 ** 9 + 2 ** 15, 0);
    expect(found[0]!.map((i) => i.balanceCents).sort((a, b) => a - b)).toEqual([8, 512, 32768]);
  });

  it('learns: a confirmed alias identifies a payer the name alone does not, a rejected one is never chosen', () => {
    const lines = [line('l1', 20_000, 'GESTION JFM', 'Paiement')];
    const learned = (what: 'confirmed' | 'rejected') => [
      {
        payer: 'GESTION JFM',
        partyId: 'Construction Tremblay inc.',
        confirmed: what === 'confirmed' ? 3 : 0,
        rejected: what === 'rejected' ? 1 : 0,
      },
    ];
    const idx = { incoming: indexOpen(items), outgoing: indexOpen([]) };
    const before = matchStatement(lines, idx, { feeToleranceCents: 2500 })[0]!;
    expect(before.chosen?.identified ?? false).toBe(false);
    const taught = matchStatement(lines, idx, { feeToleranceCents: 2500 }, learned('confirmed'))[0]!;
    expect(taught.chosen!.items[0]!.item.id).toBe('a3');
    expect(taught.chosen!.identified).toBe(true);
    expect(taught.chosen!.factors.map((f) => f.factor)).toContain('alias_confirmed');
    const refused = matchStatement(
      [line('l1', 20_000, 'CONSTRUCTION TREMBLAY', 'Paiement')],
      idx,
      { feeToleranceCents: 2500 },
      [{ payer: 'CONSTRUCTION TREMBLAY', partyId: 'Construction Tremblay inc.', confirmed: 0, rejected: 1 }],
    )[0]!;
    expect(refused.chosen === null || !engineAllows(refused.chosen, 0.5)).toBe(true);
  });
});
