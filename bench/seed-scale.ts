/**
 * `npm run seed:scale -- --companies N`: fills a PostgreSQL database with two years of a SaaS's worth of
 * companies — orders and lines, invoices and items, payments, bills, bill payments, bank lines and their
 * matches, documents, actions and their events, conversations, outgoing mail — through COPY, one stream
 * per table, so that indexes, plans and benchmarks meet real volumes. A few very large companies among
 * many small ones (a long tail), and the same rows for the same options (seeded PRNG, ids included).
 *
 * Options: --companies N (default 100) · --seed S (default 1) · --scale X (multiplies every volume,
 * default 1) · --until YYYY-MM-DD (the last day of the two years, default 2026-11-30) · --database NAME
 * (default comptoir_scale, created fresh on DATABASE_URL's server) · --upgrade-from TAG (migrate only up
 * to that migration, seed, then apply the rest and report their time and the longest a write waited) ·
 * --upgrade-only (no seed: apply the pending migrations of --database, timed, with the writer running).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { migrate, migrationsFolder } from '../db/migrate.ts';
import { applyMigrations, readMigrations } from '../db/migrator.ts';
import { APP_ROLE } from '../db/schema/columns.ts';
import { benchServer, freshBenchDatabase } from './database.ts';
import { mulberry32 } from '../evals/mulberry32.ts';

export interface SeedOptions {
  companies: number;
  seed?: number;
  scale?: number;
  until?: string;
}

export interface SeedResult {
  companies: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The company with the most activity: what the big-company benches read. */
  largest: { tenantId: string; slug: string; orders: number; pendingActions: number };
}

