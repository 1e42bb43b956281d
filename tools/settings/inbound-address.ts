/**
 * The company's inbound address for bills, bills+<inbound token>@<mail domain>. The token is a
 * secret (whoever knows it can send bills in), so it is not in settings_get: only administrators see it.
 */
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Session } from '../context.ts';
import { forbidden } from '../errors.ts';
import { settingsRefusals } from './texts.ts';

export async function inboundAddress(session: Session, mailDomain: string): Promise<string> {
  if (session.actor.role !== 'admin') throw forbidden(settingsRefusals[session.lang].inboundAdminOnly);
  const [row] = await withTenant(session.db, session.tenantId, (tx) =>
    tx.select({ token: tenants.inboundToken }).from(tenants).where(eq(tenants.id, session.tenantId)),
  );
  return `bills+${row!.token}@${mailDomain}`;
}
