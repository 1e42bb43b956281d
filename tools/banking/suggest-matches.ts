/**
 * Suggestions for a page of unmatched lines (newest first, one account or one line): a thin view of
 * the reconciliation engine — the same statement-wide assignment, calibrated confidence and evidence
 * as banking_list_reconciliation, one row per document a candidate pays.
 */
import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor } from '../money.ts';
import { engineAllows } from './engine/policy.ts';
import { evidenceOf } from './match-texts.ts';
import { reconcileStatement, unmatchedTransactions } from './reconciliation.ts';

const Evidence = z.object({ factor: z.string(), weight: z.number(), detail: z.string() });

export const suggestMatches = defineTool({
  name: 'banking_suggest_matches',
  title: 'Suggest reconciliation matches',
  description:
    'For bank transactions not yet reconciled (newest first, optionally one account or one transaction), what ' +
    'they pay: money in against open client invoices, money out against approved supplier bills, from the ' +
    'statement-wide reconciliation (no document offered to two lines). Each candidate has a calibrated ' +
    'confidence from 0 to 1 ("score") and its evidence; a transfer paying several documents lists each of them ' +
    'with the same score. "confident" marks a first candidate the engine would record. Record one with ' +
    'banking_confirm_match (or banking_reconcile_transaction), see every line with banking_list_reconciliation.',
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
      .describe('How many unmatched transactions to show, newest first.'),
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
            amount: z.string().describe('What confirming would apply to this document.'),
            score: z.number(),
            evidence: z.array(Evidence),
          }),
        ),
      }),
    ),
  }),
  async run(ctx, input) {
    const page = await unmatchedTransactions(
      ctx,
      { transactionId: input.transactionId, account: input.account },
      input.limit,
    );
    if (!page.length) return { suggestions: [] };
    const [{ results }, tenant] = await Promise.all([reconcileStatement(ctx), ctx.tenant()]);
    const threshold = tenant.automationLevel === 'full' ? tenant.confidenceFloor : tenant.confidenceThreshold;
    const byLine = new Map(results.map((r) => [r.line.id, r]));
    return {
      suggestions: page.map((tx) => {
        const r = byLine.get(tx.id);
        const cents = (n: number) => fromMinor(BigInt(n), tx.currency);
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
          confident: Boolean(r?.chosen && r.candidates[0] === r.chosen && engineAllows(r.chosen, threshold)),
          candidates: (r?.candidates ?? []).flatMap((c) => {
            const evidence = evidenceOf(c, tx.currency, ctx.lang);
            return c.items.map(({ item, appliedCents }) => ({
              kind: item.kind,
              id: item.id,
              number: item.number,
              party: item.party,
              balance: cents(item.balanceCents),
              amount: cents(appliedCents),
              score: c.confidence,
              evidence,
            }));
          }),
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
