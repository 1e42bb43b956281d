import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import {
  aiActionEvents,
  aiActions,
  approvalLinks,
  notifications,
  outboxEmails,
  users,
} from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { emailApprovers } from '../../../tools/actions/approval-emails.ts';
import { createApprovalLinks, decideByLink } from '../../../tools/actions/approval-links.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import { sha256 } from '../../../tools/auth/tokens.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const T0 = new Date('2026-03-02T15:00:00Z');
const PUBLIC_URL = 'https://comptoir.example';
const LINK = /https:\/\/comptoir\.example\/approvals\/link\/(cal_[0-9a-f]{32}_[A-Za-z0-9_-]{43})/g;

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;
let clock = T0;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db, { automationLevel: 'supervised', approvalExpiryHours: 72 }, () => T0);
  // The administrator reads English, everyone else French (the company default).
  await withTenant(handle.db, co.tenant.id, (tx) =>
    tx
      .update(users)
      .set({ language: 'en' })
      .where(eq(users.id, co.user('admin').id)),
  );
  const created = await propose(
    co.session('buyer'),
    createSupplier,
    { name: 'Bureau Plus Inc.', province: 'QC' },
    { source: 'rest', byAi: false },
  );
  supplierId = (created.result as { id: string }).id;
  app = createApp({ handle, config: loadConfig({ PUBLIC_URL }), now: () => clock });
});
afterAll(() => handle?.close());

/** An AI submission of a draft order of `price`, waiting for approval (level 2 from 5,000.00). */
async function queued(price: string) {
  const buyer = co.session('buyer');
  const order = await propose(
    buyer,
    createOrder,
    { supplierId, lines: [{ description: 'Poste de travail', quantity: '1', unitPrice: price, treatment: 'exempt' }] },
    { source: 'rest', byAi: false },
  );
  const action = await propose(
    buyer,
    submitOrder,
    { orderId: (order.result as { id: string }).id },
    { source: 'email', byAi: true, modelConfidence: 0.5, rationale: 'Facture reçue pour cette commande' },
  );
  expect(action.status).toBe('pending_approval');
  return action;
}

/** The approval emails written for one action, by recipient. */
async function emailsFor(actionId: string) {
  return withTenant(handle.db, co.tenant.id, async (tx) => {
    const notes = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.actionId, actionId));
    if (!notes.length) return [];
    return tx
      .select()
      .from(outboxEmails)
      .where(
        and(
          eq(outboxEmails.relatedType, 'notification'),
          inArray(
            outboxEmails.relatedId,
            notes.map((n) => n.id),
          ),
        ),
      );
  });
}

/** The approve and reject links an approver received for an action. */
async function linksFor(actionId: string, role: 'admin' | 'manager') {
  const mail = (await emailsFor(actionId)).find((m) => m.to === co.user(role).email)!;
  const [approveToken, rejectToken] = [...mail.text.matchAll(LINK)].map((m) => m[1]!);
  return { approve: approveToken!, reject: rejectToken! };
}

const stateOf = (actionId: string) =>
  withTenant(handle.db, co.tenant.id, async (tx) => ({
    action: (await tx.select().from(aiActions).where(eq(aiActions.id, actionId)))[0]!,
    events: await tx
      .select()
      .from(aiActionEvents)
      .where(eq(aiActionEvents.actionId, actionId))
      .orderBy(aiActionEvents.seq),
    links: await tx.select().from(approvalLinks).where(eq(approvalLinks.actionId, actionId)),
  }));

const post = (token: string, form: Record<string, string>) =>
  app.request(`/approvals/link/${token}`, { method: 'POST', body: new URLSearchParams(form) });

