/**
 * MCP over Streamable HTTP at /mcp, inside the main Hono app, on the SDK's web-standard transport.
 * Every request carries a bearer token, checked like the REST API's; a session (one transport, one
 * McpServer) belongs to the person and tenant that opened it and answers no one else.
 *
 * Sessions live in the database (tools/auth/mcp-sessions.ts): any instance answers any session, and a restart
 * drops none. An instance that gets a session it has not served yet builds its own transport and server
 * for it and replays the client's initialize into them, so they stand where the first instance's did.
 * What stays with one instance: a question the server asks mid-call (elicitation) is answered on the
 * instance that asked it, so a client that confirms approvals needs its requests of one call to reach
 * one instance (README, "Running several instances").
 */
import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '@hono/mcp';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  type InitializeRequest,
  isInitializeRequest,
  LATEST_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/sdk/types.js';
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
import {
  deleteIdleSessions,
  deleteSession,
  type StoredSession,
  saveSession,
  touchSession,
} from '../tools/auth/mcp-sessions.ts';

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
  /** The protocol version agreed at initialize. */
  protocolVersion: string;
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
 * A POST's JSON body, read here rather than by the transport: straight from the socket that costs a
 * fraction of the transport's own read through a web stream (a tenth of a tools/call's CPU in the
 * profiles), and the endpoint must see a batch before the transport accepts it. Its size is already
 * bounded, declared or chunked, by the app's body limits (http/body-limits.ts).
 */
async function postedBody(c: Context): Promise<{ body?: unknown; refusal?: Response }> {
  if (c.req.method !== 'POST') return {};
  const length = c.req.header('content-length');
  if (length !== undefined && !(Number(length) > 0) && !c.req.header('transfer-encoding')) return {};
  try {
    return { body: await c.req.json() };
  } catch {
    return { refusal: rpcError(c, 400, 'Parse error: the body is not JSON.', -32700) };
  }
}

/** JSON-RPC batches were part of 2025-03-26 only; later versions send one message per request. */
const LAST_VERSION_WITH_BATCHES = '2025-03-26';

/**
 * A batch under a protocol version that has none is refused whole, before any of it runs. The version
 * is the one the request declares (MCP-Protocol-Version, which the spec makes every request after
 * initialize carry), else the one its session agreed on.
 */
function batchRefusal(c: Context, body: unknown, sessionVersion: string | undefined): Response | undefined {
  if (!Array.isArray(body)) return undefined;
  const version = c.req.header('mcp-protocol-version') ?? sessionVersion;
  if (version !== undefined && version <= LAST_VERSION_WITH_BATCHES) return undefined;
  return rpcError(
    c,
    400,
    `Invalid Request: JSON-RPC batches are not part of MCP ${version ?? 'since 2025-06-18'}; send one message per request.`,
    -32600,
  );
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

/** The version the server answers an initialize with: the client's when supported, else the latest. */
const agreedVersion = (asked: string) =>
  SUPPORTED_PROTOCOL_VERSIONS.includes(asked) ? asked : LATEST_PROTOCOL_VERSION;

/** A request to this instance's own transport, answered and read to its end (replaying a session's start). */
async function replay(
  transport: WebStandardStreamableHTTPServerTransport,
  headers: Record<string, string>,
  message: unknown,
) {
  const response = await transport.handleRequest(
    new Request('http://comptoir.internal/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify(message),
    }),
  );
  await response.text();
  if (response.status >= 300)
    throw new Error(`Replaying ${JSON.stringify(message).slice(0, 80)}: HTTP ${response.status}`);
}

