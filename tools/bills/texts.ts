/**
 * What supplier bills say when they refuse a request, in French and English: each message says what
 * went wrong and what to do next, in the language of the person asking (session.lang).
 */
import type { Lang } from '../context.ts';
import type { OrderStatus } from '../purchasing/model.ts';
import { STATUS_WORDS as ORDER_STATUS_WORDS } from '../purchasing/texts.ts';
import type { Difference } from '../purchasing/three-way-match.ts';
import type { BillStatus } from './statuses.ts';

export const BILL_STATUS_WORDS: Record<BillStatus, Record<Lang, string>> = {
  draft: { fr: 'en brouillon', en: 'draft' },
  booked: { fr: 'comptabilisée', en: 'booked' },
  approved: { fr: 'approuvée', en: 'approved' },
  partially_paid: { fr: 'partiellement payée', en: 'partially paid' },
  paid: { fr: 'payée', en: 'paid' },
  cancelled: { fr: 'annulée', en: 'cancelled' },
};

/** Amounts arrive already written for the reader (see moneyFor); numbers are the bill's own. */
export const billRefusals = {
  fr: {
    billNotFound: (id: string) => `Facture fournisseur ${id} introuvable. Cherchez-la avec bills_list_bills.`,
    noSupplier: (what: string) =>
      `Aucun fournisseur ne correspond à « ${what} ». Cherchez-le avec purchasing_find_suppliers, ou créez-le avec purchasing_create_supplier, puis donnez supplierId.`,
    supplierAmbiguous: (asked: string, candidates: string) =>
      `Plusieurs fournisseurs se confondent avec « ${asked} » : ${candidates}. Rien n'est enregistré : choisissez le bon et donnez son supplierId.`,
    supplierBlocked: (name: string) =>
      `Le fournisseur ${name} est bloqué : débloquez-le avant d'enregistrer ses factures.`,
    alreadyRecorded: (invoice: string, supplier: string, bill: string) =>
      `La facture ${invoice} de ${supplier} est déjà enregistrée (${bill}) : rien n'a été ajouté.`,
    justRecorded: (invoice: string, supplier: string) =>
      `La facture ${invoice} de ${supplier} vient d'être enregistrée par quelqu'un d'autre : rien n'a été ajouté.`,
    orderOtherSupplier: (order: string, supplier: string) =>
      `Le bon de commande ${order} est passé chez un autre fournisseur que ${supplier}.`,
    orderNotBillable: (order: string, status: OrderStatus) =>
      `Le bon de commande ${order} est ${ORDER_STATUS_WORDS[status].fr} : seule une commande envoyée au fournisseur et non close peut être facturée.`,
    orderCurrency: (order: string, orderCurrency: string, billCurrency: string) =>
      `Le bon de commande ${order} est en ${orderCurrency}, la facture en ${billCurrency}.`,
    documentNotFound: (id: string) => `Document ${id} introuvable.`,
    partialTotals:
      'Donnez ensemble le sous-total, la taxe et le total (tels qu’imprimés sur la facture), ou aucun des trois pour les calculer à partir des lignes.',
    nothingToRecord: 'Donnez les lignes de la facture, ou son sous-total, sa taxe et son total.',
    notApprovable: (bill: string, status: BillStatus) =>
      `La facture ${bill} est ${BILL_STATUS_WORDS[status].fr} : seule une facture en brouillon ou comptabilisée peut être approuvée.`,
    mismatch: (bill: string, kinds: string) =>
      `La facture ${bill} ne correspond pas à son bon de commande (${kinds}). Vérifiez-la avec bills_get_bill ; pour l'approuver quand même, donnez acceptMismatch: true et une note qui dit pourquoi.`,
    notApprovedYet: (bill: string) =>
      `La facture ${bill} n'est pas encore approuvée : approuvez-la d'abord avec bills_approve_bill.`,
    nothingToPay: (bill: string, status: BillStatus) =>
      `La facture ${bill} est ${BILL_STATUS_WORDS[status].fr} : rien à payer.`,
    paymentNotPositive: 'Un paiement doit être supérieur à zéro.',
    overBalance: (amount: string, bill: string, balance: string) =>
      `Le paiement de ${amount} dépasse le solde de la facture ${bill} (${balance}).`,
    changedMeanwhile: (bill: string) => `La facture ${bill} a changé entre-temps : relisez-la.`,
  },
  en: {
    billNotFound: (id: string) => `Bill ${id} not found. Use bills_list_bills to find it.`,
    noSupplier: (what: string) =>
      `No supplier matches "${what}". Look it up with purchasing_find_suppliers, or create it with purchasing_create_supplier, then pass supplierId.`,
    supplierAmbiguous: (asked: string, candidates: string) =>
      `Several suppliers could be "${asked}": ${candidates}. Nothing is recorded: choose the right one and pass its supplierId.`,
    supplierBlocked: (name: string) => `Supplier ${name} is blocked: unblock it before recording its bills.`,
    alreadyRecorded: (invoice: string, supplier: string, bill: string) =>
      `Invoice ${invoice} from ${supplier} is already recorded as ${bill}: nothing was added.`,
    justRecorded: (invoice: string, supplier: string) =>
      `Invoice ${invoice} from ${supplier} was just recorded by someone else: nothing was added.`,
    orderOtherSupplier: (order: string, supplier: string) =>
      `Purchase order ${order} is with another supplier, not ${supplier}.`,
    orderNotBillable: (order: string, status: OrderStatus) =>
      `Purchase order ${order} is ${ORDER_STATUS_WORDS[status].en}: only an order sent to the supplier and not closed can be billed.`,
    orderCurrency: (order: string, orderCurrency: string, billCurrency: string) =>
      `Purchase order ${order} is in ${orderCurrency}, the bill in ${billCurrency}.`,
    documentNotFound: (id: string) => `Document ${id} not found.`,
    partialTotals:
      'Give subtotal, tax and total together (as printed on the bill), or none of them to compute them from the lines.',
    nothingToRecord: 'Give the bill lines, or its subtotal, tax and total.',
    notApprovable: (bill: string, status: BillStatus) =>
      `Bill ${bill} is ${BILL_STATUS_WORDS[status].en}: only a draft or booked bill can be approved.`,
    mismatch: (bill: string, kinds: string) =>
      `Bill ${bill} does not match its purchase order (${kinds}). Check it with bills_get_bill; to approve it anyway give acceptMismatch: true and a note saying why.`,
    notApprovedYet: (bill: string) => `Bill ${bill} is not approved yet: approve it with bills_approve_bill first.`,
    nothingToPay: (bill: string, status: BillStatus) =>
      `Bill ${bill} is ${BILL_STATUS_WORDS[status].en}: nothing to pay.`,
    paymentNotPositive: 'A payment must be more than zero.',
    overBalance: (amount: string, bill: string, balance: string) =>
      `Payment of ${amount} exceeds the balance of bill ${bill} (${balance}).`,
    changedMeanwhile: (bill: string) => `Bill ${bill} changed meanwhile; read it again.`,
  },
} satisfies Record<Lang, unknown>;

