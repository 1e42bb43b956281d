/**
 * `comptoir mcp`: MCP over stdin/stdout for Claude Desktop, Claude Code, Cursor and other local
 * clients. The token is checked once at start; stdout carries only the protocol, messages go to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Config } from '../config.ts';
import { openConfiguredDatabase } from '../db/configured.ts';
import { migrate } from '../db/migrate.ts';
import { authenticateToken } from '../tools/auth/api-tokens.ts';
import { configureEmbedder, embedderFor } from '../tools/embeddings/index.ts';
import type { Session } from '../tools/context.ts';
import { toolsetsFrom } from './register.ts';
import { buildMcpServer } from './server.ts';

const NO_TOKEN = 'No API token: pass --token <token> or set COMPTOIR_TOKEN (create one with `comptoir token create`).';

export async function serveStdio(config: Config, token: string | undefined, toolsets?: string): Promise<void> {
  if (!token) return fail(NO_TOKEN);
  configureEmbedder(embedderFor(config));
  const handle = await openConfiguredDatabase(config);
  let session: Session;
  let areas: string[] | undefined;
  try {
    await migrate(handle);
    const { tenantId, actor } = await authenticateToken(handle.db, token);
    session = { db: handle.db, tenantId, actor, lang: actor.lang, now: () => new Date() };
    areas = toolsetsFrom(toolsets, session.lang);
  } catch (err) {
    await handle.close();
    return fail(err instanceof Error ? err.message : String(err));
  }

  const server = buildMcpServer(session, areas);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close().catch(() => {});
    await handle.close().catch(() => {});
    process.exit(0);
  };
  // The client ends the session by closing our stdin; the database pool would otherwise keep us alive.
  process.stdin.once('end', shutdown);
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await server.connect(new StdioServerTransport());
}

function fail(message: string): void {
  process.stderr.write(`comptoir mcp: ${message}\n`);
  process.exitCode = 1;
}
