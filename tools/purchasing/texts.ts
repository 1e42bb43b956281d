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
export function refusedMove(lang: Lang, number: string, from: OrderStatus, to: OrderStatus, next: readonly OrderStatus[]): string {
  const list = next.map((s) => STATUS_WORDS[s][lang]).join(', ');
  const verb = VERBS[to]?.[lang] ?? STATUS_WORDS[to][lang];
  return lang === 'fr'
    ? `Le bon de commande ${number} est ${STATUS_WORDS[from].fr} : impossible de ${verb} maintenant. ${list ? `Étapes possibles : ${list}.` : 'Il est clos.'}`
    : `Purchase order ${number} is ${STATUS_WORDS[from].en}: you cannot ${verb} now. ${list ? `Possible next steps: ${list}.` : 'It is closed.'}`;
}

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

export function orderEmail(lang: Lang, p: { number: string; company: string; total: string; expectedOn: string | null; message?: string | undefined }) {
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
      ].filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n'),
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
    ].filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n'),
  };
}

/**
 * Why a purchasing action may be trusted, in the language of the person it is for. Sentences end on
 * an address rather than a name, which often ends with its own full stop ("Bureau Plus Inc.").
 */
export const purchasingEvidence = {
  fr: {
    supplierById: (supplier: string) => `Fournisseur ${supplier} identifié par son identifiant.`,
    recipientOnFile: (email: string, supplier: string) => `Envoi à l’adresse courriel au dossier de ${supplier} : ${email}.`,
    recipientNotOnFile: (email: string, supplier: string, onFile: string | null) =>
      `${email} n’est pas l’adresse courriel au dossier de ${supplier} (${onFile ?? 'aucune'}).`,
  },
  en: {
    supplierById: (supplier: string) => `Supplier ${supplier} identified by id.`,
    recipientOnFile: (email: string, supplier: string) => `Sent to the email on file for ${supplier}: ${email}.`,
    recipientNotOnFile: (email: string, supplier: string, onFile: string | null) => `${email} is not the email on file for ${supplier} (${onFile ?? 'none'}).`,
  },
} satisfies Record<Lang, unknown>;
