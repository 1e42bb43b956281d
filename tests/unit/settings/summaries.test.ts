/** The settings tools' sentences for people name levels and roles in words, not as codes. */
import { describe, expect, it } from 'vitest';
import { getSettings } from '../../../tools/settings/get-settings.ts';
import { updateSettings } from '../../../tools/settings/update-settings.ts';
import { updateUser } from '../../../tools/settings/update-user.ts';

describe('settings summaries', () => {
  it('name the automation level in the reader’s language', () => {
    const settings = { name: 'Atelier', automationLevel: 'supervised', currency: 'CAD', warnings: [] } as never;
    expect(getSettings.summarize!(settings, 'fr')).toBe("Atelier : niveau d'automatisation supervisé, devise CAD.");
    expect(getSettings.summarize!(settings, 'en')).toBe('Atelier: automation level supervised, currency CAD.');
    expect(updateSettings.summarize!({ automationLevel: 'full', warnings: [] } as never, 'fr')).toBe(
      "Paramètres enregistrés : niveau d'automatisation complet.",
    );
  });

  it('name the role in the reader’s language', () => {
    const person = { name: 'Marc Gagnon', role: 'manager', active: false } as never;
    expect(updateUser.summarize!(person, 'fr')).toBe('Marc Gagnon : rôle gestionnaire, désactivé.');
    expect(updateUser.summarize!(person, 'en')).toBe('Marc Gagnon: role manager, deactivated.');
  });
});
