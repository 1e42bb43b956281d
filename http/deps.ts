/** What the web app needs from the process: the database, the configuration and a clock. */
import type { Config } from '../config.ts';
import type { DatabaseWatch } from '../db/availability.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { ChatModel } from '../agent/model.ts';
import type { JobEvent } from '../jobs/job.ts';
import type { Session } from '../tools/context.ts';

export interface AppDeps {
  handle: DatabaseHandle;
  config: Config;
  now: () => Date;
  /** The chat model for each turn; by default chosen from config (agent/model.ts). Tests pass a scripted one. */
  chatModel?: () => ChatModel | null;
  /** Hands events to the background jobs (bills to read, email chats); absent in most tests. */
  sendEvents?: (events: JobEvent[]) => Promise<unknown>;
  /** Whether the database answers; made from `handle` when not given. */
  database?: DatabaseWatch;
}

/** Hono context variables set by the authentication middleware. */
export interface AppEnv {
  Variables: { session: Session };
}
