/**
 * The demo company seeded on first start: a Québec business with people in every role, a few
 * suppliers, clients and products, so a new user can try Comptoir at once. Idempotent: the demo
 * tenant has a fixed id, and an existing one is left untouched.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { clients, products, suppliers, tenants } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant.ts';
import { createApiToken } from './auth/api-tokens.ts';
import type { Role } from './context.ts';
import { createTenant } from './tenancy.ts';

export const DEMO_TENANT_ID = '00000000-0000-4000-8000-00000000d3e0';

const PEOPLE: { role: Role; email: string; name: string; language: 'fr' | 'en'; password: string; ai: bigint }[] = [
  {
    role: 'admin',
    email: 'admin@demo.comptoir',
    name: 'Louise Tremblay',
    language: 'fr',
    password: 'demo-admin',
    ai: 1_000_000n,
  },
  {
    role: 'manager',
    email: 'manager@demo.comptoir',
    name: 'Marc Gagnon',
    language: 'fr',
    password: 'demo-manager',
    ai: 500_000n,
  },
  {
    role: 'buyer',
    email: 'buyer@demo.comptoir',
    name: 'Sarah Roy',
    language: 'en',
    password: 'demo-buyer',
    ai: 200_000n,
  },
  {
    role: 'accountant',
    email: 'accountant@demo.comptoir',
    name: 'Nadia Côté',
    language: 'fr',
    password: 'demo-accountant',
    ai: 200_000n,
  },
  {
    role: 'viewer',
    email: 'viewer@demo.comptoir',
    name: 'Tom Wilson',
    language: 'en',
    password: 'demo-viewer',
    ai: 0n,
  },
];

export async function seedDemo(db: Database) {
  const exists = await withTenant(db, DEMO_TENANT_ID, (tx) =>
    tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, DEMO_TENANT_ID)),
  );
  if (exists.length) return { created: false as const };

  const { users } = await createTenantWithId(db);
  await withTenant(db, DEMO_TENANT_ID, async (tx) => {
    await tx.insert(suppliers).values([
      {
        tenantId: DEMO_TENANT_ID,
        name: 'Bureau Plus Inc.',
        email: 'ventes@bureauplus.example',
        province: 'QC',
        gstNumber: '123456789RT0001',
        qstNumber: '1234567890TQ0001',
        paymentTermsDays: 30,
        rating: 4,
      },
      {
        tenantId: DEMO_TENANT_ID,
        name: 'Papeterie Laval',
        email: 'commandes@papeterie-laval.example',
        province: 'QC',
        gstNumber: '223456789RT0001',
        paymentTermsDays: 15,
        rating: 5,
      },
      {
        tenantId: DEMO_TENANT_ID,
        name: 'TechnoSource Ontario Ltd.',
        email: 'orders@technosource.example',
        province: 'ON',
        gstNumber: '323456789RT0001',
        paymentTermsDays: 45,
        rating: 3,
      },
      {
        tenantId: DEMO_TENANT_ID,
        name: 'Halifax Marine Supply',
        email: 'sales@halifaxmarine.example',
        province: 'NS',
        gstNumber: '423456789RT0001',
        paymentTermsDays: 30,
      },
    ]);
    await tx.insert(clients).values([
      {
        tenantId: DEMO_TENANT_ID,
        name: 'Café Olimpico',
        email: 'compta@olimpico.example',
        province: 'QC',
        language: 'fr',
        paymentTermsDays: 30,
      },
      {
        tenantId: DEMO_TENANT_ID,
        name: 'Maple Leaf Consulting',
        email: 'ap@mapleleaf.example',
        province: 'ON',
        language: 'en',
        paymentTermsDays: 30,
      },
      {
        tenantId: DEMO_TENANT_ID,
        name: 'Atlantic Fisheries',
        email: 'billing@atlanticfish.example',
        province: 'NS',
        language: 'en',
        paymentTermsDays: 15,
      },
      {
        tenantId: DEMO_TENANT_ID,
        name: 'Boulangerie Lyon SARL',
        email: 'factures@boulangerie-lyon.example',
        country: 'FR',
        language: 'fr',
        currency: 'EUR',
        paymentTermsDays: 30,
      },
    ]);
    await tx.insert(products).values([
      {
        tenantId: DEMO_TENANT_ID,
        sku: 'CH-ERG',
        name: 'Chaise ergonomique',
        description: 'Ergonomic office chair',
        unitPriceCents: 24_900n,
        bulkPriceCents: 21_900n,
        bulkThreshold: '10',
        leadTimeDays: 7,
      },
      {
        tenantId: DEMO_TENANT_ID,
        sku: 'BUR-140',
        name: 'Bureau assis-debout 140 cm',
        description: 'Standing desk',
        unitPriceCents: 64_900n,
        leadTimeDays: 14,
      },
      {
        tenantId: DEMO_TENANT_ID,
        sku: 'PAP-A4',
        name: 'Papier A4 (boîte de 5 000)',
        description: 'Copy paper, box of 5000 sheets',
        unitPriceCents: 5_499n,
        leadTimeDays: 2,
      },
      {
        tenantId: DEMO_TENANT_ID,
        sku: 'CONS-H',
        name: 'Consultation (heure)',
        description: 'Consulting hour',
        unitPriceCents: 12_500n,
        accountCode: '4100',
      },
    ]);
  });
  const admin = users.find((u) => u.role === 'admin')!;
  const { token } = await createApiToken(db, DEMO_TENANT_ID, admin.id, 'Demo admin token');
  return {
    created: true as const,
    adminToken: token,
    users: PEOPLE.map(({ role, email, password }) => ({ role, email, password })),
  };
}

function createTenantWithId(db: Database) {
  return createTenant(
    db,
    {
      slug: 'demo',
      name: 'Démo Comptoir',
      province: 'QC',
      country: 'CA',
      currency: 'CAD',
      language: 'fr',
      automationLevel: 'supervised',
      gstNumber: '987654321RT0001',
      qstNumber: '9876543210TQ0001',
      email: 'bonjour@demo.comptoir',
    },
    PEOPLE.map((p) => ({
      email: p.email,
      name: p.name,
      role: p.role,
      language: p.language,
      password: p.password,
      aiAutoApproveLimitCents: p.ai,
    })),
    DEMO_TENANT_ID,
  );
}