describe('approval emails', () => {
  it('emails each approver in their own language, with an approve and a reject link, once', async () => {
    const action = await queued('6000.00');
    const sent = await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 });
    expect(sent.queued).toBeGreaterThanOrEqual(2);
    const mails = await emailsFor(action.id);
    expect(mails.map((m) => m.to).sort()).toEqual([co.user('admin').email, co.user('manager').email].sort());

    const en = mails.find((m) => m.to === co.user('admin').email)!;
    expect(en).toMatchObject({ status: 'queued' });
    expect(en.subject).toBe(
      `Approval needed: action #${action.number} — Submit a purchase order for approval ($6,000.00)`,
    );
    expect(en.text).toContain(`Hello ${co.user('admin').name},`);
    expect(en.text).toContain(`Action #${action.number} awaits your decision (level 2).`);
    expect(en.text).toContain('Reason: Facture reçue pour cette commande');
    expect(en.text).toContain('Decide by: March 5, 2026');
    expect(en.text).toMatch(/^Approve: https:\/\/comptoir\.example\/approvals\/link\/cal_/m);
    expect(en.text).toMatch(/^Reject: https:\/\/comptoir\.example\/approvals\/link\/cal_/m);
    expect(en.html).toContain('>Approve</a>');

    const fr = mails.find((m) => m.to === co.user('manager').email)!;
    expect(fr.subject).toBe(
      `Approbation demandée : action n° ${action.number} — Submit a purchase order for approval (6\u00a0000,00\u00a0$)`,
    );
    expect(fr.text).toContain(`L'action n° ${action.number} attend votre décision (niveau 2).`);
    expect(fr.text).toMatch(/^Approuver : https:\/\/comptoir\.example\/approvals\/link\/cal_/m);
    expect(fr.text).toMatch(/^Refuser : https:\/\/comptoir\.example\/approvals\/link\/cal_/m);

    // Only the hash of each token is stored: two links per approver, each for its decision.
    const tokens = [...en.text.matchAll(LINK), ...fr.text.matchAll(LINK)].map((m) => m[1]!);
    expect(new Set(tokens).size).toBe(4);
    const { links } = await stateOf(action.id);
    expect(links).toHaveLength(4);
    expect(links.map((l) => l.tokenHash).sort()).toEqual(tokens.map(sha256).sort());
    expect(links.every((l) => l.expiresAt.getTime() === T0.getTime() + 72 * 3_600_000 && l.usedAt === null)).toBe(true);

    // A second scan, or one an hour later, writes nothing more.
    await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 });
    await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: new Date(T0.getTime() + 3_600_000) });
    expect(await emailsFor(action.id)).toHaveLength(2);
    expect((await stateOf(action.id)).links).toHaveLength(4);
  });
});

describe('approval emails under concurrency', () => {
  it('four scans at once write each email once', async () => {
    const action = await queued('5700.00');
    await Promise.all(Array.from({ length: 4 }, () => emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 })));
    expect(await emailsFor(action.id)).toHaveLength(2);
    expect((await stateOf(action.id)).links).toHaveLength(4);
  });
});

