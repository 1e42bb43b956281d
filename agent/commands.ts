/**
 * Runs a parsed slash command as the logged-in person: the same registry tools and action door the
 * agent uses, but byAi false — a command is the person's own request, and /approve is their decision.
 * A command whose tools do not exist yet answers so plainly.
 */
import { approve, reject } from '../tools/actions/door.ts';
import type { Lang, Session, Source } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { AppError, errorBody } from '../tools/errors.ts';
import { invoke } from '../tools/invoke.ts';
import { reconcileAll } from '../tools/banking/reconcile-all.ts';
import { formatAmount, fromMinor } from '../tools/money.ts';
import type { SlashCommand } from './slash.ts';
import { usage } from './slash.ts';
import { badgeOf, type ToolCallRecord } from './tool-calls.ts';

export interface CommandReply {
  text: string;
  toolCalls: ToolCallRecord[];
}

type Lookup = (name: string) => AnyTool | undefined;

/** The registry tools each command needs; the first missing one makes the command unavailable. */
export const COMMAND_TOOLS: Record<Exclude<SlashCommand['name'], 'help' | 'approve' | 'reject'>, string[]> = {
  po: ['purchasing_find_suppliers', 'purchasing_create_order', 'purchasing_submit_order'],
  invoice: ['invoicing_find_clients', 'invoicing_create_invoice'],
  remind: ['reminders_list_due', 'reminders_send_reminder'],
  reconcile: ['banking_suggest_matches', 'banking_confirm_match'],
};

const t = {
  fr: {
    unavailable: (cmd: string) =>
      `La commande /${cmd} n'est pas encore disponible : cette fonction n'existe pas encore dans Comptoir.`,
    helpTitle: 'Commandes (elles fonctionnent même sans modèle d’IA) :',
    notYet: ' (pas encore disponible)',
    noMatch: (kind: string, q: string) => `Aucun ${kind} ne correspond à « ${q} ».`,
    several: (kind: string, names: string[]) =>
      `Plusieurs ${kind}s correspondent : ${names.join(', ')}. Précisez le nom.`,
    supplier: 'fournisseur',
    client: 'client',
    noAction: (n: number) => `Aucune action n° ${n} dans cette entreprise.`,
    noInvoice: (n: string) => `Aucune facture ${n}.`,
    noneDue: 'Aucun rappel de paiement à envoyer aujourd’hui.',
    dueCount: (n: number) => `${n} rappel(s) de paiement à envoyer aujourd’hui :`,
    notSent: (number: string, why: string) => `${number} non relancée : ${why}`,
    nothingToReconcile: 'Aucune opération bancaire à rapprocher.',
    toReconcile: (n: number) => `${n} opération(s) bancaire(s) à rapprocher :`,
    candidates: (list: string) => `à confirmer : ${list}`,
    noCandidate: 'aucune facture ne correspond',
    notReconciled: (why: string) => `non rapprochée : ${why}`,
  },
  en: {
    unavailable: (cmd: string) =>
      `The /${cmd} command is not available yet: Comptoir does not have this capability yet.`,
    helpTitle: 'Commands (they work even without an AI model):',
    notYet: ' (not available yet)',
    noMatch: (kind: string, q: string) => `No ${kind} matches "${q}".`,
    several: (kind: string, names: string[]) => `Several ${kind}s match: ${names.join(', ')}. Please be more specific.`,
    supplier: 'supplier',
    client: 'client',
    noAction: (n: number) => `No action #${n} in this company.`,
    noInvoice: (n: string) => `No invoice ${n}.`,
    noneDue: 'No payment reminder is due today.',
    dueCount: (n: number) => `${n} payment reminder(s) due today:`,
    notSent: (number: string, why: string) => `${number} not reminded: ${why}`,
    nothingToReconcile: 'No bank transaction to reconcile.',
    toReconcile: (n: number) => `${n} bank transaction(s) to reconcile:`,
    candidates: (list: string) => `to confirm: ${list}`,
    noCandidate: 'no invoice or bill matches',
    notReconciled: (why: string) => `not reconciled: ${why}`,
  },
} satisfies Record<Lang, unknown>;

class Reply extends Error {}

