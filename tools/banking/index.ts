/** Banking: statement import and reconciliation of bank transactions with invoices and bills. */
import { ignoreTransaction } from './ignore-transaction.ts';
import { importStatement } from './import-statement.ts';
import { reconcileTransaction } from './reconcile-transaction.ts';
import { suggestMatches } from './suggest-matches.ts';

export const bankingTools = [importStatement, suggestMatches, reconcileTransaction, ignoreTransaction];
