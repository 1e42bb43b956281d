/**
 * The Inngest client of Comptoir (app id 'comptoir'). Its settings come from config, never from the
 * environment directly; without an Inngest server configured, the in-process runner runs the same
 * functions and this client only gives them their Inngest form.
 */
import { Inngest } from 'inngest';
import type { Config } from '../config.ts';

type InngestSettings = Pick<Config, 'INNGEST_EVENT_KEY' | 'INNGEST_SIGNING_KEY' | 'INNGEST_BASE_URL'>;

/** An Inngest server (Cloud, self-hosted or a dev server) takes over when either setting points at one. */
export const inngestConfigured = (config: InngestSettings) =>
  Boolean(config.INNGEST_EVENT_KEY || config.INNGEST_BASE_URL);

export function createJobClient(config: Partial<InngestSettings> = {}) {
  return new Inngest({
    id: 'comptoir',
    eventKey: config.INNGEST_EVENT_KEY,
    signingKey: config.INNGEST_SIGNING_KEY,
    baseUrl: config.INNGEST_BASE_URL,
    // A server that signs its requests is a production one; without a signing key it is a dev server.
    isDev: !config.INNGEST_SIGNING_KEY,
  });
}

export type JobClient = ReturnType<typeof createJobClient>;
