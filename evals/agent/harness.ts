/**
 * The agent eval's machinery: seed a company for a scenario, run one chat turn, score it on the records
 * and actions it left (and a few checks of the answer), and summarise a run into a report. The same
 * code runs against a configured model (`npm run eval:agent`) and, in CI, against a scripted model that
 * plays each scenario's reference script — which proves the harness and the scoring, not a model.
 */
import { eq } from 'drizzle-orm';
import { AIMessage, fakeModel, type BaseMessage } from 'langchain';
import { chatTurn, type ChatReply } from '../../agent/chat.ts';
import type { ChatModel } from '../../agent/model.ts';
import type { Database } from '../../db/client.ts';
import { aiActions } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import { propose } from '../../tools/actions/door.ts';
import type { AutomationLevel } from '../../tools/actions/policy.ts';
import type { Lang, Role, Session } from '../../tools/context.ts';
import { toolByName } from '../../tools/registry.ts';
import { registry } from '../../tools/registry.ts';
import { makeCompany } from '../../tests/support/company.ts';

export interface Seed {
  level?: AutomationLevel;
  suppliers?: string[];
  clients?: { name: string; email?: string }[];
  products?: { name: string; price: string; supplier?: string }[];
  /** Sent invoices; `issued` days before the scenario's today (net 30, so over 30 is overdue). */
  invoices?: { key: string; client: string; amount: string; issued: number }[];
  bills?: { key: string; supplier: string; number: string; amount: string; notes?: string; approved?: boolean }[];
}

export type ScriptStep = { calls: { name: string; args: Record<string, unknown> }[] } | { say: string };

export interface Expect {
  /** Every action the turn proposed, in order: tool, status, and amount in cents when it has one. */
  writes: { tool: string; status: string; cents?: bigint }[];
  /** Tools that must not have an executed action, whatever the model did (prompt injection). */
  neverExecuted?: string[];
  answer?: RegExp;
}

export interface Scenario {
  id: string;
  category: string;
  lang: Lang;
  role: Role;
  seed: Seed;
  request: string;
  expect: Expect;
  /** The reference play, for the scripted model; `$id:Name` stands for a seeded record's id. */
  script: ScriptStep[];
}

export const TODAY = new Date('2026-03-02T15:00:00Z');

const addDays = (days: number) => new Date(TODAY.getTime() + days * 86_400_000).toISOString().slice(0, 10);

async function seedTool(admin: Session, name: string, input: unknown): Promise<{ id: string }> {
  const tool = toolByName(name);
  if (tool?.kind !== 'write') throw new Error(`seed needs a write tool: ${name}`);
  const out = await propose(admin, tool, input, { source: 'rest', byAi: false });
  if (out.status !== 'executed') throw new Error(`seed ${name} did not execute: ${out.status} ${out.message}`);
  return out.result as { id: string };
}

/** A fresh company with the scenario's records; returns the ids by name (or key). */
export async function seedCompany(db: Database, seed: Seed) {
  const company = await makeCompany(db, { automationLevel: seed.level ?? 'assisted' }, () => TODAY);
  const admin = company.session('admin', 'fr');
  const ids: Record<string, string> = {};
  for (const name of seed.suppliers ?? [])
    ids[name] = (await seedTool(admin, 'purchasing_create_supplier', { name, province: 'QC' })).id;
  for (const c of seed.clients ?? [])
    ids[c.name] = (
      await seedTool(admin, 'invoicing_create_client', {
        name: c.name,
        email: c.email ?? 'compta@example.com',
        province: 'QC',
      })
    ).id;
  for (const p of seed.products ?? [])
    ids[p.name] = (
      await seedTool(admin, 'purchasing_create_product', {
        name: p.name,
        unitPrice: p.price,
        ...(p.supplier ? { supplierId: ids[p.supplier] } : {}),
      })
    ).id;
  for (const inv of seed.invoices ?? []) {
    const created = await seedTool(admin, 'invoicing_create_invoice', {
      clientId: ids[inv.client],
      lines: [{ description: 'Services', quantity: '1', unitPrice: inv.amount }],
      issueDate: addDays(-inv.issued),
    });
    ids[inv.key] = created.id;
    await seedTool(admin, 'invoicing_send_invoice', { invoiceId: created.id });
  }
  for (const b of seed.bills ?? []) {
    ids[b.key] = (
      await seedTool(admin, 'bills_record_supplier_bill', {
        supplierId: ids[b.supplier],
        supplierInvoiceNumber: b.number,
        billDate: addDays(-10),
        lines: [{ description: b.notes ?? 'Fournitures', quantity: '1', unitPrice: b.amount }],
      })
    ).id;
    if (b.approved) await seedTool(admin, 'bills_approve_bill', { billId: ids[b.key] });
  }
  return { company, ids };
}

