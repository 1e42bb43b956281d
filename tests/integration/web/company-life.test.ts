/**
 * Company life over HTTP, with mail delivered over real SMTP (a loopback sink) and read back from its
 * MIME: sign-up with field errors in fr/en and a rate limit; an invitation whose one-time link sets a
 * password once; a reset that says the same thing for a known and an unknown address; links that
 * expire; and a link of one company that cannot open another's.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { accountLinks, outboxEmails, tenants, users } from '../../../db/schema/index.ts';
import { asSystem, withTenant } from '../../../db/tenant.ts';
import { deliverOutbox, smtpTransport } from '../../../email/outbound.ts';
import { sendInvitation } from '../../../tools/auth/account-links.ts';
import { sha256 } from '../../../tools/auth/tokens.ts';
import { invoke } from '../../../tools/invoke.ts';
import { inviteUser } from '../../../tools/settings/invite-user.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { accountLinkIn, type SmtpSink, startSmtpSink } from '../../support/smtp-sink.ts';

const ORIGIN = 'http://localhost';
const PUBLIC = 'http://comptoir.test';
let clock = new Date('2026-03-02T15:00:00Z');
const now = () => clock;
let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let sink: SmtpSink;
let a: Awaited<ReturnType<typeof makeCompany>>;
let b: Awaited<ReturnType<typeof makeCompany>>;

const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});

async function deliver(tenantId: string) {
  await deliverOutbox(handle.db, tenantId, smtpTransport(sink.url), 'Comptoir <no-reply@comptoir.test>', now());
}

/** Invites a person into company `co` through the tool and the mail, and returns the link the mail carries. */
async function invite(co: typeof a, email: string) {
  const out = await invoke(
    co.session('admin', 'fr'),
    inviteUser,
    { email, name: 'Nadia Comptable', role: 'accountant', language: 'fr', approvalLimit: '2500.00' },
    { source: 'rest', byAi: false },
  );
  if (out.kind !== 'write' || out.action.status !== 'executed') throw new Error(`not executed: ${out.message}`);
  const userId = (out.action.result as { id: string }).id;
  await sendInvitation(handle.db, co.tenant.id, { userId, inviterName: 'Admin', publicUrl: PUBLIC, now: now() });
  const before = sink.messages.length;
  await deliver(co.tenant.id);
  expect(sink.messages.length).toBe(before + 1);
  const { mail } = sink.messages.at(-1)!;
  return { userId, mail, link: accountLinkIn(mail.text).replace(PUBLIC, ORIGIN) };
}

beforeAll(async () => {
  handle = await freshDatabase();
  sink = await startSmtpSink();
  app = createApp({ handle, config: loadConfig({ PUBLIC_URL: PUBLIC }), now });
  a = await makeCompany(handle.db, {}, now);
  b = await makeCompany(handle.db, {}, now);
});
afterAll(async () => {
  await sink?.close();
  await handle?.close();
});

