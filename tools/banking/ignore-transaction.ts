import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bankTransactions } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { bankingTexts } from './texts.ts';

export const ignoreTransaction = defineTool({
  name: 'banking_ignore_transaction',
  title: 'Ignore a bank transaction',
  description:
    'Set aside a bank transaction that pays no invoice or bill (bank fees, transfers between own accounts, ' +
    'payroll): it leaves the reconciliation list. Reversible with undo.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  roles: ['admin', 'manager', 'accountant'],
  input: z.object({ transactionId: z.string().uuid(), reason: z.string().trim().max(200).optional() }),
  output: z.object({ transactionId: z.string().uuid(), status: z.literal('ignored') }),
  async run(ctx, { transactionId }) {
    const [tx] = await ctx.db
      .select()
      .from(bankTransactions)
      .where(eq(bankTransactions.id, transactionId))
      .for('update');
    if (!tx) throw notFound(bankingTexts[ctx.lang].transactionNotFound(transactionId));
    if (tx.status !== 'unmatched') throw invalid(bankingTexts[ctx.lang].notUnmatched(tx.status), { status: tx.status });
    await ctx.db.update(bankTransactions).set({ status: 'ignored' }).where(eq(bankTransactions.id, transactionId));
    return { transactionId, status: 'ignored' as const };
  },
  async undo(ctx, { transactionId }) {
    await ctx.db
      .update(bankTransactions)
      .set({ status: 'unmatched' })
      .where(and(eq(bankTransactions.id, transactionId), eq(bankTransactions.status, 'ignored')));
  },
  summarize: (_, lang) => bankingTexts[lang].ignored,
});
