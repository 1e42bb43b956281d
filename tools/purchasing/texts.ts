/** What purchasing says to people, in French and English: status names, refusals, the order email and PDF words. */
import type { Lang } from '../context.ts';
import type { OrderStatus } from './model.ts';

export const STATUS_WORDS: Record<OrderStatus, Record<Lang, string>> = {
  draft: { fr: 'brouillon', en: 'draft' },
  pending_approval: { fr: "en attente d'approbation", en: 'pending approval' },
  approved: { fr: 'approuvé', en: 'approved' },
  sent: { fr: 'envoyé', en: 'sent' },
  confirmed: { fr: 'confirmé', en: 'confirmed' },
  partially_received: { fr: 'partiellement reçu', en: 'partially received' },
  received: { fr: 'reçu', en: 'received' },
  invoiced: { fr: 'facturé', en: 'invoiced' },
  completed: { fr: 'terminé', en: 'completed' },
  cancelled: { fr: 'annulé', en: 'cancelled' },
};

const VERBS: Partial<Record<OrderStatus, Record<Lang, string>>> = {
  sent: { fr: "l'envoyer au fournisseur", en: 'send it to the supplier' },
  confirmed: { fr: 'le confirmer', en: 'confirm it' },
  partially_received: { fr: 'en recevoir des articles', en: 'receive items' },
  received: { fr: 'en recevoir des articles', en: 'receive items' },
  completed: { fr: 'le terminer', en: 'complete it' },
  cancelled: { fr: "l'annuler", en: 'cancel it' },
  invoiced: { fr: 'le facturer', en: 'bill it' },
};

/** "Order PO2026-00003 is received: it cannot be cancelled now. Next: invoiced, completed." */
export function refusedMove(
  lang: Lang,
  number: string,
  from: OrderStatus,
  to: OrderStatus,
  next: readonly OrderStatus[],
): string {
  const list = next.map((s) => STATUS_WORDS[s][lang]).join(', ');
  const verb = VERBS[to]?.[lang] ?? STATUS_WORDS[to][lang];
  return lang === 'fr'
    ? `Le bon de commande ${number} est ${STATUS_WORDS[from].fr} : impossible de ${verb} maintenant. ${list ? `Étapes possibles : ${list}.` : 'Il est clos.'}`
    : `Purchase order ${number} is ${STATUS_WORDS[from].en}: you cannot ${verb} now. ${list ? `Possible next steps: ${list}.` : 'It is closed.'}`;
}

/**
 * What purchasing says when it refuses a request, in the language of the person asking: what went
 * wrong and what to do next. Amounts arrive already written for the reader (formatAmount).
 */
