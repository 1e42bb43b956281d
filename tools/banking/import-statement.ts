/**
 * Imports a bank statement file into a bank account. It only adds transactions: a line already
 * imported (same external id in the same account) is skipped, so importing a file twice adds nothing.
 * A statement whose lines do not add up from its opening to its closing balance is imported with a
 * warning, not refused: real banks' sample exports (anonymised, cut down) fail that check, and a
 * refused file would leave the person nothing to reconcile. The warning names both balances and the
 * difference, in the result, its summary and the action's evidence.
 */
import { and, eq, isNull, lte, or, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { bankAccounts, bankTransactions } from '../../db/schema/index.ts';
import type { Lang, ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { formatAmount, fromMinor, toMinor } from '../money.ts';
import { imbalanceOf } from './import/balance.ts';
import {
  CsvMapping,
  readStatement,
  StatementError,
  type ParsedFile,
  type Statement,
  type StatementAccount,
} from './import/index.ts';
import { bankingTexts } from './texts.ts';

const input = z.object({
  content: z
    .string()
    .min(1)
    .max(5_000_000)
    .describe('The statement file as text: camt.052/053/054 XML, MT940, MT942, OFX or CSV.'),
  fileName: z
    .string()
    .max(255)
    .optional()
    .describe('The file name, kept for the record; the format is read from the content.'),
  accountId: z
    .string()
    .uuid()
    .optional()
    .describe(
      'The bank account to import into; by default the account named in the statement (IBAN or number), created when new.',
    ),
  csvMapping: CsvMapping.optional().describe(
    'For a CSV: which column holds what. Saved on the bank account and used for its next CSV imports; ' +
      'without it, the account’s saved mapping, else the header row is read.',
  ),
});

/** The mapping saved on an account, when it still reads as one. */
export function savedMapping(account: { csvMapping: unknown } | null): CsvMapping | undefined {
  const parsed = CsvMapping.safeParse(account?.csvMapping);
  return parsed.success ? parsed.data : undefined;
}

/** The file read, or a refusal in the person's language: a bad file imports nothing. */
function parse(ctx: ToolCtx, content: string, currency: string, mapping?: CsvMapping): ParsedFile {
  try {
    return readStatement(content, currency, mapping);
  } catch (err) {
    if (err instanceof StatementError) throw invalid(ctx.lang === 'fr' ? err.fr : err.en);
    throw err;
  }
}

const accountKey = (a: StatementAccount) => a.iban ?? a.accountNumber;

const Amount = z.object({ amount: z.string(), currency: z.string() });
const Unbalanced = z.object({
  account: z.string().describe('The bank account the statement goes into.'),
  statement: z.string().nullable().describe('The bank’s reference of the statement.'),
  opening: Amount,
  closing: Amount,
  lines: z.number().int().describe('Booked transactions between the two balances.'),
  linesTotal: Amount.nullable().describe('Their sum; null when balances and transactions are in several currencies.'),
  difference: Amount.nullable().describe('closing − (opening + transactions); null when the currencies differ.'),
  currencies: z.array(z.string()),
});
type Unbalanced = z.output<typeof Unbalanced>;

const moneyOf = (b: { cents: bigint; currency: string }) => ({
  amount: fromMinor(b.cents, b.currency),
  currency: b.currency,
});

/** The statement's balance spans that do not add up, as the result reports them. */
function unbalancedOf(statement: Statement, account: string): Unbalanced[] {
  return statement.balances.flatMap((span) => {
    const gap = imbalanceOf(span);
    if (!gap) return [];
    const [currency] = gap.currencies;
    return [
      {
        account,
        statement: statement.reference,
        opening: moneyOf(gap.opening),
        closing: moneyOf(gap.closing),
        lines: gap.count,
        linesTotal: gap.kind === 'difference' ? moneyOf({ cents: gap.movedCents, currency: currency! }) : null,
        difference: gap.kind === 'difference' ? moneyOf({ cents: gap.differenceCents, currency: currency! }) : null,
        currencies: gap.currencies,
      },
    ];
  });
}

/** One sentence naming the balances and the difference, in the reader's language. */
export function unbalancedText(lang: Lang, u: Unbalanced): string {
  const say = bankingTexts[lang];
  const money = (a: { amount: string; currency: string }) => formatAmount(a.amount, a.currency, lang);
  const statement = say.statement(u.statement, u.account);
  if (!u.linesTotal || !u.difference)
    return say.severalCurrencies(statement, u.currencies.join(', '), money(u.opening), money(u.closing));
  const { currency } = u.opening;
  const reached = toMinor(u.opening.amount, currency) + toMinor(u.linesTotal.amount, currency);
  return say.doesNotAddUp(statement, {
    opening: money(u.opening),
    count: u.lines,
    total: money(u.linesTotal),
    reached: money(moneyOf({ cents: reached, currency })),
    closing: money(u.closing),
    difference: money({ amount: u.difference.amount.replace(/^-/, ''), currency }),
  });
}

/**
 * The statement's closing balance becomes the account's known balance, dated by the last day its lines
 * cover, unless a statement already imported states a later one (files come in any order).
 */
async function keepStatedBalance(
  ctx: ToolCtx,
  account: { id: string; currency: string },
  statement: Statement,
): Promise<void> {
  const closing = statement.balances.at(-1)?.closing;
  const days = statement.lines.map((l) => l.bookedOn).sort();
  const on = days.at(-1);
  if (!closing || !on || closing.currency !== account.currency) return;
  await ctx.db
    .update(bankAccounts)
    .set({ statedBalanceCents: closing.cents, statedBalanceOn: on })
    .where(
      and(
        eq(bankAccounts.id, account.id),
        or(isNull(bankAccounts.statedBalanceOn), lte(bankAccounts.statedBalanceOn, on)),
      ),
    );
}

async function chosenAccount(ctx: ToolCtx, accountId: string) {
  const [account] = await ctx.db.select().from(bankAccounts).where(eq(bankAccounts.id, accountId));
  if (!account) throw notFound(bankingTexts[ctx.lang].accountNotFound(accountId));
  return account;
}

/** The account a statement names, found by IBAN or number, or opened for it. */
async function accountFor(ctx: ToolCtx, named: StatementAccount, currency: string) {
  const match: SQL[] = [];
  if (named.iban) match.push(eq(bankAccounts.iban, named.iban));
  if (named.accountNumber) match.push(eq(bankAccounts.accountNumber, named.accountNumber));
  if (match.length) {
    const [existing] = await ctx.db
      .select()
      .from(bankAccounts)
      .where(or(...match))
      .limit(1);
    if (existing) return existing;
  } else {
    // A CSV names no account: one unnamed imported account collects them.
    const [existing] = await ctx.db
      .select()
      .from(bankAccounts)
      .where(and(eq(bankAccounts.name, bankingTexts[ctx.lang].importedAccount), eq(bankAccounts.currency, currency)))
      .limit(1);
    if (existing) return existing;
  }
  const [created] = await ctx.db
    .insert(bankAccounts)
    .values({
      tenantId: ctx.tenantId,
      name: named.name ?? accountKey(named) ?? bankingTexts[ctx.lang].importedAccount,
      institution: named.institution,
      accountNumber: named.accountNumber,
      iban: named.iban,
      currency: named.currency ?? currency,
    })
    .returning();
  return created!;
}

export const importStatement = defineTool({
  name: 'banking_import_statement',
  title: 'Import a bank statement',
  description:
    'Import a bank statement file (camt.053/052/054 XML, MT940, MT942, OFX or a CSV with date, amount and ' +
    'description columns, or any CSV with a csvMapping) into a bank account. Only adds transactions; a transaction already imported is skipped, so ' +
    're-importing a file is harmless. Returns how many were imported and skipped. A malformed file is refused ' +
    'whole with the reason; nothing is imported. A statement whose transactions do not add up from its opening ' +
    'to its closing balance (MT940, camt.053) is imported and listed in `unbalanced` with both balances and the ' +
    'difference: tell the person. Then use banking_suggest_matches to reconcile.',
  kind: 'write',
  risk: 'internal',
  effect: 'adds',
  roles: ['admin', 'manager', 'accountant'],
  input,
  output: z.object({
    format: z.enum(['camt', 'mt940', 'mt942', 'ofx', 'csv']),
    batchId: z.string().uuid(),
    accounts: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    total: z.number().int(),
    imported: z.number().int(),
    skipped: z.number().int(),
    unbalanced: z
      .array(Unbalanced)
      .describe('Statements whose transactions do not add up to their closing balance; imported all the same.'),
  }),
  async assess(ctx, request) {
    const chosen = request.accountId ? await chosenAccount(ctx, request.accountId) : null;
    const mapping = request.csvMapping ?? savedMapping(chosen);
    const parsed = parse(ctx, request.content, chosen?.currency ?? (await ctx.tenant()).currency, mapping);
    const keys = new Set(parsed.statements.map((s) => accountKey(s.account)).filter(Boolean));
    if (request.accountId && keys.size > 1) throw invalid(bankingTexts[ctx.lang].severalAccounts(keys.size));
    const unbalanced = parsed.statements.flatMap((s) =>
      unbalancedOf(s, chosen?.name ?? accountKey(s.account) ?? bankingTexts[ctx.lang].importedAccount),
    );
    // The approver sees it before the import runs: a statement that does not add up lowers the confidence.
    return {
      evidence: unbalanced.map((u) => ({
        factor: 'statement_unbalanced',
        weight: -0.3,
        detail: unbalancedText(ctx.lang, u),
      })),
    };
  },
  async run(ctx, request) {
    const chosen = request.accountId ? await chosenAccount(ctx, request.accountId) : null;
    const currency = chosen?.currency ?? (await ctx.tenant()).currency;
    const parsed = parse(ctx, request.content, currency, request.csvMapping ?? savedMapping(chosen));
    const batchId = randomUUID();
    const accounts = new Map<string, string>();
    const unbalanced: Unbalanced[] = [];
    let imported = 0;
    let total = 0;
    for (const statement of parsed.statements) {
      const account = chosen ?? (await accountFor(ctx, statement.account, currency));
      accounts.set(account.id, account.name);
      // The person's mapping is remembered on the account the CSV went into, for its next statements.
      if (request.csvMapping && parsed.format === 'csv')
        await ctx.db
          .update(bankAccounts)
          .set({ csvMapping: request.csvMapping })
          .where(eq(bankAccounts.id, account.id));
      unbalanced.push(...unbalancedOf(statement, account.name));
      total += statement.lines.length;
      if (!statement.lines.length) continue;
      const rows = await ctx.db
        .insert(bankTransactions)
        .values(
          statement.lines.map((line) => ({
            tenantId: ctx.tenantId,
            accountId: account.id,
            importBatch: batchId,
            ...line,
          })),
        )
        .onConflictDoNothing({
          target: [bankTransactions.tenantId, bankTransactions.accountId, bankTransactions.externalId],
        })
        .returning({ id: bankTransactions.id });
      imported += rows.length;
      await keepStatedBalance(ctx, account, statement);
    }
    return {
      format: parsed.format,
      batchId,
      accounts: [...accounts].map(([id, name]) => ({ id, name })),
      total,
      imported,
      skipped: total - imported,
      unbalanced,
    };
  },
  summarize: (out, lang) => {
    const say = bankingTexts[lang];
    const warnings = out.unbalanced.map((u) => unbalancedText(lang, u));
    return [
      say.imported(out.imported, out.skipped, out.format.toUpperCase()),
      ...warnings,
      ...(warnings.length ? [say.importedAnyway] : []),
    ].join(' ');
  },
});
