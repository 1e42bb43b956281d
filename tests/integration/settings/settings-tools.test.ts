import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActionEvents, tenants } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { defaultTimeZone } from '../../../tools/dates.ts';
import { inboundAddress } from '../../../tools/settings/inbound-address.ts';
import { updateCompany } from '../../../tools/settings/update-company.ts';
import { updateSettings } from '../../../tools/settings/update-settings.ts';
import { updateUser } from '../../../tools/settings/update-user.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, { automationLevel: 'assisted' });
});
afterAll(() => handle?.close());

const tenantRow = async () =>
  (
    await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(tenants).where(eq(tenants.id, company.tenant.id)),
    )
  )[0]!;

describe('settings_update', () => {
  it('lets an administrator change the automation level and limits, with an audit trail', async () => {
    const out = await propose(
      company.session('admin'),
      updateSettings,
      { automationLevel: 'supervised', hardCap: '7500.00', approvalLevels: ['500.00', '2500.00', '9000.00'] },
      { source: 'rest', byAi: false },
    );
    expect(out.status).toBe('executed');
    expect(out.result).toMatchObject({
      automationLevel: 'supervised',
      hardCap: '7500.00',
      approvalLevels: ['500.00', '2500.00', '9000.00'],
    });
    const t = await tenantRow();
    expect([
      t.automationLevel,
      t.hardCapCents,
      t.approvalLevel1Cents,
      t.approvalLevel2Cents,
      t.approvalLevel3Cents,
    ]).toEqual(['supervised', 750000n, 50000n, 250000n, 900000n]);
    const events = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiActionEvents).where(eq(aiActionEvents.actionId, out.id)).orderBy(asc(aiActionEvents.seq)),
    );
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ['proposed', company.user('admin').id],
      ['executed', company.user('admin').id],
    ]);
  });

  it('refuses a manager and changes nothing', async () => {
    await expect(
      propose(
        company.session('manager', 'fr'),
        updateSettings,
        { automationLevel: 'full' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Votre rôle ne permet pas cette action.',
    });
    expect((await tenantRow()).automationLevel).toBe('supervised');
  });

  it('refuses decreasing approval levels and an empty change, naming the level out of order, in the language of the person asking', async () => {
    const person = { source: 'rest' as const, byAi: false };
    await expect(
      propose(
        company.session('admin', 'en'),
        updateSettings,
        { approvalLevels: ['5000.00', '1000.00', '9000.00'] },
        person,
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Approval levels must increase: level 1 ≤ level 2 ≤ level 3, but level 2 ($1,000.00) is below level 1 ($5,000.00).',
    });
    await expect(
      propose(
        company.session('admin', 'fr'),
        updateSettings,
        { approvalLevels: ['500.00', '2500.00', '900.00'] },
        person,
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        "Les niveaux d'approbation doivent croître (niveau 1 ≤ niveau 2 ≤ niveau 3) : le niveau 3 (900,00\u00a0$) est inférieur au niveau 2 (2\u00a0500,00\u00a0$).",
    });
    await expect(propose(company.session('admin', 'en'), updateSettings, {}, person)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Nothing to change: give at least one setting.',
    });
    await expect(propose(company.session('admin', 'fr'), updateSettings, {}, person)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Rien à modifier : donnez au moins un paramètre.',
    });
    expect((await tenantRow()).approvalLevel3Cents).toBe(900000n);
  });

  it('queues an AI proposal to raise the automation level for a person to approve', async () => {
    const out = await propose(
      company.session('admin'),
      updateSettings,
      { automationLevel: 'full' },
      { source: 'chat', byAi: true },
    );
    // Supervised: confidence 0.5 (no evidence) is under the 0.85 threshold.
    expect(out).toMatchObject({ status: 'pending_approval', decision: { reasons: ['below_confidence_threshold'] } });
    expect((await tenantRow()).automationLevel).toBe('supervised');
  });
});

describe('settings_update_user and the inbound address', () => {
  it("changes a person's role, and refuses demoting the last administrator", async () => {
    const out = await propose(
      company.session('admin'),
      updateUser,
      { userId: company.user('viewer').id, role: 'buyer', aiAutoApproveLimit: '150.00' },
      { source: 'rest', byAi: false },
    );
    expect(out.result).toMatchObject({ role: 'buyer', aiAutoApproveLimit: '150.00' });
    await expect(
      propose(
        company.session('admin', 'en'),
        updateUser,
        { userId: company.user('admin').id, role: 'manager' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'This is the last active administrator: appoint another one first.',
    });
    await expect(
      propose(
        company.session('admin', 'fr'),
        updateUser,
        { userId: company.user('admin').id, active: false },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: "C'est le dernier administrateur actif : nommez-en un autre d'abord.",
    });
  });

  it('refuses an unknown person in the language of the person asking', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    await expect(
      propose(
        company.session('admin', 'fr'),
        updateUser,
        { userId: nobody, role: 'buyer' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `Aucune personne ${nobody} dans cette entreprise. Retrouvez-la avec settings_list_users.`,
    });
    await expect(
      propose(
        company.session('admin', 'en'),
        updateUser,
        { userId: nobody, role: 'buyer' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `No person ${nobody} in this company. Use settings_list_users.`,
    });
  });

  it('shows the inbound address to everyone who sends bills, not to viewers', async () => {
    const t = await tenantRow();
    for (const role of ['admin', 'manager', 'buyer', 'accountant'] as const)
      expect(await inboundAddress(company.session(role), 'comptoir.local')).toBe(
        `bills+${t.inboundToken}@comptoir.local`,
      );
    await expect(inboundAddress(company.session('viewer', 'en'), 'comptoir.local')).rejects.toMatchObject({
      code: 'forbidden',
      message: 'A viewer does not see the inbound address: it is for those who send bills in.',
    });
    await expect(inboundAddress(company.session('viewer', 'fr'), 'comptoir.local')).rejects.toMatchObject({
      code: 'forbidden',
      message: "Un lecteur ne voit pas l'adresse de réception : elle sert à ceux qui envoient des factures.",
    });
  });
});

describe('the company time zone', () => {
  it('starts from the province, is changed by an administrator, and a typo is refused clearly with nothing changed', async () => {
    expect((await tenantRow()).timeZone).toBe(defaultTimeZone('CA', company.tenant.province));
    const bad = await propose(
      company.session('admin'),
      updateCompany,
      { timeZone: 'America/Quebec City' },
      { source: 'rest', byAi: false },
    ).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid', message: expect.stringContaining('not a known time zone') });
    expect((await tenantRow()).timeZone).toBe(defaultTimeZone('CA', company.tenant.province));

    const out = await propose(
      company.session('admin'),
      updateCompany,
      { timeZone: 'America/Vancouver' },
      { source: 'rest', byAi: false },
    );
    expect(out.status).toBe('executed');
    expect(out.result).toMatchObject({ timeZone: 'America/Vancouver' });
    expect((await tenantRow()).timeZone).toBe('America/Vancouver');
  });
});
