/**
 * The words of a payment reminder in the client's language, firmer at each step of the schedule,
 * and the refusals people read when an invoice cannot be reminded.
 */
import type { Lang } from '../context.ts';
import type { Tone } from './model.ts';

export interface ReminderFacts {
  lang: Lang;
  tone: Tone;
  number: string;
  tenantName: string;
  /** Already written for the reader (formatMoney in the client's locale, formatDate). */
  balance: string;
  total: string;
  partlyPaid: boolean;
  dueDate: string;
  daysPastDue: number;
}

const SUBJECTS: Record<Lang, Record<Tone, (n: string, from: string) => string>> = {
  fr: {
    courtesy: (n, from) => `Rappel : facture ${n} de ${from} bientôt à échéance`,
    reminder: (n, from) => `Rappel de paiement : facture ${n} de ${from}`,
    firm: (n, from) => `Deuxième rappel : facture ${n} de ${from} impayée`,
    final: (n, from) => `Dernier avis : facture ${n} de ${from} impayée`,
  },
  en: {
    courtesy: (n, from) => `Reminder: invoice ${n} from ${from} due soon`,
    reminder: (n, from) => `Payment reminder: invoice ${n} from ${from}`,
    firm: (n, from) => `Second reminder: invoice ${n} from ${from} is unpaid`,
    final: (n, from) => `Final notice: invoice ${n} from ${from} is unpaid`,
  },
};

function when(f: ReminderFacts): string {
  const d = f.daysPastDue;
  if (f.lang === 'fr') {
    if (d < 0) return `arrive à échéance le ${f.dueDate}`;
    if (d === 0) return `arrive à échéance aujourd'hui, le ${f.dueDate}`;
    return `était payable le ${f.dueDate}, il y a ${d} jour${d > 1 ? 's' : ''}`;
  }
  if (d < 0) return `is due on ${f.dueDate}`;
  if (d === 0) return `is due today, ${f.dueDate}`;
  return `was due on ${f.dueDate}, ${d} day${d > 1 ? 's' : ''} ago`;
}

/** The amount still owed, saying so when part of the invoice was already paid or credited. */
function owed(f: ReminderFacts): string {
  if (f.lang === 'fr')
    return `Solde dû : ${f.balance}${f.partlyPaid ? ' (après déduction des paiements et crédits reçus)' : ''}.`;
  return `Balance due: ${f.balance}${f.partlyPaid ? ' (after the payments and credits received)' : ''}.`;
}

const ASKS: Record<Lang, Record<Tone, string>> = {
  fr: {
    courtesy:
      "Ce message n'est qu'un rappel amical ; si le paiement est déjà en route, merci de ne pas en tenir compte.",
    reminder:
      "Nous n'avons pas encore reçu votre paiement. Pourriez-vous le régler dès que possible ? Si c'est déjà fait, merci de ne pas tenir compte de ce message.",
    firm: 'Ce montant demeure impayé à ce jour. Merci de procéder au paiement sans délai ou de nous indiquer la date à laquelle il sera effectué.',
    final:
      "Il s'agit de notre dernier avis. Sans paiement ou nouvelle de votre part dans les 7 jours, nous devrons envisager d'autres mesures de recouvrement.",
  },
  en: {
    courtesy: 'This is just a friendly reminder; if payment is already on its way, please disregard it.',
    reminder:
      'We have not received your payment yet. Could you settle it as soon as possible? If you already have, please disregard this message.',
    firm: 'This amount remains unpaid to date. Please pay it without delay or let us know when payment will be made.',
    final:
      'This is our final notice. Without payment or word from you within 7 days, we will have to consider other collection steps.',
  },
};

/** The reminder email: subject and text, with the invoice PDF attached by the caller. */
export function reminderEmail(f: ReminderFacts): { subject: string; text: string } {
  const subject = SUBJECTS[f.lang][f.tone](f.number, f.tenantName);
  const text =
    f.lang === 'fr'
      ? `Bonjour,\n\nLa facture ${f.number} d'un montant de ${f.total} ${when(f)}.\n${owed(f)}\n\n${ASKS.fr[f.tone]}\n\nVous trouverez la facture ci-jointe.\n\nCordialement,\n${f.tenantName}\n`
      : `Hello,\n\nInvoice ${f.number} for ${f.total} ${when(f)}.\n${owed(f)}\n\n${ASKS.en[f.tone]}\n\nThe invoice is attached.\n\nBest regards,\n${f.tenantName}\n`;
  return { subject, text };
}

