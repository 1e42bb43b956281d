/**
 * The company's inbound address for bills, bills+<inbound token>@<mail domain>. Everyone who sends
 * bills in (every role but viewer) needs it; it is still a secret of sorts, so it is not in settings_get,
 * and mail from a sender who is neither a person of the company nor an allowed sender is quarantined.
 */
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Session } from '../context.ts';
import { forbidden } from '../errors.ts';
import { settingsRefusals } from './texts.ts';

export async function inboundAddress(session: Session, mailDomain: string): Promise<string> {
  if (session.actor.role === 'viewer') throw forbidden(settingsRefusals[session.lang].inboundAdminOnly);
  const [row] = await withTenant(session.db, session.tenantId, (tx) =>
    tx.select({ token: tenants.inboundToken }).from(tenants).where(eq(tenants.id, session.tenantId)),
  );
  return `bills+${row!.token}@${mailDomain}`;
}