type Suggestions = {
  suggestions: {
    transaction: {
      id: string;
      bookedOn: string;
      amount: string;
      currency: string;
      description: string;
      counterparty: string | null;
    };
    confident: boolean;
    candidates: { kind: 'invoice' | 'bill'; id: string; number: string; party: string; score: number }[];
  }[];
};

/** `source` is the frontend the command came from (a command can arrive by email too), recorded on its actions. */
export async function runCommand(
  session: Session,
  command: SlashCommand,
  lookup: Lookup,
  source: Source,
): Promise<CommandReply> {
  const lang = session.lang;
  const w = t[lang];
  const calls: ToolCallRecord[] = [];
  let n = 0;

  /** One tool call as the person, recorded like the agent's so the chat shows it the same way. */
  async function call(name: string, args: unknown): Promise<unknown> {
    const tool = lookup(name)!;
    const id = `cmd_${++n}`;
    try {
      const out = await invoke(session, tool, args, { source, byAi: false });
      if (out.kind === 'read') {
        calls.push({ id, name, args, ok: true, message: out.message ?? tool.title });
        return out.output;
      }
      const a = out.action;
      const action = badgeOf(a);
      calls.push({ id, name, args, ok: a.status !== 'failed', message: a.message, action });
      if (a.status === 'failed') throw new Reply(a.message);
      return a;
    } catch (err) {
      if (err instanceof Reply) throw err;
      const body = errorBody(err).error;
      if (!(err instanceof AppError)) console.error(err);
      calls.push({ id, name, args, ok: false, message: body.message, errorCode: body.code });
      throw new Reply(body.message);
    }
  }

  /** Exactly one match by name, or a question back (none, or several that the name does not settle). */
  function pickOne<T extends { id: string; name: string }>(rows: T[], query: string, kind: string): T {
    const exact = rows.filter((r) => r.name.toLowerCase() === query.toLowerCase());
    if (exact.length === 1) return exact[0]!;
    if (rows.length === 1) return rows[0]!;
    if (!rows.length) throw new Reply(w.noMatch(kind, query));
    throw new Reply(
      w.several(
        kind,
        rows.map((r) => r.name),
      ),
    );
  }

  const missing = (name: keyof typeof COMMAND_TOOLS) => COMMAND_TOOLS[name].some((tool) => !lookup(tool));

  try {
    switch (command.name) {
      case 'help': {
        const lines = (Object.keys(usage[lang]) as SlashCommand['name'][]).map((c) => {
          const unavailable = c in COMMAND_TOOLS && missing(c as keyof typeof COMMAND_TOOLS);
          return `• ${usage[lang][c]}${unavailable ? w.notYet : ''}`;
        });
        return { text: [w.helpTitle, ...lines].join('\n'), toolCalls: [] };
      }
      case 'po': {
        if (missing('po')) return { text: w.unavailable('po'), toolCalls: [] };
        const found = (await call('purchasing_find_suppliers', { query: command.supplier, limit: 10 })) as {
          suppliers: { id: string; name: string }[];
        };
        const supplier = pickOne(found.suppliers, command.supplier, w.supplier);
        const draft = (await call('purchasing_create_order', { supplierId: supplier.id, lines: command.lines })) as {
          status: string;
          result: { id: string } | null;
          message: string;
        };
        // A draft that itself waits for approval cannot be submitted yet: say so and stop there.
        if (draft.status !== 'executed' || !draft.result) return { text: draft.message, toolCalls: calls };
        const submitted = (await call('purchasing_submit_order', { orderId: draft.result.id })) as { message: string };
        return { text: `${draft.message}\n${submitted.message}`, toolCalls: calls };
      }
      case 'invoice': {
        if (missing('invoice')) return { text: w.unavailable('invoice'), toolCalls: [] };
        const found = (await call('invoicing_find_clients', { query: command.client, limit: 10 })) as {
          clients: { id: string; name: string }[];
        };
        const client = pickOne(found.clients, command.client, w.client);
        const created = (await call('invoicing_create_invoice', { clientId: client.id, lines: command.lines })) as {
          message: string;
        };
        return { text: created.message, toolCalls: calls };
      }
      case 'remind': {
        if (missing('remind')) return { text: w.unavailable('remind'), toolCalls: [] };
        if (command.invoice) {
          const done = (await call('reminders_send_reminder', { invoiceNumber: command.invoice })) as {
            message: string;
          };
          return { text: done.message, toolCalls: calls };
        }
        // Without an invoice: every reminder due today, each its own request, so one refusal stops no other.
        const due = (await call('reminders_list_due', {})) as {
          reminders: { invoiceId: string; number: string; scheduleDay: number }[];
        };
        if (!due.reminders.length) return { text: w.noneDue, toolCalls: calls };
        const lines = [w.dueCount(due.reminders.length)];
        for (const r of due.reminders) {
          try {
            lines.push(
              (
                (await call('reminders_send_reminder', { invoiceId: r.invoiceId, scheduleDay: r.scheduleDay })) as {
                  message: string;
                }
              ).message,
            );
          } catch (err) {
            if (!(err instanceof Reply)) throw err;
            lines.push(w.notSent(r.number, err.message));
          }
        }
        return { text: lines.join('\n'), toolCalls: calls };
      }
      case 'reconcile': {
        if (missing('reconcile')) return { text: w.unavailable('reconcile'), toolCalls: [] };
        // Every unmatched line (of the account named), matched against the whole statement: the matches
        // the engine allows alone are recorded in bulk as this person's request; the rest are listed.
        const run = await reconcileAll(session, { person: { source }, account: command.account ?? undefined });
        const { suggestions } = (await call(
          'banking_suggest_matches',
          command.account ? { account: command.account, limit: 200 } : { limit: 200 },
        )) as Suggestions;
        if (!suggestions.length && !run.outcomes.length) return { text: w.nothingToReconcile, toolCalls: calls };
        const head = (tx: {
          bookedOn: string;
          amount: string;
          currency: string;
          counterparty: string | null;
          description: string;
        }) => {
          const what = tx.counterparty ?? tx.description;
          return `• ${tx.bookedOn} ${formatAmount(tx.amount, tx.currency, lang)} ${lang === 'fr' ? `« ${what} »` : `"${what}"`}`;
        };
        const lines = [w.toReconcile(run.outcomes.length + suggestions.length)];
        for (const o of run.outcomes) {
          const tx = { ...o.transaction, amount: fromMinor(o.transaction.amountCents, o.transaction.currency) };
          lines.push(`${head(tx)} : ${o.status ? o.message : w.notReconciled(o.message)}`);
        }
        for (const { transaction: tx, candidates } of suggestions)
          lines.push(
            `${head(tx)} : ${candidates.length ? w.candidates(candidates.map((c) => `${c.number} (${c.party}, ${c.score.toFixed(2)})`).join(', ')) : w.noCandidate}`,
          );
        return { text: lines.join('\n'), toolCalls: calls };
      }
      case 'approve':
      case 'reject': {
        const listed = (await call('actions_list', { status: ['pending_approval'], limit: 200 })) as {
          actions: { id: string; number: number }[];
        };
        let target = listed.actions.find((a) => a.number === command.number);
        if (!target) {
          // Not pending: find it anyway, so the door can say it was already decided.
          const all = (await call('actions_list', { limit: 200 })) as { actions: { id: string; number: number }[] };
          target = all.actions.find((a) => a.number === command.number);
        }
        if (!target) throw new Reply(w.noAction(command.number));
        const decide = command.name === 'approve' ? approve : reject;
        const id = `cmd_${++n}`;
        try {
          const a = await decide(session, target.id, { source, note: command.note ?? undefined });
          const action = badgeOf(a);
          calls.push({
            id,
            name: `actions_${command.name}`,
            args: { number: command.number },
            ok: a.status !== 'failed',
            message: a.message,
            action,
          });
          return { text: a.message, toolCalls: calls };
        } catch (err) {
          const body = errorBody(err).error;
          calls.push({
            id,
            name: `actions_${command.name}`,
            args: { number: command.number },
            ok: false,
            message: body.message,
            errorCode: body.code,
          });
          throw new Reply(body.message);
        }
      }
    }
  } catch (err) {
    if (err instanceof Reply) return { text: err.message, toolCalls: calls };
    throw err;
  }
}
