/**
 * Party names as banks print them, reduced to what identifies the party: case, accents, punctuation
 * and legal forms removed once, then compared with trigrams (the pg_trgm measure) and by token
 * prefixes, because bank statements abbreviate ("ENTR. TREMBLAY") and truncate ("ENTREPRISES TREMB").
 * Pure: no I/O, so the matcher stays testable and fast.
 */

/** Legal forms and filler words in Canadian and French company names; they say nothing about who pays. */
const LEGAL_FORMS = new Set(
  (
    'INC INCORPORATED INCORPOREE LTD LTEE LIMITED LIMITEE LLC LLP LP CORP CORPORATION CO COMPANY CIE ' +
    'SARL SAS SASU SA EURL SCI SNC SENC SENCRL ENR GMBH AG BV NV PLC ULC ' +
    'THE LE LA LES DES DE DU D L ET AND'
  ).split(' '),
);

/**
 * Words banks add around the payer's name in a statement line ("VIREMENT RECU DE", "E-TRANSFER FROM").
 * They are removed only from statement text, never from a party's own name.
 */
const BANK_WORDS = new Set(
  (
    'VIR VIREMENT VIRT RECU RECUE SEPA INST PAIEMENT PAYMENT PMT PAY DEPOT DEPOSIT DEP INTERAC ETRANSFER ' +
    'E TRANSFER TRANSFERT TFR TRF FROM PAR REMISE CHEQUE CHQ EFT ACH CREDIT WIRE INCOMING ENTRANT REF ' +
    'ORDRE DONNEUR PRLV PRELEVEMENT FACTURE FACT FACTURES INVOICE INVOICES INV NO NUM NUMERO N'
  ).split(' '),
);

/** Upper case, no accents, letters and digits separated by single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** A party's name as compared: folded, legal forms and filler words gone. "Les Ébénisteries Côté ltée" → "EBENISTERIES COTE". */
export function normalizeName(name: string): string {
  const words = fold(name)
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.has(w));
  // A name made only of legal words ("La Cie") keeps them rather than becoming empty.
  return words.length ? words.join(' ') : fold(name);
}

/** The payer (or payee) as a statement line names it: the counterparty when the bank gives one, else the description without bank words and numbers. */
export function payerOf(counterparty: string | null, description: string): string {
  const source = counterparty?.trim() ? counterparty : description;
  return fold(source)
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.has(w) && !BANK_WORDS.has(w) && !/\d/.test(w))
    .join(' ');
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigrams(normalized: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalized.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm similarity(): shared trigrams over all trigrams of both. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How much of the party's name the payer text covers, word by word, where a payer word may be an
 * abbreviation or a truncation of a name word (a prefix of it, at least 3 letters or the whole word)
 * and words may be glued together by the bank ("TREMBLAYFILS"). 1 when every name word is found.
 */
export function prefixCoverage(payer: string, name: string): number {
  const nameWords = name.split(' ').filter(Boolean);
  if (!nameWords.length || !payer) return 0;
  const payerWords = payer.split(' ').filter(Boolean);
  const glued = payer.replace(/ /g, '');
  let found = 0;
  nameWords.forEach((word, i) => {
    const hit = payerWords.some((p) => p === word || (p.length >= 3 && word.startsWith(p)));
    if (hit || (word.length >= 4 && glued.includes(word))) found++;
    // A truncated statement keeps the start of the name: the payer's last word may be cut anywhere.
    else if (i === payerWords.length - 1 && word.startsWith(payerWords[i]!)) found += 0.8;
  });
  // Payer words that belong to no name word weaken the match (another company with a shared word).
  const extra = payerWords.filter(
    (p) => !nameWords.some((w) => w === p || (p.length >= 3 && w.startsWith(p)) || (p.length >= 2 && w.startsWith(p))),
  ).length;
  return Math.max(0, found / nameWords.length - 0.15 * extra);
}

/** How alike a payer text and a party name are, 0..1: the better of trigram similarity and word-prefix coverage. */
export function nameSimilarity(payer: string, payerGrams: Set<string>, name: string, nameGrams: Set<string>): number {
  return Math.max(trigramSimilarity(payerGrams, nameGrams), prefixCoverage(payer, name));
}
