/**
 * A generated company for the reconciliation eval: Canadian and French clients and suppliers, open
 * invoices and bills, and a bank statement with the noise real statements have — references written
 * every way customers write them, typos, abbreviations and truncations of names, fees deducted,
 * instalments, one transfer for several invoices, over-payments, repeated lines, unrelated lines and
 * same-amount decoys. Every line knows the truth. Seeded: the same seed gives the same company.
 */
import type { OpenItem } from '../../tools/banking/engine/index-open.ts';
import type { Line } from '../../tools/banking/engine/match.ts';
import { mulberry32 } from '../mulberry32.ts';

export type Noise =
  | 'clean'
  | 'reference_variant'
  | 'no_reference'
  | 'name_typo'
  | 'name_abbreviated'
  | 'name_truncated'
  | 'fee_deducted'
  | 'partial'
  | 'several_invoices'
  | 'over_payment'
  | 'duplicate_line'
  | 'unrelated'
  | 'same_amount_decoy'
  | 'bill_payment';

export interface TruthLine {
  line: Line;
  noise: Noise;
  /** The documents this line pays; empty when it pays none. */
  truth: string[];
}

export interface Company {
  items: OpenItem[];
  lines: TruthLine[];
}

/** Seeded (mulberry32): the same seed draws the same company. */
export function random(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof random>;

const SURNAMES = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Leblanc',
  'Paquette',
  'Girard',
  'Simard',
  'Boucher',
  'Caron',
  'Beaulieu',
  'Cloutier',
  'Dubé',
  'Poirier',
  'Fournier',
  'Lapointe',
  'Leclerc',
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'Bertrand',
  'Rousseau',
  'Vincent',
  'Mercier',
  'Faure',
  'Smith',
  'Brown',
  'Wilson',
  'MacDonald',
  'Campbell',
  'Anderson',
  'Taylor',
  'Thompson',
  'Johnson',
  'Wong',
  'Singh',
  'Patel',
  'Nguyen',
  'Chen',
  'Kowalski',
  'Rossi',
  "O'Brien",
  'Saint-Pierre',
  'Deschênes',
] as const;
const TRADES_FR = [
  'Construction',
  'Plomberie',
  'Électricité',
  'Rénovations',
  'Boulangerie',
  'Transport',
  'Traiteur',
  'Imprimerie',
  'Ébénisterie',
  'Paysagement',
  'Informatique',
  'Distribution',
  'Garage',
  'Toiture',
  'Entreprises',
  'Services',
  'Conseils',
  'Menuiserie',
  'Pharmacie',
  'Atelier',
  'Excavation',
  'Librairie',
] as const;
const TRADES_EN = [
  'Construction',
  'Plumbing',
  'Electric',
  'Renovations',
  'Bakery',
  'Logistics',
  'Catering',
  'Printing',
  'Landscaping',
  'Software',
  'Distribution',
  'Roofing',
  'Consulting',
  'Design',
  'Marine',
  'Dental',
] as const;
const FORMS_CA = ['inc.', 'Inc.', 'ltée', 'Ltd', 'Ltée', 'senc', 'enr.', 'Corp.', ''] as const;
const FORMS_FR = ['SARL', 'SAS', 'SA', 'EURL', 'SASU', ''] as const;

function companyName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  const french = rng.chance(0.3);
  const form = french ? rng.pick(FORMS_FR) : rng.pick(FORMS_CA);
  const shape = rng.int(0, 5);
  const fr = rng.pick(TRADES_FR);
  const en = rng.pick(TRADES_EN);
  const base = [
    `${fr} ${surname}`,
    `Les ${fr} ${surname}`,
    `${surname} & Fils`,
    `${surname} ${en}`,
    `Groupe ${surname} ${fr}`,
    `${fr} ${rng.pick(SURNAMES)}-${surname}`,
  ][shape]!;
  return `${base} ${form}`.trim();
}

const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * DAY).toISOString().slice(0, 10);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const money = (cents: number) => (cents / 100).toFixed(2);

function typo(rng: Rng, name: string): string {
  const letters = [...name];
  const at = rng.int(1, Math.max(1, letters.length - 2));
  const kind = rng.int(0, 2);
  if (kind === 0) letters.splice(at, 1);
  else if (kind === 1) [letters[at], letters[at + 1]] = [letters[at + 1] ?? '', letters[at]!];
  else letters.splice(at, 0, letters[at]!);
  return letters.join('');
}

