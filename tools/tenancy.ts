/**
 * Creating a company and its people. A new tenant is inserted inside its own tenant context (its id
 * is chosen first), so even sign-up runs under row-level security as the application role.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { tenants, users } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant.ts';
import { hashPassword } from './auth/passwords.ts';
import { defaultTimeZone } from './dates.ts';
import type { Lang, Role } from './context.ts';

export type NewTenant = Omit<typeof tenants.$inferInsert, 'id'>;
export interface NewUser {
  email: string;
  name: string;
  role: Role;
  language?: Lang;
  password?: string;
  aiAutoApproveLimitCents?: bigint;
  approvalLimitCents?: bigint | null;
}

export async function createTenant(db: Database, tenant: NewTenant, people: NewUser[] = [], id: string = randomUUID()) {
  return withTenant(db, id, async (tx) => {
    const [row] = await tx
      .insert(tenants)
      .values({ timeZone: defaultTimeZone(tenant.country, tenant.province), ...tenant, id })
      .returning();
    const created = [];
    for (const person of people) created.push(await insertUser(tx, id, person));
    return { tenant: row!, users: created };
  });
}

export async function addUser(db: Database, tenantId: string, person: NewUser) {
  return withTenant(db, tenantId, (tx) => insertUser(tx, tenantId, person));
}

async function insertUser(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  tenantId: string,
  person: NewUser,
) {
  const [row] = await tx
    .insert(users)
    .values({
      tenantId,
      email: person.email.toLowerCase(),
      name: person.name,
      role: person.role,
      language: person.language ?? 'fr',
      passwordHash: person.password ? await hashPassword(person.password) : null,
      aiAutoApproveLimitCents: person.aiAutoApproveLimitCents ?? 0n,
      approvalLimitCents: person.approvalLimitCents ?? null,
    })
    .returning();
  return row!;
}