/** Seeded (mulberry32): the same seed, the same data. */
function prng(seed: number) {
  const next = mulberry32(seed);
  const hex = (n: number) =>
    Math.floor(next() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    /** A version-4-shaped uuid drawn from the generator, so ids are reproducible too. */
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(next() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`,
  };
}
type Random = ReturnType<typeof prng>;

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString();

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return field(JSON.stringify(value));
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The tables filled, the columns given (the others take their defaults), in an order that suits the keys. */
const TABLES = {
  tenants: 'id, slug, name, province, language, automation_level, created_at',
  users: 'tenant_id, id, email, name, role, language, ai_auto_approve_limit_cents, created_at',
  suppliers: 'tenant_id, id, name, email, province, gst_number, qst_number, payment_terms_days, created_at',
  product_categories: 'tenant_id, id, name',
  products: 'tenant_id, id, sku, name, category_id, supplier_id, unit_price_cents, created_at',
  clients: 'tenant_id, id, name, email, province, language, payment_terms_days, created_at',
  purchase_orders:
    'tenant_id, id, number, supplier_id, status, currency, order_date, expected_on, ship_to_province, subtotal_cents, tax_cents, total_cents, approval_level, created_by, created_at, updated_at',
  purchase_order_items:
    'tenant_id, id, order_id, position, product_id, description, quantity, quantity_received, unit_price_cents, line_total_cents',
  invoices:
    'tenant_id, id, number, client_id, status, currency, language, issue_date, due_date, place_of_supply, subtotal_cents, tax_cents, total_cents, paid_cents, sent_at, created_by, created_at, updated_at',
  invoice_items:
    'tenant_id, id, invoice_id, position, product_id, description, quantity, unit_price_cents, line_total_cents',
  payments:
    'tenant_id, id, invoice_id, amount_cents, currency, method, received_on, reference, bank_transaction_id, created_at',
  documents:
    'tenant_id, id, filename, mime_type, size_bytes, sha256, content, source, status, confidence, created_at, updated_at',
  supplier_bills:
    'tenant_id, id, number, supplier_id, supplier_invoice_number, purchase_order_id, document_id, status, currency, bill_date, due_date, subtotal_cents, tax_cents, total_cents, paid_cents, created_by, created_at, updated_at',
  supplier_bill_items: 'tenant_id, id, bill_id, position, description, quantity, unit_price_cents, line_total_cents',
  bill_payments: 'tenant_id, id, bill_id, amount_cents, currency, method, paid_on, reference, created_at',
  bank_accounts: 'tenant_id, id, name, institution, currency',
  bank_transactions:
    'tenant_id, id, account_id, booked_on, amount_cents, currency, description, counterparty, external_id, status, created_at',
  bank_matches: 'tenant_id, id, transaction_id, target_kind, target_id, amount_cents, score, created_at',
  ai_actions:
    'tenant_id, id, number, tool, input, source, actor_id, by_ai, confidence, evidence, status, decision, required_level, amount_cents, currency, decided_by, decided_at, executed_at, expires_at, created_at, updated_at',
  ai_action_events: 'tenant_id, id, action_id, type, actor_id, source, at',
  ai_conversations: 'tenant_id, id, user_id, channel, title, language, created_at, updated_at',
  ai_messages: 'tenant_id, id, conversation_id, role, content, created_at',
  outbox_emails: 'tenant_id, id, "to", subject, text, status, related_type, related_id, created_at, sent_at',
  reminders: 'tenant_id, id, invoice_id, schedule_day, language, sent_at, created_at',
  counters: 'tenant_id, kind, year, last',
} as const;
type Table = keyof typeof TABLES;

type Emit = (table: Table, ...values: unknown[]) => void;

const PROVINCES = ['QC', 'QC', 'QC', 'ON', 'ON', 'BC', 'AB', 'NS', 'NB', 'MB'] as const;
const WORDS = ['Bureau', 'Plus', 'Nord', 'Atelier', 'Côté', 'Laval', 'Érable', 'Pro', 'Groupe', 'Express', 'Alpha'];
const ITEMS = ['Chaise', 'Papier A4', 'Toner', 'Câble réseau', 'Vis 3 mm', 'Gants', 'Carton', 'Lampe', 'Bureau'];
const METHODS = ['interac', 'wire', 'cheque', 'card'] as const;
/** A tiny PDF-looking payload: documents carry bytes, but their size is not what these benches measure. */
const PDF = `\\x${Buffer.from('%PDF-1.4\n% seeded bill\n%%EOF\n').toString('hex')}`;
const TAX = 0.14975;

/**
 * Orders a month for company i: the first three are very large (thousands of orders a month), the rest
 * a Pareto tail (most a handful, a few a hundred or more), as SaaS customer bases are.
 */
function ordersPerMonth(i: number, r: Random, scale: number): number {
  const giants = [2000, 800, 400];
  const base = i < giants.length ? giants[i]! : Math.min(300, Math.floor(6 / (1 - r.next()) ** (1 / 1.5)));
  return Math.max(1, Math.round(base * scale));
}

/** One company's two years, written row by row through `emit`; returns what the benches need to know. */
function seedCompany(i: number, r: Random, emit: Emit, scale: number, until: number) {
  const start = until - 730 * DAY;
  const tenantId = r.uuid();
  const slug = `scale-${String(i).padStart(5, '0')}`;
  const province = r.pick(PROVINCES);
  const perMonth = ordersPerMonth(i, r, scale);
  const lang = province === 'QC' ? 'fr' : 'en';
  emit(
    'tenants',
    tenantId,
    slug,
    `${r.pick(WORDS)} ${r.pick(WORDS)} ${i}`,
    province,
    lang,
    'supervised',
    isoTime(start),
  );

  const roles = ['admin', 'manager', 'buyer', 'accountant', 'viewer'];
  for (let n = 0; n < Math.min(40, perMonth / 20); n++) roles.push(r.pick(['buyer', 'accountant', 'manager']));
  const users = roles.map((role, n) => {
    const id = r.uuid();
    emit('users', tenantId, id, `${role}${n}@${slug}.test`, `${role} ${n}`, role, lang, 200000, isoTime(start));
    return { id, role };
  });
  const userOf = (...roles: string[]) => r.pick(users.filter((u) => roles.includes(u.role)));

  const suppliers = Array.from({ length: Math.min(3000, 10 + perMonth * 2) }, (_, n) => {
    const id = r.uuid();
    emit(
      'suppliers',
      tenantId,
      id,
      `${r.pick(WORDS)} ${r.pick(WORDS)} ${n}`,
      `ap${n}@supplier${i}.test`,
      r.pick(PROVINCES),
      `${r.int(100000000, 999999999)}RT0001`,
      province === 'QC' ? `${r.int(1000000000, 9999999999)}TQ0001` : null,
      r.pick([15, 30, 30, 45, 60]),
      isoTime(start),
    );
    return id;
  });
  const categories = Array.from({ length: 8 }, (_, n) => {
    const id = r.uuid();
    emit('product_categories', tenantId, id, `Catégorie ${n}`);
    return id;
  });
  const products = Array.from({ length: Math.min(3000, 20 + perMonth * 3) }, (_, n) => {
    const id = r.uuid();
    const price = r.int(200, 50000);
    const name = `${r.pick(ITEMS)} ${n}`;
    emit('products', tenantId, id, `SKU-${n}`, name, r.pick(categories), r.pick(suppliers), price, isoTime(start));
    return { id, price, name };
  });
  const clients = Array.from({ length: Math.min(3000, 10 + perMonth * 3) }, (_, n) => {
    const id = r.uuid();
    emit(
      'clients',
      tenantId,
      id,
      `Client ${r.pick(WORDS)} ${n}`,
      `ar${n}@client${i}.test`,
      r.pick(PROVINCES),
      r.chance(0.6) ? 'fr' : 'en',
      r.pick([15, 30, 30, 45]),
      isoTime(start),
    );
    return id;
  });
  const accounts = Array.from({ length: perMonth > 100 ? 2 : 1 }, (_, n) => {
    const id = r.uuid();
    emit('bank_accounts', tenantId, id, n ? 'Épargne' : 'Opérations', 'Desjardins', 'CAD');
    return id;
  });

  let actionNumber = 0;
  let pendingActions = 0;
  const yearCounters = new Map<string, number>();
  const numberFor = (kind: string, at: number) => {
    const year = new Date(at).getUTCFullYear();
    const key = `${kind}${year}`;
    const n = (yearCounters.get(key) ?? 0) + 1;
    yearCounters.set(key, n);
    return `${kind}${year}-${String(n).padStart(5, '0')}`;
  };
  /** The door's record of a write: the action, its events, and, when waiting, a place in the queue. */
  const action = (tool: string, at: number, amountCents: number, input: Record<string, unknown>) => {
    const id = r.uuid();
    const number = ++actionNumber;
    const byAi = r.chance(0.6);
    // The expiry job runs every 15 minutes: only actions younger than the expiry (72 h) still wait.
    const pending = until - at < 3 * DAY && r.chance(0.5);
    const level = amountCents > 500000 ? 2 : amountCents > 100000 ? 1 : 0;
    const actor = userOf('buyer', 'accountant', 'admin');
    const decider = pending ? null : level ? userOf('manager', 'admin') : null;
    const status = pending ? 'pending_approval' : r.pick(['rejected', 'expired', ...Array(48).fill('executed')]);
    const decision =
      pending || level
        ? {
            outcome: 'queue',
            level: Math.max(1, level),
            approvers: ['manager', 'admin'],
            reasons: ['amount_needs_level'],
          }
        : { outcome: 'execute', reasons: ['confident_within_limits'] };
    const decidedAt = pending ? null : at + r.int(60, 86_400) * 1000;
    emit(
      'ai_actions',
      tenantId,
      id,
      number,
      tool,
      input,
      byAi ? r.pick(['chat', 'email', 'mcp']) : 'rest',
      actor.id,
      byAi,
      Math.round((0.6 + r.next() * 0.4) * 100) / 100,
      [{ factor: 'supplier_exact', weight: 0.2, detail: 'seeded' }],
      status,
      decision,
      pending ? Math.max(1, level) : level,
      amountCents,
      'CAD',
      decider?.id ?? null,
      decidedAt === null ? null : isoTime(decidedAt),
      status === 'executed' ? isoTime(decidedAt!) : null,
      pending ? isoTime(at + 72 * 3_600_000) : null,
      isoTime(at),
      isoTime(decidedAt ?? at),
    );
    emit('ai_action_events', tenantId, r.uuid(), id, 'proposed', actor.id, 'rest', isoTime(at));
    if (pending || level) emit('ai_action_events', tenantId, r.uuid(), id, 'queued', null, 'rest', isoTime(at + 1));
    if (!pending) {
      const type = status !== 'executed' ? status : level ? 'approved' : 'executed';
      emit('ai_action_events', tenantId, r.uuid(), id, type, decider?.id ?? null, 'rest', isoTime(decidedAt!));
      if (level && status === 'executed')
        emit('ai_action_events', tenantId, r.uuid(), id, 'executed', decider!.id, 'rest', isoTime(decidedAt! + 5));
    }
    if (pending) pendingActions++;
  };
  const bankLine = (on: number, amountCents: number, counterparty: string, matched: boolean) => {
    const id = r.uuid();
    emit(
      'bank_transactions',
      tenantId,
      id,
      r.pick(accounts),
      isoDate(on),
      amountCents,
      'CAD',
      `${amountCents > 0 ? 'DEPOT' : 'PAIEMENT'} ${counterparty}`,
      counterparty,
      `seed-${id}`,
      matched ? 'matched' : 'unmatched',
      isoTime(on + DAY),
    );
    return id;
  };
  const match = (transactionId: string, kind: 'invoice' | 'bill', targetId: string, amountCents: number, on: number) =>
    emit(
      'bank_matches',
      tenantId,
      r.uuid(),
      transactionId,
      kind,
      targetId,
      amountCents,
      0.9,
      isoTime(on + DAY + 60_000),
    );

  let orders = 0;
  for (let month = 0; month < 24; month++) {
    const monthStart = start + month * 30.4 * DAY;
    const count = Math.max(0, Math.round(perMonth * (0.8 + r.next() * 0.4)));
    for (let n = 0; n < count; n++) {
      const at = monthStart + r.next() * 30 * DAY;
      const age = until - at;

      // A purchase order and its lines; most are long done, the recent ones still moving.
      const orderId = r.uuid();
      let subtotal = 0;
      const lines = r.int(1, 9);
      for (let p = 1; p <= lines; p++) {
        const product = r.pick(products);
        const quantity = r.int(1, 20);
        subtotal += quantity * product.price;
        emit(
          'purchase_order_items',
          tenantId,
          r.uuid(),
          orderId,
          p,
          product.id,
          product.name,
          quantity,
          age > 30 * DAY ? quantity : 0,
          product.price,
          quantity * product.price,
        );
      }
      const tax = Math.round(subtotal * TAX);
      const status =
        age > 60 * DAY
          ? r.pick(['completed', 'completed', 'invoiced', 'received', 'cancelled'])
          : r.pick(['draft', 'pending_approval', 'approved', 'sent', 'confirmed', 'partially_received']);
      const level = subtotal > 1000000 ? 3 : subtotal > 500000 ? 2 : subtotal > 100000 ? 1 : 0;
      const supplierId = r.pick(suppliers);
      emit(
        'purchase_orders',
        tenantId,
        orderId,
        numberFor('PO', at),
        supplierId,
        status,
        'CAD',
        isoDate(at),
        isoDate(at + 14 * DAY),
        province,
        subtotal,
        tax,
        subtotal + tax,
        level,
        userOf('buyer', 'admin').id,
        isoTime(at),
        isoTime(at),
      );
      orders++;
      action('purchasing_create_order', at, subtotal + tax, { supplierId, orderId });

      // Four bills in five orders, most read from a document, most paid.
      if (r.chance(0.8) && status !== 'cancelled') {
        const billAt = at + r.int(5, 25) * DAY;
        if (billAt < until) {
          const billId = r.uuid();
          let documentId: string | null = null;
          if (r.chance(0.7)) {
            documentId = r.uuid();
            const waiting = until - billAt < 2 * DAY;
            emit(
              'documents',
              tenantId,
              documentId,
              `facture-${orders}.pdf`,
              'application/pdf',
              40,
              createHash('sha256').update(documentId).digest('hex'),
              PDF,
              r.pick(['email', 'upload']),
              waiting ? r.pick(['received', 'reading']) : 'booked',
              waiting ? null : 0.9,
              isoTime(billAt),
              isoTime(billAt),
            );
          }
          const billAge = until - billAt;
          const paid = billAge > 45 * DAY && r.chance(0.95);
          const billLines = r.int(1, 3);
          for (let p = 1; p <= billLines; p++) {
            const part = Math.round(subtotal / billLines);
            emit('supplier_bill_items', tenantId, r.uuid(), billId, p, `Ligne ${p}`, 1, part, part);
          }
          emit(
            'supplier_bills',
            tenantId,
            billId,
            numberFor('BILL', billAt),
            supplierId,
            `F-${i}-${orders}`,
            orderId,
            documentId,
            paid ? 'paid' : r.pick(['draft', 'booked', 'approved']),
            'CAD',
            isoDate(billAt),
            isoDate(billAt + 30 * DAY),
            subtotal,
            tax,
            subtotal + tax,
            paid ? subtotal + tax : 0,
            userOf('accountant', 'admin').id,
            isoTime(billAt),
            isoTime(billAt),
          );
          action('bills_record', billAt, subtotal + tax, { billId });
          if (paid) {
            const paidAt = billAt + r.int(20, 40) * DAY;
            emit(
              'bill_payments',
              tenantId,
              r.uuid(),
              billId,
              subtotal + tax,
              'CAD',
              r.pick(METHODS),
              isoDate(paidAt),
              `P-${orders}`,
              isoTime(paidAt),
            );
            const line = bankLine(paidAt, -(subtotal + tax), `Fournisseur ${i}`, true);
            match(line, 'bill', billId, subtotal + tax, paidAt);
          }
        }
      }

      // Sales: about three invoices for two orders, sent by mail, mostly paid by bank transfer.
      const invoicesHere = r.chance(0.5) ? 2 : 1;
      for (let k = 0; k < invoicesHere; k++) {
        const issued = at + r.int(0, 20) * DAY;
        if (issued >= until) continue;
        const invoiceId = r.uuid();
        const clientId = r.pick(clients);
        let invoiceSubtotal = 0;
        const items = r.int(1, 5);
        for (let p = 1; p <= items; p++) {
          const product = r.pick(products);
          const quantity = r.int(1, 10);
          const price = Math.round(product.price * 1.4);
          invoiceSubtotal += quantity * price;
          emit(
            'invoice_items',
            tenantId,
            r.uuid(),
            invoiceId,
            p,
            product.id,
            product.name,
            quantity,
            price,
            quantity * price,
          );
        }
        const invoiceTax = Math.round(invoiceSubtotal * TAX);
        const total = invoiceSubtotal + invoiceTax;
        const invoiceAge = until - issued;
        const paid = invoiceAge > 60 * DAY ? r.chance(0.97) : invoiceAge > 20 * DAY && r.chance(0.5);
        const status = paid
          ? 'paid'
          : invoiceAge > 35 * DAY
            ? 'overdue'
            : r.pick(['draft', 'sent', 'sent', 'viewed', 'partially_paid']);
        const number = numberFor('INV', issued);
        emit(
          'invoices',
          tenantId,
          invoiceId,
          number,
          clientId,
          status,
          'CAD',
          lang,
          isoDate(issued),
          isoDate(issued + 30 * DAY),
          province,
          invoiceSubtotal,
          invoiceTax,
          total,
          paid ? total : 0,
          status === 'draft' ? null : isoTime(issued + 3_600_000),
          userOf('accountant', 'admin').id,
          isoTime(issued),
          isoTime(issued),
        );
        action('invoicing_create_invoice', issued, total, { clientId, invoiceId });
        if (status !== 'draft') {
          const queued = until - issued < DAY && r.chance(0.5);
          emit(
            'outbox_emails',
            tenantId,
            r.uuid(),
            `ar@client${i}.test`,
            `${lang === 'fr' ? 'Facture' : 'Invoice'} ${number}`,
            `${lang === 'fr' ? 'Votre facture' : 'Your invoice'} ${number}`,
            queued ? 'queued' : 'sent',
            'invoice',
            invoiceId,
            isoTime(issued + 3_600_000),
            queued ? null : isoTime(issued + 3_660_000),
          );
        }
        // The reminder job ran every day: each step of the schedule already past was sent on its day.
        if (!paid && status !== 'draft')
          for (const day of [-3, 1, 7, 14, 30]) {
            const on = issued + (30 + day) * DAY;
            if (on < until - DAY) emit('reminders', tenantId, r.uuid(), invoiceId, day, lang, isoTime(on), isoTime(on));
          }
        if (paid) {
          const paidAt = issued + r.int(10, 55) * DAY;
          const line = bankLine(paidAt, total, `Client ${i}`, true);
          emit(
            'payments',
            tenantId,
            r.uuid(),
            invoiceId,
            total,
            'CAD',
            r.pick(METHODS),
            isoDate(Math.min(paidAt, until)),
            number,
            line,
            isoTime(paidAt),
          );
          match(line, 'invoice', invoiceId, total, paidAt);
        }
      }
    }
    // Bank fees and odd lines nobody matched: what reconciliation still has to work through.
    for (let n = 0; n < Math.max(1, Math.round(perMonth / 10)); n++) {
      const on = monthStart + r.next() * 30 * DAY;
      if (on < until) bankLine(on, -r.int(100, 5000), 'Frais bancaires', false);
    }
    // People talk to the assistant.
    for (let n = 0; n < Math.max(1, Math.round(perMonth / 3)); n++) {
      const at = monthStart + r.next() * 30 * DAY;
      const conversationId = r.uuid();
      const messages = r.int(2, 6);
      emit(
        'ai_conversations',
        tenantId,
        conversationId,
        userOf('buyer', 'accountant', 'manager', 'admin').id,
        r.pick(['chat', 'chat', 'email', 'mcp']),
        `Conversation ${n}`,
        lang,
        isoTime(at),
        isoTime(at + messages * 30_000),
      );
      for (let m = 0; m < messages; m++)
        emit(
          'ai_messages',
          tenantId,
          r.uuid(),
          conversationId,
          m % 2 ? 'assistant' : 'user',
          m % 2 ? 'Voici les commandes en attente.' : 'Quelles commandes attendent une approbation ?',
          isoTime(at + m * 30_000),
        );
    }
  }
  // The counters carry on from the seeded numbers, so a new order, invoice or action gets the next one.
  for (const [key, last] of yearCounters)
    emit('counters', tenantId, key.replace(/\d+$/, ''), Number(key.slice(-4)), last);
  emit('counters', tenantId, 'action', 0, actionNumber);
  return { tenantId, slug, orders, pendingActions };
}

/**
 * Seeds `url` (an already migrated database, or one migrated up to an earlier schema with the same
 * columns). One COPY stream per table, each on its own connection; foreign-key triggers are off for these
 * connections (session_replication_role = replica: the rows are consistent by construction, and a later
 * VALIDATE CONSTRAINT checks them), the indexes are kept as they go.
 */
export async function seedScale(url: string, options: SeedOptions): Promise<SeedResult> {
  const scale = options.scale ?? 1;
  const until = Date.parse(`${options.until ?? '2026-11-30'}T18:00:00Z`);
  const r = prng(options.seed ?? 1);
  const names = Object.keys(TABLES) as Table[];
  const sql = postgres(url, {
    max: names.length,
    onnotice: () => {},
    connection: { session_replication_role: 'replica', synchronous_commit: 'off' },
  });
  const started = performance.now();
  const streams = new Map<Table, { stream: Writable; buffer: string[]; rows: number }>();
  const pending: Promise<void>[] = [];
  for (const table of names) {
    const stream = (await sql.unsafe(`COPY ${table} (${TABLES[table]}) FROM STDIN`).writable()) as Writable;
    streams.set(table, { stream, buffer: [], rows: 0 });
  }
  const flush = async (force = false) => {
    for (const target of streams.values()) {
      if (!target.buffer.length || (!force && target.buffer.length < 2000)) continue;
      const ok = target.stream.write(target.buffer.join(''));
      target.buffer = [];
      if (!ok) await new Promise((resolve) => target.stream.once('drain', resolve));
    }
  };
  const emit: Emit = (table, ...values) => {
    const target = streams.get(table)!;
    target.buffer.push(`${values.map(field).join('\t')}\n`);
    target.rows++;
  };

  let largest: SeedResult['largest'] | undefined;
  for (let i = 0; i < options.companies; i++) {
    const company = seedCompany(i, r, emit, scale, until);
    if (!largest || company.orders > largest.orders) largest = company;
    await flush();
    if (i % 50 === 49 || i === options.companies - 1) {
      const rows = [...streams.values()].reduce((sum, t) => sum + t.rows, 0);
      const seconds = (performance.now() - started) / 1000;
      console.log(`${i + 1} companies, ${rows} rows, ${Math.round(rows / seconds)} rows/s`);
    }
  }
  await flush(true);
  for (const { stream } of streams.values()) {
    pending.push(
      new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end();
      }),
    );
  }
  await Promise.all(pending);
  await sql.end();
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.fromEntries([...streams].map(([table, t]) => [table, t.rows]));
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return {
    companies: options.companies,
    rows,
    totalRows,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(totalRows / seconds),
    largest: largest!,
  };
}

/**
 * Seeds an embedded PGlite database (the default install) with the same generator: each table's rows
 * are loaded with one COPY from a blob, as the owner with foreign-key triggers off (as above).
 */
export async function seedPglite(handle: DatabaseHandle, options: SeedOptions): Promise<SeedResult> {
  if (handle.kind !== 'pglite') throw new Error('seedPglite needs the embedded database');
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const scale = options.scale ?? 1;
  const until = Date.parse(`${options.until ?? '2026-11-30'}T18:00:00Z`);
  const r = prng(options.seed ?? 1);
  const started = performance.now();
  const buffers = new Map<Table, string[]>();
  const emit: Emit = (table, ...values) => {
    const buffer = buffers.get(table) ?? [];
    buffer.push(`${values.map(field).join('\t')}\n`);
    buffers.set(table, buffer);
  };
  let largest: SeedResult['largest'] | undefined;
  for (let i = 0; i < options.companies; i++) {
    const company = seedCompany(i, r, emit, scale, until);
    if (!largest || company.orders > largest.orders) largest = company;
  }
  await client.exec('SET session_replication_role = replica');
  for (const table of Object.keys(TABLES) as Table[]) {
    const rows = buffers.get(table);
    if (rows?.length)
      await client.query(`COPY ${table} (${TABLES[table]}) FROM '/dev/blob'`, [], { blob: new Blob([rows.join('')]) });
  }
  await client.exec('SET session_replication_role = DEFAULT; ANALYZE');
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.fromEntries([...buffers].map(([table, b]) => [table, b.length]));
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return {
    companies: options.companies,
    rows,
    totalRows,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(totalRows / seconds),
    largest: largest!,
  };
}

/** The schema up to (and including) migration `tag`: an older deployment, about to upgrade. */
export async function migrateUpTo(handle: DatabaseHandle, tag: string): Promise<void> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`--upgrade-from: no migration named ${tag}`);
  await handle.raw('CREATE EXTENSION IF NOT EXISTS vector');
  await handle.raw(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  await applyMigrations(handle, readMigrations(migrationsFolder).slice(0, last + 1));
}

/**
 * Applies the remaining migrations to a populated database while a writer keeps inserting and updating
 * rows of the largest tables: the migrations' time, and the longest one of those writes waited (a lock
 * held by a migration shows there).
 */
export async function timedUpgrade(url: string) {
  const handle = await openDatabase({ url, poolSize: 2 });
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  const [order] = await probe`select tenant_id, id from purchase_orders order by tenant_id, id limit 1`;
  let running = true;
  let longestWriteMs = 0;
  let writes = 0;
  let probeErrors = 0;
  const writer = (async () => {
    while (running) {
      const t = performance.now();
      // A write that loses a deadlock to the migration is counted, as an application would retry it.
      await probe
        .begin(async (tx) => {
          await tx`update purchase_orders set updated_at = now() where tenant_id = ${order!.tenant_id} and id = ${order!.id}`;
          await tx`insert into ai_action_events (tenant_id, action_id, type, source)
                 select tenant_id, id, 'edited', 'job' from ai_actions where tenant_id = ${order!.tenant_id} limit 1`;
          await tx`insert into purchase_order_items (tenant_id, order_id, position, description, quantity, unit_price_cents, line_total_cents)
                 values (${order!.tenant_id}, ${order!.id}, 1000 + ${writes}, 'probe', 1, 1, 1)`;
        })
        .catch(() => probeErrors++);
      longestWriteMs = Math.max(longestWriteMs, performance.now() - t);
      writes++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  // A migration that loses a deadlock to the writes (0007 takes its exclusive locks table by table) fails
  // and is rolled back whole; the next start applies it again. Here, the next attempt follows at once.
  const failures: string[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(handle);
      break;
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
      failures.push(`${new Date().toISOString()} ${cause}`);
      if (attempt === 5) throw err;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await writer;
  await probe`delete from purchase_order_items where description = 'probe'`;
  await probe.end();
  await handle.close();
  return {
    migrationSeconds: Math.round(seconds * 10) / 10,
    failedAttempts: failures,
    probeWrites: writes,
    probeErrors,
    longestWriteMs: Math.round(longestWriteMs),
  };
}

function option(name: string, fallback?: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const database = option('database', 'comptoir_scale')!;
  if (!/^\w+$/.test(database)) throw new Error('--database: letters, digits and _ only');
  const upgradeFrom = option('upgrade-from');
  if (process.argv.includes('--upgrade-only')) {
    // A database seeded before at an older schema (or whose upgrade was interrupted): upgrade it, timed.
    const url = new URL(benchServer);
    url.pathname = `/${database}`;
    console.log(JSON.stringify({ database, loadBefore: os.loadavg(), upgrade: await timedUpgrade(url.toString()) }));
    process.exit(0);
  }
  const url = await freshBenchDatabase(database);
  const handle = await openDatabase({ url, poolSize: 2 });
  if (upgradeFrom) await migrateUpTo(handle, upgradeFrom);
  else await migrate(handle);
  await handle.close();
  const loadBefore = os.loadavg();
  const result = await seedScale(url, {
    companies: Number(option('companies', '100')),
    seed: Number(option('seed', '1')),
    scale: Number(option('scale', '1')),
    until: option('until'),
  });
  const analyze = postgres(url, { max: 1, onnotice: () => {} });
  await analyze.unsafe('ANALYZE');
  await analyze.end();
  const upgrade = upgradeFrom ? await timedUpgrade(url) : undefined;
  console.log(
    JSON.stringify(
      { database, server: benchServer.host, loadBefore, loadAfter: os.loadavg(), ...result, upgrade },
      null,
      2,
    ),
  );
}
