import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { fromMinor, toMinor, NonNegativeMoney } from '../money.ts';
import { UserView } from './list-users.ts';
import { roleName } from '../role-names.ts';
import { settingsRefusals } from './texts.ts';

/** Roles and limits decide what people (and the AI for them) may do: an administrator's audited write. */
export const updateUser = defineTool({
  name: 'settings_update_user',
  title: "Change a person's role or limits",
  description:
    "Change a person's role (admin, manager, buyer, accountant, viewer), active flag, language, AI auto-approve " +
    'limit or approval limit (decimal strings in the company currency; approvalLimit null removes it). ' +
    'Administrators only. Find the person with settings_list_users.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  roles: ['admin'],
  input: z.object({
    userId: z.string().uuid(),
    role: z.enum(['admin', 'manager', 'buyer', 'accountant', 'viewer']).optional(),
    active: z.boolean().optional(),
    language: z.enum(['fr', 'en']).optional(),
    aiAutoApproveLimit: NonNegativeMoney.optional(),
    approvalLimit: NonNegativeMoney.nullable().optional(),
  }),
  output: UserView,
  async assess(ctx, input) {
    const [user] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound(settingsRefusals[ctx.lang].personNotFound(input.userId));
    // A company with no active administrator could never change its settings again.
    const demotes = (input.role !== undefined && input.role !== 'admin') || input.active === false;
    if (user.role === 'admin' && demotes) {
      const others = await ctx.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, user.id)));
      if (!others.length) throw invalid(settingsRefusals[ctx.lang].lastAdmin);
    }
    return {};
  },
  async run(ctx, input) {
    const { currency } = await ctx.tenant();
    const [u] = await ctx.db
      .update(users)
      .set({
        role: input.role,
        active: input.active,
        language: input.language,
        aiAutoApproveLimitCents:
          input.aiAutoApproveLimit === undefined ? undefined : toMinor(input.aiAutoApproveLimit, currency),
        approvalLimitCents:
          input.approvalLimit === undefined
            ? undefined
            : input.approvalLimit === null
              ? null
              : toMinor(input.approvalLimit, currency),
      })
      .where(eq(users.id, input.userId))
      .returning();
    if (!u) throw notFound(settingsRefusals[ctx.lang].personNotFound(input.userId));
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      language: u.language,
      active: u.active,
      passwordSet: u.passwordHash !== null,
      aiAutoApproveLimit: fromMinor(u.aiAutoApproveLimitCents, currency),
      approvalLimit: u.approvalLimitCents === null ? null : fromMinor(u.approvalLimitCents, currency),
    };
  },
  summarize: (u, lang) =>
    lang === 'fr'
      ? `${u.name} : rôle ${roleName(u.role, lang)}${u.active ? '' : ', désactivé'}.`
      : `${u.name}: role ${roleName(u.role, lang)}${u.active ? '' : ', deactivated'}.`,
});
