// Invoice taxes follow the CLIENT's place of supply (the company is in Québec) and the invoice date.
// Every expected cent is worked out by hand below, never recomputed with the code under test.
//
// Lines: 2 × 125.00 (consulting) + 1 × 49.99 (supplies) = 299.99, i.e. 29 999 cents.
//   GST 5 %        29 999 × 0.05    = 1 499.95  → 1 500
//   QST 9.975 %    29 999 × 0.09975 = 2 992.40025 → 2 992 (on the price before GST)
//   HST ON 13 %    29 999 × 0.13    = 3 899.87  → 3 900
//   HST NS 15 %    29 999 × 0.15    = 4 499.85  → 4 500 (to 2025-03-31)
//   HST NS 14 %    29 999 × 0.14    = 4 199.86  → 4 200 (from 2025-04-01)
//   PST BC 7 %     29 999 × 0.07    = 2 099.93  → 2 100
// France, in euros: the 250.00 at 20 % = 5 000; the 49.99 at 5.5 % = 274.945 → 275.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createInvoice } from '../../../tools/invoicing/create-invoice.ts';
import { newClient, newInvoice } from './people.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db);
});
afterAll(() => handle?.close());

const lines = (french: boolean) => [
  {
    description: 'Consultation',
    quantity: '2',
    unitPrice: '125.00',
    accountCode: '4100',
    ...(french ? { frRate: 'normal' } : {}),
  },
  {
    description: 'Fournitures',
    quantity: '1',
    unitPrice: '49.99',
    accountCode: '4200',
    ...(french ? { frRate: 'reduced' } : {}),
  },
];

describe('invoice taxes by the client’s place of supply', () => {
  it.each([
    {
      name: 'Québec client',
      client: { country: 'CA', province: 'QC' },
      on: '2025-04-01',
      currency: 'CAD',
      taxes: { GST: '15.00', QST: '29.92' },
      tax: '44.92',
      total: '344.91',
    },
    {
      name: 'Ontario client',
      client: { country: 'CA', province: 'ON' },
      on: '2025-04-01',
      currency: 'CAD',
      taxes: { HST: '39.00' },
      tax: '39.00',
      total: '338.99',
    },
    {
      name: 'Nova Scotia client, last day at 15 %',
      client: { country: 'CA', province: 'NS' },
      on: '2025-03-31',
      currency: 'CAD',
      taxes: { HST: '45.00' },
      tax: '45.00',
      total: '344.99',
    },
    {
      name: 'Nova Scotia client, first day at 14 %',
      client: { country: 'CA', province: 'NS' },
      on: '2025-04-01',
      currency: 'CAD',
      taxes: { HST: '42.00' },
      tax: '42.00',
      total: '341.99',
    },
    {
      name: 'British Columbia client',
      client: { country: 'CA', province: 'BC' },
      on: '2025-04-01',
      currency: 'CAD',
      taxes: { GST: '15.00', PST: '21.00' },
      tax: '36.00',
      total: '335.99',
    },
    {
      name: 'Alberta client',
      client: { country: 'CA', province: 'AB' },
      on: '2025-04-01',
      currency: 'CAD',
      taxes: { GST: '15.00' },
      tax: '15.00',
      total: '314.99',
    },
    {
      name: 'French client',
      client: { country: 'FR' },
      on: '2025-04-01',
      currency: 'EUR',
      taxes: { 'TVA 0.20': '50.00', 'TVA 0.055': '2.75' },
      tax: '52.75',
      total: '352.74',
    },
  ])('$name on $on: $taxes, total $total', async ({ name, client, on, currency, taxes, tax, total }) => {
    const manager = company.session('manager');
    const created = await newClient(manager, { name: `${name} ${on}`, ...client });
    expect(created.currency).toBe(currency);
    const invoice = await newInvoice(manager, {
      clientId: created.id,
      issueDate: on,
      lines: lines(client.country === 'FR'),
    });
    expect(invoice.subtotal).toBe('299.99');
    const byCode = Object.fromEntries(
      invoice.taxes.map((t) => [t.code === 'TVA' ? `TVA ${t.rate}` : t.code, t.amount]),
    );
    expect(byCode).toEqual(taxes);
    expect(invoice.tax).toBe(tax);
    expect(invoice.total).toBe(total);
    expect(invoice.currency).toBe(currency);
    expect(invoice.placeOfSupply).toBe(client.country === 'FR' ? 'FR' : client.province);
    expect(invoice.number).toMatch(/^INV2025-\d{5}$/);
    expect(invoice.lines.map((l) => l.accountCode)).toEqual(['4100', '4200']);
  });

  it('numbers the year’s invoices without a gap', async () => {
    const manager = company.session('manager');
    const client = await newClient(manager, { name: 'Numbering client', province: 'QC' });
    const one = await newInvoice(manager, { clientId: client.id, issueDate: '2027-01-05', lines: lines(false) });
    const two = await newInvoice(manager, { clientId: client.id, issueDate: '2027-02-05', lines: lines(false) });
    expect([one.number, two.number]).toEqual(['INV2027-00001', 'INV2027-00002']);
  });

  it('refuses a date the rate table does not cover in the language of the person asking, not the client’s', async () => {
    const client = await newClient(company.session('manager'), {
      name: 'Toronto client 2007',
      province: 'ON',
      language: 'en',
    });
    const early = { clientId: client.id, issueDate: '2007-06-01', lines: lines(false) };
    const person = { source: 'rest', byAi: false } as const;
    await expect(propose(company.session('manager', 'fr'), createInvoice, early, person)).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Aucun taux de taxe de vente connu pour ON le 2007-06-01 : la table de Comptoir couvre ON à partir du 2008-01-01.',
      details: { region: 'ON', on: '2007-06-01' },
    });
    await expect(propose(company.session('manager', 'en'), createInvoice, early, person)).rejects.toMatchObject({
      code: 'invalid',
      message: "No sales tax rate known for ON on 2007-06-01: Comptoir's table covers ON from 2008-01-01.",
    });
  });
});
