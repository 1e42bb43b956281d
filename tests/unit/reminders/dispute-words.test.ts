import { describe, expect, it } from 'vitest';
import { ownWords, readDispute } from '../../../tools/reminders/dispute-words.ts';

const REPLY_QUOTE =
  '\n\nLe 24 mars 2026 à 10:00, Comptoir <ar@co.test> a écrit :\n> Ce montant demeure impayé à ce jour. Litige ?';

describe('a client reply that contests an invoice', () => {
  const rows: { subject: string; text: string; says: string[] | null }[] = [
    {
      subject: 'Re: Rappel de paiement',
      text: 'Nous contestons cette facture, le montant est incorrect.',
      says: ['contestation', 'montant incorrect'],
    },
    { subject: 'Re: Payment reminder', text: 'We never received the goods on this invoice.', says: ['not received'] },
    { subject: 'Re: Reminder', text: 'The amount is wrong: we agreed on 450.', says: ['invoice is wrong'] },
    {
      subject: 'Re: Rappel',
      text: "Il y a une erreur sur la facture, nous n'avons jamais commandé ce service.",
      says: ['erreur', 'pas commandé / pas reçu'],
    },
    { subject: 'Re: Facture', text: 'Marchandise pas reçue, merci de vérifier.', says: ['pas reçu'] },
    { subject: 'Re: Final notice', text: 'This invoice is under dispute with our legal team.', says: ['dispute'] },
    // Not contesting: paying, thanking, a negated word, or a contest word only in our quoted message.
    { subject: 'Re: Rappel de paiement', text: 'Le paiement part demain, merci.', says: null },
    { subject: 'Re: Payment reminder', text: 'Paid today by wire, sorry for the delay.', says: null },
    { subject: 'Re: Rappel', text: 'Aucune erreur de notre côté, le virement est parti.', says: null },
    { subject: 'Re: Reminder', text: 'No dispute here, just a slow approval.', says: null },
    { subject: 'Re: Rappel', text: `Bien reçu, merci.${REPLY_QUOTE}`, says: null },
  ];
  for (const r of rows)
    it(`${JSON.stringify(r.text.slice(0, 50))} → ${JSON.stringify(r.says)}`, () =>
      expect(readDispute(r.subject, r.text)?.says ?? null).toEqual(r.says));

  it('reads only the text above the quoted message', () => {
    expect(ownWords(`Bien reçu.${REPLY_QUOTE}`).trim()).toBe('Bien reçu.');
    expect(ownWords('Fine.\n\nOn Mon, Mar 24, 2026 at 10:00 AM Comptoir wrote:\n> dispute').trim()).toBe('Fine.');
  });
});
