// The approver sees each field read from the bill's document; the unsure ones are marked in words.
import { describe, expect, it } from 'vitest';
import { ReadFields } from '../../../web-chat/pages/read-fields.tsx';

const document = {
  id: '7d2c1f8e-0a59-4a7e-9a51-2f1b3c4d5e6f',
  filename: 'facture.pdf',
  mimeType: 'application/pdf',
  readFields: [
    { field: 'supplierName', value: 'Northem Office Supply Ltd.', confidence: 0.62 },
    { field: 'total', value: '120.00', confidence: 0.97 },
    { field: 'supplierIban', value: 'FR76…', confidence: 0.95 },
  ],
};
const html = (lang: 'fr' | 'en', doc: typeof document | null = document) =>
  String(ReadFields({ document: doc, lang }) ?? '');

describe('fields read from the document', () => {
  it('marks the fields under the review threshold, and only those', () => {
    const fr = html('fr');
    expect(fr).toContain('1 champ(s) lu(s) avec peu de certitude');
    expect(fr).toMatch(
      /<tr class="low-confidence" data-field="supplierName">.*Northem Office Supply Ltd\..*62 %.*à vérifier/s,
    );
    expect(fr).toMatch(/<tr data-field="total"><th scope="row">Total TTC<\/th><td>120.00<\/td><td>97 %<\/td><\/tr>/);
    expect(html('en')).toContain('to check');
  });

  it('shows nothing for a document that was not read, and no field outside the approver’s list', () => {
    expect(html('en', null)).toBe('');
    expect(html('en', { ...document, readFields: [] })).toBe('');
    expect(html('en')).not.toContain('supplierIban');
  });
});
