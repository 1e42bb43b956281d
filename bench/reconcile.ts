/**
 * The reconciliation phase of `npm run bench`: one company with N open invoices and a statement of M
 * unmatched lines (the eval's generator: every noise kind of issue 14, plus lines that pay nothing),
 * seeded with multi-row inserts, then:
 * - match: what a run reads and computes — every unmatched line and open invoice loaded, indexed,
 *   scored and assigned (reconcileStatement, the function banking_list_reconciliation and
 *   reconcileAll share), timed, with the process's peak memory;
 * - record: reconcileAll, whose allowed matches go through the door's bulk path (one transaction per
 *   page, one audited action per match); the company is `supervised` with caps that let the AI record
 *   client payments of any size, and its history (payer aliases confirmed three times) covers the
 *   payers of the true payments, as a company with a year of statements behind it would;
 * - naive: an all-pairs scorer (each line against each open invoice: amount, reference, the engine's
 *   name similarity, date) on a sample of lines, and the ratio per line against the pure engine;
 * - rerun: a second reconcileAll records nothing new.
 *
 * Sizes: BENCH_RECONCILE="invoices×lines" (default 2000×4000, CI-sized); `npm run bench -- reconcile
 * --full` runs the issue's 50,000 × 100,000.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { bankAccounts, bankPayerAliases, bankTransactions, clients, invoices } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant.ts';
import { generateCompany } from '../evals/reconciliation/generator.ts';
import { actorOf } from '../tools/auth/api-tokens.ts';
import { indexOpen, type OpenItem } from '../tools/banking/engine/index-open.ts';
import { type Line, matchStatement } from '../tools/banking/engine/match.ts';
import { nameSimilarity, normalizeName, payerOf, trigrams } from '../tools/banking/engine/names.ts';
import { parseOurNumber, readReferences, yearKey } from '../tools/banking/engine/references.ts';
import { reconcileAll } from '../tools/banking/reconcile-all.ts';
import { reconcileStatement } from '../tools/banking/reconciliation.ts';
import type { Session } from '../tools/context.ts';
import { toolContext } from '../tools/tool-context.ts';
import { createTenant } from '../tools/tenancy.ts';

export interface ReconcileSize {
  invoices: number;
  lines: number;
}

export function reconcileSize(args: string[]): ReconcileSize {
  if (args.includes('--full')) return { invoices: 50_000, lines: 100_000 };
  const [invoices, lines] = (process.env.BENCH_RECONCILE ?? '2000x4000').split(/[x×]/).map(Number);
  return { invoices: invoices!, lines: lines! };
}

const ms = (since: number) => Math.round(performance.now() - since);
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** A statement of about `size.lines` lines against `size.invoices` open invoices (no bills: invoices are the issue's measure). */
function company(size: ReconcileSize) {
  const options = {
    seed: 14,
    clients: Math.max(90, Math.round(size.invoices / 5)),
    openInvoices: size.invoices,
    suppliers: 25,
    openBills: 0,
  };
  const base = generateCompany(options).lines.length;
  return generateCompany({ ...options, otherLines: Math.max(0, size.lines - base) });
}

const uuidOf = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function insertAll<T>(rows: T[], page: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += page) await write(rows.slice(i, i + page));
}