const ABBREVIATIONS: Record<string, string[]> = {
  CONSTRUCTION: ['CONST', 'CONSTR'],
  ENTREPRISES: ['ENTR', 'ENT'],
  SERVICES: ['SERV', 'SVC'],
  DISTRIBUTION: ['DIST', 'DISTRIB'],
  RENOVATIONS: ['RENO', 'RENOV'],
  INFORMATIQUE: ['INFO', 'INFORM'],
  ELECTRICITE: ['ELEC', 'ELECT'],
  PLOMBERIE: ['PLOMB'],
  TRANSPORT: ['TRANSP', 'TRSP'],
  GROUPE: ['GR', 'GRP'],
  CONSULTING: ['CONSULT'],
  LANDSCAPING: ['LANDSC'],
  LOGISTICS: ['LOGIST'],
  PAYSAGEMENT: ['PAYSAG'],
  IMPRIMERIE: ['IMPR'],
  MENUISERIE: ['MENUIS'],
  EBENISTERIE: ['EBEN'],
  EXCAVATION: ['EXCAV'],
};
const upperFolded = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

function abbreviate(rng: Rng, name: string): string {
  const words = upperFolded(name).split(/\s+/);
  let changed = false;
  const out = words.map((w) => {
    const options = ABBREVIATIONS[w.replace(/[^A-Z]/g, '')];
    if (options) {
      changed = true;
      return `${rng.pick(options)}${rng.chance(0.5) ? '.' : ''}`;
    }
    return w;
  });
  // No known word: the initials of all but the last word ("G. TREMBLAY").
  if (!changed && out.length > 1) return [...out.slice(0, -1).map((w) => `${w[0]}.`), out.at(-1)].join(' ');
  return out.join(' ');
}

/** The payer as a bank prints it: often upper case without accents, sometimes the legal form dropped or changed. */
function asBankPrints(rng: Rng, name: string): string {
  let out = rng.chance(0.6) ? upperFolded(name) : name;
  if (rng.chance(0.3)) out = out.replace(/\s+(inc\.?|ltée|ltd|sarl|sas|sa|eurl|sasu|senc|enr\.?|corp\.?)$/i, '');
  if (rng.chance(0.15)) out = `${out} INC`;
  return out;
}

/** Every spelling of INV2026-00012 customers use; `year` and `seq` from our number. */
function referenceVariant(rng: Rng, year: number, seq: number, lang: 'fr' | 'en'): string {
  const variants =
    lang === 'fr'
      ? [
          `FACT ${year}-${pad(seq, 4)}`,
          `Facture no ${seq}`,
          `Facture n° ${pad(seq, 5)}`,
          `${year}-${pad(seq, 5)}`,
          `fact. ${year}${pad(seq, 5)}`,
          `Paiement facture #${seq}`,
          `FA${year}-${seq}`,
          `N° ${seq}`,
        ]
      : [
          `INV${year}-${seq}`,
          `Invoice ${year}-${pad(seq, 3)}`,
          `Inv #${seq}`,
          `${year}-${pad(seq, 5)}`,
          `INVOICE NO ${pad(seq, 5)}`,
          `Payment inv ${year} ${seq}`,
          `# ${seq}`,
        ];
  return rng.pick(variants);
}

const UNRELATED = [
  ['DEPOT ATM', null],
  ['INTERETS CREDITEURS', 'Banque Nationale'],
  ['Virement entre comptes 4421', null],
  ['REMBOURSEMENT TPS/TVQ', 'Revenu Québec'],
  ['Subvention salariale', 'Gouvernement du Canada'],
  ['Remboursement fournisseur', 'Amazon Marketplace'],
  ['Dépôt mobile chèque 1043', null],
  ['Transfer from savings', null],
  ['Stripe payout', 'STRIPE'],
  ['Square deposit', 'SQUARE CANADA'],
] as const;

