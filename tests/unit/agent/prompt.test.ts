import { describe, expect, it } from 'vitest';
import { systemPrompt } from '../../../agent/prompt.ts';

const company = { name: 'Atelier Démo', currency: 'CAD', country: 'CA', province: 'QC', automationLevel: 'supervised' };

describe('systemPrompt', () => {
  it('gives the French agent its date, company, level and person, and its rules', () => {
    const text = systemPrompt({
      lang: 'fr',
      today: '2026-03-02',
      company,
      person: { name: 'Marc Gagnon', role: 'manager' },
    });
    expect(text).toContain('Date du jour : 2026-03-02. Devise : CAD. Lieu : QC, CA.');
    expect(text).toContain("Niveau d'automatisation : supervisé");
    expect(text).toContain('Vous parlez avec Marc Gagnon, gestionnaire. Répondez en français');
    expect(text).toContain('purchasing_find_suppliers');
    expect(text).toContain('posez une question courte');
    expect(text).toContain("« en attente d'approbation par un gestionnaire »");
  });

  it('speaks English to an English viewer, and says they are read-only', () => {
    const text = systemPrompt({
      lang: 'en',
      today: '2026-03-02',
      company: { ...company, province: null, country: 'FR', currency: 'EUR', automationLevel: 'manual' },
      person: { name: 'Tom Wilson', role: 'viewer' },
    });
    expect(text).toContain(
      'Today is 2026-03-02. Currency: EUR. Location: FR. Automation level: manual: every change you propose waits for a person',
    );
    expect(text).toContain('You are talking with Tom Wilson, viewer (read-only). Answer in English');
    expect(text).toContain('ask one short question before writing');
  });
});
