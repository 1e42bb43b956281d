/**
 * Ready-made requests a person picks in their MCP client, in their language. Each step names a tool
 * and appears only when the registry has that tool; what this Comptoir cannot do yet is said plainly,
 * and decisions stay with the person.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { listActions } from '../tools/actions/list-actions.ts';
import type { Lang, Session } from '../tools/context.ts';
import { registry, toolByName } from '../tools/registry.ts';
import { readTool } from './register.ts';

/** A step of a prompt: shown when the registry has `needs` (a tool name, or an area prefix ending in "_"). */
interface Step {
  needs?: string;
  en: string;
  fr: string;
  /** How to name the area in "not available yet" when `needs` is missing. */
  area?: Record<Lang, string>;
}

const available = (needs: string) =>
  needs.endsWith('_') ? registry.some((t) => t.name.startsWith(needs)) : Boolean(toolByName(needs));

function render(lang: Lang, steps: Step[]): string {
  const shown = steps.filter((s) => !s.needs || available(s.needs)).map((s) => s[lang]);
  const missing = steps.filter((s) => s.needs && s.area && !available(s.needs)).map((s) => s.area![lang]);
  if (missing.length) {
    shown.splice(
      shown.length - 1,
      0,
      lang === 'fr'
        ? `Ce Comptoir n'a pas encore d'outils pour : ${missing.join(', ')}. Dis-le au lieu de deviner.`
        : `This Comptoir has no tools yet for: ${missing.join(', ')}. Say so instead of guessing.`,
    );
  }
  return shown.join('\n');
}

const decisions: Step = {
  en: 'Never approve, reject, send or pay on your own: show me what you propose and, for pending actions, call actions_approve or actions_reject only when I decide — they ask me to confirm.',
  fr: "N'approuve, ne refuse, n'envoie et ne paie rien de toi-même : montre-moi ce que tu proposes et, pour les actions en attente, n'appelle actions_approve ou actions_reject que si je décide — ils me demandent de confirmer.",
};

function previousMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

const user = (text: string): GetPromptResult['messages'][number] => ({ role: 'user', content: { type: 'text', text } });

const monthEndClose = (month: string): Step[] => [
  {
    en: `Help me close the month ${month} in Comptoir. Go step by step and keep each summary short.`,
    fr: `Aide-moi à clôturer le mois ${month} dans Comptoir. Avance étape par étape, résumés courts.`,
  },
  {
    en: '- Actions waiting for approval (actions_list, status ["pending_approval"]): what is blocked and since when.',
    fr: '- Actions en attente d\'approbation (actions_list, statut ["pending_approval"]) : ce qui bloque et depuis quand.',
  },
  {
    needs: 'purchasing_list_orders',
    en: '- Purchase orders approved, sent, confirmed or received but not invoiced (purchasing_list_orders): flag those of the month.',
    fr: '- Bons de commande approuvés, envoyés, confirmés ou reçus mais non facturés (purchasing_list_orders) : signale ceux du mois.',
  },
  {
    needs: 'bills_list_bills',
    area: { en: 'supplier bills', fr: 'les factures fournisseurs' },
    en: '- Supplier bills still to approve or to pay (bills_list_bills, status ["booked"] then ["approved", "partially_paid"]), by due date.',
    fr: '- Factures fournisseurs à approuver ou à payer (bills_list_bills, statut ["booked"] puis ["approved", "partially_paid"]), par échéance.',
  },
  {
    needs: 'invoicing_list_invoices',
    area: { en: 'client invoices', fr: 'les factures clients' },
    en: '- Client invoices unpaid or overdue (invoicing_list_invoices, status ["sent", "viewed", "partially_paid", "overdue"]) with the balance per client.',
    fr: '- Factures clients impayées ou en retard (invoicing_list_invoices, statut ["sent", "viewed", "partially_paid", "overdue"]) avec le solde par client.',
  },
  {
    needs: 'banking_suggest_matches',
    area: { en: 'bank reconciliation', fr: 'le rapprochement bancaire' },
    en: "- The month's bank transactions still unmatched, with their suggested invoices and bills (banking_suggest_matches).",
    fr: '- Les transactions bancaires du mois encore sans correspondance, avec les factures proposées (banking_suggest_matches).',
  },
  {
    needs: 'analytics_spend',
    en: '- Spend of the month by supplier (analytics_spend).',
    fr: '- Dépenses du mois par fournisseur (analytics_spend).',
  },
  {
    en: 'Finish with a short to-do list, largest amounts first.',
    fr: 'Termine par une courte liste de choses à faire, les plus gros montants en premier.',
  },
  decisions,
];

