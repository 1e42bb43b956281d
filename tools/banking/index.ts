/** Banking: statement import and reconciliation of bank transactions with invoices and bills. */
import { listAccounts, previewStatement } from './accounts.ts';
import { confirmMatch } from './confirm-match.ts';
import { ignoreTransaction } from './ignore-transaction.ts';
import { importStatement } from './import-statement.ts';
import { listReconciliation } from './list-reconciliation.ts';
import { reconcileTransaction } from './reconcile-transaction.ts';
import { rejectMatch } from './reject-match.ts';
import { suggestMatches } from './suggest-matches.ts';

export const bankingTools = [
  importStatement,
  suggestMatches,
  reconcileTransaction,
  ignoreTransaction,
  listReconciliation,
  confirmMatch,
  rejectMatch,
  listAccounts,
  previewStatement,
];
