import { describe, expect, it } from 'vitest';
import { parseSlash } from '../../../agent/slash.ts';

describe('parseSlash', () => {
  const cases: { text: string; expect: ReturnType<typeof parseSlash> }[] = [
    { text: 'Commande 10 chaises', expect: null },
    { text: 'a /po inside text', expect: null },
    { text: '/help', expect: { ok: true, command: { name: 'help' } } },
    { text: '  /AIDE ', expect: { ok: true, command: { name: 'help' } } },
    {
      text: '/po Bureau Plus: 10 x Chaise ergonomique @ 249.00',
      expect: {
        ok: true,
        command: {
          name: 'po',
          supplier: 'Bureau Plus',
          lines: [{ quantity: '10', description: 'Chaise ergonomique', unitPrice: '249.00' }],
        },
      },
    },
    {
      text: '/po Papeterie Laval: 2,5 × Papier A4 @ 1 054,99 $; 1 x Agrafeuse @ 12',
      expect: {
        ok: true,
        command: {
          name: 'po',
          supplier: 'Papeterie Laval',
          lines: [
            { quantity: '2.5', description: 'Papier A4', unitPrice: '1 054,99' },
            { quantity: '1', description: 'Agrafeuse', unitPrice: '12' },
          ],
        },
      },
    },
    {
      text: '/invoice Café Olimpico: 3 x Consultation (heure) @ 125.00',
      expect: {
        ok: true,
        command: {
          name: 'invoice',
          client: 'Café Olimpico',
          lines: [{ quantity: '3', description: 'Consultation (heure)', unitPrice: '125.00' }],
        },
      },
    },
    { text: '/remind INV2026-00012', expect: { ok: true, command: { name: 'remind', invoice: 'INV2026-00012' } } },
    { text: '/remind', expect: { ok: true, command: { name: 'remind', invoice: null } } },
    { text: '/reconcile', expect: { ok: true, command: { name: 'reconcile', account: null } } },
    { text: '/reconcile Desjardins', expect: { ok: true, command: { name: 'reconcile', account: 'Desjardins' } } },
    { text: '/approve 12', expect: { ok: true, command: { name: 'approve', number: 12, note: null } } },
    {
      text: '/approve #7 urgent, ok',
      expect: { ok: true, command: { name: 'approve', number: 7, note: 'urgent, ok' } },
    },
    { text: '/reject 3 trop cher', expect: { ok: true, command: { name: 'reject', number: 3, note: 'trop cher' } } },
  ];
  for (const c of cases)
    it(`reads ${JSON.stringify(c.text)}`, () => expect(parseSlash(c.text, 'fr')).toEqual(c.expect));

  const refusals: { text: string; lang: 'fr' | 'en'; message: string }[] = [
    {
      text: '/po Bureau Plus 10 chaises',
      lang: 'fr',
      message:
        "Je n'ai pas compris la commande. Forme attendue : /po <fournisseur>: <qté> x <article> @ <prix unitaire>[; …] — ex. /po Bureau Plus: 10 x Chaise ergonomique @ 249.00",
    },
    {
      text: '/po Bureau Plus: 10 chaises',
      lang: 'en',
      message:
        'I could not read that command. Expected: /po <supplier>: <qty> x <item> @ <unit price>[; …] — e.g. /po Bureau Plus: 10 x Ergonomic chair @ 249.00',
    },
    {
      text: '/approve douze',
      lang: 'en',
      message:
        'I could not read that command. Expected: /approve <action number> [note] — approve a pending action, e.g. /approve 12',
    },
    {
      text: '/remind INV2026-00012 INV2026-00013',
      lang: 'en',
      message:
        'I could not read that command. Expected: /remind [invoice number] — payment reminder: without a number, every reminder due today; e.g. /remind INV2026-00012',
    },
    { text: '/pay 100', lang: 'fr', message: 'Commande inconnue « /pay ». Tapez /help pour la liste.' },
  ];
  for (const r of refusals)
    it(`refuses ${JSON.stringify(r.text)} with usage`, () =>
      expect(parseSlash(r.text, r.lang)).toEqual({ ok: false, error: r.message }));
});
