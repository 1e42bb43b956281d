/**
 * What people read about deadlines and email approvals, in French or English: in-app notices for
 * escalated and expired actions, the approval email, and the answers to an approval link.
 */
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import type { Lang } from '../context.ts';
import { formatMoney } from '../money.ts';

export function escalatedNotice(lang: Lang, n: number, level: number): string {
  return lang === 'fr'
    ? `L'action n° ${n} passe au niveau ${level}, faute de décision dans le délai : elle attend votre approbation.`
    : `Action #${n} moved up to level ${level} after no decision in time: it awaits your approval.`;
}

export function expiredNotice(lang: Lang, n: number): string {
  return lang === 'fr'
    ? `L'action n° ${n} a expiré sans décision : elle ne sera pas exécutée. Demandez-la de nouveau si elle est toujours utile.`
    : `Action #${n} expired without a decision: it will not run. Ask again if it is still needed.`;
}

export const linkTexts = {
  en: {
    unknown: 'This approval link is not valid. Open the approvals inbox in Comptoir to decide.',
    used: 'This approval link was already used. Each link works once; open the approvals inbox in Comptoir to see the decision.',
    expired:
      'This approval link has expired. Open the approvals inbox in Comptoir: the action may have moved to another approver.',
    inactive: 'Your account is deactivated: this link no longer lets you decide.',
    approvedByLink: 'Approved from an email link.',
    rejectedByLink: 'Rejected from an email link.',
    rejected: (n: number) => `Action #${n} rejected. It will not run.`,
  },
  fr: {
    unknown: "Ce lien d'approbation n'est pas valide. Ouvrez la file d'approbation dans Comptoir pour décider.",
    used: "Ce lien d'approbation a déjà servi. Chaque lien ne sert qu'une fois ; ouvrez la file d'approbation dans Comptoir pour voir la décision.",
    expired:
      "Ce lien d'approbation a expiré. Ouvrez la file d'approbation dans Comptoir : l'action est peut-être passée à un autre approbateur.",
    inactive: 'Votre compte est désactivé : ce lien ne permet plus de décider.',
    approvedByLink: 'Approuvée depuis un lien reçu par courriel.',
    rejectedByLink: 'Refusée depuis un lien reçu par courriel.',
    rejected: (n: number) => `Action n° ${n} refusée. Elle ne sera pas exécutée.`,
  },
} as const;

/** What an approval email says about the action: the same facts the approvals inbox shows. */
export interface ApprovalFacts {
  number: number;
  tool: string;
  toolTitle: string;
  requiredLevel: number;
  amountCents: bigint | null;
  currency: string | null;
  confidence: number;
  evidence: EvidenceFactor[];
  rationale: string | null;
  expiresAt: Date;
}

export interface ApprovalEmail {
  subject: string;
  text: string;
  html: string;
}

export const formatAmount = (cents: bigint | null, currency: string | null, lang: Lang) =>
  cents === null ? null : formatMoney(cents, currency ?? 'CAD', lang === 'fr' ? 'fr-CA' : 'en-CA');

export const formatConfidence = (c: number, lang: Lang) =>
  lang === 'fr' ? `${Math.round(c * 100)} %` : `${Math.round(c * 100)}%`;

/** Deadlines in UTC, said so: a company's time zone is not known here. */
export const formatDeadline = (at: Date, lang: Lang) =>
  `${new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at)} UTC`;

export const formatWeight = (w: number) => `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(2)}`;

export function approvalEmail(
  lang: Lang,
  to: { name: string },
  facts: ApprovalFacts,
  links: { approve: string; reject: string },
  escalated: boolean,
): ApprovalEmail {
  const amount = formatAmount(facts.amountCents, facts.currency, lang);
  const deadline = formatDeadline(facts.expiresAt, lang);
  const t =
    lang === 'fr'
      ? {
          subject: `${escalated ? 'Approbation transférée' : 'Approbation demandée'} : action n° ${facts.number} — ${facts.toolTitle}${amount ? ` (${amount})` : ''}`,
          hello: `Bonjour ${to.name},`,
          lead: escalated
            ? `L'action n° ${facts.number} n'a pas été décidée à temps : elle passe au niveau ${facts.requiredLevel} et attend votre décision.`
            : `L'action n° ${facts.number} attend votre décision (niveau ${facts.requiredLevel}).`,
          tool: 'Outil',
          amount: 'Montant',
          confidence: 'Confiance',
          why: 'Motif',
          evidence: 'Éléments de preuve',
          deadline: 'À décider avant le',
          approve: 'Approuver',
          reject: 'Refuser',
          note: "Chaque lien ne sert qu'une fois, pour vous seulement, jusqu'à l'échéance. Le lien affiche d'abord l'action : rien n'est décidé avant votre confirmation.",
        }
      : {
          subject: `${escalated ? 'Approval escalated' : 'Approval needed'}: action #${facts.number} — ${facts.toolTitle}${amount ? ` (${amount})` : ''}`,
          hello: `Hello ${to.name},`,
          lead: escalated
            ? `Action #${facts.number} was not decided in time: it moved up to level ${facts.requiredLevel} and awaits your decision.`
            : `Action #${facts.number} awaits your decision (level ${facts.requiredLevel}).`,
          tool: 'Tool',
          amount: 'Amount',
          confidence: 'Confidence',
          why: 'Reason',
          evidence: 'Evidence',
          deadline: 'Decide by',
          approve: 'Approve',
          reject: 'Reject',
          note: 'Each link works once, for you only, until the deadline. It shows the action first: nothing is decided until you confirm.',
        };
  const rows = [
    [t.tool, `${facts.toolTitle} (${facts.tool})`],
    ...(amount ? [[t.amount, amount]] : []),
    [t.confidence, formatConfidence(facts.confidence, lang)],
    ...(facts.rationale ? [[t.why, facts.rationale]] : []),
    [t.deadline, deadline],
  ] as [string, string][];
  const evidence = facts.evidence.map((e) => `${e.detail} (${formatWeight(e.weight)})`);
  // French puts a space before the colon.
  const colon = lang === 'fr' ? ' : ' : ': ';
  const text = [
    t.hello,
    '',
    t.lead,
    '',
    ...rows.map(([k, v]) => `${k}${colon}${v}`),
    ...(evidence.length ? ['', `${t.evidence}${colon.trimEnd()}`, ...evidence.map((e) => `  - ${e}`)] : []),
    '',
    `${t.approve}${colon}${links.approve}`,
    `${t.reject}${colon}${links.reject}`,
    '',
    t.note,
    '',
    '— Comptoir',
  ].join('\n');
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif;color:#1d1d1b">
<p>${esc(t.hello)}</p>
<p>${esc(t.lead)}</p>
<table cellpadding="4">${rows.map(([k, v]) => `<tr><th align="left">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
${evidence.length ? `<p><strong>${esc(t.evidence)}</strong></p><ul>${evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` : ''}
<p><a href="${esc(links.approve)}" style="background:#1a7f37;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${esc(t.approve)}</a>
&nbsp; <a href="${esc(links.reject)}" style="background:#b42318;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${esc(t.reject)}</a></p>
<p style="color:#666;font-size:90%">${esc(t.note)}</p>
</body></html>`;
  return { subject: t.subject, text, html };
}

/** HTML escaping for the few values an email interpolates (names, rationale, evidence, links). */
export function esc(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}
