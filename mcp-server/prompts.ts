/**
 * Ready-made requests a person picks in their MCP client, in their language. Each names the tools to
 * use, says plainly which areas this Comptoir does not have yet, and keeps decisions with the person.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { listActions } from '../tools/actions/list-actions.ts';
import type { Lang, Session } from '../tools/context.ts';
import { invoke } from '../tools/invoke.ts';
import { registry } from '../tools/registry.ts';

/** Whether the registry has tools of an area, e.g. "invoicing_": prompts only send the model to real tools. */
const hasArea = (prefix: string) => registry.some((t) => t.name.startsWith(prefix));

const decisions = {
  en: 'Never approve or reject on your own: show each pending action to me and, if I decide, call actions_approve or actions_reject, which ask me to confirm.',
  fr: "N'approuve ni ne refuse jamais de toi-même : montre-moi chaque action en attente et, si je décide, appelle actions_approve ou actions_reject, qui me demandent de confirmer.",
} satisfies Record<Lang, string>;

const missing = {
  en: (areas: string[]) => `This Comptoir has no ${areas.join(' or ')} tools yet: say so instead of guessing those figures.`,
  fr: (areas: string[]) => `Ce Comptoir n'a pas encore d'outils ${areas.join(' ni ')} : dis-le au lieu de deviner ces chiffres.`,
} satisfies Record<Lang, (areas: string[]) => string>;

function previousMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

const user = (text: string): GetPromptResult['messages'][number] => ({ role: 'user', content: { type: 'text', text } });

function monthEndClose(lang: Lang, month: string): GetPromptResult {
  const invoicing = hasArea('invoicing_');
  const banking = hasArea('banking_');
  const absent = [!invoicing && (lang === 'fr' ? 'de facturation' : 'invoicing'), !banking && (lang === 'fr' ? 'bancaires' : 'banking')].filter(
    (area): area is string => Boolean(area),
  );
  const steps =
    lang === 'fr'
      ? [
          `Aide-moi à clôturer le mois ${month} dans Comptoir.`,
          "1. Liste les actions en attente d'approbation (actions_list, statut [\"pending_approval\"]) et résume ce qui bloque.",
          '2. Liste les bons de commande approuvés, envoyés ou reçus sans facture (purchasing_list_orders) et signale ceux du mois.',
          invoicing ? '3. Liste les factures clients impayées et en retard du mois, avec le total par client.' : null,
          banking ? '4. Rapproche les transactions bancaires du mois et liste celles qui restent sans correspondance.' : null,
          absent.length ? missing.fr(absent) : null,
          'Termine par une liste courte de ce qui reste à faire, par ordre de montant.',
          decisions.fr,
        ]
      : [
          `Help me close the month ${month} in Comptoir.`,
          '1. List the actions waiting for approval (actions_list, status ["pending_approval"]) and sum up what is blocked.',
          '2. List purchase orders approved, sent or received but not invoiced (purchasing_list_orders) and flag those of the month.',
          invoicing ? "3. List the month's unpaid and overdue client invoices, with the total per client." : null,
          banking ? "4. Reconcile the month's bank transactions and list those still unmatched." : null,
          absent.length ? missing.en(absent) : null,
          'Finish with a short to-do list, largest amounts first.',
          decisions.en,
        ];
  return { description: lang === 'fr' ? 'Clôture de fin de mois' : 'Month-end close', messages: [user(steps.filter(Boolean).join('\n'))] };
}