/** The JSON the last tool call answered (the script's `$last:path`). */
function lastToolResult(messages: BaseMessage[]): unknown {
  const last = [...messages].reverse().find((m) => m.type === 'tool');
  try {
    return JSON.parse(typeof last?.content === 'string' ? last.content : '');
  } catch {
    return null;
  }
}

const resolve = (value: unknown, ids: Record<string, string>, last: unknown): unknown => {
  if (typeof value === 'string' && value.startsWith('$id:')) {
    const id = ids[value.slice(4)];
    if (!id) throw new Error(`script names an unseeded record: ${value}`);
    return id;
  }
  if (typeof value === 'string' && value.startsWith('$last:'))
    return value
      .slice(6)
      .split('.')
      .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), last);
  if (Array.isArray(value)) return value.map((v) => resolve(v, ids, last));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ids, last)]));
  return value;
};

let callIds = 0;
/** The scripted model: plays the scenario's reference script, one step per model call. */
export function scriptedModel(script: ScriptStep[], ids: Record<string, string>): ChatModel {
  let model = fakeModel();
  for (const step of script)
    model = model.respond(
      (messages: BaseMessage[]) =>
        new AIMessage(
          'say' in step
            ? { content: step.say, usage_metadata: { input_tokens: 0, output_tokens: 0, total_tokens: 0 } }
            : {
                content: '',
                tool_calls: step.calls.map((c) => ({
                  id: `eval_${++callIds}`,
                  name: c.name,
                  args: resolve(c.args, ids, lastToolResult(messages)) as Record<string, unknown>,
                  type: 'tool_call' as const,
                })),
              },
        ),
    );
  return model as unknown as ChatModel;
}

export interface Outcome {
  id: string;
  category: string;
  lang: Lang;
  pass: boolean;
  failures: string[];
  toolCalls: number;
  modelCalls: number;
  toolTokens: number[];
  historyTokens: number[];
  latencyMs: number;
  firstTokenMs: number | null;
}

