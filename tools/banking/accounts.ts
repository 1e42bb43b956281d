/**
 * What a person needs before importing a statement: the bank accounts (and whether each remembers a
 * CSV column mapping), and a look at a CSV's first rows to say which column is which.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bankAccounts } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { savedMapping } from './import-statement.ts';
import { detectFormat, previewCsv, StatementError } from './import/index.ts';
import { bankingTexts } from './texts.ts';

export const listAccounts = defineTool({
  name: 'banking_list_accounts',
  title: 'List bank accounts',
  description:
    'The company’s bank accounts (name, institution, IBAN or number, currency), and whether each remembers a ' +
    'CSV column mapping from its last CSV import.',
  kind: 'read',
  input: z.object({}),
  output: z.object({
    accounts: z.array(
      z.object({
        id: z.string().uuid(),
        name: z.string(),
        institution: z.string().nullable(),
        number: z.string().nullable(),
        currency: z.string(),
        csvMappingSaved: z.boolean().describe('The account remembers a CSV column mapping.'),
      }),
    ),
  }),
  async run(ctx) {
    const rows = await ctx.db.select().from(bankAccounts).orderBy(asc(bankAccounts.name)).limit(200);
    return {
      accounts: rows.map((a) => ({
        id: a.id,
        name: a.name,
        institution: a.institution,
        number: a.iban ?? a.accountNumber,
        currency: a.currency,
        csvMappingSaved: savedMapping(a) !== undefined,
      })),
    };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.accounts.length} compte(s) bancaire(s).` : `${out.accounts.length} bank account(s).`,
});

export const previewStatement = defineTool({
  name: 'banking_preview_statement',
  title: 'Preview a statement file before import',
  description:
    'Tells a statement file’s format without importing anything; for a CSV, gives its first rows and the ' +
    'number of columns so a column mapping can be set, and the mapping the chosen account remembers.',
  kind: 'read',
  input: z.object({
    content: z.string().min(1).max(5_000_000),
    accountId: z.string().uuid().optional(),
  }),
  output: z.object({
    format: z.enum(['camt', 'mt940', 'mt942', 'ofx', 'csv']).nullable(),
    columns: z.number().int(),
    rows: z.array(z.array(z.string())),
    savedMapping: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('The account’s saved mapping, in the shape of banking_import_statement’s csvMapping.'),
  }),
  async run(ctx, req) {
    let saved: Record<string, unknown> | null = null;
    if (req.accountId) {
      const [account] = await ctx.db.select().from(bankAccounts).where(eq(bankAccounts.id, req.accountId));
      if (!account) throw notFound(bankingTexts[ctx.lang].accountNotFound(req.accountId), { field: 'accountId' });
      saved = savedMapping(account) ?? null;
    }
    const format = detectFormat(req.content) ?? null;
    if (format !== 'csv' && format !== null) return { format, columns: 0, rows: [], savedMapping: saved };
    try {
      const preview = previewCsv(req.content);
      return {
        format: preview.columns > 1 ? ('csv' as const) : null,
        columns: preview.columns,
        rows: preview.rows.map((r) => r.map((c) => c.slice(0, 80))),
        savedMapping: saved,
      };
    } catch (err) {
      if (err instanceof StatementError) throw invalid(ctx.lang === 'fr' ? err.fr : err.en);
      throw err;
    }
  },
  summarize: (out, lang) =>
    out.format === 'csv'
      ? lang === 'fr'
        ? `Fichier CSV de ${out.columns} colonnes.`
        : `CSV file with ${out.columns} columns.`
      : lang === 'fr'
        ? `Format : ${out.format ?? 'inconnu'}.`
        : `Format: ${out.format ?? 'unknown'}.`,
});