export const purchasingRefusals = {
  fr: {
    supplierNotFound: (id: string) =>
      `Fournisseur ${id} introuvable. Cherchez les fournisseurs par leur nom avec purchasing_find_suppliers.`,
    categoryNotFound: (id: string) =>
      `Catégorie de produits ${id} introuvable. Voyez les catégories avec purchasing_list_categories.`,
    productNotFound: (id: string) =>
      `Produit ${id} introuvable. Cherchez les produits par leur nom avec purchasing_find_products.`,
    orderNotFound: (id: string) => `Bon de commande ${id} introuvable. Retrouvez-le avec purchasing_list_orders.`,
    supplierExists: (name: string, id?: string) =>
      `Un fournisseur nommé « ${name} » existe déjà${id ? ` (id ${id})` : ''}.`,
    supplierNameTaken: (name: string, id: string) => `Un autre fournisseur s'appelle déjà « ${name} » (id ${id}).`,
    supplierLookalike: (name: string, existing: string, id: string) =>
      `« ${name} » se confond avec le fournisseur « ${existing} » (id ${id}) : utilisez celui-ci, ou donnez un nom qui les distingue.`,
    categoryExists: (name: string) => `Une catégorie nommée « ${name} » existe déjà.`,
    skuExists: (sku: string, id: string) => `Un produit porte déjà le SKU « ${sku} » (id ${id}).`,
    skuTaken: (sku: string, id: string) => `Un autre produit porte déjà le SKU « ${sku} » (id ${id}).`,
    nothingToChange: 'Rien à modifier : donnez au moins un champ à changer.',
    bulkPairOrNeither:
      'Un prix de gros va avec sa quantité seuil, et inversement : donnez bulkPrice et bulkThreshold ensemble, ou aucun des deux.',
    bulkPair: 'Un prix de gros va avec sa quantité seuil, et inversement : donnez bulkPrice et bulkThreshold ensemble.',
    negativePrice: 'Un prix ne peut pas être négatif.',
    bulkAboveUnit: (bulk: string, unit: string) =>
      `Le prix de gros (${bulk}) dépasse le prix unitaire (${unit}) : un prix de gros est un rabais.`,
    supplierBlocked: (name: string) => `Le fournisseur ${name} est bloqué : aucune nouvelle commande.`,
    lineWithoutPrice: (line: number) => `Ligne ${line} : donnez un unitPrice, ou un productId dont le prix s'applique.`,
    lineCurrency: (line: number, product: string, productCurrency: string, currency: string) =>
      `Ligne ${line} : ${product} a un prix en ${productCurrency}, le fournisseur facture en ${currency} ; donnez le unitPrice.`,
    notSubmittable: (order: string, status: OrderStatus) =>
      `Le bon de commande ${order} est ${STATUS_WORDS[status].fr} : seul un brouillon peut être soumis.`,
    notTakenBack: (order: string, status: OrderStatus) =>
      `Le bon de commande ${order} est déjà ${STATUS_WORDS[status].fr} : son approbation ne peut plus être reprise.`,
    changedMeanwhile: (order: string) => `Le bon de commande ${order} a changé entre-temps : relisez-le et réessayez.`,
    noSupplierEmail: (supplier: string) =>
      `Le fournisseur ${supplier} n'a pas d'adresse courriel : donnez « to » ou ajoutez-la avec purchasing_update_supplier.`,
    receiptRefused: (problems: string) => `Réception refusée, rien n'a été enregistré : ${problems}.`,
    unknownItem: (item: string) => `la ligne ${item} n'est pas sur ce bon de commande`,
    overReceipt: (p: { description: string; ordered: string; alreadyReceived: string; receiving: string }) =>
      `« ${p.description} » : ${p.ordered} commandé(s), ${p.alreadyReceived} déjà reçu(s), ${p.receiving} de plus dépasserait la commande`,
  },
  en: {
    supplierNotFound: (id: string) =>
      `Supplier ${id} not found. Use purchasing_find_suppliers to look suppliers up by name.`,
    categoryNotFound: (id: string) => `Product category ${id} not found. Use purchasing_list_categories to see them.`,
    productNotFound: (id: string) =>
      `Product ${id} not found. Use purchasing_find_products to look products up by name.`,
    orderNotFound: (id: string) => `Purchase order ${id} not found. Use purchasing_list_orders to find it.`,
    supplierExists: (name: string, id?: string) =>
      `A supplier named '${name}' already exists${id ? ` (id ${id})` : ''}.`,
    supplierNameTaken: (name: string, id: string) => `Another supplier is already named '${name}' (id ${id}).`,
    supplierLookalike: (name: string, existing: string, id: string) =>
      `'${name}' cannot be told apart from supplier '${existing}' (id ${id}): use that one, or give a name that tells them apart.`,
    categoryExists: (name: string) => `A category named '${name}' already exists.`,
    skuExists: (sku: string, id: string) => `A product with SKU '${sku}' already exists (id ${id}).`,
    skuTaken: (sku: string, id: string) => `Another product already has SKU '${sku}' (id ${id}).`,
    nothingToChange: 'Nothing to change: give at least one field to update.',
    bulkPairOrNeither:
      'A bulk price needs its threshold quantity and the other way round: give both bulkPrice and bulkThreshold, or neither.',
    bulkPair:
      'A bulk price needs its threshold quantity and the other way round: give both bulkPrice and bulkThreshold.',
    negativePrice: 'Prices cannot be negative.',
    bulkAboveUnit: (bulk: string, unit: string) =>
      `The bulk price (${bulk}) is above the unit price (${unit}): a bulk price is a discount.`,
    supplierBlocked: (name: string) => `Supplier ${name} is blocked: no new orders.`,
    lineWithoutPrice: (line: number) => `Line ${line}: give a unitPrice, or a productId whose price applies.`,
    lineCurrency: (line: number, product: string, productCurrency: string, currency: string) =>
      `Line ${line}: ${product} is priced in ${productCurrency}, the supplier bills in ${currency}; give the unitPrice.`,
    notSubmittable: (order: string, status: OrderStatus) =>
      `Purchase order ${order} is ${STATUS_WORDS[status].en}: only a draft can be submitted.`,
    notTakenBack: (order: string, status: OrderStatus) =>
      `Purchase order ${order} is already ${STATUS_WORDS[status].en}: its approval can no longer be taken back.`,
    changedMeanwhile: (order: string) => `Purchase order ${order} changed meanwhile; read it again and retry.`,
    noSupplierEmail: (supplier: string) =>
      `Supplier ${supplier} has no email address: give "to", or add it with purchasing_update_supplier.`,
    receiptRefused: (problems: string) => `Receipt refused, nothing was recorded: ${problems}.`,
    unknownItem: (item: string) => `line ${item} is not on this order`,
    overReceipt: (p: { description: string; ordered: string; alreadyReceived: string; receiving: string }) =>
      `"${p.description}": ${p.ordered} ordered, ${p.alreadyReceived} already received, ${p.receiving} more would exceed the order`,
  },
} satisfies Record<Lang, unknown>;