export function mcpRoutes(deps: AppDeps, options: McpHttpOptions = {}) {
  const sessions = new Map<string, OpenSession>();
  /** Sessions this instance is rebuilding: two requests at once for one of them build it once. */
  const restoring = new Map<string, Promise<OpenSession>>();
  const idleTimeoutMs = options.idleTimeoutMs ?? 30 * 60_000;
  const recheckTokenMs = options.recheckTokenMs ?? 1_000;
  const clock = () => deps.now().getTime();
  const authenticate = bearerAuth(deps);
  const db = deps.handle.db;

  const sweep = setInterval(
    () => {
      const cutoff = clock() - idleTimeoutMs;
      // This instance lets go of what it has not served lately (another may still be serving it)...
      for (const open of [...sessions.values()]) if (open.lastSeen < cutoff) void open.transport.close();
      // ...and the database forgets sessions no instance has seen.
      deleteIdleSessions(db, new Date(cutoff)).catch((err) => console.error('MCP session sweep:', err));
    },
    Math.min(idleTimeoutMs, 60_000),
  );
  sweep.unref();

  /** One live transport and server for a stored session on this instance. */
  async function liveSession(session: Session, stored: StoredSession, tokenHash: string): Promise<OpenSession> {
    const server = buildMcpServer(session, stored.toolsets, stored.detail);
    // The server only ever asks a client something mid-call (elicitation, to confirm an approval) when
    // the client said it can answer. Such a client gets its answers as resumable event streams, which
    // can carry the question before the result; any other client gets plain JSON answers, as the spec
    // allows, which cost the server a fraction of a stream.
    const mayAsk = stored.initialize.capabilities.elicitation !== undefined;
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => stored.id,
      enableJsonResponse: !mayAsk,
      // Per session: a replayed stream can only ever hold this session's own messages.
      eventStore: mayAsk ? new MemoryEventStore() : undefined,
      // Only when the client ends the session (DELETE): an instance letting go of it keeps the row.
      onsessionclosed: (id) => deleteSession(db, stored.tenantId, id),
    });
    releaseAnsweredStreams(transport);
    // Set before connect(): the server chains its own clean-up after this one.
    transport.onclose = () => {
      if (sessions.get(stored.id)?.transport === transport) sessions.delete(stored.id);
    };
    await server.connect(transport);
    const open: OpenSession = {
      session,
      transport,
      tokenHash,
      checkedAt: clock(),
      lastSeen: clock(),
      protocolVersion: agreedVersion(stored.initialize.protocolVersion),
    };
    return open;
  }

  async function openSession(c: Context<AppEnv>, body: InitializeRequest) {
    const session = { ...c.get('session') };
    const stored: StoredSession = {
      id: randomUUID(),
      tenantId: session.tenantId,
      userId: session.actor.userId,
      lang: session.lang,
      toolsets: toolsetsFrom(c.req.query('toolsets'), session.lang),
      detail: detailFrom(c.req.query('detail'), session.lang),
      initialize: body.params,
    };
    const open = await liveSession(session, stored, sha256(tokenOf(c)!));
    // Stored before the client learns the id: its next request may reach another instance.
    await saveSession(db, stored, deps.now());
    sessions.set(stored.id, open);
    const response = await open.transport.handleRequest(c.req.raw, { parsedBody: body });
    if (response.status !== 200) {
      sessions.delete(stored.id);
      await deleteSession(db, stored.tenantId, stored.id);
    }
    return response;
  }

  /** A session opened on another instance (or before a restart), rebuilt here from its row. */
  function restoreSession(c: Context<AppEnv>, stored: StoredSession): Promise<OpenSession> {
    let pending = restoring.get(stored.id);
    if (!pending) {
      const session = { ...c.get('session'), lang: stored.lang };
      pending = (async () => {
        const open = await liveSession(session, stored, sha256(tokenOf(c)!));
        await replay(open.transport, {}, { jsonrpc: '2.0', id: 0, method: 'initialize', params: stored.initialize });
        await replay(
          open.transport,
          { 'mcp-session-id': stored.id, 'mcp-protocol-version': open.protocolVersion },
          { jsonrpc: '2.0', method: 'notifications/initialized' },
        );
        sessions.set(stored.id, open);
        return open;
      })().finally(() => restoring.delete(stored.id));
      restoring.set(stored.id, pending);
    }
    return pending;
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
    const { body, refusal } = await postedBody(c);
    if (refusal) return refusal;
    if (id) {
      let open = sessions.get(id);
      // Another person's or tenant's session id is treated as unknown: it reveals nothing.
      if (open && (open.session.tenantId !== caller.tenantId || open.session.actor.userId !== caller.actor.userId))
        return rpcError(c, 404, SESSION_NOT_FOUND);
      if (!open || caller !== open.session) {
        // Just authenticated (a session new here, or its recheck is due): the row says whether the session
        // still exists (a client may have ended it on another instance) and moves its last use forward.
        const stored = await touchSession(db, caller.tenantId, caller.actor.userId, id, deps.now());
        if (!stored) {
          if (open) void open.transport.close();
          return rpcError(c, 404, SESSION_NOT_FOUND);
        }
        if (!open) open = await restoreSession(c, stored);
        // Role or limits may have changed since the session opened: the door sees them as they are now.
        open.session.actor = caller.actor;
        open.tokenHash = sha256(tokenOf(c)!);
        open.checkedAt = clock();
      }
      open.lastSeen = clock();
      const batch = batchRefusal(c, body, open.protocolVersion);
      if (batch) return batch;
      return open.transport.handleRequest(c.req.raw, { parsedBody: body });
    }
    if (c.req.method !== 'POST') return rpcError(c, 400, 'Bad Request: Mcp-Session-Id header is required.');
    const batch = batchRefusal(c, body, undefined);
    if (batch) return batch;
    if (!isInitializeRequest(body))
      return rpcError(c, 400, 'Bad Request: no session yet; the first request must be initialize.');
    return openSession(c, body);
  });
  return app;
}
