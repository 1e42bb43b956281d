/**
 * The only place that reads the environment: parsed once with zod at start, then passed down.
 * Every variable is listed in the README's configuration table.
 */
import { z } from 'zod';

const optional = z.string().trim().min(1).optional().catch(undefined);

export const ConfigSchema = z.object({
  /** postgres://… for a real server; empty for the embedded PGlite under dataDir. */
  DATABASE_URL: optional,
  COMPTOIR_DATA_DIR: z.string().default('./.comptoir/data'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long opening a connection to PostgreSQL may take before the request gets a 503. */
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(3),
  /** The longest one SQL statement may run (0: no bound); migrations are not bound by it. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address people reach the app at (links in emails). */
  PUBLIC_URL: optional,
  MISTRAL_API_KEY: optional,
  MISTRAL_MODEL: z.string().default('mistral-medium-latest'),
  OPENAI_BASE_URL: optional,
  OPENAI_API_KEY: optional,
  OPENAI_MODEL: z.string().default('llama3.1'),
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
  INNGEST_BASE_URL: optional,
  /** Inbound mail: the SMTP listener's port (0 disables it) and the domain of tenant addresses. */
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  MAIL_DOMAIN: z.string().default('comptoir.local'),
  /** Shared secret of the raw-MIME webhook (POST /inbound/email); the webhook is off without it. */
  INBOUND_WEBHOOK_SECRET: optional,
  /** imaps://user:pass@host/ to poll a mailbox for bills, every minute. */
  IMAP_URL: optional,
  /** Outbound mail: smtp://user:pass@host:port; without it mail stays in the local outbox. */
  SMTP_URL: optional,
  MAIL_FROM: z.string().default('Comptoir <no-reply@comptoir.local>'),
  /**
   * Browser origins allowed to call /mcp, comma-separated ("https://claude.ai,https://app.example.com");
   * unset: loopback origins and PUBLIC_URL's. Requests without an Origin header (non-browser clients) pass.
   */
  MCP_ALLOWED_ORIGINS: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const origins: string[] = [];
      for (const item of v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)) {
        if (!URL.canParse(item) || new URL(item).origin === 'null') {
          ctx.addIssue({ code: 'custom', message: `not an origin: ${item} (write it as https://host[:port])` });
          return z.NEVER;
        }
        origins.push(new URL(item).origin);
      }
      return origins;
    }),
  /** A document left `received`/`reading` this long is read again (its reader was stopped or killed). */
  INTAKE_STALE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** Readings of one document started before it is marked failed with the reason. */
  INTAKE_MAX_READS: z.coerce.number().int().min(1).max(20).default(3),
  /** Seconds between outbox deliveries of the in-process runner (Inngest runs it each minute). */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** API token for `comptoir mcp` over stdio. */
  COMPTOIR_TOKEN: optional,
  /** Seed a demo company on first start of an empty database. */
  COMPTOIR_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof ConfigSchema> & { publicUrl: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const c = parsed.data;
  return { ...c, publicUrl: c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}` };
}