export const PDF_WORDS = {
  fr: {
    title: 'Bon de commande',
    number: 'Numéro',
    date: 'Date',
    expected: 'Livraison prévue',
    supplier: 'Fournisseur',
    shipTo: 'Livrer en',
    description: 'Description',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    amount: 'Montant',
    subtotal: 'Sous-total',
    total: 'Total',
    gst: 'No TPS/TVH',
    qst: 'No TVQ',
    notes: 'Notes',
    footer: 'Merci de confirmer la réception de ce bon de commande et la date de livraison.',
  },
  en: {
    title: 'Purchase order',
    number: 'Number',
    date: 'Date',
    expected: 'Expected delivery',
    supplier: 'Supplier',
    shipTo: 'Ship to',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    subtotal: 'Subtotal',
    total: 'Total',
    gst: 'GST/HST No.',
    qst: 'QST No.',
    notes: 'Notes',
    footer: 'Please confirm receipt of this purchase order and the delivery date.',
  },
} as const;

export function orderEmail(
  lang: Lang,
  p: { number: string; company: string; total: string; expectedOn: string | null; message?: string | undefined },
) {
  if (lang === 'fr') {
    return {
      subject: `Bon de commande ${p.number} — ${p.company}`,
      text: [
        'Bonjour,',
        '',
        `Veuillez trouver ci-joint notre bon de commande ${p.number} (total ${p.total}).`,
        p.expectedOn ? `Livraison souhaitée le ${p.expectedOn}.` : '',
        p.message ?? '',
        'Merci de nous confirmer la commande et la date de livraison en répondant à ce courriel.',
        '',
        p.company,
      ]
        .filter((l, i, all) => l !== '' || all[i - 1] !== '')
        .join('\n'),
    };
  }
  return {
    subject: `Purchase order ${p.number} — ${p.company}`,
    text: [
      'Hello,',
      '',
      `Please find attached our purchase order ${p.number} (total ${p.total}).`,
      p.expectedOn ? `Requested delivery date: ${p.expectedOn}.` : '',
      p.message ?? '',
      'Please confirm the order and the delivery date by replying to this email.',
      '',
      p.company,
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}

/**
 * Why a purchasing action may be trusted, in the language of the person it is for. Sentences end on
 * an address rather than a name, which often ends with its own full stop ("Bureau Plus Inc.").
 */
export const purchasingEvidence = {
  fr: {
    supplierById: (supplier: string) => `Fournisseur ${supplier} identifié par son identifiant.`,
    recipientOnFile: (email: string, supplier: string) =>
      `Envoi à l’adresse courriel au dossier de ${supplier} : ${email}.`,
    recipientNotOnFile: (email: string, supplier: string, onFile: string | null) =>
      `${email} n’est pas l’adresse courriel au dossier de ${supplier} (${onFile ?? 'aucune'}).`,
  },
  en: {
    supplierById: (supplier: string) => `Supplier ${supplier} identified by id.`,
    recipientOnFile: (email: string, supplier: string) => `Sent to the email on file for ${supplier}: ${email}.`,
    recipientNotOnFile: (email: string, supplier: string, onFile: string | null) =>
      `${email} is not the email on file for ${supplier} (${onFile ?? 'none'}).`,
  },
} satisfies Record<Lang, unknown>;
