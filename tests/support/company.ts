/** A company with one person per role, and sessions for them, as the frontends would build them. */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { actorOf } from '../../tools/auth/api-tokens.ts';
import type { Lang, Role, Session } from '../../tools/context.ts';
import { createTenant, type NewTenant } from '../../tools/tenancy.ts';

export const ROLES: Role[] = ['admin', 'manager', 'buyer', 'accountant', 'viewer'];

export async function makeCompany(
  db: Database,
  settings: Partial<NewTenant> = {},
  now = () => new Date('2026-03-02T15:00:00Z'),
) {
  const slug = `co-${randomUUID().slice(0, 8)}`;
  const { tenant, users } = await createTenant(
    db,
    { slug, name: `Company ${slug}`, province: 'QC', country: 'CA', currency: 'CAD', language: 'fr', ...settings },
    ROLES.map((role) => ({
      email: `${role}@${slug}.test`,
      name: `${role[0]!.toUpperCase()}${role.slice(1)} ${slug}`,
      role,
      aiAutoApproveLimitCents: 200_000n,
    })),
  );
  const user = (role: Role) => users.find((u) => u.role === role)!;
  const session = (role: Role, lang: Lang = 'en'): Session => ({
    db,
    tenantId: tenant.id,
    actor: actorOf(user(role)),
    lang,
    now,
  });
  return { tenant, users, user, session };
}
