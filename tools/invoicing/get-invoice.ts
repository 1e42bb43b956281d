import { z } from 'zod';
import { defineTool } from '../define.ts';
import { invoiceSummary } from './queries.ts';
import { InvoiceSummary } from './schemas.ts';
import { formatAmount } from '../money.ts';
import { statusWord } from './model.ts';

export const getInvoice = defineTool({
  name: 'invoicing_get_invoice',
  title: 'Show an invoice',
  description:
    'Read one invoice or credit note by id: client, lines with account codes, tax lines, totals, what was paid ' +
    'and credited, the balance owed, status and due date. Amounts are decimal strings in its currency.',
  kind: 'read',
  input: z.object({ invoiceId: z.string().uuid() }),
  output: InvoiceSummary,
  run: (ctx, input) => invoiceSummary(ctx.db, input.invoiceId, ctx.lang),
  summarize: (i, lang) =>
    lang === 'fr'
      ? `${i.number} : ${formatAmount(i.total, i.currency, lang)}, solde ${formatAmount(i.balance, i.currency, lang)}, ${statusWord(i.status, lang)}.`
      : `${i.number}: ${formatAmount(i.total, i.currency, lang)}, balance ${formatAmount(i.balance, i.currency, lang)}, ${statusWord(i.status, lang)}.`,
});
