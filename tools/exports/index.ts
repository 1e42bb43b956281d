/** Exports: CSV of invoices, bills, payments and purchase orders, and a QuickBooks Online journal. */
import { exportCsv } from './export-csv.ts';
import { exportJournal } from './export-journal.ts';

export const exportTools = [exportCsv, exportJournal];
