/**
 * Reconciles a bank transaction with the one invoice or bill it pays: a thin form of
 * banking_confirm_match (one target), kept for the clients and prompts that name it. The payment is
 * recorded by the invoicing and bills tools, the match kept with its action, the payer learned.
 */
import { z } from 'zod';
import { defineTool } from '../define.ts';
import { Money } from '../money.ts';
import { confirmMatch } from './confirm-match.ts';
import { bankingTexts } from './texts.ts';

const input = z.object({
  transactionId: z.string().uuid(),
  targetKind: z.enum(['invoice', 'bill']).describe('invoice for money in, bill for money out.'),
  targetId: z.string().uuid().describe('The invoice or bill id, as banking_suggest_matches gives it.'),
  amount: Money.optional().describe(
    'Part of the transaction to apply; defaults to what the document still owes, at most the transaction.',
  ),
});

const asConfirm = (req: z.output<typeof input>) =>
  confirmMatch.input.parse({
    transactionId: req.transactionId,
    targets: [{ kind: req.targetKind, id: req.targetId, amount: req.amount }],
  });

export const reconcileTransaction = defineTool({
  name: 'banking_reconcile_transaction',
  title: 'Reconcile a bank transaction',
  description:
    'Record that a bank transaction pays one open client invoice (money in) or approved supplier bill ' +
    '(money out): the payment is recorded on the invoice or bill, which becomes partially_paid or paid, and ' +
    'the transaction is marked matched. The amount defaults to what the document owes, at most the transaction; ' +
    'more than the balance is refused. Same as banking_confirm_match with one target (use that one for a split).',
  kind: 'write',
  risk: 'money',
  effect: 'sets',
  roles: ['admin', 'manager', 'accountant'],
  input,
  output: z.object({
    transactionId: z.string().uuid(),
    status: z.literal('matched'),
    matchId: z.string().uuid(),
    targetKind: z.enum(['invoice', 'bill']),
    number: z.string(),
    amount: z.string(),
    currency: z.string(),
    balance: z.string(),
    targetStatus: z.string(),
  }),
  assess: (ctx, req) => confirmMatch.assess!(ctx, asConfirm(req)),
  async run(ctx, req, prepared) {
    const out = await confirmMatch.run(ctx, asConfirm(req), prepared as never);
    const m = out.matches[0]!;
    return {
      transactionId: out.transactionId,
      status: 'matched' as const,
      matchId: m.matchId,
      targetKind: m.targetKind,
      number: m.number,
      amount: m.amount,
      currency: out.currency,
      balance: m.balance,
      targetStatus: m.status,
    };
  },
  summarize: (out, lang) => bankingTexts[lang].reconciled(out.number),
});
