/**
 * Approving and rejecting over MCP. These two tools are not in the registry on purpose: the agent must
 * never decide its own proposals. Here the connected person confirms each decision in their client
 * (elicitation); a client that cannot ask them is refused, and the door still checks their role and limit.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type ElicitRequestFormParams, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { approve, reject } from '../tools/actions/door.ts';
import { getAction } from '../tools/actions/get-action.ts';
import { alreadyDecidedMessage } from '../tools/actions/messages.ts';
import type { ActionView } from '../tools/actions/schemas.ts';
import type { Lang, Session } from '../tools/context.ts';
import { conflict, forbidden, invalid } from '../tools/errors.ts';
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
    mismatch: (detail: string) =>
      `Your client's answer does not fit the confirmation form (${detail}): nothing was decided. Answer with confirm true or false, and an optional note of at most 2000 characters.`,
    declined: (verb: Verb, n: number) =>
      `Action #${n} was not ${verb === 'approve' ? 'approved' : 'rejected'}: you did not confirm. It is still pending.`,
  },
  fr: {
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
    mismatch: (detail: string) =>
      `La réponse de votre client ne correspond pas au formulaire de confirmation (${detail}) : rien n'a été décidé. Répondez avec confirm à true ou false, et une note facultative d'au plus 2000 caractères.`,
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
    // Tool descriptions are prompts, in English for every session like the registry's (models read it
    // best); what the person reads (the confirmation, the answer) stays in their language.
    const t = text.en;
    server.registerTool(
      `actions_${verb}`,
      {
        title: verb === 'approve' ? t.approveTitle : t.rejectTitle,
        description: verb === 'approve' ? t.approveDescription : t.rejectDescription,
        inputSchema: Input,
        outputSchema: Output,
        // Written as register.ts writes the registry's, only where they differ from the spec's defaults.
        // Both decide for good (destructive, the default); deciding twice changes nothing more, the door
        // refuses an action already decided (idempotent). Approving runs the action, which may send
        // something outside (open world, the default); rejecting touches only our records.
        annotations: verb === 'approve' ? { idempotentHint: true } : { idempotentHint: true, openWorldHint: false },
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
          const answer = await server.server
            .elicitInput(request, { relatedRequestId: extra.requestId, timeout: CONFIRMATION_TIMEOUT_MS })
            .catch((err: unknown) => {
              // The SDK checks the answer against the form and throws a protocol error, which would
              // reach the person as "Internal error": say what was wrong, and that nothing was decided.
              if (err instanceof McpError && err.code === ErrorCode.InvalidParams)
                throw invalid(text[lang].mismatch(err.message.replace(/^MCP error -?\d+: /, '')));
              throw err;
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