function chaseOverdueInvoices(lang: Lang, minDays: number): GetPromptResult {
  const ready = hasArea('invoicing_') && hasArea('reminders_');
  const text =
    lang === 'fr'
      ? ready
        ? [
            `Trouve les factures clients en retard de ${minDays} jours ou plus et regroupe-les par client (montant dû, jours de retard, derniers rappels).`,
            "Pour chacune, propose un rappel poli dans la langue du client avec l'outil de rappel : il passera par la file d'approbation si l'entreprise l'exige.",
            'Signale toute réponse de client qui conteste une facture : pas de rappel pour celles-là.',
            decisions.fr,
          ]
        : [
            `Je veux relancer les factures clients en retard de ${minDays} jours ou plus.`,
            missing.fr(['de facturation', 'de rappels']),
            "Dis-moi seulement ce que Comptoir peut faire aujourd'hui (achats, file d'approbation).",
          ]
      : ready
        ? [
            `Find the client invoices overdue by ${minDays} days or more and group them by client (amount due, days late, last reminders).`,
            "For each, propose a polite reminder in the client's language with the reminder tool: it goes through the approval queue if the company requires it.",
            'Flag any client reply that disputes an invoice: no reminder for those.',
            decisions.en,
          ]
        : [
            `I want to chase client invoices overdue by ${minDays} days or more.`,
            missing.en(['invoicing', 'reminder']),
            'Tell me only what Comptoir can do today (purchasing, the approval queue).',
          ];
  return { description: lang === 'fr' ? 'Relance des factures en retard' : 'Chase overdue invoices', messages: [user(text.join('\n'))] };
}

async function reviewPendingApprovals(session: Session): Promise<GetPromptResult> {
  const lang = session.lang;
  const out = await invoke(session, listActions, { status: ['pending_approval'], limit: 100 }, { source: 'mcp', byAi: true });
  const pending = out.kind === 'read' ? out.output : { actions: [] };
  const ask =
    lang === 'fr'
      ? "Passe en revue avec moi les actions en attente d'approbation ci-dessous, de la plus urgente (expiration) à la moins urgente. Pour chacune : ce qu'elle ferait, le montant, la confiance et ses raisons (preuves), ce qui pourrait clocher, et ta recommandation."
      : 'Review with me the actions waiting for approval below, most urgent (expiry) first. For each: what it would do, the amount, the confidence and its reasons (evidence), what could be wrong, and your recommendation.';
  return {
    description: lang === 'fr' ? "Revue des approbations en attente" : 'Review pending approvals',
    messages: [
      user(`${ask}\n${decisions[lang]}`),
      { role: 'user', content: { type: 'resource', resource: { uri: 'comptoir://approvals/pending', mimeType: 'application/json', text: JSON.stringify(pending, null, 2) } } },
    ],
  };
}

export function registerPrompts(server: McpServer, session: Session): void {
  const fr = session.lang === 'fr';
  server.registerPrompt(
    'month-end-close',
    {
      title: fr ? 'Clôture de fin de mois' : 'Month-end close',
      description: fr ? "Ce qui reste ouvert pour le mois : approbations, commandes, factures, banque." : 'What is still open for the month: approvals, orders, invoices, bank.',
      argsSchema: { month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().describe('YYYY-MM; defaults to last month.') },
    },
    ({ month }) => monthEndClose(session.lang, month ?? previousMonth(session.now())),
  );
  server.registerPrompt(
    'chase-overdue-invoices',
    {
      title: fr ? 'Relancer les factures en retard' : 'Chase overdue invoices',
      description: fr ? 'Trouver les factures en retard et proposer des rappels (approuvés par vous).' : 'Find overdue invoices and propose reminders (you approve them).',
      argsSchema: { minDaysOverdue: z.string().regex(/^\d{1,3}$/).optional().describe('Only invoices at least this many days late; default 1.') },
    },
    ({ minDaysOverdue }) => chaseOverdueInvoices(session.lang, minDaysOverdue ? Number(minDaysOverdue) : 1),
  );
  server.registerPrompt(
    'review-pending-approvals',
    {
      title: fr ? 'Revoir les approbations en attente' : 'Review pending approvals',
      description: fr ? "Les actions en attente, avec leurs preuves, pour décider une par une." : 'The pending actions with their evidence, to decide one by one.',
    },
    () => reviewPendingApprovals(session),
  );
}
