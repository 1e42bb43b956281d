/**
 * Who is asking and on which tenant. A frontend builds a Session from authentication (never from
 * tool input); the door and invoke() turn it into the tenant-scoped ToolCtx a tool runs with.
 */
import type { Database, Tx } from '../db/client.ts';
import type { tenants } from '../db/schema/index.ts';

export type Role = 'admin' | 'manager' | 'buyer' | 'accountant' | 'viewer';
export type Lang = 'fr' | 'en';
export type Source = 'chat' | 'email' | 'mcp' | 'rest' | 'job';

export interface Actor {
  userId: string;
  name: string;
  role: Role;
  lang: Lang;
  /** Supervised level: the AI may execute alone for this user up to this amount. */
  aiAutoApproveLimitCents: bigint;
  /** Largest amount this user may approve; null: only the role limits it. */
  approvalLimitCents: bigint | null;
}

export interface Session {
  /** The database handle; tools only ever see a tenant-scoped transaction made from it. */
  db: Database;
  tenantId: string;
  actor: Actor;
  lang: Lang;
  /** Injected clock, so tests control time. */
  now: () => Date;
}

export type Tenant = typeof tenants.$inferSelect;

export interface ToolCtx {
  /** A transaction bound to the tenant, under row-level security. */
  db: Tx;
  tenantId: string;
  actor: Actor;
  lang: Lang;
  now: Date;
  /** The tenant's settings, read once per call when a tool needs them. */
  tenant: () => Promise<Tenant>;
  /**
   * The action this call belongs to, set by the door: when it runs a write tool (at once or once
   * approved), so what the tool writes can point back to the action that made it, and when it checks
   * an edited approval again, so a tool that refuses while another action of its kind is pending does
   * not count this one. Absent for reads and when a new request is assessed, before it is recorded.
   */
  actionId?: string;
}
