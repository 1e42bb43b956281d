/** What the web app needs from the process: the database, the configuration and a clock. */
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { ChatModel } from '../agent/model.ts';
import type { Session } from '../tools/context.ts';

export interface AppDeps {
  handle: DatabaseHandle;
  config: Config;
  now: () => Date;
  /** The chat model for each turn; by default chosen from config (agent/model.ts). Tests pass a scripted one. */
  chatModel?: () => ChatModel | null;
}

/** Hono context variables set by the authentication middleware. */
export interface AppEnv {
  Variables: { session: Session };
}