const chaseOverdueInvoices = (minDays: number): Step[] => [
  {
    needs: 'invoicing_list_invoices',
    area: { en: 'client invoices', fr: 'les factures clients' },
    en: `Find the client invoices overdue by ${minDays} day(s) or more (invoicing_list_invoices, status ["overdue", "partially_paid"], due date at least ${minDays} day(s) ago) and group them by client: balance owed, days late.`,
    fr: `Trouve les factures clients en retard de ${minDays} jour(s) ou plus (invoicing_list_invoices, statut ["overdue", "partially_paid"], échéance passée d'au moins ${minDays} jour(s)) et regroupe-les par client : solde dû, jours de retard.`,
  },
  {
    needs: 'analytics_ar_aging',
    en: 'Use analytics_ar_aging for the aging buckets and DSO.',
    fr: "Utilise analytics_ar_aging pour l'ancienneté des créances et le DSO.",
  },
  {
    needs: 'reminders_',
    area: {
      en: 'payment reminders (draft the reminder text for me instead)',
      fr: 'les rappels de paiement (rédige-moi plutôt le texte du rappel)',
    },
    en: "List the reminders due today under the company's schedule (reminders_list_due), then propose each one with reminders_send_reminder (invoiceId and scheduleDay): it is written in the client's language and goes through the approval queue.",
    fr: "Liste les rappels dus aujourd'hui selon le calendrier de l'entreprise (reminders_list_due), puis propose chacun avec reminders_send_reminder (invoiceId et scheduleDay) : il est rédigé dans la langue du client et passe par la file d'approbation.",
  },
  {
    en: 'Leave out any invoice the client disputes, and tell me which.',
    fr: 'Laisse de côté toute facture que le client conteste, et dis-moi lesquelles.',
  },
  decisions,
];

async function reviewPendingApprovals(session: Session): Promise<GetPromptResult> {
  const lang = session.lang;
  const pending = await readTool(session, listActions, { status: ['pending_approval'], limit: 100 });
  const ask =
    lang === 'fr'
      ? "Passe en revue avec moi les actions en attente d'approbation ci-dessous, de la plus urgente (expiration) à la moins urgente. Pour chacune : ce qu'elle ferait, le montant, la confiance et ses raisons (preuves), ce qui pourrait clocher, et ta recommandation."
      : 'Review with me the actions waiting for approval below, most urgent (expiry) first. For each: what it would do, the amount, the confidence and its reasons (evidence), what could be wrong, and your recommendation.';
  return {
    description: lang === 'fr' ? 'Revue des approbations en attente' : 'Review pending approvals',
    messages: [
      user(`${ask}\n${decisions[lang]}`),
      {
        role: 'user',
        content: {
          type: 'resource',
          resource: {
            uri: 'comptoir://approvals/pending',
            mimeType: 'application/json',
            text: JSON.stringify(pending, null, 2),
          },
        },
      },
    ],
  };
}

export function registerPrompts(server: McpServer, session: Session): void {
  const fr = session.lang === 'fr';
  server.registerPrompt(
    'month-end-close',
    {
      title: fr ? 'Clôture de fin de mois' : 'Month-end close',
      description: fr
        ? 'Ce qui reste ouvert pour le mois : approbations, commandes, factures, banque.'
        : 'What is still open for the month: approvals, orders, bills, invoices, bank.',
      argsSchema: {
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
          .optional()
          .describe('YYYY-MM; defaults to last month.'),
      },
    },
    ({ month }) => ({
      description: fr ? 'Clôture de fin de mois' : 'Month-end close',
      messages: [user(render(session.lang, monthEndClose(month ?? previousMonth(session.now()))))],
    }),
  );
  server.registerPrompt(
    'chase-overdue-invoices',
    {
      title: fr ? 'Relancer les factures en retard' : 'Chase overdue invoices',
      description: fr
        ? 'Trouver les factures en retard et préparer les rappels (vous décidez).'
        : 'Find overdue invoices and prepare reminders (you decide).',
      argsSchema: {
        minDaysOverdue: z
          .string()
          .regex(/^\d{1,3}$/)
          .optional()
          .describe('Only invoices at least this many days late; default 1.'),
      },
    },
    ({ minDaysOverdue }) => ({
      description: fr ? 'Relance des factures en retard' : 'Chase overdue invoices',
      messages: [user(render(session.lang, chaseOverdueInvoices(minDaysOverdue ? Number(minDaysOverdue) : 1)))],
    }),
  );
  server.registerPrompt(
    'review-pending-approvals',
    {
      title: fr ? 'Revoir les approbations en attente' : 'Review pending approvals',
      description: fr
        ? 'Les actions en attente, avec leurs preuves, pour décider une par une.'
        : 'The pending actions with their evidence, to decide one by one.',
    },
    () => reviewPendingApprovals(session),
  );
}
