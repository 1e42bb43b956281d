/**
 * Settings that contradict each other, said plainly: each is allowed (an administrator may have a
 * reason), but what it does is rarely what was meant. Pure: the settings and people's AI limits in,
 * sentences in the reader's language out, amounts already written for people.
 */
import type { Lang } from '../context.ts';
import { formatDecimal } from '../analytics/texts.ts';
import { formatMoney, type CurrencyCode } from '../money.ts';
import { AUTOMATION_WORDS } from './texts.ts';

export interface SettingsFacts {
  currency: string;
  automationLevel: 'manual' | 'assisted' | 'supervised' | 'full';
  aiEnabled: boolean;
  confidenceThreshold: number;
  confidenceFloor: number;
  hardCapCents: bigint;
  people: { name: string; aiAutoApproveLimitCents: bigint; active: boolean }[];
}

const say = {
  fr: {
    floorAboveThreshold: (floor: string, threshold: string) =>
      `Le plancher de confiance du niveau complet (${floor}) est au-dessus du seuil du niveau supervisé (${threshold}) : le niveau « complet » laisserait l’IA faire moins que le niveau « supervisé ». Baissez le plancher ou montez le seuil.`,
    aiOff: (level: string) =>
      `L’IA est désactivée : le niveau d’automatisation « ${level} » ne s’applique pas tant qu’elle l’est.`,
    limitAboveCap: (name: string, limit: string, cap: string) =>
      `L’IA peut agir seule pour ${name} jusqu’à ${limit}, mais le plafond absolu est ${cap} : au-delà de ${cap}, une personne approuve quand même.`,
    capZero: `Le plafond absolu est de zéro : au niveau complet, l’IA ne fera rien seule.`,
  },
  en: {
    floorAboveThreshold: (floor: string, threshold: string) =>
      `The full level’s confidence floor (${floor}) is above the supervised level’s threshold (${threshold}): “full” would let the AI do less than “supervised”. Lower the floor or raise the threshold.`,
    aiOff: (level: string) => `The AI is turned off: the “${level}” automation level does not apply while it is.`,
    limitAboveCap: (name: string, limit: string, cap: string) =>
      `The AI may act alone for ${name} up to ${limit}, but the hard cap is ${cap}: above ${cap}, a person approves all the same.`,
    capZero: `The hard cap is zero: at the full level, the AI will do nothing alone.`,
  },
} satisfies Record<Lang, unknown>;

export function settingsWarnings(s: SettingsFacts, lang: Lang): string[] {
  const w = say[lang];
  const money = (cents: bigint) => formatMoney(cents, s.currency as CurrencyCode, lang === 'fr' ? 'fr-CA' : 'en-CA');
  const out: string[] = [];
  if (s.confidenceFloor > s.confidenceThreshold)
    out.push(w.floorAboveThreshold(formatDecimal(s.confidenceFloor, lang), formatDecimal(s.confidenceThreshold, lang)));
  if (!s.aiEnabled && s.automationLevel !== 'manual') out.push(w.aiOff(AUTOMATION_WORDS[s.automationLevel][lang]));
  if (s.automationLevel === 'full' && s.hardCapCents === 0n) out.push(w.capZero);
  for (const p of s.people)
    if (p.active && p.aiAutoApproveLimitCents > s.hardCapCents)
      out.push(w.limitAboveCap(p.name, money(p.aiAutoApproveLimitCents), money(s.hardCapCents)));
  return out;
}