/** Why an invoice cannot be reminded, for the person (or model) who asked. */
export const refusals = {
  notOpen: (lang: Lang, number: string, status: string) =>
    lang === 'fr'
      ? `La facture ${number} a le statut « ${status} » : seule une facture émise et impayée peut faire l'objet d'un rappel.`
      : `Invoice ${number} is ${status}: only an issued, unpaid invoice can be reminded.`,
  creditNote: (lang: Lang, number: string) =>
    lang === 'fr'
      ? `${number} est une note de crédit : il n'y a rien à réclamer.`
      : `${number} is a credit note: there is nothing to collect.`,
  nothingOwed: (lang: Lang, number: string) =>
    lang === 'fr' ? `La facture ${number} n'a plus de solde à payer.` : `Invoice ${number} has no balance left to pay.`,
  noEmail: (lang: Lang, client: string) =>
    lang === 'fr'
      ? `Le client ${client} n'a pas d'adresse courriel : ajoutez-en une (invoicing_update_client) pour lui envoyer des rappels.`
      : `Client ${client} has no email address: add one (invoicing_update_client) to send reminders.`,
  bankMatch: (lang: Lang, number: string) =>
    lang === 'fr'
      ? `La facture ${number} semble payée d'après le relevé bancaire (rapprochement en attente ou suggéré) : confirmez ou refusez le rapprochement avant de relancer le client.`
      : `Invoice ${number} looks paid on the bank statement (a reconciliation is pending or suggested): confirm or reject the match before reminding the client.`,
  disputed: (lang: Lang, number: string) =>
    lang === 'fr'
      ? `Le client conteste la facture ${number} : aucun rappel tant que le litige n'est pas réglé (reminders_resolve_dispute).`
      : `The client disputes invoice ${number}: no reminder until the dispute is resolved (reminders_resolve_dispute).`,
  pending: (lang: Lang, number: string, action: number) =>
    lang === 'fr'
      ? `Un rappel pour la facture ${number} attend déjà une approbation (action n° ${action}) : approuvez-le ou rejetez-le avant d'en proposer un autre.`
      : `A reminder for invoice ${number} is already waiting for approval (action #${action}): approve or reject it before proposing another.`,
  notInSchedule: (lang: Lang, step: number, schedule: number[]) =>
    lang === 'fr'
      ? `Le jour ${step} ne fait pas partie du calendrier de relance (${schedule.join(', ')} jours par rapport à l'échéance).`
      : `Day ${step} is not a step of the reminder schedule (${schedule.join(', ')} days from the due date).`,
  tooEarly: (lang: Lang, number: string, on: string) =>
    lang === 'fr'
      ? `Aucun rappel n'est prévu pour la facture ${number} avant le ${on}.`
      : `No reminder is due for invoice ${number} before ${on}.`,
  scheduleDone: (lang: Lang, number: string) =>
    lang === 'fr'
      ? `Tous les rappels prévus pour la facture ${number} ont déjà été envoyés.`
      : `Every scheduled reminder for invoice ${number} has already been sent.`,
  alreadySent: (lang: Lang, number: string, step: number) =>
    lang === 'fr'
      ? `Le rappel du jour ${step} pour la facture ${number} a déjà été envoyé (ou un rappel plus ferme).`
      : `The day ${step} reminder for invoice ${number} was already sent (or a firmer one).`,
  which: (lang: Lang) =>
    lang === 'fr'
      ? 'Indiquez la facture à relancer : invoiceId ou invoiceNumber (voir reminders_list_due).'
      : 'Say which invoice to remind: invoiceId or invoiceNumber (see reminders_list_due).',
  unknownNumber: (lang: Lang, number: string) =>
    lang === 'fr'
      ? `Aucune facture ${number}. Utilisez reminders_list_due pour voir les factures à relancer.`
      : `No invoice ${number}. Use reminders_list_due to see the invoices due for a reminder.`,
};

