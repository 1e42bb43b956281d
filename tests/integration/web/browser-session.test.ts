/** The browser app over HTTP: login (rate limit, origin check, company choice), cookie sessions, CSRF, SSE chat, roles, upload, logout. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { documents, sessions, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { sha256 } from '../../../tools/auth/tokens.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { createApp } from '../../../http/app.ts';
import { freshDatabase } from '../../support/database.ts';
import { answer, callTools, fakeModel, lastToolResult } from '../../support/scripted-model.ts';

let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let tenantId: string;
let otherTenantId: string;
const now = () => new Date('2026-03-02T15:00:00Z');
const ORIGIN = 'http://localhost';

function model() {
  return fakeModel()
    .respond(callTools({ name: 'purchasing_find_suppliers', args: { query: 'Bureau Plus' } }))
    .respond((messages) => {
      const { suppliers: found } = lastToolResult(messages) as { suppliers: { id: string }[] };
      return callTools({
        name: 'purchasing_create_order',
        args: { supplierId: found[0]!.id, lines: [{ description: 'Chaise', quantity: '10', unitPrice: '249.00' }] },
      });
    })
    .respond((messages) => answer((lastToolResult(messages) as { message: string }).message));
}

beforeAll(async () => {
  handle = await freshDatabase();
  const people = [
    {
      email: 'louise@example.test',
      name: 'Louise Tremblay',
      role: 'manager' as const,
      password: 'correct horse',
      language: 'fr' as const,
    },
    {
      email: 'tom@example.test',
      name: 'Tom Wilson',
      role: 'viewer' as const,
      password: 'viewer pass',
      language: 'en' as const,
    },
    {
      email: 'both@example.test',
      name: 'Sam Both',
      role: 'buyer' as const,
      password: 'same everywhere',
      language: 'en' as const,
    },
    {
      email: 'rita@example.test',
      name: 'Rita Roy',
      role: 'accountant' as const,
      password: 'rita pass',
      language: 'fr' as const,
    },
  ];
  const made = await createTenant(
    handle.db,
    { slug: 'web-a', name: 'Atelier A', province: 'QC', automationLevel: 'assisted' },
    people,
  );
  tenantId = made.tenant.id;
  const other = await createTenant(handle.db, { slug: 'web-b', name: 'Boutique B', province: 'ON' }, [
    { email: 'both@example.test', name: 'Sam Both', role: 'admin', password: 'same everywhere' },
  ]);
  otherTenantId = other.tenant.id;
  await withTenant(handle.db, tenantId, (tx) =>
    tx.insert(suppliers).values({ tenantId, name: 'Bureau Plus Inc.', province: 'QC' }),
  );
  app = createApp({ handle, config: loadConfig({}), now, chatModel: model });
});
afterAll(() => handle?.close());

function form(fields: Record<string, string>) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams(fields).toString(),
  };
}

const cookieOf = (res: Response) => /comptoir_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

async function logIn(email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.request(`${ORIGIN}/login`, form({ email, password, lang: 'en' }));
  expect(res.status).toBe(303);
  const cookie = cookieOf(res)!;
  const page = await (await app.request(`${ORIGIN}/app`, { headers: { cookie: `comptoir_session=${cookie}` } })).text();
  const csrf = /"csrf":"([^"]+)"/.exec(page)![1]!;
  return { cookie, csrf };
}

describe('login', () => {
  it('sends a visitor without a session to the login page', async () => {
    const res = await app.request(`${ORIGIN}/app/approvals`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fapp%2Fapprovals');
    const api = await app.request(`${ORIGIN}/app/api/conversations`);
    expect(api.status).toBe(401);
  });

  it('opens a session with an HttpOnly, SameSite=Lax cookie whose token is stored only hashed', async () => {
    const res = await app.request(
      `${ORIGIN}/login`,
      form({ email: 'Louise@Example.test ', password: 'correct horse', next: '/app/approvals' }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/approvals');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const token = cookieOf(res)!;
    expect(token).toMatch(new RegExp(`^css_${tenantId.replaceAll('-', '')}_`));
    const rows = await withTenant(handle.db, tenantId, (tx) => tx.select().from(sessions));
    expect(rows.map((r) => r.tokenHash)).toContain(sha256(token));
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it('refuses a wrong password alike for unknown emails, then rate limits the pair', async () => {
    const wrong = await app.request(
      `${ORIGIN}/login`,
      form({ email: 'rita@example.test', password: 'nope', lang: 'en' }),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong email or password.');
    const unknown = await app.request(
      `${ORIGIN}/login`,
      form({ email: 'nobody@example.test', password: 'nope', lang: 'en' }),
    );
    expect(unknown.status).toBe(401);
    for (let i = 0; i < 4; i++)
      await app.request(`${ORIGIN}/login`, form({ email: 'rita@example.test', password: 'nope', lang: 'fr' }));
    const limited = await app.request(
      `${ORIGIN}/login`,
      form({ email: 'rita@example.test', password: 'rita pass', lang: 'fr' }),
    );
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Trop de tentatives de connexion. Réessayez dans 15 minute(s).');
    // Another person from the same address is not locked out.
    expect(
      (await app.request(`${ORIGIN}/login`, form({ email: 'tom@example.test', password: 'viewer pass' }))).status,
    ).toBe(303);
  });

  it('refuses a login form posted from another site', async () => {
    const res = await app.request(`${ORIGIN}/login`, {
      ...form({ email: 'tom@example.test', password: 'viewer pass' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(cookieOf(res)).toBeNull();
  });

  it('lets a person whose email opens two companies choose one', async () => {
    const res = await app.request(
      `${ORIGIN}/login`,
      form({ email: 'both@example.test', password: 'same everywhere', lang: 'en' }),
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Choose the company');
    expect(page).toContain('Atelier A');
    expect(page).toContain('Boutique B');
    const nonce = /name="nonce" value="([^"]+)"/.exec(page)![1]!;
    const chosen = await app.request(`${ORIGIN}/login/choose`, form({ nonce, tenantId: otherTenantId, lang: 'en' }));
    expect(chosen.status).toBe(303);
    const cookie = cookieOf(chosen)!;
    const shell = await (
      await app.request(`${ORIGIN}/app`, { headers: { cookie: `comptoir_session=${cookie}` } })
    ).text();
    expect(shell).toContain('Boutique B');
    const again = await app.request(`${ORIGIN}/login/choose`, form({ nonce, tenantId: otherTenantId, lang: 'en' }));
    expect(again.status).toBe(400);
  });
});

describe('a session', () => {
  it('needs the CSRF token on every unsafe request', async () => {
    const { cookie } = await logIn('louise@example.test', 'correct horse');
    const res = await app.request(`${ORIGIN}/app/api/chat`, {
      method: 'POST',
      headers: { cookie: `comptoir_session=${cookie}`, 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ text: '/help' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe('Missing or wrong CSRF token: reload the page and try again.');
  });

  it('streams a chat turn: tool calls, the action created, the answer', async () => {
    const { cookie, csrf } = await logIn('louise@example.test', 'correct horse');
    const res = await app.request(`${ORIGIN}/app/api/chat`, {
      method: 'POST',
      headers: {
        cookie: `comptoir_session=${cookie}`,
        'x-csrf-token': csrf,
        'content-type': 'application/json',
        origin: ORIGIN,
      },
      body: JSON.stringify({ text: 'Commande 10 chaises chez Bureau Plus' }),
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((block) => ({
        event: /^event: (.+)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.+)$/m.exec(block)![1]!),
      }));
    expect(events.map((e) => e.event)).toEqual([
      'conversation',
      'tool_call',
      'tool_result',
      'tool_call',
      'tool_result',
      'token',
      'done',
    ]);
    const created = events[4]!.data.call;
    expect(created).toMatchObject({
      name: 'purchasing_create_order',
      ok: true,
      action: { status: 'executed', confidence: 0.7 },
    });
    // The manager's profile says French: the door answers in French.
    expect(events[6]!.data.text).toMatch(
      /^Action n° \d+ exécutée\. Bon de commande PO2026-\d{5} \(Bureau Plus Inc\.\) : total 2\s862,88\s\$, statut brouillon\.$/,
    );
  });

  it('lets a viewer chat and read but not write or upload', async () => {
    const { cookie, csrf } = await logIn('tom@example.test', 'viewer pass');
    const headers = { cookie: `comptoir_session=${cookie}`, 'x-csrf-token': csrf, origin: ORIGIN };
    const shell = await (await app.request(`${ORIGIN}/app`, { headers })).text();
    expect(shell).toContain('Read-only access: you can chat and look, not change anything.');
    const write = await app.request(`${ORIGIN}/app/api/tools/purchasing_create_supplier`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'X' }),
    });
    expect(write.status).toBe(403);
    const body = new FormData();
    body.append('file', new File([Buffer.from('%PDF-1.4 test')], 'bill.pdf', { type: 'application/pdf' }));
    const upload = await app.request(`${ORIGIN}/app/api/upload`, { method: 'POST', headers, body });
    expect(upload.status).toBe(403);
    const help = await app.request(`${ORIGIN}/app/api/chat`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '/help' }),
    });
    expect(await help.text()).toContain('Commands (they work even without an AI model):');
  });

  it('stores a dropped bill as an upload document', async () => {
    const { cookie, csrf } = await logIn('louise@example.test', 'correct horse');
    const body = new FormData();
    body.append('file', new File([Buffer.from('not a bill at all')], 'notes.txt', { type: 'text/plain' }));
    const res = await app.request(`${ORIGIN}/app/api/upload`, {
      method: 'POST',
      headers: { cookie: `comptoir_session=${cookie}`, 'x-csrf-token': csrf, origin: ORIGIN },
      body,
    });
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.document).toMatchObject({
      filename: 'notes.txt',
      source: 'upload',
      status: 'failed',
      mimeType: 'text/plain',
    });
    const [row] = await withTenant(handle.db, tenantId, (tx) =>
      tx.select().from(documents).where(eq(documents.id, out.document.id)),
    );
    expect(row!.content.toString()).toBe('not a bill at all');
  });

  it('refuses an upload without a file in the person’s language', async () => {
    const refusal = async (email: string, password: string) => {
      const { cookie, csrf } = await logIn(email, password);
      const body = new FormData();
      body.append('document', 'no file here');
      const res = await app.request(`${ORIGIN}/app/api/upload`, {
        method: 'POST',
        headers: { cookie: `comptoir_session=${cookie}`, 'x-csrf-token': csrf, origin: ORIGIN },
        body,
      });
      expect(res.status).toBe(400);
      return (await res.json()).error.message;
    };
    expect(await refusal('louise@example.test', 'correct horse')).toBe(
      'Envoyez la facture en multipart/form-data, dans un champ nommé « file ».',
    );
    expect(await refusal('tom@example.test', 'viewer pass')).toBe(
      'Send the bill as multipart/form-data in a field named "file".',
    );
  });

  it('serves the other screens: tokens shown once, settings through the door, bank and dashboards', async () => {
    const { cookie, csrf } = await logIn('louise@example.test', 'correct horse');
    const headers = {
      cookie: `comptoir_session=${cookie}`,
      'x-csrf-token': csrf,
      origin: ORIGIN,
      'content-type': 'application/json',
    };
    const created = await app.request(`${ORIGIN}/app/api/tokens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'laptop' }),
    });
    expect(created.status).toBe(201);
    const { id, token } = await created.json();
    expect(token).toMatch(new RegExp(`^cpt_${tenantId.replaceAll('-', '')}_`));
    const listed = await (await app.request(`${ORIGIN}/app/api/tokens`, { headers })).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.tokens).toEqual([expect.objectContaining({ id, name: 'laptop', revokedAt: null })]);
    const revoked = await app.request(`${ORIGIN}/app/api/tokens/${id}/revoke`, { method: 'POST', headers, body: '{}' });
    expect(revoked.status).toBe(200);
    // A manager may not change the company's settings: the door refuses, nothing changes.
    const settings = await app.request(`${ORIGIN}/app/api/tools/settings_update`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ automationLevel: 'full' }),
    });
    expect(settings.status).toBe(403);
    expect((await settings.json()).error.message).toBe('Votre rôle ne permet pas cette action.');
    // A manager sends bills in: the address is theirs to see.
    expect((await app.request(`${ORIGIN}/app/api/inbound-address`, { headers })).status).toBe(200);
    // The bank screen is server-rendered now: its old JSON is gone.
    expect((await app.request(`${ORIGIN}/app/api/bank`, { headers })).status).toBe(404);
    const dashboards = await (await app.request(`${ORIGIN}/app/api/dashboards`, { headers })).json();
    expect(dashboards.cards.every((c: { tool: string }) => c.tool.startsWith('analytics_'))).toBe(true);
  });

  it('ends at logout: the cookie opens nothing afterwards', async () => {
    const { cookie, csrf } = await logIn('louise@example.test', 'correct horse');
    const res = await app.request(`${ORIGIN}/logout`, form({ _csrf: csrf }));
    expect(res.status).toBe(303); // no cookie on this request: sent to login
    const out = await app.request(`${ORIGIN}/logout`, {
      ...form({ _csrf: csrf }),
      headers: { ...form({}).headers, cookie: `comptoir_session=${cookie}` },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    const after = await app.request(`${ORIGIN}/app/api/conversations`, {
      headers: { cookie: `comptoir_session=${cookie}` },
    });
    expect(after.status).toBe(401);
  });

  it('marks the cookie Secure when the public address is https', async () => {
    const secureApp = createApp({ handle, config: loadConfig({ PUBLIC_URL: 'https://comptoir.example' }), now });
    const res = await secureApp.request(
      `${ORIGIN}/login`,
      form({ email: 'tom@example.test', password: 'viewer pass' }),
    );
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });
});
