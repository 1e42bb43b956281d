/**
 * What settings say when they refuse a change, in the language of the person asking: what went wrong
 * and what to do next. Amounts arrive already written for the reader (formatAmount).
 */
import type { Lang } from '../context.ts';
import { roleName } from '../role-names.ts';

export const settingsRefusals = {
  fr: {
    nothingToChange: 'Rien à modifier : donnez au moins un paramètre.',
    levelsMustIncrease: (level: number, amount: string, below: string) =>
      `Les niveaux d'approbation doivent croître (niveau 1 ≤ niveau 2 ≤ niveau 3) : le niveau ${level} (${amount}) est inférieur au niveau ${level - 1} (${below}).`,
    personNotFound: (id: string) =>
      `Aucune personne ${id} dans cette entreprise. Retrouvez-la avec settings_list_users.`,
    lastAdmin: `C'est le dernier ${roleName('admin', 'fr')} actif : nommez-en un autre d'abord.`,
    inboundAdminOnly: `Un ${roleName('viewer', 'fr')} ne voit pas l'adresse de réception : elle sert à ceux qui envoient des factures.`,
  },
  en: {
    nothingToChange: 'Nothing to change: give at least one setting.',
    levelsMustIncrease: (level: number, amount: string, below: string) =>
      `Approval levels must increase: level 1 ≤ level 2 ≤ level 3, but level ${level} (${amount}) is below level ${level - 1} (${below}).`,
    personNotFound: (id: string) => `No person ${id} in this company. Use settings_list_users.`,
    lastAdmin: `This is the last active ${roleName('admin', 'en')}: appoint another one first.`,
    inboundAdminOnly: `A ${roleName('viewer', 'en')} does not see the inbound address: it is for those who send bills in.`,
  },
} satisfies Record<Lang, unknown>;

type AutomationLevel = 'manual' | 'assisted' | 'supervised' | 'full';

/** The automation levels, named for people as the settings page names them. */
export const AUTOMATION_WORDS: Record<AutomationLevel, Record<Lang, string>> = {
  manual: { fr: 'manuel', en: 'manual' },
  assisted: { fr: 'assisté', en: 'assisted' },
  supervised: { fr: 'supervisé', en: 'supervised' },
  full: { fr: 'complet', en: 'full' },
};

/** Why a reminder schedule is refused, in the language of the person setting it. */
export const scheduleRefusals = {
  fr: {
    duplicate: (day: number) =>
      `Le jour ${day} figure deux fois dans le calendrier de relance : gardez-le une seule fois.`,
    gentler: (day: number, tone: string, after: number, afterTone: string) =>
      `Le rappel du jour ${day} (${tone}) serait moins ferme que celui du jour ${after} (${afterTone}) : chaque rappel doit être au moins aussi ferme que le précédent.`,
  },
  en: {
    duplicate: (day: number) => `Day ${day} appears twice in the reminder schedule: keep it once.`,
    gentler: (day: number, tone: string, after: number, afterTone: string) =>
      `The day ${day} reminder (${tone}) would be gentler than the day ${after} one (${afterTone}): each reminder must be at least as firm as the one before.`,
  },
} satisfies Record<Lang, unknown>;

const TONE_WORDS: Record<'courtesy' | 'reminder' | 'firm' | 'final', Record<Lang, string>> = {
  courtesy: { fr: 'courtoisie avant échéance', en: 'courtesy before the due date' },
  reminder: { fr: 'courtois', en: 'courteous' },
  firm: { fr: 'ferme', en: 'firm' },
  final: { fr: 'dernier avis', en: 'final notice' },
};

/** A reminder tone named for people. */
export const toneWord = (tone: keyof typeof TONE_WORDS, lang: Lang) => TONE_WORDS[tone][lang];
