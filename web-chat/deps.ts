/** What the web app needs from the process: the database, the configuration and a clock. */
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { Session } from '../tools/context.ts';

export interface AppDeps {
  handle: DatabaseHandle;
  config: Config;
  now: () => Date;
}

/** Hono context variables set by the authentication middleware. */
export interface AppEnv {
  Variables: { session: Session };
}
