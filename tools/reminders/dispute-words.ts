/**
 * Does a client's reply to an invoice or a reminder contest it? A conservative reader, with no model:
 * only the client's own words count (the quoted message below is cut off), a phrase must say the
 * invoice is wrong, not received or disputed (fr/en), and a negation next to it ("aucune erreur", "no
 * dispute") cancels it. A miss costs one more reminder; a false alarm stops a client's reminders, so
 * only clear wording counts, and even then a person approves it at the assisted level.
 */

/** Normalised for matching: lower case, accents removed, apostrophes and spaces made plain. */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/\s+/g, ' ');
}

/** The reply's own text: everything above the quoted message ("> …", "On … wrote:", "Le … a écrit :"). */
export function ownWords(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('>')) break;
    if (/^(on .{0,200} wrote|le .{0,200} a [eé]crit)\s*:?\s*$/i.test(t)) break;
    if (/^-{2,}\s*(original message|message d'origine|message original)/i.test(t)) break;
    if (/^(from|de)\s*:/i.test(t) && kept.length) break;
    kept.push(line);
  }
  return kept.join('\n');
}

/** Phrases that contest an invoice, after `plain()`; each names what it says for the evidence. */
const CONTESTS: { pattern: RegExp; says: string }[] = [
  { pattern: /\b(contest(e|ons|er|ation)|conteste)\b/, says: 'contestation' },
  { pattern: /\blitige\b/, says: 'litige' },
  { pattern: /\b(erreur|errone(e)?s?)\b/, says: 'erreur' },
  { pattern: /\b(pas|jamais|non) (encore )?recu(e|s|es)?\b/, says: 'pas reçu' },
  {
    pattern: /\b(montant|prix|quantite|total)s? (est |sont )?(incorrecte?s?|faux|fausse|errone(e)?s?|inexacte?s?)\b/,
    says: 'montant incorrect',
  },
  { pattern: /\b(n'avons|n'ai) (jamais |pas )(commande|recu)/, says: 'pas commandé / pas reçu' },
  { pattern: /\bdisput(e|ed|ing)\b/, says: 'dispute' },
  { pattern: /\b(not|never) (been )?(received|delivered|ordered)\b/, says: 'not received' },
  { pattern: /\b(wrong|incorrect|inaccurate) (amount|price|total|quantity|invoice)\b/, says: 'wrong amount' },
  { pattern: /\b(invoice|amount|bill|total) (is|was|seems) (wrong|incorrect|inaccurate)\b/, says: 'invoice is wrong' },
  { pattern: /\b(did not|didn't|never) (order|receive)\b/, says: 'not ordered / not received' },
];

/** Words that, just before a phrase, say the opposite ("aucune erreur", "no dispute", "sans litige"). */
const NEGATED = /\b(aucune?|sans|pas d'|pas de|no|not a|without|any)\s*$/;

export interface DisputeReading {
  /** The contesting phrases found, as written in the reply. */
  phrases: string[];
  /** What each one says, for the evidence. */
  says: string[];
}

/** The contesting phrases of a reply (subject and own words), or null when it does not contest. */
export function readDispute(subject: string, text: string): DisputeReading | null {
  const reading: DisputeReading = { phrases: [], says: [] };
  // The subject of a reply repeats ours ("Re: Rappel…"): only the client's part is read, without it.
  const own = plain(`${ownWords(text)}`);
  const subjectOwn = plain(subject.replace(/^((re|tr|fwd?)\s*:\s*)+/i, ''));
  for (const source of [own, /rappel|reminder|facture|invoice|avis|notice/.test(subjectOwn) ? '' : subjectOwn]) {
    for (const { pattern, says } of CONTESTS) {
      const m = pattern.exec(source);
      if (!m) continue;
      if (NEGATED.test(source.slice(Math.max(0, m.index - 20), m.index))) continue;
      if (!reading.says.includes(says)) {
        reading.phrases.push(m[0]);
        reading.says.push(says);
      }
    }
  }
  return reading.says.length ? reading : null;
}
