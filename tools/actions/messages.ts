/** What the door tells people about an action, in French or English. One table, used by every frontend. */
import { z } from 'zod';
import type { Lang, Role } from '../context.ts';
import { textIssueText } from '../input-text.ts';
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import type { Conversion } from '../exchange-rates.ts';
import { boundaryText, formatMoney } from '../money.ts';
import { aRole } from '../role-names.ts';
import type { ReasonCode } from './policy.ts';

const reasons: Record<Lang, Record<ReasonCode, string>> = {
  en: {
    viewer_cannot_write: 'Viewers can read but not change anything.',
    role_not_allowed: 'Your role may not do this.',
    ai_disabled: 'The AI may not change anything for this company (AI disabled in settings).',
    manual_level: 'Automation level is manual: every AI change needs a person.',
    assisted_needs_approval: 'Automation level is assisted: only drafts are made without a person.',
    below_confidence_threshold: 'Confidence is below the threshold set for this company.',
    above_ai_limit: "The amount is above the user's limit for AI actions.",
    above_hard_cap: "The amount is above the company's hard cap for AI actions.",
    no_exchange_rate:
      'The amount is in a foreign currency and the company holds no exchange rate for its date: the highest level decides (enter a rate in settings).',
    amount_needs_level: 'The amount needs approval at a higher level.',
    role_cannot_decide_risk:
      'Your role cannot commit money alone: an accountant, a manager or an administrator approves it.',
    above_approval_limit: 'The amount is above your approval limit.',
    draft_allowed: 'Drafts are allowed without approval.',
    within_rights: 'Within your rights.',
    confident_within_limits: 'Confident and within limits.',
  },
  fr: {
    viewer_cannot_write: 'Un lecteur peut consulter, pas modifier.',
    role_not_allowed: 'Votre rôle ne permet pas cette action.',
    ai_disabled: "L'IA ne peut rien modifier pour cette entreprise (IA désactivée dans les paramètres).",
    manual_level: "Niveau d'automatisation manuel : toute modification par l'IA exige une personne.",
    assisted_needs_approval: "Niveau d'automatisation assisté : seuls les brouillons se font sans approbation.",
    below_confidence_threshold: 'La confiance est sous le seuil fixé pour cette entreprise.',
    above_ai_limit: "Le montant dépasse la limite de l'utilisateur pour les actions de l'IA.",
    above_hard_cap: "Le montant dépasse le plafond absolu de l'entreprise pour l'IA.",
    no_exchange_rate:
      "Le montant est en devise étrangère et l'entreprise n'a aucun taux de change pour sa date : le niveau le plus élevé décide (saisissez un taux dans les paramètres).",
    amount_needs_level: "Le montant exige une approbation d'un niveau supérieur.",
    role_cannot_decide_risk:
      "Votre rôle ne peut pas engager d'argent seul : un comptable, un gestionnaire ou un administrateur l'approuve.",
    above_approval_limit: "Le montant dépasse votre limite d'approbation.",
    draft_allowed: 'Les brouillons sont permis sans approbation.',
    within_rights: 'Dans les limites de vos droits.',
    confident_within_limits: 'Confiance suffisante et montants dans les limites.',
  },
};

export const reasonText = (code: ReasonCode, lang: Lang) => reasons[lang][code];

export function queuedMessage(lang: Lang, n: number, level: number, approvers: Role[]): string {
  const who = aRole(approvers[0] ?? 'admin', lang);
  return lang === 'fr'
    ? `En attente d'approbation n° ${n} (niveau ${level}) : doit être approuvée par ${who} ou plus.`
    : `Pending approval #${n} (level ${level}): needs ${who} or above.`;
}

export function executedMessage(lang: Lang, n: number, summary: string | undefined): string {
  const done = lang === 'fr' ? `Action n° ${n} exécutée.` : `Action #${n} executed.`;
  return summary ? `${done} ${summary}` : done;
}

export function failedMessage(lang: Lang, n: number, error: string): string {
  return lang === 'fr'
    ? `L'action n° ${n} a échoué : ${error} Elle reste visible et peut être relancée.`
    : `Action #${n} failed: ${error} It stays visible and can be retried.`;
}

export function undoneMessage(lang: Lang, n: number): string {
  return lang === 'fr'
    ? `Action n° ${n} annulée : ce qu'elle avait fait est défait.`
    : `Action #${n} undone: what it did is reversed.`;
}

/** A rejection just made: said as the decision it is, not as a refusal to decide. */
export function rejectedMessage(lang: Lang, n: number): string {
  return lang === 'fr'
    ? `Action n° ${n} refusée : elle ne sera pas exécutée.`
    : `Action #${n} rejected: it will not run.`;
}

export function alreadyDecidedMessage(lang: Lang, n: number, status: string): string {
  return lang === 'fr'
    ? `L'action n° ${n} est déjà décidée (statut : ${status}).`
    : `Action #${n} was already decided (status: ${status}).`;
}

/** Undo refused because the tool has no way back: nothing reverses what it did. */
export function noUndoMessage(lang: Lang, n: number, tool: string): string {
  return lang === 'fr'
    ? `L'action n° ${n} (${tool}) ne peut pas être annulée.`
    : `Action #${n} (${tool}) cannot be undone.`;
}

