import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor } from '../money.ts';
import { isConfident, openTargets, rank, unmatchedTransactions } from './matching.ts';

const Evidence = z.object({ factor: z.string(), weight: z.number(), detail: z.string() });

export const suggestMatches = defineTool({
  name: 'banking_suggest_matches',
  title: 'Suggest reconciliation matches',
  description:
    'For bank transactions not yet reconciled, suggest what they pay: money in against open client invoices, ' +
    'money out against approved supplier bills. Each candidate has a score from 0 to 1 and its evidence ' +
    '(amount equals the balance, invoice or bill number in the bank text, client or supplier name, date). ' +
    '"confident" marks a first candidate clearly ahead of the others. Record one with banking_reconcile_transaction, ' +
    'or set a transaction aside with banking_ignore_transaction.',
  kind: 'read',
  input: z.object({
    transactionId: z.string().uuid().optional().describe('Only this transaction.'),
    account: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Only this bank account: part of its name, IBAN or number.'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(200)
      .default(50)
      .describe('How many unmatched transactions to look at, newest first.'),
  }),
  output: z.object({
    suggestions: z.array(
      z.object({
        transaction: z.object({
          id: z.string().uuid(),
          bookedOn: z.string(),
          amount: z.string(),
          currency: z.string(),
          description: z.string(),
          counterparty: z.string().nullable(),
          reference: z.string().nullable(),
        }),
        confident: z.boolean(),
        candidates: z.array(
          z.object({
            kind: z.enum(['invoice', 'bill']),
            id: z.string().uuid(),
            number: z.string(),
            party: z.string(),
            balance: z.string(),
            amount: z.string().describe('What the payment would record: the transaction amount.'),
            score: z.number(),
            evidence: z.array(Evidence),
          }),
        ),
      }),
    ),
  }),
  async run(ctx, input) {
    const transactions = await unmatchedTransactions(
      ctx,
      { transactionId: input.transactionId, account: input.account },
      input.limit,
    );
    const [incoming, outgoing] = await Promise.all([openTargets(ctx, 'in'), openTargets(ctx, 'out')]);
    return {
      suggestions: transactions.map((tx) => {
        const ranked = rank(tx, tx.amountCents > 0n ? incoming : outgoing, ctx.lang);
        return {
          transaction: {
            id: tx.id,
            bookedOn: tx.bookedOn,
            amount: fromMinor(tx.amountCents, tx.currency),
            currency: tx.currency,
            description: tx.description,
            counterparty: tx.counterparty,
            reference: tx.reference,
          },
          confident: isConfident(ranked),
          candidates: ranked.map((c) => ({
            kind: c.target.kind,
            id: c.target.id,
            number: c.target.numbers[0]!,
            party: c.target.party,
            balance: fromMinor(c.target.balanceCents, c.target.currency),
            amount: fromMinor(c.amountCents, c.target.currency),
            score: c.score,
            evidence: c.evidence,
          })),
        };
      }),
    };
  },
  summarize: (out, lang) => {
    const found = out.suggestions.filter((s) => s.candidates.length).length;
    return lang === 'fr'
      ? `${out.suggestions.length} opération(s) à rapprocher, ${found} avec une correspondance possible.`
      : `${out.suggestions.length} transaction(s) to reconcile, ${found} with a possible match.`;
  },
});
