/** What the banking tools say to people, in French and English. */
import type { Lang } from '../context.ts';

export const bankingTexts = {
  fr: {
    transactionNotFound: (id: string) => `Opération bancaire introuvable : ${id}.`,
    accountNotFound: (id: string) => `Compte bancaire introuvable : ${id}.`,
    severalAccounts: (n: number) =>
      `Ce relevé couvre ${n} comptes différents : importez-le sans choisir de compte, chaque relevé ira dans le sien.`,
    notUnmatched: (status: string) => `Cette opération est déjà ${status === 'matched' ? 'rapprochée' : 'ignorée'}.`,
    wrongDirection: (kind: 'invoice' | 'bill') =>
      kind === 'invoice'
        ? 'Seule une entrée d’argent peut régler une facture client.'
        : 'Seule une sortie d’argent peut régler une facture fournisseur.',
    currencyMismatch: (tx: string, target: string) =>
      `Devises différentes : l’opération est en ${tx}, la pièce en ${target}.`,
    importedAccount: 'Compte importé',
    imported: (n: number, skipped: number, format: string) =>
      `${n} opération(s) importée(s) depuis un relevé ${format}, ${skipped} déjà connue(s).`,
    reconciled: (number: string) => `Opération rapprochée de ${number}.`,
    confirmed: (numbers: string[]) => `Opération rapprochée de ${numbers.join(', ')}.`,
    noFeeToWriteOff: (tolerance: string) =>
      `Rien à passer en frais bancaires : il faut que l’opération soit entièrement appliquée et qu’une seule facture reste due d’au plus ${tolerance}.`,
    feeReference: (line: string) => `Frais bancaires retenus · ${line}`,
    rejected: (number: string) =>
      `Correspondance avec ${number} refusée : ce payeur ne sera plus proposé pour ce tiers.`,
    targetTwice: (id: string) => `La pièce ${id} figure deux fois dans la répartition.`,
    targetNotOpen: (id: string) =>
      `Aucune facture ouverte ni facture fournisseur approuvée ne porte l’identifiant ${id}.`,
    partOutOfRange: (number: string, balance: string) =>
      `Le montant appliqué à ${number} doit être positif et au plus son solde de ${balance}.`,
    splitTooLarge: (amount: string) => `La répartition dépasse le montant de l’opération (${amount}).`,
    ignored: 'Opération ignorée pour le rapprochement.',
    statement: (reference: string | null, account: string) =>
      reference ? `Le relevé ${reference} du compte ${account}` : `Le relevé du compte ${account}`,
    doesNotAddUp: (
      statement: string,
      a: { opening: string; count: number; total: string; reached: string; closing: string; difference: string },
    ) =>
      `${statement} ne s’équilibre pas : solde d’ouverture ${a.opening} + ${a.count} opération(s) totalisant ${a.total} = ${a.reached}, mais le solde de clôture est de ${a.closing} (écart de ${a.difference}).`,
    severalCurrencies: (statement: string, currencies: string, opening: string, closing: string) =>
      `${statement} ne peut pas être vérifié : ses soldes et ses opérations sont en plusieurs devises (${currencies}) ; solde d’ouverture ${opening}, solde de clôture ${closing}.`,
    importedAnyway:
      'Les opérations ont quand même été importées : comparez-les avec votre banque avant de les rapprocher.',
    /** Why a transaction may pay an invoice or a bill; amounts arrive already written for the reader. */
    evidence: {
      amountEqualsBalance: (amount: string, number: string) => `${amount} correspond exactement au solde de ${number}.`,
      partialAmount: (amount: string, balance: string, number: string) =>
        `${amount} est une partie du solde de ${balance} de ${number}.`,
      numberInText: (number: string) => `Le libellé bancaire mentionne ${number}.`,
      nameMatches: (party: string, payer: boolean) =>
        `${payer ? 'Le payeur' : 'Le bénéficiaire'} correspond à ${party}.`,
      namePartlyMatches: (party: string, found: string) =>
        `Le libellé bancaire contient une partie du nom ${party} (${found}).`,
      datePlausible: (booked: string, days: number, number: string, dated: string) =>
        `Comptabilisée le ${booked}, ${days} jour(s) après la date de ${number} (${dated}).`,
      beforeDocument: (booked: string, number: string, dated: string) =>
        `Comptabilisée le ${booked}, avant la date de ${number} (${dated}).`,
    },
  },
  en: {
    transactionNotFound: (id: string) => `Bank transaction not found: ${id}.`,
    accountNotFound: (id: string) => `Bank account not found: ${id}.`,
    severalAccounts: (n: number) =>
      `This statement covers ${n} different accounts: import it without choosing an account, each statement will go to its own.`,
    notUnmatched: (status: string) => `This transaction is already ${status}.`,
    wrongDirection: (kind: 'invoice' | 'bill') =>
      kind === 'invoice' ? 'Only money in can settle a client invoice.' : 'Only money out can settle a supplier bill.',
    currencyMismatch: (tx: string, target: string) =>
      `Currencies differ: the transaction is in ${tx}, the document in ${target}.`,
    importedAccount: 'Imported account',
    imported: (n: number, skipped: number, format: string) =>
      `${n} transaction(s) imported from the ${format} statement, ${skipped} already known.`,
    reconciled: (number: string) => `Transaction matched to ${number}.`,
    confirmed: (numbers: string[]) => `Transaction matched to ${numbers.join(', ')}.`,
    noFeeToWriteOff: (tolerance: string) =>
      `No bank fee to write off: the whole line must be applied and exactly one invoice left short by at most ${tolerance}.`,
    feeReference: (line: string) => `Bank fee withheld · ${line}`,
    rejected: (number: string) => `Match with ${number} refused: this payer will no longer be offered for that party.`,
    targetTwice: (id: string) => `Document ${id} appears twice in the split.`,
    targetNotOpen: (id: string) => `No open invoice or approved bill has the id ${id}.`,
    partOutOfRange: (number: string, balance: string) =>
      `The amount applied to ${number} must be positive and at most its balance of ${balance}.`,
    splitTooLarge: (amount: string) => `The split is more than the transaction's amount (${amount}).`,
    ignored: 'Transaction ignored for reconciliation.',
    statement: (reference: string | null, account: string) =>
      reference ? `Statement ${reference} of account ${account}` : `The statement of account ${account}`,
    doesNotAddUp: (
      statement: string,
      a: { opening: string; count: number; total: string; reached: string; closing: string; difference: string },
    ) =>
      `${statement} does not add up: opening balance ${a.opening} + ${a.count} transaction(s) totalling ${a.total} = ${a.reached}, but the closing balance is ${a.closing} (difference ${a.difference}).`,
    severalCurrencies: (statement: string, currencies: string, opening: string, closing: string) =>
      `${statement} cannot be checked: its balances and transactions are in several currencies (${currencies}); opening balance ${opening}, closing balance ${closing}.`,
    importedAnyway: 'The transactions were imported anyway: compare them with your bank before reconciling.',
    evidence: {
      amountEqualsBalance: (amount: string, number: string) => `${amount} is exactly the balance of ${number}.`,
      partialAmount: (amount: string, balance: string, number: string) =>
        `${amount} is part of the ${balance} balance of ${number}.`,
      numberInText: (number: string) => `The bank text mentions ${number}.`,
      nameMatches: (party: string, payer: boolean) => `The ${payer ? 'payer' : 'payee'} reads as ${party}.`,
      namePartlyMatches: (party: string, found: string) => `The bank text has part of the name ${party} (${found}).`,
      datePlausible: (booked: string, days: number, number: string, dated: string) =>
        `Booked ${booked}, ${days} day(s) after ${number} was dated ${dated}.`,
      beforeDocument: (booked: string, number: string, dated: string) =>
        `Booked ${booked}, before ${number} was dated ${dated}.`,
    },
  },
} satisfies Record<Lang, Record<string, unknown>>;
