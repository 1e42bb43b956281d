/**
 * The mails Comptoir sends about a person's own account (an invitation, a password reset) and what
 * the account pages say, in the person's language. Links arrive already built.
 */
import type { Lang, Role } from '../context.ts';
import { aRole, roleName } from '../role-names.ts';

export const accountMail = {
  fr: {
    inviteSubject: (company: string) => `Invitation à rejoindre ${company} sur Comptoir`,
    inviteText: (a: { name: string; inviter: string; company: string; role: Role; link: string; days: number }) =>
      `Bonjour ${a.name},\n\n${a.inviter} vous invite à rejoindre ${a.company} sur Comptoir comme ${roleName(a.role, 'fr')}.\n\nChoisissez votre mot de passe en ouvrant ce lien (valable ${a.days} jours, une seule fois) :\n${a.link}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.`,
    resetSubject: (company: string) => `Réinitialiser votre mot de passe Comptoir (${company})`,
    resetText: (a: { name: string; company: string; link: string; minutes: number }) =>
      `Bonjour ${a.name},\n\nQuelqu'un (sans doute vous) a demandé à réinitialiser votre mot de passe Comptoir pour ${a.company}.\n\nChoisissez-en un nouveau en ouvrant ce lien (valable ${a.minutes} minutes, une seule fois) :\n${a.link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.`,
  },
  en: {
    inviteSubject: (company: string) => `Invitation to join ${company} on Comptoir`,
    inviteText: (a: { name: string; inviter: string; company: string; role: Role; link: string; days: number }) =>
      `Hello ${a.name},\n\n${a.inviter} invites you to join ${a.company} on Comptoir as ${aRole(a.role, 'en')}.\n\nChoose your password by opening this link (valid ${a.days} days, once):\n${a.link}\n\nIf you did not expect this invitation, ignore this message.`,
    resetSubject: (company: string) => `Reset your Comptoir password (${company})`,
    resetText: (a: { name: string; company: string; link: string; minutes: number }) =>
      `Hello ${a.name},\n\nSomeone (probably you) asked to reset your Comptoir password for ${a.company}.\n\nChoose a new one by opening this link (valid ${a.minutes} minutes, once):\n${a.link}\n\nIf you did not ask, ignore this message: your password stays the same.`,
  },
} satisfies Record<Lang, unknown>;
