/**
 * Adding a person to the company: an administrator names them, their role and limits; they join with
 * no password and choose one through the one-time link their invitation mail carries
 * (auth/account-links.ts sendInvitation, written to the outbox by the frontend that knows the public
 * address). An audited write through the door, like every change of who may do what.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { conflict } from '../errors.ts';
import { fromMinor, NonNegativeMoney, toMinor } from '../money.ts';
import { aRole } from '../role-names.ts';
import { UserView } from './list-users.ts';

const texts = {
  fr: {
    exists: (email: string) =>
      `${email} fait déjà partie de l’entreprise. Changez son rôle ou ses limites avec settings_update_user.`,
    done: (name: string, role: string) => `${name} est invité(e) comme ${role} ; l’invitation part par courriel.`,
  },
  en: {
    exists: (email: string) =>
      `${email} is already in the company. Change their role or limits with settings_update_user.`,
    done: (name: string, role: string) => `${name} is invited as ${role}; the invitation goes out by email.`,
  },
};

export const inviteUser = defineTool({
  name: 'settings_invite_user',
  title: 'Invite a person',
  description:
    'Invite a person to the company by email with a role (admin, manager, buyer, accountant, viewer), a language, ' +
    'an approval limit (largest amount they may approve; absent: only the role limits it) and an AI auto-approve ' +
    'limit, as decimal strings in the company currency. They receive a one-time link to set their password. ' +
    'Administrators only; refused when the email is already in the company.',
  kind: 'write',
  effect: 'adds',
  risk: 'internal',
  roles: ['admin'],
  input: z.object({
    email: z.string().trim().toLowerCase().email().max(320),
    name: z.string().trim().min(1).max(120),
    role: z.enum(['admin', 'manager', 'buyer', 'accountant', 'viewer']),
    language: z.enum(['fr', 'en']).default('fr'),
    approvalLimit: NonNegativeMoney.optional().describe('Absent: only the role limits what they may approve.'),
    aiAutoApproveLimit: NonNegativeMoney.default('0.00'),
  }),
  output: UserView,
  async assess(ctx, input) {
    const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw conflict(texts[ctx.lang].exists(input.email));
    return {};
  },
  async run(ctx, input) {
    const { currency } = await ctx.tenant();
    const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw conflict(texts[ctx.lang].exists(input.email));
    const [u] = await ctx.db
      .insert(users)
      .values({
        tenantId: ctx.tenantId,
        email: input.email,
        name: input.name,
        role: input.role,
        language: input.language,
        aiAutoApproveLimitCents: toMinor(input.aiAutoApproveLimit, currency),
        approvalLimitCents: input.approvalLimit === undefined ? null : toMinor(input.approvalLimit, currency),
      })
      .returning();
    return {
      id: u!.id,
      email: u!.email,
      name: u!.name,
      role: u!.role,
      language: u!.language,
      active: u!.active,
      passwordSet: false,
      aiAutoApproveLimit: fromMinor(u!.aiAutoApproveLimitCents, currency),
      approvalLimit: u!.approvalLimitCents === null ? null : fromMinor(u!.approvalLimitCents, currency),
    };
  },
  summarize: (u, lang) => texts[lang].done(u.name, aRole(u.role, lang)),
});
