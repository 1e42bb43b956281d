/** Builds the context a tool runs with from a Session and a tenant-scoped transaction. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { tenants } from '../db/schema/index.ts';
import type { Session, Tenant, ToolCtx } from './context.ts';
import { notFound } from './errors.ts';

export function toolContext(session: Session, tx: Tx): ToolCtx {
  let tenant: Promise<Tenant> | undefined;
  return {
    db: tx,
    tenantId: session.tenantId,
    actor: session.actor,
    lang: session.lang,
    now: session.now(),
    tenant: () =>
      (tenant ??= tx
        .select()
        .from(tenants)
        .where(eq(tenants.id, session.tenantId))
        .then(([row]) => {
          if (!row) throw notFound('This company no longer exists.');
          return row;
        })),
  };
}
