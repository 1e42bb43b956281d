/** What the banking tools say to people, in French and English. */
import type { Lang } from '../context.ts';

export const bankingTexts = {
  fr: {
    transactionNotFound: (id: string) => `Opération bancaire introuvable : ${id}.`,
    accountNotFound: (id: string) => `Compte bancaire introuvable : ${id}.`,
    severalAccounts: (n: number) => `Ce relevé couvre ${n} comptes différents : importez-le sans choisir de compte, chaque relevé ira dans le sien.`,
    notUnmatched: (status: string) => `Cette opération est déjà ${status === 'matched' ? 'rapprochée' : 'ignorée'}.`,
    wrongDirection: (kind: 'invoice' | 'bill') =>
      kind === 'invoice' ? 'Seule une entrée d’argent peut régler une facture client.' : 'Seule une sortie d’argent peut régler une facture fournisseur.',
    currencyMismatch: (tx: string, target: string) => `Devises différentes : l’opération est en ${tx}, la pièce en ${target}.`,
    importedAccount: 'Compte importé',
    imported: (n: number, skipped: number, format: string) => `${n} opération(s) importée(s) depuis un relevé ${format}, ${skipped} déjà connue(s).`,
    reconciled: (number: string) => `Opération rapprochée de ${number}.`,
    ignored: 'Opération ignorée pour le rapprochement.',
  },
  en: {
    transactionNotFound: (id: string) => `Bank transaction not found: ${id}.`,
    accountNotFound: (id: string) => `Bank account not found: ${id}.`,
    severalAccounts: (n: number) => `This statement covers ${n} different accounts: import it without choosing an account, each statement will go to its own.`,
    notUnmatched: (status: string) => `This transaction is already ${status}.`,
    wrongDirection: (kind: 'invoice' | 'bill') => (kind === 'invoice' ? 'Only money in can settle a client invoice.' : 'Only money out can settle a supplier bill.'),
    currencyMismatch: (tx: string, target: string) => `Currencies differ: the transaction is in ${tx}, the document in ${target}.`,
    importedAccount: 'Imported account',
    imported: (n: number, skipped: number, format: string) => `${n} transaction(s) imported from the ${format} statement, ${skipped} already known.`,
    reconciled: (number: string) => `Transaction matched to ${number}.`,
    ignored: 'Transaction ignored for reconciliation.',
  },
} satisfies Record<Lang, Record<string, unknown>>;