/**
 * Why a reminder may be sent, in the language of the person it is for (not the client's): what a
 * manager reads before approving it. Amounts and dates arrive already written for the reader.
 */
export const reminderEvidence = {
  emailOnFile: (lang: Lang, email: string, client: string) =>
    lang === 'fr'
      ? `Envoi à l’adresse au dossier de ${client} : ${email}.`
      : `Sent to the address on file for ${client}: ${email}.`,
  stepDue: (lang: Lang, f: { step: number; days: number; dueDate: string; balance: string }) =>
    lang === 'fr'
      ? `L’étape du jour ${f.step} du calendrier de relance est atteinte (${f.days} jour(s) par rapport à l’échéance du ${f.dueDate}) et n’a pas encore été envoyée ; ${f.balance} reste dû.`
      : `Step ${f.step} of the schedule is reached (${f.days} day(s) from the due date ${f.dueDate}) and not yet sent; ${f.balance} still owed.`,
};

/** What dispute tools say, in the language of the person asking. */
export const disputeTexts = {
  which: (lang: Lang) =>
    lang === 'fr'
      ? 'Indiquez la facture contestée : invoiceId ou invoiceNumber.'
      : 'Say which invoice is disputed: invoiceId or invoiceNumber.',
  notOpen: (lang: Lang, number: string, status: string) =>
    lang === 'fr'
      ? `La facture ${number} a le statut « ${status} » : seule une facture émise et impayée peut être contestée ici.`
      : `Invoice ${number} is ${status}: only an issued, unpaid invoice can be marked disputed.`,
  noEmail: (lang: Lang, id: string) =>
    lang === 'fr' ? `Aucun courriel reçu ${id} dans cette entreprise.` : `No received email ${id} in this company.`,
  noneOpen: (lang: Lang, number: string) =>
    lang === 'fr'
      ? `La facture ${number} n'a aucun litige ouvert : rien à régler.`
      : `Invoice ${number} has no open dispute: nothing to resolve.`,
  marked: (lang: Lang, number: string, alreadyOpen: boolean) =>
    lang === 'fr'
      ? alreadyOpen
        ? `La facture ${number} était déjà contestée : le litige ouvert reste en place.`
        : `Facture ${number} marquée contestée : aucun rappel jusqu'au règlement du litige.`
      : alreadyOpen
        ? `Invoice ${number} was already disputed: the open dispute stands.`
        : `Invoice ${number} marked disputed: no reminder until the dispute is resolved.`,
  resolved: (lang: Lang, number: string) =>
    lang === 'fr'
      ? `Litige sur la facture ${number} réglé : les rappels reprennent selon le calendrier.`
      : `Dispute on invoice ${number} resolved: reminders resume on the schedule.`,
  listed: (lang: Lang, numbers: string[]) => {
    if (!numbers.length) return lang === 'fr' ? 'Aucune facture contestée.' : 'No disputed invoice.';
    return lang === 'fr'
      ? `Factures contestées (${numbers.length}) : ${numbers.join(', ')}`
      : `Disputed invoices (${numbers.length}): ${numbers.join(', ')}`;
  },
};

/** Why a client's reply is taken as contesting an invoice, for the manager who approves the dispute. */
export const disputeEvidence = {
  threaded: (lang: Lang, from: string) =>
    lang === 'fr'
      ? `Réponse de ${from}, l'adresse à laquelle la facture ou le rappel a été envoyé, dans le même fil.`
      : `Reply from ${from}, the address the invoice or reminder was sent to, in the same thread.`,
  words: (lang: Lang, phrases: string[]) =>
    lang === 'fr'
      ? `Le client écrit : ${phrases.map((p) => `« ${p} »`).join(', ')}.`
      : `The client writes: ${phrases.map((p) => `"${p}"`).join(', ')}.`,
};

interface OverdueLine {
  number: string;
  client: string;
  days: number;
  threshold: number;
  /** Already written for the reader. */
  amount: string;
}