/** The differences a three-way match finds, named for people (the codes stay in the bill's match). */
export const DIFFERENCE_WORDS: Record<Difference['kind'], Record<Lang, string>> = {
  not_on_order: { fr: 'ligne absente de la commande', en: 'line not on the order' },
  billed_more_than_received: { fr: 'facturé plus que reçu', en: 'billed more than received' },
  billed_more_than_ordered: { fr: 'facturé plus que commandé', en: 'billed more than ordered' },
  price_above_order: { fr: 'prix supérieur à la commande', en: 'price above the order' },
  price_below_order: { fr: 'prix inférieur à la commande', en: 'price below the order' },
  received_not_billed: { fr: 'reçu mais non facturé', en: 'received but not billed' },
  subtotal_differs: { fr: 'sous-total différent', en: 'subtotal differs' },
};

/**
 * Why a recorded bill may or may not be trusted, in the language of the person it is recorded for.
 * Amounts arrive already written for the reader (see moneyFor); numbers are the bill's own.
 */
export const billEvidence = {
  fr: {
    supplierById: (name: string) => `Fournisseur ${name} identifié par son identifiant.`,
    supplierByTaxNumber: (name: string) => `Fournisseur ${name} identifié par son numéro de taxe.`,
    supplierByName: (name: string) => `Fournisseur ${name} identifié par son nom exact.`,
    supplierFuzzy: (asked: string, name: string, score: string) =>
      `Fournisseur « ${asked} » pris pour ${name} (score de recherche ${score.replace('.', ',')}).`,
    totalsInconsistent: (subtotal: string, tax: string, total: string) =>
      `Sous-total ${subtotal} + taxes ${tax} ≠ total ${total}.`,
    totalsConsistent: (subtotal: string, tax: string, total: string) =>
      `Sous-total ${subtotal} + taxes ${tax} = total ${total} ; aucune ligne à vérifier.`,
    linesDiffer: (lines: string, printed: string) => `Les lignes totalisent ${lines}, la facture indique ${printed}.`,
    taxDiffers: (byRules: string, charged: string) =>
      `Selon les règles, la taxe est de ${byRules} ; la facture réclame ${charged}.`,
    totalsMatch: (total: string) => `Lignes + taxes = total (${total}).`,
    noOrder: 'Aucun bon de commande lié : pas de rapprochement à trois.',
    matched: (order: string) => `Correspond exactement à ${order} et à ses réceptions.`,
    withinTolerance: (order: string, kinds: string) => `Correspond à ${order} dans la tolérance (${kinds}).`,
    mismatch: (order: string, kinds: string) => `Ne correspond pas à ${order} : ${kinds}.`,
    duplicate: (bills: string, days: number) =>
      `Doublon possible de ${bills} : même fournisseur et même total à moins de ${days} jours.`,
    aboveUsual: (total: string, median: string, count: number) =>
      `Le total de ${total} dépasse le double de la facture médiane de ce fournisseur (${median} sur ${count} factures).`,
    usual: (total: string, median: string) =>
      `Le total de ${total} est dans la fourchette habituelle de ce fournisseur (médiane ${median}).`,
  },
  en: {
    supplierById: (name: string) => `Supplier ${name} identified by id.`,
    supplierByTaxNumber: (name: string) => `Supplier ${name} identified by its tax number.`,
    supplierByName: (name: string) => `Supplier ${name} identified by its exact name.`,
    supplierFuzzy: (asked: string, name: string, score: string) =>
      `Supplier "${asked}" taken as ${name} (search score ${score}).`,
    totalsInconsistent: (subtotal: string, tax: string, total: string) =>
      `Subtotal ${subtotal} + tax ${tax} ≠ total ${total}.`,
    totalsConsistent: (subtotal: string, tax: string, total: string) =>
      `Subtotal ${subtotal} + tax ${tax} = total ${total}; no lines to check.`,
    linesDiffer: (lines: string, printed: string) => `Lines add up to ${lines}, the bill says ${printed}.`,
    taxDiffers: (byRules: string, charged: string) => `Tax by the rules is ${byRules}, the bill charges ${charged}.`,
    totalsMatch: (total: string) => `Lines + taxes = total (${total}).`,
    noOrder: 'No purchase order linked: no three-way match.',
    matched: (order: string) => `Matches ${order} and its receipts exactly.`,
    withinTolerance: (order: string, kinds: string) => `Matches ${order} within tolerance (${kinds}).`,
    mismatch: (order: string, kinds: string) => `Does not match ${order}: ${kinds}.`,
    duplicate: (bills: string, days: number) =>
      `Possible duplicate of ${bills}: same supplier and total within ${days} days.`,
    aboveUsual: (total: string, median: string, count: number) =>
      `Total ${total} is more than twice this supplier's median bill (${median} over ${count} bills).`,
    usual: (total: string, median: string) => `Total ${total} is in this supplier's usual range (median ${median}).`,
  },
} satisfies Record<Lang, unknown>;
