/**
 * Approving and rejecting over MCP. These two tools are not in the registry on purpose: the agent must
 * never decide its own proposals. Here the connected person confirms each decision in their client
 * (elicitation); a client that cannot ask them is refused, and the door still checks their role and limit.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ElicitRequestFormParams } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { approve, reject } from '../tools/actions/door.ts';
import { getAction } from '../tools/actions/get-action.ts';
import { alreadyDecidedMessage } from '../tools/actions/messages.ts';
import type { ActionView } from '../tools/actions/schemas.ts';
import type { Lang, Session } from '../tools/context.ts';
import { conflict, forbidden } from '../tools/errors.ts';
import { readTool } from './register.ts';
import { ActionSummary, actionSummary, errorResult, structured } from './results.ts';
import { formatAmount } from '../tools/money.ts';

type Verb = 'approve' | 'reject';

/** A person may take a while to read what they approve; the SDK's default of one minute is too short. */
const CONFIRMATION_TIMEOUT_MS = 10 * 60_000;

const text = {
  en: {
    approveTitle: 'Approve a pending action',
    rejectTitle: 'Reject a pending action',
    approveDescription:
      'Approve a pending action (find it with actions_list, status ["pending_approval"]). You, the connected ' +
      'person, confirm in your client before anything happens; your role and approval limit apply. The action ' +
      'then executes and the answer says what it did.',
    rejectDescription:
      'Reject a pending action so it never executes. You, the connected person, confirm in your client first; ' +
      'your role and approval limit apply. Give the reason as note: the requester sees it.',
    noElicitation:
      'Approving or rejecting needs your explicit confirmation, and this client cannot ask for it: approve from ' +
      'the web inbox or a client that supports elicitation.',
    ask: (verb: Verb, a: ActionView) =>
      `${verb === 'approve' ? 'Approve' : 'Reject'} action #${a.number}: ${a.tool}` +
      `${a.amount ? `, ${formatAmount(a.amount, a.currency ?? 'CAD', 'en')}` : ''} (level ${a.requiredLevel}, confidence ${a.confidence}, ` +
      `from ${a.byAi ? 'the AI' : 'a person'} via ${a.source})?` +
      `${a.rationale ? `\nWhy: ${a.rationale}` : ''}\nRequest: ${brief(a.input)}`,
    confirm: (verb: Verb) => (verb === 'approve' ? 'Yes, approve it' : 'Yes, reject it'),
    note: (verb: Verb) => (verb === 'approve' ? 'Note (optional)' : 'Reason (shown to the requester)'),
    declined: (verb: Verb, n: number) =>
      `Action #${n} was not ${verb === 'approve' ? 'approved' : 'rejected'}: you did not confirm. It is still pending.`,
  },
  fr: {
    approveTitle: 'Approuver une action en attente',
    rejectTitle: 'Refuser une action en attente',
    approveDescription:
      'Approuver une action en attente (trouvez-la avec actions_list, statut ["pending_approval"]). Vous, la ' +
      'personne connectée, confirmez dans votre client avant que rien ne se passe ; votre rôle et votre limite ' +
      "d'approbation s'appliquent. L'action s'exécute ensuite et la réponse dit ce qu'elle a fait.",
    rejectDescription:
      "Refuser une action en attente pour qu'elle ne s'exécute jamais. Vous, la personne connectée, confirmez " +
      "d'abord dans votre client ; votre rôle et votre limite d'approbation s'appliquent. Donnez la raison en note : " +
      'le demandeur la verra.',
    noElicitation:
      'Approuver ou refuser exige votre confirmation explicite, et ce client ne peut pas la demander : approuvez ' +
      "depuis la boîte d'approbation web ou un client qui prend en charge l'élicitation.",
    ask: (verb: Verb, a: ActionView) =>
      `${verb === 'approve' ? 'Approuver' : 'Refuser'} l'action n° ${a.number} : ${a.tool}` +
      `${a.amount ? `, ${formatAmount(a.amount, a.currency ?? 'CAD', 'fr')}` : ''} (niveau ${a.requiredLevel}, confiance ${a.confidence}, ` +
      `demandée par ${a.byAi ? "l'IA" : 'une personne'} via ${a.source}) ?` +
      `${a.rationale ? `\nPourquoi : ${a.rationale}` : ''}\nDemande : ${brief(a.input)}`,
    confirm: (verb: Verb) => (verb === 'approve' ? "Oui, l'approuver" : 'Oui, la refuser'),
    note: (verb: Verb) => (verb === 'approve' ? 'Note (facultative)' : 'Raison (visible par le demandeur)'),
    declined: (verb: Verb, n: number) =>
      `L'action n° ${n} n'a pas été ${verb === 'approve' ? 'approuvée' : 'refusée'} : vous n'avez pas confirmé. Elle reste en attente.`,
  },
} satisfies Record<Lang, unknown>;

