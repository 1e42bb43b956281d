/**
 * Bad text and out-of-range values sent to any tool over REST: a 400 naming the field, in the person's
 * language, and nothing written — never a 500 from the database refusing what the door let through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import { dateWindow } from '../../../tools/money.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let company: Awaited<ReturnType<typeof makeCompany>>;
let token: string;
let supplierId: string;
const randomId = '6f1c1d52-3a55-4a8e-9d6e-2f0a8f9a1b23';

async function call(tool: string, body: unknown, lang = 'en') {
  const res = await app.request(`/api/tools/${tool}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': lang },
    // JSON.stringify writes a NUL as \u0000 and a lone surrogate as \ud800: both valid JSON.
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const counts = () =>
  withTenant(handle.db, company.tenant.id, async (tx) => ({
    suppliers: (await tx.select().from(suppliers)).length,
    actions: (await tx.select().from(aiActions)).length,
  }));

const line = (unitPrice: string, quantity = '1', description = 'Chaise') => ({
  description,
  quantity,
  unitPrice,
  treatment: 'exempt',
});

beforeAll(async () => {
  handle = await freshDatabase();
  const now = () => new Date('2026-03-02T15:00:00Z');
  company = await makeCompany(handle.db, {}, now);
  token = (await createApiToken(handle.db, company.tenant.id, company.user('admin').id, 'admin')).token;
  app = createApp({ handle, config: loadConfig({}), now });
  const created = await call('purchasing_create_supplier', { name: 'Bureau Plus Inc.', province: 'QC' });
  supplierId = created.body.action.result.id;
});
afterAll(() => handle?.close());

describe('bad input at the door', () => {
  it.each([
    ['a NUL byte', 'Acme\u0000 Inc.', 'NUL'],
    ['a lone surrogate', 'Acme \uD800Inc.', 'surrogate'],
  ])('refuses %s in a name with a 400 naming the field, and writes nothing', async (_what, name, says) => {
    const before = await counts();
    const out = await call('purchasing_create_supplier', { name, province: 'QC' });
    expect(out.status).toBe(400);
    expect(out.body.error.code).toBe('invalid');
    expect(out.body.error.message).toContain(`name: `);
    expect(out.body.error.message).toContain(says);
    expect(await counts()).toEqual(before);
  });

  it('names the nested field of a bad string, in French too', async () => {
    const out = await call(
      'purchasing_create_order',
      { supplierId, lines: [line('10.00'), line('5.00', '1', 'Table\u0000')] },
      'fr',
    );
    expect(out.status).toBe(400);
    expect(out.body.error.message).toBe(
      'Données invalides pour purchasing_create_order : lines.1.description : Contient un caractère NUL (\\u0000), qu’un texte ne peut pas contenir : retirez-le.',
    );
  });

  it('refuses a NUL byte in a read tool too (a search)', async () => {
    const out = await call('purchasing_find_suppliers', { query: 'Bureau\u0000' });
    expect(out.status).toBe(400);
    expect(out.body.error.message).toContain('query: ');
  });

  it('refuses an amount beyond twelve digits, naming it', async () => {
    const out = await call('purchasing_create_order', { supplierId, lines: [line('99999999999999999999.00')] });
    expect(out.status).toBe(400);
    expect(out.body.error.message).toContain('lines.0.unitPrice: Amount too large');
  });

  it('refuses a total that overflows even when each field is in range', async () => {
    const before = await counts();
    const out = await call('purchasing_create_order', { supplierId, lines: [line('999999999999.00', '9999999999')] });
    expect(out.status).toBe(400);
    expect(out.body.error.message).toContain('total: Amount too large');
    expect(await counts()).toEqual(before);
  });

  it('refuses a quantity beyond what the quantity column holds', async () => {
    const out = await call('purchasing_create_order', { supplierId, lines: [line('1.00', '99999999999')] });
    expect(out.status).toBe(400);
    expect(out.body.error.message).toContain('lines.0.quantity: ');
  });

  it('refuses a negative unit price on an order and on an invoice', async () => {
    const order = await call('purchasing_create_order', { supplierId, lines: [line('-25.00')] });
    expect(order.status).toBe(400);
    expect(order.body.error.message).toContain('lines.0.unitPrice: Expected an amount of zero or more');
    const invoice = await call('invoicing_create_invoice', { clientId: randomId, lines: [line('-25.00')] }, 'fr');
    expect(invoice.status).toBe(400);
    expect(invoice.body.error.message).toContain('lines.0.unitPrice : Un montant positif ou nul est attendu');
  });

  it.each(['1900-01-01', '2200-06-30'])('refuses a payment dated %s, saying the window', async (paidOn) => {
    const { from, to } = dateWindow('payment', new Date().toISOString().slice(0, 10));
    const bill = await call('bills_pay_bill', { billId: randomId, paidOn });
    expect(bill.status).toBe(400);
    expect(bill.body.error.message).toContain(`paidOn: A payment date must fall between ${from} and ${to}.`);
    const invoice = await call(
      'invoicing_record_payment',
      { invoiceId: randomId, amount: '10.00', receivedOn: paidOn },
      'fr',
    );
    expect(invoice.status).toBe(400);
    expect(invoice.body.error.message).toContain(
      `receivedOn : La date d’un paiement doit tomber entre le ${from} et le ${to}.`,
    );
  });

  it('refuses a currency that is three capitals but not ISO 4217', async () => {
    const out = await call('purchasing_create_supplier', { name: 'Zed Ltd', currency: 'ZZZ' });
    expect(out.status).toBe(400);
    expect(out.body.error.message).toContain('currency: Not an ISO 4217 currency');
    const fund = await call('purchasing_create_supplier', { name: 'Zed Ltd', currency: 'XTS' });
    expect(fund.status).toBe(400);
    const real = await call('purchasing_create_supplier', { name: 'Zed Ltd', currency: 'CHF' });
    expect(real.status).toBe(200);
  });
});
