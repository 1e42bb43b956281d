/**
 * Starts Comptoir: opens the database (PGlite under ./.comptoir by default), applies migrations,
 * seeds a demo company on the first start of an empty database, and serves the app.
 */
import { modelNotice } from './start-notice.ts';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { openConfiguredDatabase } from '../db/configured.ts';
import { migrate } from '../db/migrate.ts';
import type { JobEvent } from '../jobs/job.ts';
import { OUTBOX_DELIVER_EVENT } from '../jobs/functions/email.ts';
import { INTAKE_SWEEP_EVENT } from '../jobs/functions/intake-sweep.ts';
import { startJobs, type RunningJobs } from '../jobs/runner.ts';
import { eventsFor } from '../email/events.ts';
import { startSmtpListener, type SmtpListener } from '../email/smtp.ts';
import { seedDemo } from '../tools/demo-data.ts';
import { configureEmbedder, embedderFor } from '../tools/embeddings/index.ts';
import { createApp } from './app.ts';

export { openConfiguredDatabase };

export interface RunningServer {
  url: string;
  handle: DatabaseHandle;
  server: ServerType;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  // Mistral embeddings when a key is set, else the offline embedder (DESIGN §3).
  configureEmbedder(embedderFor(config));
  const handle = await openConfiguredDatabase(config);
  // The demo seed runs under the migration lock: two instances starting on an empty database do not both seed.
  await migrate(handle, async (state) => {
    log(
      `Database: ${handle.kind === 'pglite' ? `PGlite in ${config.COMPTOIR_DATA_DIR}` : 'PostgreSQL'} · migrations applied: ${state.applied} (${state.latest})`,
    );
    if (!config.COMPTOIR_DEMO) return;
    const demo = await seedDemo(handle.db);
    if (demo.created) {
      log('Demo company seeded: "Démo Comptoir" (Québec).');
      for (const u of demo.users) log(`  ${u.role.padEnd(10)} ${u.email}  password: ${u.password}`);
      log(`  API token (admin): ${demo.adminToken}`);
    }
  });
  let jobs: RunningJobs | undefined;
  const sendEvents = async (events: JobEvent[]) => {
    if (events.length) await jobs?.send(events);
  };
  const app = createApp({ handle, config, now: () => new Date(), sendEvents });
  const server = await listen(app.fetch, config).catch(async (err: unknown) => {
    await handle.close();
    throw err;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  log(`Comptoir is running at ${url}`);
  for (const line of modelNotice(config)) log(line);
  jobs = startJobs(config, { db: handle.db, publicUrl: url, now: () => new Date(), config }, log);
  const smtp = await startInboundMail(config, handle, sendEvents, log);
  const running = jobs;
  let outboxTimer: NodeJS.Timeout | undefined;
  if (running.mode === 'in-process') {
    // What a killed process left half-read is picked up now, not at the next minute.
    void running.send({ name: INTAKE_SWEEP_EVENT, data: {} });
    if (config.SMTP_URL && config.OUTBOX_INTERVAL_SECONDS < 60) {
      outboxTimer = setInterval(
        () => void running.send({ name: OUTBOX_DELIVER_EVENT, data: {} }),
        config.OUTBOX_INTERVAL_SECONDS * 1000,
      );
      outboxTimer.unref();
    }
  }
  return {
    url,
    handle,
    server,
    close: async () => {
      clearInterval(outboxTimer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await smtp?.close();
      await running.stop();
      await handle.close();
    },
  };
}

/** Serves the app; a port already taken is said in a sentence, not a stack trace. */
function listen(fetch: ReturnType<typeof createApp>['fetch'], config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: config.HOST, port: config.PORT }, () => resolve(server));
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        reject(
          new Error(
            `Port ${config.PORT} on ${config.HOST} is already in use: stop the program using it, or set PORT to a free port.`,
          ),
        );
      else if (err.code === 'EACCES')
        reject(new Error(`Not allowed to listen on port ${config.PORT}: choose a port above 1023 with PORT.`));
      else reject(err);
    });
  });
}

/** The SMTP listener for bills+<token>@MAIL_DOMAIN; a busy port is reported, not fatal. */
async function startInboundMail(
  config: Config,
  handle: DatabaseHandle,
  send: (events: JobEvent[]) => Promise<void>,
  log: (line: string) => void,
): Promise<SmtpListener | null> {
  if (!config.SMTP_PORT) return null;
  try {
    const smtp = await startSmtpListener(handle.db, {
      port: config.SMTP_PORT,
      host: config.HOST,
      domain: config.MAIL_DOMAIN,
      onReceived: (outcome) => send(eventsFor(outcome)),
    });
    log(`Inbound mail: SMTP on ${config.HOST}:${smtp.port} for bills+<company token>@${config.MAIL_DOMAIN}`);
    return smtp;
  } catch (err) {
    log(
      `Inbound mail: SMTP listener not started (${(err as Error).message}); set SMTP_PORT to a free port, or 0 to turn it off.`,
    );
    return null;
  }
}