/** Undo refused because a person ran or approved the action: undo here takes back only what the AI did alone. */
export function notAiAloneMessage(lang: Lang, n: number): string {
  return lang === 'fr'
    ? `L'action n° ${n} a été faite ou approuvée par une personne : seules les actions que l'IA a exécutées d'elle-même peuvent être annulées ici.`
    : `Action #${n} was done or approved by a person: only actions the AI executed on its own can be undone here.`;
}

export const refusalReasons: Record<Lang, Record<'role_too_low' | 'above_approval_limit' | 'own_request', string>> = {
  en: {
    role_too_low: 'Your role cannot approve at this level.',
    above_approval_limit: 'The amount is above your approval limit.',
    own_request: 'You cannot approve your own request; another person must.',
  },
  fr: {
    role_too_low: 'Votre rôle ne peut pas approuver à ce niveau.',
    above_approval_limit: "Le montant dépasse votre limite d'approbation.",
    own_request: 'Vous ne pouvez pas approuver votre propre demande : une autre personne doit le faire.',
  },
};

export function noActionMessage(lang: Lang, id: string): string {
  return lang === 'fr'
    ? `Aucune action ${id} dans cette entreprise. Listez les actions en attente pour la trouver.`
    : `No action ${id} in this company. List pending actions to find it.`;
}

export function toolGoneMessage(lang: Lang, tool: string): string {
  return lang === 'fr' ? `L'outil ${tool} n'est plus disponible.` : `Tool ${tool} is no longer available.`;
}

/** The rationale an undo is recorded with when the person gives no note. */
export function undoRationale(lang: Lang, n: number): string {
  return lang === 'fr' ? `Annulation de l'action n° ${n}` : `Undo of action #${n}`;
}

const zodFrench = z.locales.fr().localeError;

/** The value an issue is about, which zod's wording of a wrong type names ("nombre reçu"). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    raw,
  );
}

/**
 * One problem of a tool's input for people. English is the schema's own message. French words the
 * money, quantity, date and currency schemas as money.ts does, and anything else with zod's French
 * locale; the issue itself (its code, path and English message in `details`) stays as zod made it.
 */
export function issueText(issue: z.core.$ZodIssue, lang: Lang, raw: unknown): string {
  if (lang === 'en') return issue.message;
  const own = boundaryText(issue, lang) ?? textIssueText(issue, lang);
  if (own) return own;
  const worded = zodFrench({ ...issue, input: valueAt(raw, issue.path) } as unknown as z.core.$ZodRawIssue);
  return (typeof worded === 'string' ? worded : worded?.message) ?? issue.message;
}

/** Bad input, every problem with its field path, so the person (or model) can fix them all at once. */
export function invalidInputMessage(
  lang: Lang,
  tool: string,
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
): string {
  const problems = issues.map(
    (issue) =>
      `${issue.path.join('.') || (lang === 'fr' ? 'entrée' : 'input')}${lang === 'fr' ? ' : ' : ': '}${issueText(issue, lang, raw)}`,
  );
  return lang === 'fr'
    ? `Données invalides pour ${tool} : ${problems.join(' ; ')}`
    : `Invalid input for ${tool}: ${problems.join('; ')}`;
}

/** A client reused its idempotency key for a different request: the first one stands, this one is not run. */
export function idempotencyMismatchMessage(lang: Lang, key: string, tool: string, n: number): string {
  return lang === 'fr'
    ? `La clé d'idempotence « ${key} » a déjà servi pour une autre requête ${tool} (action n° ${n}) : rien n'a été fait. Utilisez une nouvelle clé pour une nouvelle requête.`
    : `Idempotency key "${key}" was already used for a different ${tool} request (action #${n}): nothing was done. Use a new key for a new request.`;
}

/**
 * Evidence for a foreign amount: both amounts and the rate used (given with the document, or held by
 * the company from a day), or that no rate is held, so the highest level decides.
 */
export function conversionFactor(
  lang: Lang,
  amount: { cents: bigint; currency: string },
  companyCurrency: string,
  conversion: Exclude<Conversion, { kind: 'same' }>,
): EvidenceFactor {
  const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  const original = formatMoney(amount.cents, amount.currency, locale);
  if (conversion.kind === 'missing')
    return {
      factor: 'no_exchange_rate',
      weight: 0,
      detail:
        lang === 'fr'
          ? `${original} : aucun taux ${amount.currency}→${companyCurrency} au ${conversion.on} ; montant en ${companyCurrency} inconnu, le niveau le plus élevé décide.`
          : `${original}: no ${amount.currency}→${companyCurrency} rate on ${conversion.on}; amount in ${companyCurrency} unknown, the highest level decides.`,
    };
  const converted = formatMoney(conversion.cents, companyCurrency, locale);
  const rate = conversion.rate.includes('.') ? conversion.rate.replace(/\.?0+$/, '') : conversion.rate;
  const source =
    conversion.source === 'document'
      ? lang === 'fr'
        ? 'taux donné avec le document'
        : 'rate given with the document'
      : lang === 'fr'
        ? `taux de l'entreprise en vigueur depuis le ${conversion.on}`
        : `company rate in force since ${conversion.on}`;
  return {
    factor: 'currency_conversion',
    weight: 0,
    detail:
      lang === 'fr'
        ? `${original} = ${converted} à ${rate} (${source}), arrondi au cent le plus proche.`
        : `${original} = ${converted} at ${rate} (${source}), rounded half-up to the cent.`,
  };
}
