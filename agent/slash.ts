/**
 * Chat slash commands, parsed deterministically so they work with no model at all:
 *   /po <supplier>: <qty> x <description> @ <unit price>[; …]
 *   /invoice <client>: <qty> x <description> @ <unit price>[; …]
 *   /remind [invoice number]    /reconcile [account]    /approve <n> [note]    /reject <n> [note]    /help
 * Amounts stay strings here: tools/money.ts is the only place that reads them.
 */
import type { Lang } from '../tools/context.ts';

export interface SlashLine {
  quantity: string;
  description: string;
  unitPrice: string;
}

export type SlashCommand =
  | { name: 'help' }
  | { name: 'po'; supplier: string; lines: SlashLine[] }
  | { name: 'invoice'; client: string; lines: SlashLine[] }
  | { name: 'remind'; invoice: string | null }
  | { name: 'reconcile'; account: string | null }
  | { name: 'approve' | 'reject'; number: number; note: string | null };

export type SlashParse = { ok: true; command: SlashCommand } | { ok: false; error: string };

export const usage: Record<Lang, Record<SlashCommand['name'], string>> = {
  fr: {
    help: '/help — cette aide',
    po: '/po <fournisseur>: <qté> x <article> @ <prix unitaire>[; …] — ex. /po Bureau Plus: 10 x Chaise ergonomique @ 249.00',
    invoice:
      '/invoice <client>: <qté> x <article> @ <prix unitaire>[; …] — ex. /invoice Café Olimpico: 3 x Consultation @ 125.00',
    remind:
      '/remind [n° de facture] — relance de paiement : sans numéro, tous les rappels dus aujourd’hui ; ex. /remind INV2026-00012',
    reconcile: '/reconcile [compte] — rapprochement bancaire',
    approve: "/approve <n° d'action> [note] — approuver une action en attente, ex. /approve 12",
    reject: "/reject <n° d'action> [raison] — refuser une action en attente",
  },
  en: {
    help: '/help — this help',
    po: '/po <supplier>: <qty> x <item> @ <unit price>[; …] — e.g. /po Bureau Plus: 10 x Ergonomic chair @ 249.00',
    invoice:
      '/invoice <client>: <qty> x <item> @ <unit price>[; …] — e.g. /invoice Maple Leaf: 3 x Consulting @ 125.00',
    remind:
      '/remind [invoice number] — payment reminder: without a number, every reminder due today; e.g. /remind INV2026-00012',
    reconcile: '/reconcile [account] — bank reconciliation',
    approve: '/approve <action number> [note] — approve a pending action, e.g. /approve 12',
    reject: '/reject <action number> [reason] — reject a pending action',
  },
};

const unknownText: Record<Lang, (name: string) => string> = {
  fr: (name) => `Commande inconnue « /${name} ». Tapez /help pour la liste.`,
  en: (name) => `Unknown command "/${name}". Type /help for the list.`,
};
const badText: Record<Lang, (hint: string) => string> = {
  fr: (hint) => `Je n'ai pas compris la commande. Forme attendue : ${hint}`,
  en: (hint) => `I could not read that command. Expected: ${hint}`,
};

/** `10 x Chaise ergonomique @ 249.00` (also `×`, `*`, and a decimal comma in the quantity or price). */
const LINE = /^(\d+(?:[.,]\d+)?)\s*[x×*]\s*(.+?)\s*@\s*([\d\s.,\u00a0\u202f]+?)\s*(?:\$|€|[A-Z]{3})?$/i;

function parseLines(text: string): SlashLine[] | null {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  const lines: SlashLine[] = [];
  for (const part of parts) {
    const m = LINE.exec(part);
    if (!m) return null;
    lines.push({ quantity: m[1]!.replace(',', '.'), description: m[2]!, unitPrice: m[3]!.trim() });
  }
  return lines;
}

/** Null when the text is not a command (the agent answers it); otherwise the command or a clear error. */
export function parseSlash(text: string, lang: Lang): SlashParse | null {
  const trimmed = text.trim();
  const m = /^\/([a-z]+)\b\s*([\s\S]*)$/i.exec(trimmed);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  const bad = (command: SlashCommand['name']): SlashParse => ({
    ok: false,
    error: badText[lang](usage[lang][command]),
  });
  switch (name) {
    case 'help':
    case 'aide':
      return { ok: true, command: { name: 'help' } };
    case 'po':
    case 'invoice': {
      const colon = rest.indexOf(':');
      if (colon <= 0) return bad(name);
      const party = rest.slice(0, colon).trim();
      const lines = parseLines(rest.slice(colon + 1));
      if (!party || !lines) return bad(name);
      return { ok: true, command: name === 'po' ? { name, supplier: party, lines } : { name, client: party, lines } };
    }
    case 'remind':
      return !/\s/.test(rest) ? { ok: true, command: { name: 'remind', invoice: rest || null } } : bad('remind');
    case 'reconcile':
      return { ok: true, command: { name: 'reconcile', account: rest || null } };
    case 'approve':
    case 'reject': {
      const n = /^#?(\d{1,9})(?:\s+([\s\S]+))?$/.exec(rest);
      if (!n) return bad(name);
      return { ok: true, command: { name, number: Number(n[1]), note: n[2]?.trim() || null } };
    }
    default:
      return { ok: false, error: unknownText[lang](name) };
  }
}
