/**
 * The pages an approval link opens: the action to confirm (approve or reject, with a note), the
 * result, and plain explanations for links that are unknown, used or expired. No script, no login:
 * the link is the credential, and a form POST is the decision.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ActionRow } from '../../tools/actions/door.ts';
import { formatAmount, formatConfidence, formatDeadline, formatWeight } from '../../tools/actions/approval-texts.ts';
import type { Lang } from '../../tools/context.ts';

type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

const words = {
  fr: {
    title: (n: number) => `Action n° ${n} — votre décision`,
    lead: (name: string) =>
      `${name}, cette action attend votre décision. Rien n'est décidé avant que vous choisissiez ci-dessous.`,
    tool: 'Outil',
    amount: 'Montant',
    confidence: 'Confiance',
    level: "Niveau d'approbation",
    by: 'Demandée par',
    ai: "l'IA",
    person: 'une personne',
    why: 'Motif',
    deadline: 'À décider avant le',
    evidence: 'Éléments de preuve',
    none: 'Aucun élément de preuve enregistré.',
    note: 'Note (facultative)',
    approve: 'Approuver',
    reject: 'Refuser',
    result: 'Décision enregistrée',
    problem: 'Lien inutilisable',
    unknownTitle: 'Lien inconnu',
    other: 'English',
  },
  en: {
    title: (n: number) => `Action #${n} — your decision`,
    lead: (name: string) => `${name}, this action awaits your decision. Nothing is decided until you choose below.`,
    tool: 'Tool',
    amount: 'Amount',
    confidence: 'Confidence',
    level: 'Approval level',
    by: 'Requested by',
    ai: 'the AI',
    person: 'a person',
    why: 'Reason',
    deadline: 'Decide by',
    evidence: 'Evidence',
    none: 'No evidence recorded.',
    note: 'Note (optional)',
    approve: 'Approve',
    reject: 'Reject',
    result: 'Decision recorded',
    problem: 'This link cannot be used',
    unknownTitle: 'Unknown link',
    other: 'Français',
  },
} as const;

function layout(lang: Lang, title: string, body: Page): Page {
  return html`<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="robots" content="noindex" />
  <title>${title} · Comptoir</title>
  <style>
    :root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1b; }
    body { margin: 0; background: #f6f5f2; }
    main { max-width: 40rem; margin: 3rem auto; padding: 2rem 2.5rem; background: #fff; border-radius: 14px; box-shadow: 0 1px 3px #0002; }
    h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.2rem; }
    dt { color: #666; } dd { margin: 0; font-weight: 600; }
    ul.evidence { padding-left: 1.2rem; } ul.evidence li { margin: .2rem 0; }
    textarea { width: 100%; min-height: 4rem; box-sizing: border-box; }
    .buttons { display: flex; gap: 1rem; margin-top: 1rem; }
    button { font-size: 1rem; padding: .6rem 1.4rem; border-radius: 8px; border: 1px solid #ccc; background: #fff; cursor: pointer; }
    button.primary.approve { background: #1a7f37; border-color: #1a7f37; color: #fff; }
    button.primary.reject { background: #b42318; border-color: #b42318; color: #fff; }
    .message { font-size: 1.1rem; }
    .lang { float: right; font-size: .9rem; }
  </style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** The confirmation page: what the action is, why the AI is confident or not, and the two choices. */
export function confirmPage(p: {
  lang: Lang;
  approverName: string;
  action: ActionRow;
  toolTitle: string;
  preferred: 'approve' | 'reject';
}): Page {
  const w = words[p.lang];
  const a = p.action;
  const amount = formatAmount(a.amountCents, a.currency, p.lang);
  const button = (d: 'approve' | 'reject') =>
    html`<button type="submit" name="decision" value="${d}" class="${d}${d === p.preferred ? ' primary' : ''}">${w[d]}</button>`;
  const order = p.preferred === 'approve' ? (['approve', 'reject'] as const) : (['reject', 'approve'] as const);
  return layout(
    p.lang,
    w.title(a.number),
    html`<a class="lang" href="?lang=${p.lang === 'fr' ? 'en' : 'fr'}">${w.other}</a>
<h1>${w.title(a.number)}</h1>
<p>${w.lead(p.approverName)}</p>
<dl>
  <dt>${w.tool}</dt><dd>${p.toolTitle} <code>${a.tool}</code></dd>
  ${amount ? html`<dt>${w.amount}</dt><dd>${amount}</dd>` : ''}
  <dt>${w.confidence}</dt><dd>${formatConfidence(a.confidence, p.lang)}</dd>
  <dt>${w.level}</dt><dd>${a.requiredLevel}</dd>
  <dt>${w.by}</dt><dd>${a.byAi ? w.ai : w.person}</dd>
  ${a.rationale ? html`<dt>${w.why}</dt><dd>${a.rationale}</dd>` : ''}
  ${a.expiresAt ? html`<dt>${w.deadline}</dt><dd>${formatDeadline(a.expiresAt, p.lang)}</dd>` : ''}
</dl>
<h2>${w.evidence}</h2>
${
  a.evidence.length
    ? html`<ul class="evidence">${a.evidence.map((e) => html`<li>${e.detail} <small>(${formatWeight(e.weight)})</small></li>`)}</ul>`
    : html`<p>${w.none}</p>`
}
<form method="post">
  <label>${w.note}<br /><textarea name="note" maxlength="2000"></textarea></label>
  <div class="buttons">${order.map(button)}</div>
</form>`,
  );
}

export function resultPage(lang: Lang, message: string): Page {
  const w = words[lang];
  return layout(lang, w.result, html`<h1>${w.result}</h1><p class="message">${message}</p>`);
}

/** A link that cannot decide: in the approver's language when the link is known, else in both. */
export function problemPage(lang: Lang | 'both', message: string): Page {
  if (lang === 'both') {
    const [fr, en] = message.split('\n');
    return layout(
      'fr',
      `${words.fr.unknownTitle} / ${words.en.unknownTitle}`,
      html`<h1>${words.fr.unknownTitle}</h1><p class="message">${fr ?? ''}</p>
<hr /><h1 lang="en">${words.en.unknownTitle}</h1><p class="message" lang="en">${en ?? ''}</p>`,
    );
  }
  return layout(lang, words[lang].problem, html`<h1>${words[lang].problem}</h1><p class="message">${message}</p>`);
}
