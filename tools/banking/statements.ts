/** Bank accounts and imported transactions as they stand: what the bank page lists. */
import { asc, desc } from 'drizzle-orm';
import { bankAccounts, bankTransactions } from '../../db/schema/index.ts';
import { tenantJoin, withTenant } from '../../db/tenant.ts';
import type { Session } from '../context.ts';
import { fromMinor } from '../money.ts';

export async function bankOverview(session: Session, limit = 200) {
  return withTenant(session.db, session.tenantId, async (tx) => {
    const accounts = await tx.select().from(bankAccounts).orderBy(asc(bankAccounts.name));
    const transactions = await tx
      .select({ t: bankTransactions, account: bankAccounts.name })
      .from(bankTransactions)
      .innerJoin(bankAccounts, tenantJoin(bankAccounts.id, bankTransactions.accountId))
      .orderBy(desc(bankTransactions.bookedOn))
      .limit(limit);
    return {
      accounts: accounts.map((a) => ({ id: a.id, name: a.name, institution: a.institution, currency: a.currency })),
      transactions: transactions.map(({ t, account }) => ({
        id: t.id,
        account,
        bookedOn: t.bookedOn,
        amount: fromMinor(t.amountCents, t.currency),
        currency: t.currency,
        description: t.description,
        counterparty: t.counterparty,
        status: t.status,
      })),
    };
  });
}
