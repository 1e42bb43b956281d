/** How people's roles are named, in French and English: alone ("gestionnaire") or with an article ("un gestionnaire"). */
import type { Lang, Role } from './context.ts';

const names: Record<Lang, Record<Role, { noun: string; article: string }>> = {
  en: {
    admin: { noun: 'administrator', article: 'an' },
    manager: { noun: 'manager', article: 'a' },
    buyer: { noun: 'buyer', article: 'a' },
    accountant: { noun: 'accountant', article: 'an' },
    viewer: { noun: 'viewer', article: 'a' },
  },
  fr: {
    admin: { noun: 'administrateur', article: 'un' },
    manager: { noun: 'gestionnaire', article: 'un' },
    buyer: { noun: 'acheteur', article: 'un' },
    accountant: { noun: 'comptable', article: 'un' },
    viewer: { noun: 'lecteur', article: 'un' },
  },
};

/** @example roleName('manager', 'fr') // "gestionnaire" */
export const roleName = (role: Role, lang: Lang): string => names[lang][role].noun;

/** @example aRole('admin', 'en') // "an administrator" */
export const aRole = (role: Role, lang: Lang): string => `${names[lang][role].article} ${names[lang][role].noun}`;