/** Scores a finished turn on what it left in the company's records. */
export async function score(db: Database, tenantId: string, s: Scenario, reply: ChatReply): Promise<string[]> {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx.select().from(aiActions).where(eq(aiActions.byAi, true)).orderBy(aiActions.number),
  );
  const failures: string[] = [];
  const got = rows.map((r) => `${r.tool}:${r.status}${r.amountCents === null ? '' : `:${r.amountCents}`}`);
  const want = s.expect.writes.map((w) => {
    const row = rows.find((r) => r.tool === w.tool);
    const cents = w.cents === undefined ? (row?.amountCents ?? null) : w.cents;
    return `${w.tool}:${w.status}${cents === null ? '' : `:${cents}`}`;
  });
  if (JSON.stringify(got) !== JSON.stringify(want))
    failures.push(`actions ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  for (const tool of s.expect.neverExecuted ?? [])
    if (rows.some((r) => r.tool === tool && r.status === 'executed'))
      failures.push(`${tool} executed without approval`);
  if (s.expect.answer && !s.expect.answer.test(reply.text))
    failures.push(`answer ${JSON.stringify(reply.text.slice(0, 200))} !~ ${s.expect.answer}`);
  if (!reply.text.trim()) failures.push('empty answer');
  return failures;
}

export async function runScenario(
  db: Database,
  s: Scenario,
  modelFor: (s: Scenario, ids: Record<string, string>) => ChatModel,
): Promise<Outcome> {
  const { company, ids } = await seedCompany(db, s.seed);
  const reply = await chatTurn(
    company.session(s.role, s.lang),
    { model: modelFor(s, ids), registry },
    { text: s.request },
  );
  const failures = await score(db, company.tenant.id, s, reply);
  return {
    id: s.id,
    category: s.category,
    lang: s.lang,
    pass: failures.length === 0,
    failures,
    toolCalls: reply.toolCalls.length,
    modelCalls: reply.modelCalls.length,
    toolTokens: reply.modelCalls.map((c) => c.toolTokens),
    historyTokens: reply.modelCalls.map((c) => c.historyTokens),
    latencyMs: reply.latencyMs,
    firstTokenMs: reply.firstTokenMs,
  };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function report(outcomes: Outcome[], meta: { model: string; scripted: boolean; load: string; date: string }) {
  const passed = outcomes.filter((o) => o.pass).length;
  const toolTokens = outcomes.flatMap((o) => o.toolTokens);
  const historyTokens = outcomes.flatMap((o) => o.historyTokens);
  const latencies = outcomes.map((o) => o.latencyMs);
  const firstTokens = outcomes.flatMap((o) => (o.firstTokenMs === null ? [] : [o.firstTokenMs]));
  const categories = [...new Set(outcomes.map((o) => o.category))];
  const lines = [
    '# Agent eval',
    '',
    meta.scripted
      ? '**Scripted model** (no model configured: MISTRAL_API_KEY or OPENAI_BASE_URL). Each scenario plays its reference script, so this run proves the harness and the scoring — it is not a quality figure. Latency here is our own code and database, not a model.'
      : `Model: **${meta.model}**.`,
    '',
    `Run ${meta.date}; machine load (1/5/15 min) ${meta.load}.`,
    '',
    `- Scenarios: ${outcomes.length} (fr ${outcomes.filter((o) => o.lang === 'fr').length}, en ${outcomes.filter((o) => o.lang === 'en').length})`,
    `- Success: **${passed}/${outcomes.length} (${pct(passed, outcomes.length)})**`,
    `- Tool calls per task: ${(outcomes.reduce((n, o) => n + o.toolCalls, 0) / (outcomes.length || 1)).toFixed(2)}; model calls per task: ${(outcomes.reduce((n, o) => n + o.modelCalls, 0) / (outcomes.length || 1)).toFixed(2)}`,
    `- Tokens of tools per model call (estimated, 4 chars/token): mean **${mean(toolTokens)}**, p95 ${quantile(toolTokens, 0.95)}, max ${Math.max(0, ...toolTokens)} (goal ≤ 5000 on average)`,
    `- Tokens of history (system prompt + messages) per model call: mean ${mean(historyTokens)}, p95 ${quantile(historyTokens, 0.95)}`,
    `- Turn latency: p50 ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms; first word of the model on screen: p50 ${quantile(firstTokens, 0.5)} ms, p95 ${quantile(firstTokens, 0.95)} ms`,
    '',
    '| category | scenarios | success |',
    '|---|---|---|',
    ...categories.map((c) => {
      const of = outcomes.filter((o) => o.category === c);
      return `| ${c} | ${of.length} | ${pct(of.filter((o) => o.pass).length, of.length)} |`;
    }),
    '',
  ];
  const failed = outcomes.filter((o) => !o.pass);
  if (failed.length) lines.push('## Failures', '', ...failed.map((o) => `- \`${o.id}\`: ${o.failures.join('; ')}`), '');
  return {
    markdown: lines.join('\n'),
    successRate: passed / (outcomes.length || 1),
    meanToolTokens: mean(toolTokens),
    meanHistoryTokens: mean(historyTokens),
  };
}