export interface GeneratorOptions {
  seed: number;
  clients: number;
  openInvoices: number;
  suppliers: number;
  openBills: number;
  /**
   * Lines that pay nothing of ours added to the statement (card settlements, payroll, transfers): a
   * real account has many more lines than open invoices. Drawn after everything else, so a company
   * without them is the same company.
   */
  otherLines?: number;
}

export function generateCompany(options: GeneratorOptions): Company {
  const rng = random(options.seed);
  const names = new Set<string>();
  const parties = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => {
      let name = companyName(rng);
      while (names.has(name)) name = companyName(rng);
      names.add(name);
      return { id: `${prefix}${i}`, name, lang: (rng.chance(0.65) ? 'fr' : 'en') as 'fr' | 'en' };
    });
  const clients = parties(options.clients, 'c');
  const suppliers = parties(options.suppliers, 's');
  // Amounts people invoice: round prices plus Québec taxes (14.975 %), or anything.
  const amount = () =>
    rng.chance(0.35)
      ? Math.round(rng.pick([250, 500, 750, 1000, 1200, 1500, 2000, 2500]) * 100 * 1.14975)
      : rng.int(3_000, 2_500_000);
  const items: OpenItem[] = [];
  let seq = rng.int(1, 40);
  for (let i = 0; i < options.openInvoices; i++) {
    const client = rng.pick(clients);
    const year = rng.chance(0.85) ? 2026 : 2025;
    const issuedOn = year === 2026 ? addDays('2026-01-05', rng.int(0, 150)) : addDays('2025-09-01', rng.int(0, 110));
    seq += rng.int(1, 3);
    items.push({
      kind: 'invoice',
      id: `i${i}`,
      number: `INV${year}-${pad(seq, 5)}`,
      partyId: client.id,
      party: client.name,
      currency: 'CAD',
      balanceCents: amount(),
      issuedOn,
      dueOn: addDays(issuedOn, 30),
    });
  }
  for (let i = 0; i < options.openBills; i++) {
    const supplier = rng.pick(suppliers);
    const billDate = addDays('2026-01-05', rng.int(0, 150));
    const theirs = rng.pick([
      `${upperFolded(supplier.name).slice(0, 2)}-${rng.int(1000, 99999)}`,
      `F-2026-${rng.int(100, 999)}`,
      `A${rng.int(10000, 999999)}`,
    ]);
    items.push({
      kind: 'bill',
      id: `b${i}`,
      number: `BILL2026-${pad(i + 1, 5)}`,
      otherNumbers: [theirs],
      partyId: supplier.id,
      party: supplier.name,
      currency: 'CAD',
      balanceCents: amount(),
      issuedOn: billDate,
      dueOn: addDays(billDate, 30),
    });
  }
  const langOf = new Map([...clients, ...suppliers].map((p) => [p.id, p.lang]));
  const invoices = items.filter((i) => i.kind === 'invoice');
  const bills = items.filter((i) => i.kind === 'bill');
  // The invoices not paid yet, in their order: the draws below pick among them by position, so they
  // are kept where a position is found in log n (a Fenwick tree of alive flags) — the same draws as
  // a list rebuilt for each pick, and still fast at 50,000 invoices.
  const alive = new Uint8Array(invoices.length).fill(1);
  const tree = new Int32Array(invoices.length + 1);
  const bump = (at: number, by: number) => {
    for (let i = at + 1; i <= invoices.length; i += i & -i) tree[i]! += by;
  };
  for (let i = 0; i < invoices.length; i++) bump(i, 1);
  let unpaidCount = invoices.length;
  const position = new Map(invoices.map((item, i) => [item, i]));
  const pay = (item: OpenItem) => {
    const at = position.get(item)!;
    if (!alive[at]) return;
    alive[at] = 0;
    bump(at, -1);
    unpaidCount--;
  };
  /** The k-th (0-based) invoice still unpaid. */
  const nth = (k: number) => {
    let at = 0;
    let left = k + 1;
    for (let step = 1 << Math.floor(Math.log2(invoices.length || 1)); step; step >>= 1)
      if (at + step <= invoices.length && tree[at + step]! < left) {
        at += step;
        left -= tree[at]!;
      }
    return invoices[at]!;
  };
  const take = () => {
    if (!unpaidCount) return null;
    const item = nth(Math.floor(rng.next() * unpaidCount));
    pay(item);
    return item;
  };
  const lines: TruthLine[] = [];
  let n = 0;
  const lineFor = (
    item: OpenItem,
    amountCents: number,
    payer: string,
    text: string,
    noise: Noise,
    truth: string[],
  ): TruthLine => ({
    line: {
      id: `l${n++}`,
      accountId: 'a1',
      bookedOn: addDays(item.issuedOn, rng.int(3, 60)),
      amountCents,
      currency: 'CAD',
      description: text,
      counterparty: rng.chance(0.8) ? payer : null,
      reference: null,
    },
    noise,
    truth,
  });
  const refOf = (item: OpenItem) => {
    const m = /(\d{4})-(\d+)/.exec(item.number)!;
    return referenceVariant(rng, Number(m[1]), Number(m[2]), langOf.get(item.partyId)!);
  };
  const describe = (item: OpenItem, payer: string, withRef: boolean) => {
    const lang = langOf.get(item.partyId)!;
    const prefix =
      lang === 'fr'
        ? rng.pick(['VIREMENT RECU', 'Virement', 'PAIEMENT', 'Dépôt'])
        : rng.pick(['E-TRANSFER', 'Payment', 'WIRE IN', 'Deposit']);
    return withRef ? `${prefix} ${refOf(item)}` : rng.chance(0.5) ? `${prefix} ${payer}` : prefix;
  };
  const plan: [Noise, number][] = [
    ['clean', 0.16],
    ['reference_variant', 0.14],
    ['no_reference', 0.1],
    ['name_typo', 0.07],
    ['name_abbreviated', 0.07],
    ['name_truncated', 0.07],
    ['fee_deducted', 0.08],
    ['partial', 0.06],
    ['several_invoices', 0.08],
    ['over_payment', 0.03],
    ['duplicate_line', 0.02],
    ['unrelated', 0.04],
    ['same_amount_decoy', 0.03],
  ];
  const paying = Math.floor(options.openInvoices * 0.75);
  for (const [noise, share] of plan) {
    const count = Math.max(1, Math.round(paying * share));
    for (let k = 0; k < count; k++) {
      if (noise === 'unrelated') {
        const [text, party] = rng.pick(UNRELATED);
        lines.push({
          line: {
            id: `l${n++}`,
            accountId: 'a1',
            bookedOn: addDays('2026-02-01', rng.int(0, 120)),
            amountCents: rng.int(500, 900_000),
            currency: 'CAD',
            description: text,
            counterparty: party,
            reference: null,
          },
          noise,
          truth: [],
        });
        continue;
      }
      if (noise === 'same_amount_decoy') {
        // Someone who is not a client pays exactly what an open invoice owes.
        const target = rng.pick(invoices);
        lines.push({
          line: {
            id: `l${n++}`,
            accountId: 'a1',
            bookedOn: addDays(target.issuedOn, rng.int(1, 40)),
            amountCents: target.balanceCents,
            currency: 'CAD',
            description: rng.pick(['Dépôt', 'VIREMENT RECU', 'Deposit', 'E-TRANSFER']),
            counterparty: rng.pick([
              'JEAN-FRANCOIS MARCOTTE',
              'A. NADEAU',
              'SYLVIE DUPRE',
              'MIKE OCONNOR',
              'ASSOCIATION LOISIRS',
              null,
            ]),
            reference: null,
          },
          noise,
          truth: [],
        });
        continue;
      }
      if (noise === 'several_invoices') {
        // Clients with two unpaid invoices or more, in the order of their first unpaid invoice.
        const byClient = new Map<string, OpenItem[]>();
        for (let i = 0; i < invoices.length; i++) {
          if (!alive[i]) continue;
          const item = invoices[i]!;
          const list = byClient.get(item.partyId);
          if (list) {
            if (list.length < 4) list.push(item);
          } else byClient.set(item.partyId, [item]);
        }
        const multi = [...byClient.values()].filter((l) => l.length >= 2);
        if (!multi.length) continue;
        const own = rng.pick(multi);
        const members = own.slice(0, rng.int(2, Math.min(4, own.length)));
        for (const m of members) pay(m);
        const total = members.reduce((s, m) => s + m.balanceCents, 0);
        const payer = asBankPrints(rng, members[0]!.party);
        const lang = langOf.get(members[0]!.partyId)!;
        const listed = rng.chance(0.5);
        const text = listed
          ? `${lang === 'fr' ? 'Paiement factures' : 'Payment invoices'} ${members.map((m) => m.number.replace(/^INV\d{4}-0*/, '')).join(', ')}`
          : lang === 'fr'
            ? 'VIREMENT RECU'
            : 'WIRE IN';
        const latest = members.reduce((a, b) => (a.issuedOn > b.issuedOn ? a : b));
        const tl = lineFor(
          latest,
          total,
          payer,
          text,
          noise,
          members.map((m) => m.id),
        );
        // Without a list of numbers, the payer's name is what ties the transfer to the client.
        if (!listed) tl.line.counterparty = payer;
        lines.push(tl);
        continue;
      }
      const item = take();
      if (!item) continue;
      let payer = asBankPrints(rng, item.party);
      let paid = item.balanceCents;
      let withRef = rng.chance(0.6);
      if (noise === 'clean') {
        payer = item.party;
        const tl = lineFor(item, paid, payer, `Paiement ${item.number}`, noise, [item.id]);
        tl.line.counterparty = payer;
        lines.push(tl);
        continue;
      }
      if (noise === 'reference_variant') withRef = true;
      if (noise === 'no_reference') withRef = false;
      if (noise === 'name_typo') payer = typo(rng, upperFolded(item.party));
      if (noise === 'name_abbreviated') payer = abbreviate(rng, item.party);
      if (noise === 'name_truncated') payer = upperFolded(item.party).slice(0, rng.int(10, 18)).trim();
      if (noise === 'fee_deducted') paid -= rng.pick([150, 250, 500, 1000, 1500, 2000, 2500]);
      if (noise === 'partial') {
        paid = Math.round((paid * rng.int(20, 70)) / 100);
        withRef = rng.chance(0.7);
      }
      if (noise === 'over_payment') {
        paid += rng.int(100, 20_000);
        withRef = true;
      }
      const tl = lineFor(item, paid, payer, describe(item, payer, withRef), noise, [item.id]);
      if (['name_typo', 'name_abbreviated', 'name_truncated'].includes(noise)) tl.line.counterparty = payer;
      lines.push(tl);
      if (noise === 'duplicate_line') {
        // The same payment printed twice (an overlapping statement): the copy pays nothing.
        lines.push({ line: { ...tl.line, id: `l${n++}` }, noise, truth: [] });
        tl.noise = 'clean';
      }
    }
  }
  // Supplier bills paid from the account: money out, their own number in the text.
  for (const bill of bills.slice(0, Math.floor(bills.length * 0.6))) {
    const payee = asBankPrints(rng, bill.party);
    const withRef = rng.chance(0.7);
    lines.push({
      line: {
        id: `l${n++}`,
        accountId: 'a1',
        bookedOn: addDays(bill.issuedOn, rng.int(1, 45)),
        amountCents: -bill.balanceCents,
        currency: 'CAD',
        description: withRef
          ? `${rng.pick(['PAIEMENT FACTURE', 'BILL PAYMENT', 'VIR'])} ${bill.otherNumbers![0]}`
          : rng.pick(['PAIEMENT', 'Bill payment']),
        counterparty: payee,
        reference: null,
      },
      noise: 'bill_payment',
      truth: [bill.id],
    });
  }
  for (let k = 0; k < (options.otherLines ?? 0); k++) {
    const [text, party] = rng.pick(UNRELATED);
    const out = rng.chance(0.5);
    lines.push({
      line: {
        id: `l${n++}`,
        accountId: 'a1',
        bookedOn: addDays('2026-01-05', rng.int(0, 180)),
        amountCents: (out ? -1 : 1) * rng.int(500, 900_000),
        currency: 'CAD',
        description: `${text} ${rng.int(1000, 999_999)}`,
        counterparty: party,
        reference: null,
      },
      noise: 'unrelated',
      truth: [],
    });
  }
  // A statement is in date order, not in the order the generator thought of it.
  lines.sort((a, b) => a.line.bookedOn.localeCompare(b.line.bookedOn) || a.line.id.localeCompare(b.line.id));
  return { items, lines };
}

export { money };
