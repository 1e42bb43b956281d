/**
 * MCP over Streamable HTTP at /mcp, inside the main Hono app, on the SDK's web-standard transport.
 * Every request carries a bearer token, checked like the REST API's; a session (one transport, one
 * McpServer) belongs to the person and tenant that opened it and answers no one else.
 */
import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '@hono/mcp';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { isInitializeRequest, type InitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sha256 } from '../tools/auth/tokens.ts';
import type { Session } from '../tools/context.ts';
import { errorBody, httpStatus } from '../tools/errors.ts';
import { bearerAuth } from '../http/auth.ts';
import { requestLang } from '../http/request-lang.ts';
import type { AppDeps, AppEnv } from '../http/deps.ts';
import { releaseAnsweredStreams } from './json-streams.ts';
import { detailFrom, toolsetsFrom } from './register.ts';
import { buildMcpServer } from './server.ts';

const ORIGIN_REFUSED = {
  fr: (origin: string) => `Origine refusée : ${origin} n’est pas autorisée à appeler /mcp (voir MCP_ALLOWED_ORIGINS).`,
  en: (origin: string) => `Origin refused: ${origin} may not call /mcp (see MCP_ALLOWED_ORIGINS).`,
};

interface OpenSession {
  session: Session;
  transport: WebStandardStreamableHTTPServerTransport;
  /** Hash of the token last checked against the database for this session, and when (app clock, ms). */
  tokenHash: string;
  checkedAt: number;
  lastSeen: number;
}

export interface McpHttpOptions {
  /** A session nobody used for this long is closed; its client starts a new one. */
  idleTimeoutMs?: number;
  /**
   * How long a session trusts the database's last answer about its own token. Every request still
   * presents the token; within this window, the same token is not looked up again. A revoked token or
   * a changed role takes effect on open sessions within this time, on new sessions at once.
   */
  recheckTokenMs?: number;
}

/** A JSON-RPC error with an HTTP status: what MCP clients expect from the endpoint itself. */
function rpcError(c: Context, status: ContentfulStatusCode, message: string, code = -32000, data?: unknown) {
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="comptoir"');
  return c.json(
    { jsonrpc: '2.0', error: { code, message, ...(data === undefined ? {} : { data }) }, id: null },
    status,
  );
}

/** The bearer token of a request, as the REST API reads it. */
const tokenOf = (c: Context) => /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];

/**
 * A POST's JSON body, read here when its length is declared: straight from the socket that costs a
 * fraction of the transport's own read through a web stream, a tenth of a tools/call's CPU in the
 * profiles. Its size is already bounded, declared or chunked, by the app's body limits (http/body-limits.ts).
 */
