/**
 * The reasons a file cannot be read, each with a sentence for people in French and English that
 * says what to do next. Readers throw `DocumentFailure`; `extractDocument` turns it into a result.
 */
import type { FailureReason } from './schemas.ts';

type Message = { fr: string; en: string };

const MESSAGES: Record<FailureReason, Message> = {
  empty: {
    fr: 'Le fichier est vide (0 octet). Renvoyez la facture.',
    en: 'The file is empty (0 bytes). Send the bill again.',
  },
  too_large: {
    fr: 'Le fichier dépasse la taille permise. Envoyez un PDF ou une image plus léger.',
    en: 'The file is over the size limit. Send a smaller PDF or image.',
  },
  unsupported_type: {
    fr: 'Ce type de fichier ne se lit pas comme une facture. Envoyez un PDF, une image (PNG, JPEG, TIFF, WebP) ou une facture électronique XML.',
    en: 'This file type cannot be read as a bill. Send a PDF, an image (PNG, JPEG, TIFF, WebP) or an e-invoice XML.',
  },
  encrypted: {
    fr: 'Le PDF est protégé par un mot de passe. Envoyez une copie sans mot de passe.',
    en: 'The PDF is password-protected. Send a copy without a password.',
  },
  corrupt: {
    fr: 'Le fichier est endommagé ou incomplet. Renvoyez l’original.',
    en: 'The file is damaged or incomplete. Send the original again.',
  },
  too_many_pixels: {
    fr: 'L’image est trop grande pour être lue. Envoyez-la à une résolution plus basse (300 dpi suffisent).',
    en: 'The image is too large to read. Send it at a lower resolution (300 dpi is enough).',
  },
  inflate_bomb: {
    fr: 'Le PDF contient un flux qui se décompresse en une taille démesurée ; il n’a pas été lu.',
    en: 'The PDF holds a stream that inflates to an unreasonable size; it was not read.',
  },
  timeout: {
    fr: 'La lecture a pris trop de temps et a été arrêtée. Essayez un fichier plus simple ou saisissez la facture.',
    en: 'Reading took too long and was stopped. Try a simpler file or enter the bill by hand.',
  },
  no_text: {
    fr: 'Aucun texte lisible n’a été trouvé dans le document.',
    en: 'No readable text was found in the document.',
  },
  not_an_invoice: {
    fr: 'Ce document ne ressemble pas à une facture (ni montant total, ni numéro, ni numéro de taxe). Vérifiez la pièce jointe.',
    en: 'This document does not look like a bill (no total, number or tax number). Check the attachment.',
  },
  provider_failed: {
    fr: 'Le service d’extraction externe a échoué. La lecture locale peut être utilisée.',
    en: 'The external extraction service failed. Local reading can be used instead.',
  },
  internal: {
    fr: 'Erreur interne pendant la lecture. Elle a été consignée.',
    en: 'Internal error while reading. It was logged.',
  },
};

export const failureMessage = (reason: FailureReason): Message => MESSAGES[reason];

export class DocumentFailure extends Error {
  readonly reason: FailureReason;
  constructor(reason: FailureReason, detail?: string) {
    super(detail ?? MESSAGES[reason].en);
    this.name = 'DocumentFailure';
    this.reason = reason;
  }
}