/** The request as one line a person can read in a confirmation dialog. */
function brief(input: unknown): string {
  const json = JSON.stringify(input) ?? '';
  return json.length > 400 ? `${json.slice(0, 399)}…` : json;
}

const Input = z.object({
  actionId: z.string().uuid().describe('Id of the pending action (actions_list gives it).'),
  note: z
    .string()
    .max(2000)
    .optional()
    .describe('Why; kept in the audit trail. The person may change it when confirming.'),
});
const Output = z.object({
  confirmed: z.boolean().describe('False when the person did not confirm: nothing changed.'),
  action: ActionSummary.optional(),
});

export function registerApprovalTools(server: McpServer, session: Session): void {
  for (const verb of ['approve', 'reject'] as const) {
    const t = text[session.lang];
    server.registerTool(
      `actions_${verb}`,
      {
        title: verb === 'approve' ? t.approveTitle : t.rejectTitle,
        description: verb === 'approve' ? t.approveDescription : t.rejectDescription,
        inputSchema: Input,
        outputSchema: Output,
        annotations: {
          readOnlyHint: false,
          // Approving runs the action, which may commit money or send something outside.
          destructiveHint: verb === 'approve',
          idempotentHint: false,
          openWorldHint: verb === 'approve',
        },
      },
      async ({ actionId, note }, extra) => {
        try {
          const lang = session.lang;
          if (!server.server.getClientCapabilities()?.elicitation?.form) throw forbidden(text[lang].noElicitation);
          const { action: a } = await readTool<{ action: ActionView }>(session, getAction, { actionId });
          // Asking a person to confirm what can no longer change would only waste their attention.
          if (a.status !== 'pending_approval')
            throw conflict(alreadyDecidedMessage(lang, a.number, a.status), { status: a.status });
          const request: ElicitRequestFormParams = {
            mode: 'form',
            message: text[lang].ask(verb, a),
            requestedSchema: {
              type: 'object',
              properties: {
                confirm: { type: 'boolean', title: text[lang].confirm(verb), default: false },
                note: {
                  type: 'string',
                  title: text[lang].note(verb),
                  maxLength: 2000,
                  ...(note ? { default: note } : {}),
                },
              },
              required: ['confirm'],
            },
          };
          const answer = await server.server.elicitInput(request, {
            relatedRequestId: extra.requestId,
            timeout: CONFIRMATION_TIMEOUT_MS,
          });
          if (answer.action !== 'accept' || answer.content?.confirm !== true) {
            return structured({ confirmed: false }, text[lang].declined(verb, a.number));
          }
          const given =
            typeof answer.content.note === 'string' && answer.content.note.trim() ? answer.content.note.trim() : note;
          const decide = verb === 'approve' ? approve : reject;
          const outcome = await decide(session, actionId, { source: 'mcp', note: given });
          return structured({ confirmed: true, action: actionSummary(outcome) }, outcome.message);
        } catch (err) {
          return errorResult(err);
        }
      },
    );
  }
}