describe('approval links', () => {
  it('GET shows the action and decides nothing; POST decides, as the link’s approver, once', async () => {
    const action = await queued('6500.00');
    await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 });
    const { approve: token } = await linksFor(action.id, 'admin');

    for (let i = 0; i < 3; i++) {
      const page = await app.request(`/approvals/link/${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      const body = await page.text();
      expect(body).toContain(`Action #${action.number} — your decision`);
      expect(body).toContain('purchasing_submit_order');
      expect(body).toContain('$6,500.00');
      expect(body).toContain('Facture reçue pour cette commande');
      expect(body).toMatch(
        /<button type="submit" name="decision" value="approve" class="approve primary">Approve<\/button>/,
      );
      expect(body).toContain('value="reject"');
    }
    const opened = await stateOf(action.id);
    expect(opened.action.status).toBe('pending_approval');
    expect(opened.links.every((l) => l.usedAt === null)).toBe(true);
    expect(opened.events.map((e) => e.type)).toEqual(['proposed', 'queued']);

    const done = await post(token, { decision: 'approve' });
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(
      new RegExp(`Action #${action.number} executed\\. Purchase order PO2026-\\d{5} approved`),
    );
    const after = await stateOf(action.id);
    expect(after.action).toMatchObject({ status: 'executed', decidedBy: co.user('admin').id });
    expect(after.events.slice(2).map((e) => [e.type, e.source, e.actorId])).toEqual([
      ['approved', 'email', co.user('admin').id],
      ['executed', 'email', co.user('admin').id],
    ]);
    expect(after.events[2]!.note).toBe('Approved from an email link.');
    expect(after.links.find((l) => l.tokenHash === sha256(token))!.usedAt).toEqual(T0);

    const again = await post(token, { decision: 'approve' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('This approval link was already used.');
    expect((await app.request(`/approvals/link/${token}`)).status).toBe(410);
  });

  it('rejects from the reject link with the approver’s note, in their language', async () => {
    const action = await queued('5200.00');
    await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 });
    const { reject: token } = await linksFor(action.id, 'manager');
    const page = await (await app.request(`/approvals/link/${token}`)).text();
    expect(page).toContain(`Action n° ${action.number} — votre décision`);
    expect(page).toMatch(/value="reject" class="reject primary">Refuser</);
    const res = await post(token, { decision: 'reject', note: 'Pas ce mois-ci' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`Action n° ${action.number} refusée. Elle ne sera pas exécutée.`);
    const { action: row, events } = await stateOf(action.id);
    expect(row).toMatchObject({ status: 'rejected', decidedBy: co.user('manager').id });
    expect(events.at(-1)).toMatchObject({ type: 'rejected', source: 'email', note: 'Pas ce mois-ci' });
  });

  it('refuses an expired link with a clear message, and changes nothing', async () => {
    const action = await queued('5300.00');
    await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 });
    const { approve: token } = await linksFor(action.id, 'admin');
    const late = new Date(T0.getTime() + 72 * 3_600_000);
    await expect(decideByLink(handle.db, token, late)).rejects.toMatchObject({
      code: 'conflict',
      message:
        'This approval link has expired. Open the approvals inbox in Comptoir: the action may have moved to another approver.',
      details: { reason: 'link_expired', lang: 'en' },
    });
    clock = late;
    try {
      expect((await app.request(`/approvals/link/${token}`)).status).toBe(410);
      const res = await post(token, { decision: 'approve' });
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('This approval link has expired.');
    } finally {
      clock = T0;
    }
    const { action: row, events, links } = await stateOf(action.id);
    expect(row.status).toBe('pending_approval');
    expect(events.map((e) => e.type)).toEqual(['proposed', 'queued']);
    expect(links.every((l) => l.usedAt === null)).toBe(true);
  });

  it('refuses a link whose approver’s role cannot approve the action, and changes nothing', async () => {
    const action = await queued('5400.00');
    expect(action.requiredLevel).toBe(2);
    // An accountant decides level 1 only; a link sent to one (say, before an escalation) cannot decide level 2.
    const tokens = await withTenant(handle.db, co.tenant.id, (tx) =>
      createApprovalLinks(tx, {
        action: { id: action.id, tenantId: co.tenant.id },
        approver: co.user('accountant'),
        expiresAt: new Date(T0.getTime() + 3_600_000),
      }),
    );
    await expect(decideByLink(handle.db, tokens.approve, T0)).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Votre rôle ne peut pas approuver à ce niveau.',
      details: { reason: 'role_too_low', lang: 'fr' },
    });
    const res = await post(tokens.reject, { decision: 'reject' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Votre rôle ne peut pas approuver à ce niveau.');
    const { action: row, events, links } = await stateOf(action.id);
    expect(row.status).toBe('pending_approval');
    expect(events.map((e) => e.type)).toEqual(['proposed', 'queued']);
    expect(links.every((l) => l.usedAt === null)).toBe(true);
  });

  it('says so when the action was already decided elsewhere', async () => {
    const action = await queued('5500.00');
    await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 });
    const { approve: token } = await linksFor(action.id, 'admin');
    await approve(co.session('manager'), action.id, { source: 'rest' });
    const page = await app.request(`/approvals/link/${token}`);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain(`Action #${action.number} was already decided (status: executed).`);
    await expect(decideByLink(handle.db, token, T0)).rejects.toMatchObject({
      code: 'conflict',
      message: `Action #${action.number} was already decided (status: executed).`,
      details: { reason: 'already_decided', lang: 'en' },
    });
    expect((await post(token, { decision: 'approve' })).status).toBe(409);
  });

  it('two clicks at once on one link: one decision', async () => {
    const action = await queued('5600.00');
    await emailApprovers(handle.db, { publicUrl: PUBLIC_URL, now: T0 });
    const { approve: token } = await linksFor(action.id, 'admin');
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => decideByLink(handle.db, token, T0)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toMatchObject({ code: 'conflict' });
      expect(['link_used', 'already_decided']).toContain(r.reason.details.reason);
    }
    const { events } = await stateOf(action.id);
    expect(events.filter((e) => e.type === 'approved')).toHaveLength(1);
  });

  it('answers an unknown or malformed link with a clear page in both languages', async () => {
    const forged = `cal_${co.tenant.id.replaceAll('-', '')}_${'A'.repeat(43)}`;
    for (const token of ['nonsense', forged]) {
      const page = await app.request(`/approvals/link/${token}`);
      expect(page.status).toBe(404);
      const body = await page.text();
      expect(body).toContain('Ce lien d&#39;approbation n&#39;est pas valide.');
      expect(body).toContain('This approval link is not valid.');
      expect((await post(token, { decision: 'approve' })).status).toBe(404);
    }
    await expect(decideByLink(handle.db, forged, T0)).rejects.toMatchObject({
      code: 'not_found',
      details: { reason: 'link_unknown' },
    });
  });
});
