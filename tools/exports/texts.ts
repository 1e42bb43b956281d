/** What exports say when they refuse a request, in the language of the person asking. */
import type { Lang } from '../context.ts';

export const exportRefusals = {
  fr: {
    periodReversed: (from: string, to: string) => `La période commence (${from}) après sa fin (${to}).`,
  },
  en: {
    periodReversed: (from: string, to: string) => `The period starts (${from}) after it ends (${to}).`,
  },
} satisfies Record<Lang, unknown>;
