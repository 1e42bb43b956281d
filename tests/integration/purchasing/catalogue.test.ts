// Suppliers and products through the tools: fuzzy + vector search quality, updates, and tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import type { Session } from '../../../tools/context.ts';
import type { AnyTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import { createCategory } from '../../../tools/purchasing/create-category.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createProduct } from '../../../tools/purchasing/create-product.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { findProducts } from '../../../tools/purchasing/find-products.ts';
import { findSuppliers } from '../../../tools/purchasing/find-suppliers.ts';
import { updateProduct } from '../../../tools/purchasing/update-product.ts';
import { updateSupplier } from '../../../tools/purchasing/update-supplier.ts';
import { toolContext } from '../../../tools/tool-context.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let a: Awaited<ReturnType<typeof makeCompany>>;
let b: Awaited<ReturnType<typeof makeCompany>>;
const person = { source: 'rest' as const, byAi: false };
const ids: Record<string, string> = {};

async function write(session: Session, tool: AnyTool & { kind: 'write' }, input: unknown) {
  const out = await propose(session, tool, input, person);
  expect(out.status, JSON.stringify(out.error)).toBe('executed');
  return out.result as Record<string, unknown> & { id: string };
}
async function read<T>(session: Session, tool: AnyTool, input: unknown): Promise<T> {
  const out = await invoke(session, tool, input, person);
  if (out.kind !== 'read') throw new Error('expected a read');
  return out.output as T;
}
type Found = { suppliers: { id: string; name: string; score: number | null }[] };
type FoundProducts = { products: { id: string; name: string; unitPrice: string; score: number | null }[] };

beforeAll(async () => {
  handle = await freshDatabase();
  a = await makeCompany(handle.db);
  b = await makeCompany(handle.db);
  const admin = a.session('admin');
  for (const [key, name, extra] of [
    ['bureauPlus', 'Bureau Plus Inc.', { gstNumber: '123456789 RT0001', email: 'ventes@bureauplus.test' }],
    ['bureauGros', 'Bureau en Gros', {}],
    ['papeterie', 'Papeterie Laval Ltée', {}],
    ['hydro', 'Hydro-Québec', {}],
  ] as const) {
    ids[key] = (await write(admin, createSupplier, { name, ...extra })).id;
  }
  // Company B has a supplier with the very same name: A must never see it.
  ids.otherTenant = (await write(b.session('admin'), createSupplier, { name: 'Bureau Plus Inc.' })).id;
  const furniture = await write(admin, createCategory, { name: 'Mobilier' });
  ids.furniture = furniture.id;
  for (const [key, p] of [
    [
      'chair',
      {
        sku: 'CH-01',
        name: 'Chaise ergonomique',
        description: 'Ergonomic chair',
        unitPrice: '249.99',
        bulkPrice: '219.99',
        bulkThreshold: '10',
        leadTimeDays: 7,
        supplierId: ids.bureauPlus,
        categoryId: ids.furniture,
      },
    ],
    [
      'desk',
      {
        sku: 'DK-01',
        name: 'Bureau assis-debout',
        description: 'Standing desk',
        unitPrice: '599.00',
        categoryId: ids.furniture,
      },
    ],
    [
      'paper',
      { sku: 'PP-01', name: "Papier d'imprimante", description: 'Printer paper, 5000 sheets', unitPrice: '54.00' },
    ],
  ] as const) {
    ids[key] = (await write(admin, createProduct, p)).id;
  }
});
afterAll(() => handle?.close());

describe('supplier search', () => {
  it.each([
    ['Bureau Plus', 'Bureau Plus Inc.'],
    ['bureau plus inc', 'Bureau Plus Inc.'],
    ['BUREAU PLUS LTÉE', 'Bureau Plus Inc.'],
    ['bureauplus', 'Bureau Plus Inc.'],
    ['hydro quebec', 'Hydro-Québec'],
    ['papeterie laval', 'Papeterie Laval Ltée'],
    ['123456789RT0001', 'Bureau Plus Inc.'],
  ])('"%s" finds %s first', async (query, first) => {
    const out = await read<Found>(a.session('viewer'), findSuppliers, { query });
    expect(out.suppliers[0]?.name).toBe(first);
  });

  it('ranks the exact name above a supplier sharing one word, and leaves out the unrelated', async () => {
    const out = await read<Found>(a.session('viewer'), findSuppliers, { query: 'Bureau Plus' });
    expect(out.suppliers.map((s) => s.name)).toEqual(['Bureau Plus Inc.', 'Bureau en Gros']);
    expect(out.suppliers[0]!.score!).toBeGreaterThan(out.suppliers[1]!.score!);
  });

  it("never returns another company's supplier, even with the same name", async () => {
    const out = await read<Found>(a.session('viewer'), findSuppliers, { query: 'Bureau Plus Inc.' });
    expect(out.suppliers.map((s) => s.id)).not.toContain(ids.otherTenant);
    const theirs = await read<Found>(b.session('viewer'), findSuppliers, { query: 'Bureau' });
    expect(theirs.suppliers.map((s) => s.id)).toEqual([ids.otherTenant]);
  });

  it('lists every supplier by name for an empty query', async () => {
    const out = await read<Found>(a.session('viewer'), findSuppliers, {});
    expect(out.suppliers.map((s) => s.name)).toEqual([
      'Bureau en Gros',
      'Bureau Plus Inc.',
      'Hydro-Québec',
      'Papeterie Laval Ltée',
    ]);
  });

  it('finds a supplier under its new name after a rename (the embedding follows)', async () => {
    await write(a.session('admin'), updateSupplier, { supplierId: ids.hydro, name: 'Énergie Québec' });
    const out = await read<Found>(a.session('viewer'), findSuppliers, { query: 'energie' });
    expect(out.suppliers[0]?.id).toBe(ids.hydro);
    const old = await read<Found>(a.session('viewer'), findSuppliers, { query: 'hydro' });
    expect(old.suppliers.map((s) => s.id)).not.toContain(ids.hydro);
  });
});

describe('supplier fields', () => {
  it('stores rating, risk, terms, certifications and diversity flags, and normalises tax numbers', async () => {
    const out = await write(a.session('buyer'), updateSupplier, {
      supplierId: ids.papeterie,
      rating: 4,
      riskScore: 20,
      paymentTermsDays: 45,
      qstNumber: '1234567890 TQ 0001',
      certifications: ['FSC', 'ISO 14001'],
      diversityFlags: ['local', 'women_owned'],
    });
    expect(out).toMatchObject({
      rating: 4,
      riskScore: 20,
      paymentTermsDays: 45,
      qstNumber: '1234567890TQ0001',
      certifications: ['FSC', 'ISO 14001'],
      diversityFlags: ['local', 'women_owned'],
      performanceScore: null,
    });
  });

  it.each([
    [{ rating: 6 }, 'rating'],
    [{ gstNumber: '12345' }, 'A GST/HST number is 9 digits'],
    [{ riskScore: -1 }, 'riskScore'],
    [{}, 'Nothing to change'],
  ])('refuses %j with a clear message and changes nothing', async (change, message) => {
    const before = await read<Found>(a.session('viewer'), findSuppliers, { query: 'papeterie laval' });
    await expect(
      propose(a.session('buyer'), updateSupplier, { supplierId: ids.papeterie, ...change }, person),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining(message) });
    expect(await read<Found>(a.session('viewer'), findSuppliers, { query: 'papeterie laval' })).toEqual(before);
  });

  it('refuses to rename a supplier to the name of another', async () => {
    await expect(
      propose(a.session('buyer'), updateSupplier, { supplierId: ids.papeterie, name: 'Bureau en Gros' }, person),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it("cannot update another company's supplier", async () => {
    await expect(
      propose(b.session('admin'), updateSupplier, { supplierId: ids.bureauPlus, rating: 1 }, person),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('products', () => {
  it.each([
    ['chaises ergonomiques', 'Chaise ergonomique'],
    ['Chaise ergonomique', 'Chaise ergonomique'],
    ['ergonomic chair', 'Chaise ergonomique'],
    ['standing desk', 'Bureau assis-debout'],
    ['papier imprimante', "Papier d'imprimante"],
    ['CH-01', 'Chaise ergonomique'],
  ])('"%s" finds %s first', async (query, first) => {
    const out = await read<FoundProducts>(a.session('viewer'), findProducts, { query });
    expect(out.products[0]?.name).toBe(first);
  });

  it('does not return unrelated products for a query', async () => {
    const out = await read<FoundProducts>(a.session('viewer'), findProducts, { query: 'chaises ergonomiques' });
    expect(out.products.map((p) => p.name)).toEqual(['Chaise ergonomique']);
  });

  it('prices an order line from the product: list price below the threshold, bulk price from it', async () => {
    const buyer = a.session('buyer');
    const few = await write(buyer, createOrder, {
      supplierId: ids.bureauPlus,
      lines: [{ productId: ids.chair, description: 'Chaise ergonomique', quantity: '9', treatment: 'exempt' }],
    });
    const many = await write(buyer, createOrder, {
      supplierId: ids.bureauPlus,
      lines: [{ productId: ids.chair, description: 'Chaise ergonomique', quantity: '10', treatment: 'exempt' }],
    });
    expect(few).toMatchObject({ lines: [{ unitPrice: '249.99', lineTotal: '2249.91' }] });
    expect(many).toMatchObject({ lines: [{ unitPrice: '219.99', lineTotal: '2199.90' }] });
  });

  it('refuses a bulk price above the list price, or one without its threshold', async () => {
    await expect(
      propose(
        a.session('admin'),
        createProduct,
        { name: 'Lampe', unitPrice: '10.00', bulkPrice: '12.00', bulkThreshold: '5' },
        person,
      ),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('a bulk price is a discount') });
    await expect(
      propose(a.session('admin'), createProduct, { name: 'Lampe', unitPrice: '10.00', bulkPrice: '8.00' }, person),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('threshold') });
    await expect(
      propose(a.session('admin'), createProduct, { name: 'Lampe', sku: 'CH-01', unitPrice: '10.00' }, person),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('updates prices and removes the bulk price; retired products leave search', async () => {
    const out = await write(a.session('admin'), updateProduct, {
      productId: ids.desk,
      unitPrice: '579.00',
      leadTimeDays: 21,
    });
    expect(out).toMatchObject({ unitPrice: '579.00', leadTimeDays: 21, category: { name: 'Mobilier' } });
    const noBulk = await write(a.session('admin'), updateProduct, { productId: ids.chair, bulkPrice: null });
    expect(noBulk).toMatchObject({ bulkPrice: null, bulkThreshold: null, unitPrice: '249.99' });
    await write(a.session('admin'), updateProduct, { productId: ids.paper, active: false });
    const out2 = await read<FoundProducts>(a.session('viewer'), findProducts, { query: 'papier' });
    expect(out2.products).toEqual([]);
  });
});

describe('refusals, in the language of the person asking', () => {
  const refused = (session: Session, tool: AnyTool & { kind: 'write' }, input: unknown) =>
    propose(session, tool, input, person);

  it('names a taken supplier name, with the supplier it belongs to', async () => {
    await expect(refused(a.session('buyer', 'fr'), createSupplier, { name: 'Bureau Plus Inc.' })).rejects.toMatchObject(
      {
        code: 'conflict',
        message: `Un fournisseur nommé « Bureau Plus Inc. » existe déjà (id ${ids.bureauPlus}).`,
        details: { id: ids.bureauPlus },
      },
    );
    await expect(
      refused(a.session('buyer', 'fr'), updateSupplier, { supplierId: ids.papeterie, name: 'Bureau en Gros' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `Un autre fournisseur s'appelle déjà « Bureau en Gros » (id ${ids.bureauGros}).`,
      details: { id: ids.bureauGros },
    });
    // Two people creating the same supplier at once: the second insert finds the name taken.
    const racing = createSupplier.input.parse({ name: 'Bureau Plus Inc.' });
    await expect(
      withTenant(handle.db, a.tenant.id, (tx) => createSupplier.run(toolContext(a.session('buyer', 'fr'), tx), racing)),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'Un fournisseur nommé « Bureau Plus Inc. » existe déjà.',
    });
  });

  it("answers another company's supplier, product or category as not found", async () => {
    const theirs = b.session('admin', 'fr');
    await expect(refused(theirs, updateSupplier, { supplierId: ids.bureauPlus, rating: 1 })).rejects.toMatchObject({
      code: 'not_found',
      message: `Fournisseur ${ids.bureauPlus} introuvable. Cherchez les fournisseurs par leur nom avec purchasing_find_suppliers.`,
    });
    await expect(refused(theirs, updateProduct, { productId: ids.desk, leadTimeDays: 3 })).rejects.toMatchObject({
      code: 'not_found',
      message: `Produit ${ids.desk} introuvable. Cherchez les produits par leur nom avec purchasing_find_products.`,
    });
    await expect(refused(theirs, createCategory, { name: 'Chaises', parentId: ids.furniture })).rejects.toMatchObject({
      code: 'not_found',
      message: `Catégorie de produits ${ids.furniture} introuvable. Voyez les catégories avec purchasing_list_categories.`,
    });
  });

  it('refuses a category name already used', async () => {
    await expect(refused(a.session('admin', 'fr'), createCategory, { name: 'Mobilier' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Une catégorie nommée « Mobilier » existe déjà.',
    });
    await expect(refused(a.session('admin', 'en'), createCategory, { name: 'Mobilier' })).rejects.toMatchObject({
      code: 'conflict',
      message: "A category named 'Mobilier' already exists.",
    });
  });

  it('refuses a SKU already used, a bulk price without its threshold, and a bulk price above the list price, written as money', async () => {
    const fr = a.session('admin', 'fr');
    await expect(refused(fr, createProduct, { name: 'Lampe', sku: 'CH-01', unitPrice: '10.00' })).rejects.toMatchObject(
      {
        code: 'conflict',
        message: `Un produit porte déjà le SKU « CH-01 » (id ${ids.chair}).`,
      },
    );
    await expect(refused(fr, updateProduct, { productId: ids.desk, sku: 'CH-01' })).rejects.toMatchObject({
      code: 'conflict',
      message: `Un autre produit porte déjà le SKU « CH-01 » (id ${ids.chair}).`,
    });
    await expect(
      refused(fr, createProduct, { name: 'Lampe', unitPrice: '10.00', bulkPrice: '8.00' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Un prix de gros va avec sa quantité seuil, et inversement : donnez bulkPrice et bulkThreshold ensemble, ou aucun des deux.',
    });
    await expect(
      refused(fr, createProduct, { name: 'Lampe', unitPrice: '1000.00', bulkPrice: '1200.00', bulkThreshold: '5' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Le prix de gros (1\u00a0200,00\u00a0$) dépasse le prix unitaire (1\u00a0000,00\u00a0$) : un prix de gros est un rabais.',
    });
    await expect(
      refused(a.session('admin', 'en'), createProduct, {
        name: 'Lampe',
        unitPrice: '1000.00',
        bulkPrice: '1200.00',
        bulkThreshold: '5',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'The bulk price ($1,200.00) is above the unit price ($1,000.00): a bulk price is a discount.',
    });
    // The chair has no bulk price any more (see above): a new one must come with its threshold and stay below 249.99.
    await expect(refused(fr, updateProduct, { productId: ids.chair, bulkPrice: '200.00' })).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Un prix de gros va avec sa quantité seuil, et inversement : donnez bulkPrice et bulkThreshold ensemble.',
    });
    await expect(
      refused(fr, updateProduct, { productId: ids.chair, bulkPrice: '300.00', bulkThreshold: '5' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Le prix de gros (300,00\u00a0$) dépasse le prix unitaire (249,99\u00a0$) : un prix de gros est un rabais.',
    });
    await expect(refused(fr, updateProduct, { productId: ids.chair })).rejects.toMatchObject({
      code: 'invalid',
      message: 'Rien à modifier : donnez au moins un champ à changer.',
    });
  });

  it('refuses an order to a blocked supplier, a line without a price, and a product priced in another currency', async () => {
    const fr = a.session('buyer', 'fr');
    const blocked = await write(a.session('admin'), createSupplier, { name: 'Fournisseur Bloqué', status: 'blocked' });
    await expect(
      refused(fr, createOrder, {
        supplierId: blocked.id,
        lines: [{ description: 'Vis', quantity: '1', unitPrice: '1.00' }],
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'Le fournisseur Fournisseur Bloqué est bloqué : aucune nouvelle commande.',
    });
    await expect(
      refused(fr, createOrder, { supplierId: ids.bureauPlus, lines: [{ description: 'Vis', quantity: '1' }] }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: "Ligne 1 : donnez un unitPrice, ou un productId dont le prix s'applique.",
    });
    const imported = await write(a.session('admin'), createProduct, {
      name: 'Lampe importée',
      currency: 'USD',
      unitPrice: '80.00',
    });
    await expect(
      refused(fr, createOrder, {
        supplierId: ids.bureauPlus,
        lines: [
          { description: 'Lampe', quantity: '1', unitPrice: '5.00' },
          { productId: imported.id, description: 'Lampe', quantity: '2' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'Ligne 2 : Lampe importée a un prix en USD, le fournisseur facture en CAD ; donnez le unitPrice.',
    });
  });
});