/** The alert a manager gets when invoices reach 30, 60 or 90 days overdue, in the manager's language. */
export const overdueAlertTexts = {
  title: (lang: Lang, number: string, threshold: number) =>
    lang === 'fr'
      ? `Facture ${number} en retard de plus de ${threshold} jours`
      : `Invoice ${number} is over ${threshold} days overdue`,
  line: (lang: Lang, l: OverdueLine) =>
    lang === 'fr'
      ? `${l.number} — ${l.client} — ${l.amount} dû, échue depuis ${l.days} jours.`
      : `${l.number} — ${l.client} — ${l.amount} owed, ${l.days} days past due.`,
  email: (lang: Lang, name: string, lines: OverdueLine[]) => {
    const list = lines.map((l) => `- ${overdueAlertTexts.line(lang, l)}`).join('\n');
    return lang === 'fr'
      ? {
          subject: `${lines.length} facture(s) client en retard de 30, 60 ou 90 jours`,
          text: `Bonjour ${name},\n\nCes factures viennent d'atteindre 30, 60 ou 90 jours de retard :\n${list}\n\nLes rappels suivent le calendrier de relance ; un appel au client peut aider.\n`,
        }
      : {
          subject: `${lines.length} client invoice(s) 30, 60 or 90 days overdue`,
          text: `Hello ${name},\n\nThese invoices just reached 30, 60 or 90 days overdue:\n${list}\n\nReminders follow the schedule; a call to the client may help.\n`,
        };
  },
};

type Bucket = 'current' | '1_30' | '31_60' | '61_90' | 'over_90';

/** The words of a statement of account, in the client's language. Dates and amounts arrive written. */
export const statementWords: Record<
  Lang,
  {
    title: string;
    file: string;
    asOf: string;
    currency: string;
    balance: string;
    client: string;
    document: string;
    due: string;
    amount: string;
    open: string;
    balanceDue: string;
    notesLabel: string;
    bucket: Record<Bucket, string>;
    invoiceLine: (number: string, issued: string, days: number) => string;
    paymentLine: (number: string, on: string, reference: string | null) => string;
    paymentsSince: (since: string) => string;
  }
> = {
  fr: {
    title: 'Relevé de compte',
    file: 'releve',
    asOf: 'Au',
    currency: 'Devise',
    balance: 'Solde dû',
    client: 'Client',
    document: 'Document',
    due: 'Échéance',
    amount: 'Montant',
    open: 'Solde',
    balanceDue: 'Solde dû',
    notesLabel: 'Notes',
    bucket: {
      current: 'Non échu',
      '1_30': 'Échu 1 à 30 jours',
      '31_60': 'Échu 31 à 60 jours',
      '61_90': 'Échu 61 à 90 jours',
      over_90: 'Échu plus de 90 jours',
    },
    invoiceLine: (n, issued, days) =>
      `Facture ${n} du ${issued}${days > 0 ? ` — en retard de ${days} jour${days > 1 ? 's' : ''}` : ''}`,
    paymentLine: (n, on, ref) => `Paiement reçu le ${on} sur ${n}${ref ? ` (${ref})` : ''}`,
    paymentsSince: (since) =>
      `Paiements reçus depuis le ${since}. Merci de régler le solde dû ou de nous signaler toute différence.`,
  },
  en: {
    title: 'Statement of account',
    file: 'statement',
    asOf: 'As of',
    currency: 'Currency',
    balance: 'Balance due',
    client: 'Client',
    document: 'Document',
    due: 'Due',
    amount: 'Amount',
    open: 'Open',
    balanceDue: 'Balance due',
    notesLabel: 'Notes',
    bucket: {
      current: 'Not yet due',
      '1_30': '1-30 days overdue',
      '31_60': '31-60 days overdue',
      '61_90': '61-90 days overdue',
      over_90: 'Over 90 days overdue',
    },
    invoiceLine: (n, issued, days) =>
      `Invoice ${n} of ${issued}${days > 0 ? ` — ${days} day${days > 1 ? 's' : ''} overdue` : ''}`,
    paymentLine: (n, on, ref) => `Payment received ${on} on ${n}${ref ? ` (${ref})` : ''}`,
    paymentsSince: (since) =>
      `Payments received since ${since}. Please pay the balance due or tell us of any difference.`,
  },
};
