import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { fromMinor } from '../money.ts';

export const UserView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'manager', 'buyer', 'accountant', 'viewer']),
  language: z.enum(['fr', 'en']),
  active: z.boolean(),
  passwordSet: z.boolean().describe('False while an invited person has not chosen a password yet.'),
  aiAutoApproveLimit: z.string().describe('The AI may act alone for this person up to this amount (supervised level).'),
  approvalLimit: z
    .string()
    .nullable()
    .describe('Largest amount this person may approve; null: only the role limits it.'),
});

export const listUsers = defineTool({
  name: 'settings_list_users',
  title: 'List the people of the company',
  description:
    'List the people who use Comptoir in this company with their role, language, active flag and limits (decimal strings in the company currency).',
  kind: 'read',
  input: z.object({}),
  output: z.object({ users: z.array(UserView) }),
  async run(ctx) {
    const { currency } = await ctx.tenant();
    const rows = await ctx.db.select().from(users).orderBy(asc(users.name));
    return {
      users: rows.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        language: u.language,
        active: u.active,
        passwordSet: u.passwordHash !== null,
        aiAutoApproveLimit: fromMinor(u.aiAutoApproveLimitCents, currency),
        approvalLimit: u.approvalLimitCents === null ? null : fromMinor(u.approvalLimitCents, currency),
      })),
    };
  },
  summarize: (out, lang) => (lang === 'fr' ? `${out.users.length} personne(s).` : `${out.users.length} people.`),
});
