/**
 * The reconciliation list a screen or an agent works through: every unmatched bank line (paged), the
 * assignment's choice and the other candidates, each with its calibrated confidence, its evidence in
 * the reader's language and why it would not be recorded alone.
 */
import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor } from '../money.ts';
import { engineAllows, HISTORY_FLOOR, holdReasons } from './engine/policy.ts';
import { evidenceOf, holdText } from './match-texts.ts';
import { reconcileStatement } from './reconciliation.ts';
import { bankPayerAliases } from '../../db/schema/index.ts';

const Evidence = z.object({ factor: z.string(), weight: z.number(), detail: z.string() });

const Candidate = z.object({
  kind: z.enum(['exact', 'short', 'partial', 'over', 'group']),
  chosen: z.boolean().describe('The statement-wide assignment picked this one for the line.'),
  confidence: z.number(),
  targets: z.array(
    z.object({
      kind: z.enum(['invoice', 'bill']),
      id: z.string().uuid(),
      number: z.string(),
      party: z.string(),
      partyId: z.string().uuid(),
      balance: z.string(),
      amount: z.string().describe('What confirming applies to this document.'),
    }),
  ),
  fee: z.string().describe('Short payment: the difference, left open on the document.'),
  unapplied: z.string().describe('Over-payment: what stays unapplied (a credit for the party).'),
  evidence: z.array(Evidence),
  recordableAlone: z.boolean(),
  holds: z.array(z.object({ reason: z.string(), detail: z.string() })),
});

export const listReconciliation = defineTool({
  name: 'banking_list_reconciliation',
  title: 'List bank lines to reconcile with their candidates',
  description:
    'Every unmatched bank line (all of them, oldest first, paged with offset/limit) with what it may pay: ' +
    'the choice of a statement-wide assignment (no document paid twice, no line used twice) and other ' +
    'candidates — one invoice, several invoices of one client in one transfer, a payment short by a bank ' +
    'fee, a part payment, an over-payment — each with a calibrated confidence (0–1) and its evidence. ' +
    'Confirm with banking_confirm_match (several targets for a split), refuse with banking_reject_match.',
  kind: 'read',
  input: z.object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
    withCandidatesOnly: z.boolean().default(false).describe('Leave out lines nothing matches.'),
    transactionId: z.string().uuid().optional().describe('This one bank line only (empty when it is not unmatched).'),
    direction: z.enum(['in', 'out']).optional().describe('Money in (client payments) or out (supplier payments) only.'),
    search: z
      .string()
      .trim()
      .max(100)
      .optional()
      .describe('Only lines whose text, payer or reference contains this (case and accents ignored).'),
  }),
  output: z.object({
    total: z.number().int(),
    lines: z.array(
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
        payer: z.string(),
        duplicateOf: z.string().uuid().nullable(),
        candidates: z.array(Candidate),
      }),
    ),
  }),
  async run(ctx, input) {
    const { results, rows } = await reconcileStatement(ctx);
    const tenant = await ctx.tenant();
    const threshold = tenant.automationLevel === 'full' ? tenant.confidenceFloor : tenant.confidenceThreshold;
    const confirmations = new Map(
      (await ctx.db.select().from(bankPayerAliases)).map((a) => [
        `${a.direction}|${a.payer}|${a.partyId}`,
        a.confirmed,
      ]),
    );
    const fold = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    const wanted = input.search ? fold(input.search) : '';
    const kept = results.filter((r) => {
      if (input.transactionId && r.line.id !== input.transactionId) return false;
      if (input.withCandidatesOnly && !r.candidates.length) return false;
      const row = rows.get(r.line.id)!;
      if (input.direction && (row.amountCents > 0n ? 'in' : 'out') !== input.direction) return false;
      if (
        wanted &&
        !fold([row.description, row.counterparty, row.reference].filter(Boolean).join(' ')).includes(wanted)
      )
        return false;
      return true;
    });
    const page = kept.slice(input.offset, input.offset + input.limit);
    return {
      total: kept.length,
      lines: page.map((r) => {
        const row = rows.get(r.line.id)!;
        const direction = row.amountCents > 0n ? 'in' : 'out';
        return {
          transaction: {
            id: row.id,
            bookedOn: row.bookedOn,
            amount: fromMinor(row.amountCents, row.currency),
            currency: row.currency,
            description: row.description,
            counterparty: row.counterparty,
            reference: row.reference,
          },
          payer: r.payer,
          duplicateOf: r.duplicateOf,
          candidates: r.candidates.map((c) => {
            const chosen = c === r.chosen;
            const history = confirmations.get(`${direction}|${r.payer}|${c.items[0]!.item.partyId}`) ?? 0;
            const holds = holdReasons(c, chosen, threshold, history);
            const cents = (n: number) => fromMinor(BigInt(n), row.currency);
            return {
              kind: c.kind,
              chosen,
              confidence: c.confidence,
              targets: c.items.map(({ item, appliedCents }) => ({
                kind: item.kind,
                id: item.id,
                number: item.number,
                party: item.party,
                partyId: item.partyId,
                balance: cents(item.balanceCents),
                amount: cents(appliedCents),
              })),
              fee: cents(c.feeCents),
              unapplied: cents(c.creditCents),
              evidence: evidenceOf(c, row.currency, ctx.lang),
              recordableAlone: holds.length === 0 && engineAllows(c, threshold) && history >= HISTORY_FLOOR,
              holds: holds.map((h) => ({ reason: h, detail: holdText(h, ctx.lang) })),
            };
          }),
        };
      }),
    };
  },
  summarize: (out, lang) => {
    const found = out.lines.filter((l) => l.candidates.length).length;
    return lang === 'fr'
      ? `${out.total} opération(s) à rapprocher ; sur cette page, ${found} avec une correspondance possible.`
      : `${out.total} transaction(s) to reconcile; on this page, ${found} with a possible match.`;
  },
});
