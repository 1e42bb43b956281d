/** The records area's refusals, in the asker's language. */
import type { Lang } from '../context.ts';

export const recordRefusals: Record<Lang, { notFound: (id: string) => string }> = {
  en: { notFound: (id) => `No record ${id} in this company. Find it with the area's list tool.` },
  fr: {
    notFound: (id) => `Aucun enregistrement ${id} dans cette entreprise. Cherchez-le avec l’outil de liste du domaine.`,
  },
};