async function declaredBody(c: Context): Promise<{ body?: unknown; refusal?: Response }> {
  const length = Number(c.req.header('content-length'));
  if (c.req.method !== 'POST' || !(length > 0) || c.req.header('transfer-encoding')) return {};
  try {
    return { body: await c.req.json() };
  } catch {
    return { refusal: rpcError(c, 400, 'Parse error: the body is not JSON.', -32700) };
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The spec's MUST against DNS rebinding: a browser page on another origin must not reach a local MCP
 * server. Browsers always send Origin on a cross-origin POST; a request without one is not from a web
 * page (an SDK client, curl) and passes to the token check like any other.
 */
function originAllowed(origin: string | undefined, allowed: string[] | undefined, publicUrl: string): boolean {
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (allowed) return allowed.includes(url.origin);
  return LOOPBACK.has(url.hostname) || url.origin === new URL(publicUrl).origin;
}

const SESSION_NOT_FOUND = 'Session not found: it expired or was closed. Start a new session with initialize.';

export function mcpRoutes(deps: AppDeps, options: McpHttpOptions = {}) {
  const sessions = new Map<string, OpenSession>();
  const idleTimeoutMs = options.idleTimeoutMs ?? 30 * 60_000;
  const recheckTokenMs = options.recheckTokenMs ?? 1_000;
  const clock = () => deps.now().getTime();
  const authenticate = bearerAuth(deps);

  const sweep = setInterval(
    () => {
      const cutoff = clock() - idleTimeoutMs;
      for (const open of [...sessions.values()]) if (open.lastSeen < cutoff) void open.transport.close();
    },
    Math.min(idleTimeoutMs, 60_000),
  );
  sweep.unref();

  async function openSession(c: Context<AppEnv>, body: InitializeRequest) {
    const session = { ...c.get('session') };
    const tokenHash = sha256(tokenOf(c)!);
    const server = buildMcpServer(
      session,
      toolsetsFrom(c.req.query('toolsets'), session.lang),
      detailFrom(c.req.query('detail'), session.lang),
    );
    // The server only ever asks a client something mid-call (elicitation, to confirm an approval) when
    // the client said it can answer. Such a client gets its answers as resumable event streams, which
    // can carry the question before the result; any other client gets plain JSON answers, as the spec
    // allows, which cost the server a fraction of a stream.
    const mayAsk = body.params.capabilities.elicitation !== undefined;
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: !mayAsk,
      // Per session: a replayed stream can only ever hold this session's own messages.
      eventStore: mayAsk ? new MemoryEventStore() : undefined,
      onsessioninitialized: (id) =>
        void sessions.set(id, { session, transport, tokenHash, checkedAt: clock(), lastSeen: clock() }),
    });
    releaseAnsweredStreams(transport);
    // Set before connect(): the server chains its own clean-up after this one.
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    return transport.handleRequest(c.req.raw, { parsedBody: body });
  }

  const app = new Hono<AppEnv>();
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    const body = errorBody(err);
    if (body.error.code === 'internal') console.error(err);
    return rpcError(c, httpStatus[body.error.code] as ContentfulStatusCode, body.error.message, -32000, {
      code: body.error.code,
    });
  });
  /**
   * Every request presents its token. On an open session, the same token checked less than
   * recheckTokenMs ago is not looked up again: a lookup per call would cost more than most tool calls.
   */
  app.use('/mcp', async (c, next) => {
    const origin = c.req.header('origin');
    if (!originAllowed(origin, deps.config.MCP_ALLOWED_ORIGINS, deps.config.publicUrl))
      return rpcError(c, 403, ORIGIN_REFUSED[requestLang(c)](origin ?? ''));
    return next();
  });
  app.use('/mcp', async (c, next) => {
    const open = sessions.get(c.req.header('mcp-session-id') ?? '');
    const token = tokenOf(c);
    if (open && token && clock() - open.checkedAt < recheckTokenMs && sha256(token) === open.tokenHash) {
      c.set('session', open.session);
      return next();
    }
    return authenticate(c, next);
  });
  app.all('/mcp', async (c) => {
    const caller = c.get('session');
    const id = c.req.header('mcp-session-id');
    const { body, refusal } = await declaredBody(c);
    if (refusal) return refusal;
    if (id) {
      const open = sessions.get(id);
      // Another person's or tenant's session id is treated as unknown: it reveals nothing.
      if (!open || open.session.tenantId !== caller.tenantId || open.session.actor.userId !== caller.actor.userId) {
        return rpcError(c, 404, SESSION_NOT_FOUND);
      }
      if (caller !== open.session) {
        // Just checked: role or limits may have changed since the session opened, the door sees them as they are now.
        open.session.actor = caller.actor;
        open.tokenHash = sha256(tokenOf(c)!);
        open.checkedAt = clock();
      }
      open.lastSeen = clock();
      return open.transport.handleRequest(c.req.raw, { parsedBody: body });
    }
    if (c.req.method !== 'POST') return rpcError(c, 400, 'Bad Request: Mcp-Session-Id header is required.');
    if (!isInitializeRequest(body))
      return rpcError(c, 400, 'Bad Request: no session yet; the first request must be initialize.');
    return openSession(c, body);
  });
  return app;
}