describe('sign-up', () => {
  it('refuses a bad form field by field in French, and creates nothing', async () => {
    const res = await app.request(
      `${ORIGIN}/signup`,
      form({
        lang: 'fr',
        companyName: 'X',
        country: 'CA',
        province: '',
        adminName: '',
        email: 'pas-un-courriel',
        password: 'court',
      }),
    );
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Donnez le nom de l’entreprise (2 à 120 caractères).');
    expect(page).toContain('Choisissez la province ou le territoire');
    expect(page).toContain('Donnez une adresse courriel valide');
    expect(page).toContain('Le mot de passe doit compter au moins 10 caractères.');
    const rows = await asSystem(handle.db, (tx) => tx.select().from(tenants).where(eq(tenants.name, 'X')));
    expect(rows).toEqual([]);
  });

  it('says the same in English', async () => {
    const res = await app.request(
      `${ORIGIN}/signup`,
      form({
        lang: 'en',
        companyName: 'Acme',
        country: 'CA',
        province: 'QC',
        adminName: 'Mary',
        email: 'mary@acme.test',
        password: 'short',
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The password must be at least 10 characters long.');
  });

  it('creates the company and its administrator, and logs them in', async () => {
    const res = await app.request(
      `${ORIGIN}/signup`,
      form({
        lang: 'fr',
        companyName: 'Boulangerie Côté',
        country: 'CA',
        province: 'QC',
        adminName: 'Julie Côté',
        email: 'Julie@Boulangerie.test',
        password: 'pain-de-mie-2026',
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/settings/people?welcome=1');
    const cookie = /comptoir_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const page = await app.request(`${ORIGIN}/app/settings/people?welcome=1`, {
      headers: { cookie: `comptoir_session=${cookie}` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Votre entreprise est créée');
    expect(html).toContain('julie@boulangerie.test');
    expect(html).toMatch(/bills\+[0-9a-f-]{36}@/);
  });

  it('refuses a sixth sign-up from one address within the hour', async () => {
    // Three attempts above; two more pass, the sixth is refused whatever it contains.
    for (let i = 0; i < 2; i++)
      expect((await app.request(`${ORIGIN}/signup`, form({ lang: 'en', companyName: '' }))).status).toBe(400);
    const res = await app.request(`${ORIGIN}/signup`, form({ lang: 'en', companyName: '' }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });
});

describe('an invitation', () => {
  it('mails a single-use link, stored hashed, that sets the password and lets the person log in', async () => {
    const { mail, link, userId } = await invite(a, 'nadia@a.test');
    expect(mail.subject).toBe(`Invitation à rejoindre ${a.tenant.name} sur Comptoir`);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('nadia@a.test');
    const token = link.split('/').at(-1)!;
    const stored = await withTenant(handle.db, a.tenant.id, (tx) => tx.select().from(accountLinks));
    expect(stored.map((l) => l.tokenHash)).toEqual([sha256(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);
    // The invitee's limits are what the administrator gave.
    const [person] = await withTenant(handle.db, a.tenant.id, (tx) =>
      tx.select().from(users).where(eq(users.id, userId)),
    );
    expect(person).toMatchObject({ role: 'accountant', approvalLimitCents: 250000n, passwordHash: null });

    expect((await app.request(link)).status).toBe(200);
    const differ = await app.request(link, form({ password: 'nadia-secret-1', confirm: 'nadia-secret-2' }));
    expect(differ.status).toBe(400);
    expect(await differ.text()).toContain('Les deux mots de passe ne sont pas identiques.');
    const set = await app.request(link, form({ password: 'nadia-secret-1', confirm: 'nadia-secret-1' }));
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/login?lang=fr&passwordSet=1');
    // Spent: neither the page nor a second password works.
    expect((await app.request(link)).status).toBe(404);
    expect((await app.request(link, form({ password: 'another-one-22', confirm: 'another-one-22' }))).status).toBe(404);
    const login = await app.request(`${ORIGIN}/login`, form({ email: 'nadia@a.test', password: 'nadia-secret-1' }));
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/app');
  });

  it('expires after 7 days', async () => {
    const { link } = await invite(a, 'late@a.test');
    const saved = clock;
    clock = new Date(saved.getTime() + 7 * 86_400_000 + 1000);
    try {
      expect((await app.request(link)).status).toBe(404);
      expect((await app.request(link, form({ password: 'too-late-2026', confirm: 'too-late-2026' }))).status).toBe(404);
    } finally {
      clock = saved;
    }
  });

  it('of company A cannot open company B, even with B written into the token', async () => {
    const { link } = await invite(a, 'cross@a.test');
    const token = link.split('/').at(-1)!;
    const forged = token.replace(a.tenant.id.replaceAll('-', ''), b.tenant.id.replaceAll('-', ''));
    expect(forged).not.toBe(token);
    expect((await app.request(`${ORIGIN}/account/link/${forged}`)).status).toBe(404);
    expect(
      (
        await app.request(
          `${ORIGIN}/account/link/${forged}`,
          form({ password: 'forged-pass-1', confirm: 'forged-pass-1' }),
        )
      ).status,
    ).toBe(404);
    // B never sees A's link, even by a hand-written query in B's context.
    const inB = await withTenant(handle.db, b.tenant.id, (tx) => tx.select().from(accountLinks));
    expect(inB).toEqual([]);
    // And the genuine link still works in A.
    expect((await app.request(link)).status).toBe(200);
  });

  it('is refused to a non-administrator and for an email already in the company', async () => {
    await expect(
      invoke(
        a.session('manager'),
        inviteUser,
        { email: 'x@a.test', name: 'X', role: 'viewer' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      invoke(
        a.session('admin', 'fr'),
        inviteUser,
        { email: `buyer@${a.tenant.slug}.test`, name: 'B', role: 'viewer' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('a password reset', () => {
  it('answers a known and an unknown address alike, and mails only the known one', async () => {
    const queued = async () =>
      (await withTenant(handle.db, a.tenant.id, (tx) => tx.select().from(outboxEmails))).filter((m) =>
        m.subject.startsWith('Réinitialiser'),
      ).length;
    const unknown = await app.request(`${ORIGIN}/password/forgot`, form({ lang: 'fr', email: 'nobody@nowhere.test' }));
    const known = await app.request(`${ORIGIN}/password/forgot`, form({ lang: 'fr', email: 'nadia@a.test' }));
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    expect(await unknown.text()).toBe(await known.text());
    expect(await queued()).toBe(1);
    await deliver(a.tenant.id);
    const { mail } = sink.messages.at(-1)!;
    expect(mail.subject).toBe(`Réinitialiser votre mot de passe Comptoir (${a.tenant.name})`);
    const link = accountLinkIn(mail.text).replace(PUBLIC, ORIGIN);
    expect((await app.request(link, form({ password: 'new-nadia-pass', confirm: 'new-nadia-pass' }))).status).toBe(303);
    const old = await app.request(`${ORIGIN}/login`, form({ email: 'nadia@a.test', password: 'nadia-secret-1' }));
    expect(old.status).toBe(401);
    const fresh = await app.request(`${ORIGIN}/login`, form({ email: 'nadia@a.test', password: 'new-nadia-pass' }));
    expect(fresh.status).toBe(303);
  });

  it('expires after an hour', async () => {
    await app.request(`${ORIGIN}/password/forgot`, form({ lang: 'fr', email: 'nadia@a.test' }));
    await deliver(a.tenant.id);
    const link = accountLinkIn(sink.messages.at(-1)!.mail.text).replace(PUBLIC, ORIGIN);
    const saved = clock;
    clock = new Date(saved.getTime() + 61 * 60_000);
    try {
      expect((await app.request(link)).status).toBe(404);
    } finally {
      clock = saved;
    }
  });
});
