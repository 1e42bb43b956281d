/**
 * CSV downloads under /api/exports: the export tools as files. GET /api/exports/invoices.csv?from=…&to=…
 * (also bills, payments, purchase_orders) and /api/exports/journal.csv for the QuickBooks Online journal.
 */
import { Hono } from 'hono';
import { exportCsv } from '../../tools/exports/export-csv.ts';
import { exportJournal } from '../../tools/exports/export-journal.ts';
import { notFound } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import type { AppEnv } from '../../http/deps.ts';

const DATASETS = new Set(['invoices', 'bills', 'payments', 'purchase_orders']);

export function exportRoutes() {
  return new Hono<AppEnv>().get('/exports/:file', async (c) => {
    const file = c.req.param('file');
    const name = file.replace(/\.csv$/, '');
    const query = c.req.query();
    const session = c.get('session');
    let out: Awaited<ReturnType<typeof invoke>>;
    if (name === 'journal')
      out = await invoke(
        session,
        exportJournal,
        { from: query.from, to: query.to, dateFormat: query.dateFormat },
        { source: 'rest', byAi: false },
      );
    else if (DATASETS.has(name))
      out = await invoke(
        session,
        exportCsv,
        { dataset: name, from: query.from, to: query.to },
        { source: 'rest', byAi: false },
      );
    else
      throw notFound(
        `No export ${file}. Use invoices.csv, bills.csv, payments.csv, purchase_orders.csv or journal.csv, with ?from=YYYY-MM-DD&to=YYYY-MM-DD.`,
      );
    if (out.kind !== 'read') throw new Error('Export tools are read tools.');
    const result = out.output as { filename: string; contentType: string; csv: string };
    return c.body(result.csv, 200, {
      'content-type': result.contentType,
      'content-disposition': `attachment; filename="${result.filename}"`,
    });
  });
}