export async function benchReconcile(url: string, size: ReconcileSize) {
  const handle = await openDatabase({ url, poolSize: 4 });
  await migrate(handle);
  let t = performance.now();
  const generated = company(size);
  const generateMs = ms(t);
  const { tenant, users } = await createTenant(
    handle.db,
    {
      slug: `bench-reconcile-${Date.now()}`,
      name: 'Bench reconcile',
      province: 'QC',
      automationLevel: 'supervised',
      // Client payments of any size may be recorded by the AI here (the default caps queue them all).
      hardCapCents: 100_000_000n,
    },
    [{ email: 'manager@reconcile.test', name: 'manager', role: 'manager', aiAutoApproveLimitCents: 100_000_000n }],
  );
  const session: Session = {
    db: handle.db,
    tenantId: tenant.id,
    actor: actorOf(users[0]!),
    lang: 'fr',
    now: () => new Date('2027-01-15T12:00:00Z'),
  };

  // Seed: clients, open invoices, one account, its unmatched lines, and the payers' history.
  t = performance.now();
  const clientIds = new Map<string, string>();
  const invoiceIds = new Map<string, string>();
  for (const item of generated.items) {
    if (!clientIds.has(item.partyId)) clientIds.set(item.partyId, uuidOf(1, clientIds.size + 1));
    invoiceIds.set(item.id, uuidOf(2, invoiceIds.size + 1));
  }
  const names = new Map(generated.items.map((i) => [i.partyId, i.party]));
  const accountId = uuidOf(3, 1);
  const truthParty = new Map<string, string>();
  const byId = new Map(generated.items.map((i) => [i.id, i]));
  for (const l of generated.lines) if (l.truth.length) truthParty.set(l.line.id, byId.get(l.truth[0]!)!.partyId);
  await withTenant(handle.db, tenant.id, async (tx) => {
    await insertAll([...clientIds], 2000, (chunk) =>
      tx.insert(clients).values(chunk.map(([key, id]) => ({ id, tenantId: tenant.id, name: names.get(key)! }))),
    );
    await insertAll(generated.items, 1000, (chunk) =>
      tx.insert(invoices).values(
        chunk.map((i) => ({
          id: invoiceIds.get(i.id)!,
          tenantId: tenant.id,
          number: i.number,
          clientId: clientIds.get(i.partyId)!,
          status: 'sent' as const,
          currency: i.currency,
          language: 'fr' as const,
          issueDate: i.issuedOn,
          dueDate: i.dueOn!,
          subtotalCents: BigInt(i.balanceCents),
          taxCents: 0n,
          totalCents: BigInt(i.balanceCents),
          sentAt: new Date(`${i.issuedOn}T12:00:00Z`),
        })),
      ),
    );
    await tx.insert(bankAccounts).values({ id: accountId, tenantId: tenant.id, name: 'Desjardins' });
    await insertAll(generated.lines, 2000, (chunk) =>
      tx.insert(bankTransactions).values(
        chunk.map(({ line }, k) => ({
          tenantId: tenant.id,
          accountId,
          bookedOn: line.bookedOn,
          amountCents: BigInt(line.amountCents),
          currency: line.currency,
          description: line.description,
          counterparty: line.counterparty,
          reference: line.reference,
          externalId: `${line.id}-${k}`,
        })),
      ),
    );
    const aliases = new Map<string, { payer: string; partyId: string }>();
    for (const { line } of generated.lines) {
      const party = truthParty.get(line.id);
      const payer = payerOf(line.counterparty, line.description);
      if (party && payer) aliases.set(`${payer}|${party}`, { payer, partyId: clientIds.get(party)! });
    }
    await insertAll([...aliases.values()], 2000, (chunk) =>
      tx
        .insert(bankPayerAliases)
        .values(chunk.map((a) => ({ tenantId: tenant.id, direction: 'in' as const, ...a, confirmed: 3 }))),
    );
  });
  await handle.raw('analyze');
  const seedMs = ms(t);

  // Match: load, index, score, assign — what every run and every reconciliation list does.
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  t = performance.now();
  const cpu = process.cpuUsage();
  const { results } = await withTenant(handle.db, tenant.id, (tx) => reconcileStatement(toolContext(session, tx)));
  const matchMs = ms(t);
  const matchCpu = process.cpuUsage(cpu);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  clearInterval(sampler);

  // Record: reconcileAll through the door's bulk path.
  t = performance.now();
  const recorded = await reconcileAll(session);
  const recordMs = ms(t);
  t = performance.now();
  const rerun = await reconcileAll(session);
  const rerunMs = ms(t);

  // Naive all-pairs on a sample of lines: the engine's own scoring, each line against every invoice.
  const sample = generated.lines.filter((_, i) => i % Math.max(1, Math.floor(generated.lines.length / 200)) === 0);
  const naive = naiveScorer(generated.items);
  const incoming = indexOpen(generated.items);
  const outgoing = indexOpen([]);
  t = performance.now();
  for (const { line } of sample) naive(line);
  const naivePerLineMs = (performance.now() - t) / sample.length;
  t = performance.now();
  matchStatement(
    generated.lines.map((l) => l.line),
    { incoming, outgoing },
    { feeToleranceCents: 2500 },
  );
  const enginePerLineMs = (performance.now() - t) / generated.lines.length;

  const [{ count: recordedMatches }] = (await withTenant(handle.db, tenant.id, (tx) =>
    tx.execute(sql`select count(*)::int as count from bank_matches`),
  )) as unknown as [{ count: number }];
  await handle.close();
  return {
    size: { openInvoices: generated.items.length, lines: generated.lines.length, clients: clientIds.size },
    generateMs,
    seedMs,
    match: {
      ms: matchMs,
      cpuMs: Math.round((matchCpu.user + matchCpu.system) / 1000),
      withCandidates: results.filter((r) => r.candidates.length).length,
      chosen: results.filter((r) => r.chosen).length,
      peakRssMb: mb(peakRss),
      rssBeforeMb: mb(rssBefore),
    },
    record: { ms: recordMs, ...recorded, bankMatches: recordedMatches },
    rerun: {
      ms: rerunMs,
      proposed: rerun.proposed,
      alreadyProposed: rerun.alreadyProposed,
      failed: rerun.failed,
      failures: rerun.failures,
    },
    naive: {
      sampleLines: sample.length,
      perLineMs: Number(naivePerLineMs.toFixed(3)),
      enginePerLineMs: Number(enginePerLineMs.toFixed(4)),
      ratio: Math.round(naivePerLineMs / enginePerLineMs),
    },
  };
}

/**
 * The naive scorer the engine replaces, written fairly: each invoice's name, trigrams and number read
 * once beforehand; then each line against every open invoice — amount, reference, name similarity
 * (the engine's own measure), date — the best pair kept. No blocking, no assignment.
 */
function naiveScorer(items: OpenItem[]) {
  const prepared = items.map((item) => {
    const name = normalizeName(item.party);
    return { item, name, grams: trigrams(name), ours: parseOurNumber(item.number), issued: Date.parse(item.issuedOn) };
  });
  return (line: Line) => {
    const payer = payerOf(line.counterparty, line.description);
    const grams = trigrams(payer);
    const refs = new Set(readReferences(line.description, line.reference).full);
    const booked = Date.parse(line.bookedOn);
    let best = Number.NEGATIVE_INFINITY;
    for (const p of prepared) {
      const gap = p.item.balanceCents - line.amountCents;
      let score = gap === 0 ? 3.2 : gap > 0 && gap <= 2500 ? 2.2 : -1;
      if (p.ours && refs.has(yearKey(p.ours.year, p.ours.seq))) score += 4;
      score += 2.6 * nameSimilarity(payer, grams, p.name, p.grams);
      if (booked < p.issued) score -= 3;
      if (score > best) best = score;
    }
    return best;
  };
}
