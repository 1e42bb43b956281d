/**
 * The action door: every write, from the AI or a person, from chat, email, MCP, REST or a job, goes
 * through propose() → policy → execute now or queue for approval, and every transition is an
 * append-only event. Execution happens exactly once: it shares one transaction with the status
 * change that records it, under a row lock, and an idempotency key returns the first action it made.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import stableStringify from 'safe-stable-stringify';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { aiActionEvents, aiActions, notifications, users } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Actor, Lang, Session, Source, Tenant, ToolCtx } from '../context.ts';
import type { Amount, AnyWriteTool } from '../define.ts';
import { AppError, conflict, errorBody, forbidden, invalid, notFound } from '../errors.ts';
import { toCompanyCurrency } from '../exchange-rates.ts';
import { cleanInput } from '../input-text.ts';
import { bigintAsString, BOUNDARY_WORDS, MAX_AMOUNT_MINOR } from '../money.ts';
import { nextSequence } from '../numbering.ts';
import { toolContext } from '../tool-context.ts';
import { confidenceFrom, modelFactor, personFactor, type EvidenceFactor } from './confidence.ts';
import {
  alreadyDecidedMessage,
  conversionFactor,
  executedMessage,
  failedMessage,
  idempotencyMismatchMessage,
  invalidInputMessage,
  noActionMessage,
  notAiAloneMessage,
  noUndoMessage,
  queuedMessage,
  reasonText,
  rejectedMessage,
  refusalReasons,
  toolGoneMessage,
  undoneMessage,
  undoRationale,
} from './messages.ts';
import { amountLevel, decide, mayApprove, type Decision } from './policy.ts';
import { toolNamed } from '../tool-lookup.ts';
import { companyToday } from '../dates.ts';

export type ActionRow = typeof aiActions.$inferSelect;
export type ActionStatus = ActionRow['status'];

export interface ProposeOptions {
  source: Source;
  /** True when the AI (agent, email intake) asks; false for a person's own request. */
  byAi: boolean;
  /** The model's own estimate: one bounded factor, never the score itself. */
  modelConfidence?: number;
  evidence?: EvidenceFactor[];
  rationale?: string;
  /** The system's own key (a reminder step, a bill from a document): one action per key in the tenant, for good. */
  idempotencyKey?: string;
  /**
   * A key a client sent (REST Idempotency-Key, MCP _meta.idempotencyKey), scoped like Stripe's: it
   * belongs to the person and the tool, a retry with the same body returns the first action, another
   * body is a 409, and after 24 hours the key is free again.
   */
  clientKey?: string;
}

/** How long a client's idempotency key holds: Stripe's 24 hours. */
export const CLIENT_KEY_HOURS = 24;

interface KeyScope {
  key: string;
  scope: string;
  tool: string;
  /** Set for client keys: the request's hash, compared on every reuse. */
  requestHash: string | null;
}

function keyScope(session: Session, tool: AnyWriteTool, input: unknown, options: ProposeOptions): KeyScope | null {
  if (options.clientKey)
    return {
      key: options.clientKey,
      scope: `user:${session.actor.userId}`,
      tool: tool.name,
      requestHash: createHash('sha256')
        .update(stableStringify(input) ?? '')
        .digest('hex'),
    };
  if (options.idempotencyKey) return { key: options.idempotencyKey, scope: '', tool: tool.name, requestHash: null };
  return null;
}

/** The earlier action for this key, or a 409 when a client sent the key with a different request. */
function sameRequest(existing: ActionRow, key: KeyScope, lang: Lang): ActionRow {
  if (key.requestHash !== null && existing.requestHash !== key.requestHash)
    throw conflict(idempotencyMismatchMessage(lang, key.key, key.tool, existing.number), {
      reason: 'idempotency_key_reused',
      actionId: existing.id,
    });
  return existing;
}

export interface ActionOutcome {
  id: string;
  number: number;
  tool: string;
  status: ActionStatus;
  confidence: number;
  evidence: EvidenceFactor[];
  decision: Decision;
  requiredLevel: number;
  result: unknown;
  error: { code: string; message: string } | null;
  /** True when an earlier proposal with the same idempotency key was returned instead. */
  duplicate: boolean;
  /** One sentence a chat or MCP client can show as is. */
  message: string;
}

/** Errors that mean the request itself is wrong: nothing is recorded, the caller fixes the request. */
const REQUEST_ERRORS = new Set(['invalid', 'not_found', 'conflict', 'forbidden']);

class DuplicateProposal extends Error {}

/**
 * Parses input with the tool's zod schema, after every string in it is normalised (input-text.ts: the
 * one place text is cleaned, for every tool); a clear error in the person's language lists every
 * problem and nothing is written. `details.issues` are zod's own, the same in every language, for programs.
 */
export function parseInput<I extends z.ZodObject>(
  tool: { name: string; input: I },
  raw: unknown,
  lang: Lang,
): z.output<I> {
  const cleaned = cleanInput(raw ?? {});
  if (cleaned.issues.length)
    throw invalid(invalidInputMessage(lang, tool.name, cleaned.issues, cleaned.value), { issues: cleaned.issues });
  const parsed = tool.input.safeParse(cleaned.value);
  if (parsed.success) return parsed.data;
  throw invalid(invalidInputMessage(lang, tool.name, parsed.error.issues, cleaned.value), {
    issues: parsed.error.issues,
  });
}

/** A total beyond what an amount column and a JSON number hold exactly is refused, naming it. */
function checkAmountRange(tool: { name: string }, amount: Amount | null, lang: Lang) {
  if (!amount) return;
  const magnitude = amount.cents < 0n ? -amount.cents : amount.cents;
  if (magnitude <= MAX_AMOUNT_MINOR) return;
  const issue: z.core.$ZodIssue = {
    code: 'custom',
    path: ['total'],
    message: BOUNDARY_WORDS.en.tooLarge,
    input: undefined,
    params: { problem: 'tooLarge' },
  };
  throw invalid(invalidInputMessage(lang, tool.name, [issue], {}), { issues: [issue] });
}

export async function propose(
  session: Session,
  tool: AnyWriteTool,
  rawInput: unknown,
  options: ProposeOptions,
): Promise<ActionOutcome> {
  const input = parseInput(tool, rawInput, session.lang);
  const key = keyScope(session, tool, input, options);
  try {
    return await withTenant(session.db, session.tenantId, (tx) => proposeIn(tx, session, tool, input, key, options));
  } catch (err) {
    if (err instanceof DuplicateProposal && key) {
      const existing = await withTenant(session.db, session.tenantId, (tx) => findByKey(tx, key));
      if (existing) return outcomeOf(sameRequest(existing, key, session.lang), session.lang, true);
    }
    throw err;
  }
}

/** One request of a bulk proposal: its input and its own options (evidence, key, rationale). */
export interface BulkRequest {
  input: unknown;
  options: ProposeOptions;
}

/** What became of one request of a bulk proposal: its action, or the error that recorded nothing. */
export type BulkOutcome = { ok: true; outcome: ActionOutcome } | { ok: false; error: unknown };

/**
 * The door for many requests of one tool at once (a reconciliation run's matches): the same parse,
 * idempotency, assessment, evidence, confidence, policy, execution and audit events per request as
 * propose(), but one transaction per page of `pageSize` requests instead of one per request. Each
 * request runs in its own savepoint, so one that fails (a request error, a duplicate key committed
 * by someone else meanwhile) is rolled back alone and reported, and the others of its page stand.
 */
export async function proposeMany(
  session: Session,
  tool: AnyWriteTool,
  requests: BulkRequest[],
  pageSize = 200,
  onPage?: (done: number) => void,
): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for (let start = 0; start < requests.length; start += pageSize) {
    const page = requests.slice(start, start + pageSize);
    const results = await withTenant(session.db, session.tenantId, async (tx) => {
      const done: BulkOutcome[] = [];
      for (const request of page) {
        let key: KeyScope | null = null;
        try {
          const input = parseInput(tool, request.input, session.lang);
          key = keyScope(session, tool, input, request.options);
          const scoped = key;
          const outcome = await tx.transaction((sp) => proposeIn(sp, session, tool, input, scoped, request.options));
          done.push({ ok: true, outcome });
        } catch (error) {
          // Its savepoint is rolled back: a proposal with the same key committed first is returned instead.
          const existing = error instanceof DuplicateProposal && key ? await findByKey(tx, key) : undefined;
          done.push(
            existing && key
              ? { ok: true, outcome: outcomeOf(sameRequest(existing, key, session.lang), session.lang, true) }
              : { ok: false, error },
          );
        }
      }
      return done;
    });
    out.push(...results);
    onPage?.(out.length);
  }
  return out;
}

/** propose() inside a transaction it is given: everything but parsing and the transaction itself. */
async function proposeIn(
  tx: Tx,
  session: Session,
  tool: AnyWriteTool,
  input: unknown,
  key: KeyScope | null,
  options: ProposeOptions,
): Promise<ActionOutcome> {
  if (key) {
    const existing = await findByKey(tx, key);
    // An expired client key is released (the old action keeps its history, not the key) and used afresh.
    if (existing?.idempotencyExpiresAt && existing.idempotencyExpiresAt <= session.now())
      await tx.update(aiActions).set({ idempotencyKey: null }).where(eq(aiActions.id, existing.id));
    else if (existing) return outcomeOf(sameRequest(existing, key, session.lang), session.lang, true);
  }
  const ctx = toolContext(session, tx);
  const tenant = await ctx.tenant();
  const assessment = tool.assess ? await tool.assess(ctx, input) : {};
  const evidence = [
    options.byAi ? null : personFactor(session.lang),
    ...(options.evidence ?? []),
    ...(assessment.evidence ?? []),
    options.byAi && options.modelConfidence !== undefined ? modelFactor(options.modelConfidence, session.lang) : null,
  ].filter((f): f is EvidenceFactor => f !== null);
  const confidence = confidenceFrom(evidence);
  const amount = assessment.amount ?? null;
  checkAmountRange(tool, amount, session.lang);
  const inCompany = await companyAmount(ctx, amount);
  if (inCompany.evidence) evidence.push(inCompany.evidence);
  const decision = decide({
    tenant: {
      automationLevel: tenant.automationLevel,
      aiEnabled: tenant.aiEnabled,
      confidenceThreshold: tenant.confidenceThreshold,
      confidenceFloor: tenant.confidenceFloor,
      hardCapCents: tenant.hardCapCents,
      approvalLevelsCents: levelsOf(tenant),
    },
    tool,
    amountCents: inCompany.cents,
    amountUnconverted: inCompany.unknown,
    confidence,
    actor: session.actor,
    byAi: options.byAi,
  });
  if (decision.outcome === 'refuse') {
    throw forbidden(decision.reasons.map((r) => reasonText(r, session.lang)).join(' '), {
      reasons: decision.reasons,
    });
  }

  const id = randomUUID();
  let status: ActionStatus = 'pending_approval';
  let result: unknown = null;
  let error: ActionRow['error'] = null;
  if (decision.outcome === 'execute') {
    const run = await execute(ctx, tool, input, assessment.prepared, id);
    // A request the tool itself rejects (unknown supplier, bad state) records nothing.
    if (!run.ok && run.error instanceof AppError && REQUEST_ERRORS.has(run.error.code)) throw run.error;
    ({ status, result, error } = run.ok
      ? { status: 'executed', result: run.result, error: null }
      : { status: 'failed', result: null, error: run.body });
  }
  const now = ctx.now;
  const expiresAt =
    status === 'pending_approval' ? new Date(now.getTime() + tenant.approvalExpiryHours * 3_600_000) : null;
  const number = await nextActionNumber(tx, session.tenantId);
  const [row] = await tx
    .insert(aiActions)
    .values({
      id,
      tenantId: session.tenantId,
      number,
      tool: tool.name,
      input,
      source: options.source,
      actorId: session.actor.userId,
      byAi: options.byAi,
      confidence,
      evidence,
      rationale: options.rationale ?? null,
      idempotencyKey: key?.key ?? null,
      idempotencyScope: key?.scope ?? '',
      requestHash: key?.requestHash ?? null,
      idempotencyExpiresAt: key?.requestHash ? new Date(now.getTime() + CLIENT_KEY_HOURS * 3_600_000) : null,
      status,
      decision,
      requiredLevel: decision.outcome === 'queue' ? decision.level : 0,
      amountCents: amount?.cents ?? null,
      currency: amount?.currency ?? null,
      companyAmountCents: inCompany.cents,
      result,
      error,
      executedAt: status === 'executed' ? now : null,
      expiresAt,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({
      target: [aiActions.tenantId, aiActions.idempotencyScope, aiActions.tool, aiActions.idempotencyKey],
    })
    .returning();
  // Another proposal with this key committed first: undo everything done here, return that one.
  if (!row) throw new DuplicateProposal();
  const event = eventWriter(tx, row, session.actor.userId, options.source, now);
  event('proposed', null, { status: 'proposed', input, confidence }, options.rationale);
  if (status === 'pending_approval') {
    event('queued', { status: 'proposed' }, { status, decision });
    await notifyApprovers(tx, row, decision, session.actor);
  } else {
    event(status === 'executed' ? 'executed' : 'failed', { status: 'proposed' }, { status, result, error });
  }
  await event.flush();
  return outcomeOf(row, session.lang, false, summarize(tool, result, session.lang));
}

export interface DecideOptions {
  source: Source;
  note?: string;
  /** Edit-then-approve: the input the approver corrected; validated and re-assessed before it runs. */
  editedInput?: unknown;
  /**
   * Runs inside the decision's transaction once the approver is checked, before anything is written;
   * throwing aborts the decision. An email link is consumed here, so it is spent exactly when it decides.
   */
  beforeDecide?: (tx: Tx) => Promise<void>;
}

/** Approves a pending action and executes it, or retries a failed one; exactly once under concurrency. */
export async function approve(session: Session, actionId: string, options: DecideOptions): Promise<ActionOutcome> {
  return decideAndRun(session, actionId, options, 'pending_approval');
}

export async function retry(session: Session, actionId: string, options: DecideOptions): Promise<ActionOutcome> {
  return decideAndRun(session, actionId, options, 'failed');
}

export async function reject(session: Session, actionId: string, options: DecideOptions): Promise<ActionOutcome> {
  return withTenant(session.db, session.tenantId, async (tx) => {
    const row = await lockAction(tx, actionId, session.lang);
    const tool = await writeToolNamed(row.tool, session.lang);
    if (row.status !== 'pending_approval')
      throw conflict(alreadyDecidedMessage(session.lang, row.number, row.status), { status: row.status });
    checkApprover(session, tool, row);
    await options.beforeDecide?.(tx);
    const now = session.now();
    const [updated] = await tx
      .update(aiActions)
      .set({ status: 'rejected', decidedBy: session.actor.userId, decidedAt: now, updatedAt: now })
      .where(eq(aiActions.id, row.id))
      .returning();
    const event = eventWriter(tx, row, session.actor.userId, options.source, now);
    event('rejected', { status: row.status }, { status: 'rejected' }, options.note);
    await event.flush();
    return outcomeOf(updated!, session.lang, false);
  });
}

/** Reverses an action the AI executed alone (supervised/full); the undo is itself an audited action. */
export async function undo(
  session: Session,
  actionId: string,
  options: { source: Source; note?: string },
): Promise<ActionOutcome> {
  return withTenant(session.db, session.tenantId, async (tx) => {
    const row = await lockAction(tx, actionId, session.lang);
    const tool = await writeToolNamed(row.tool, session.lang);
    const refusal = undoRefusal(session.actor, session.lang, tool, row);
    if (refusal) throw refusal;
    const ctx = toolContext(session, tx);
    const now = ctx.now;
    await tx.transaction((sp) => tool.undo!({ ...ctx, db: sp }, row.input as never, row.result as never));
    const [undoRow] = await tx
      .insert(aiActions)
      .values({
        tenantId: session.tenantId,
        number: await nextActionNumber(tx, session.tenantId),
        tool: tool.name,
        input: row.input,
        source: options.source,
        actorId: session.actor.userId,
        byAi: false,
        confidence: 1,
        evidence: [personFactor(session.lang)],
        rationale: options.note ?? undoRationale(session.lang, row.number),
        status: 'executed',
        decision: { outcome: 'execute', reasons: ['within_rights'] },
        undoOf: row.id,
        executedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const [updated] = await tx
      .update(aiActions)
      .set({ status: 'undone', updatedAt: now })
      .where(eq(aiActions.id, row.id))
      .returning();
    const undone = eventWriter(tx, row, session.actor.userId, options.source, now);
    undone('undone', { status: 'executed' }, { status: 'undone', undoneBy: undoRow!.id }, options.note);
    await undone.flush();
    const executed = eventWriter(tx, undoRow!, session.actor.userId, options.source, now);
    executed('executed', null, { status: 'executed', undoOf: row.id });
    await executed.flush();
    return outcomeOf(updated!, session.lang, false);
  });
}

/** Why this person may not undo this action, or null: undo() and the inbox's Undo button follow this one rule. */
export function undoRefusal(actor: Actor, lang: Lang, tool: AnyWriteTool, row: ActionRow): AppError | null {
  if (row.status !== 'executed')
    return conflict(alreadyDecidedMessage(lang, row.number, row.status), { status: row.status });
  if (!tool.undo) return invalid(noUndoMessage(lang, row.number, tool.name));
  if (!row.byAi || row.decidedBy) return invalid(notAiAloneMessage(lang, row.number));
  return approverRefusal(actor, lang, tool, row);
}

/** Whether undo() would accept this person's request, without trying it (a tool no longer registered cannot be undone). */
export async function mayUndo(actor: Actor, lang: Lang, row: ActionRow): Promise<boolean> {
  if (row.status !== 'executed') return false;
  const tool = await writeToolNamed(row.tool, lang).catch(() => null);
  return tool !== null && undoRefusal(actor, lang, tool, row) === null;
}

/**
 * Whether approve() and reject() would accept this person's decision on a pending action, without
 * trying: the inbox counts and offers buttons only for these, with the door's own rule.
 */
export async function mayDecide(actor: Actor, lang: Lang, row: ActionRow): Promise<boolean> {
  if (row.status !== 'pending_approval') return false;
  const tool = await writeToolNamed(row.tool, lang).catch(() => null);
  return tool !== null && approverRefusal(actor, lang, tool, row) === null;
}

async function decideAndRun(
  session: Session,
  actionId: string,
  options: DecideOptions,
  from: 'pending_approval' | 'failed',
): Promise<ActionOutcome> {
  return withTenant(session.db, session.tenantId, async (tx) => {
    // The row lock makes concurrent deciders wait; the first one decides, the others see its result.
    const row = await lockAction(tx, actionId, session.lang);
    const tool = await writeToolNamed(row.tool, session.lang);
    if (row.status !== from)
      throw conflict(alreadyDecidedMessage(session.lang, row.number, row.status), { status: row.status });
    const ctx: ToolCtx = { ...toolContext(session, tx), actionId: row.id };
    const now = ctx.now;
    const event = eventWriter(tx, row, session.actor.userId, options.source, now);
    let input = row.input as unknown;
    let { amountCents, companyAmountCents, requiredLevel } = row;
    let prepared: unknown;
    if (options.editedInput !== undefined) {
      input = parseInput(tool, options.editedInput, session.lang);
      const assessment = tool.assess ? await tool.assess(ctx, input) : {};
      prepared = assessment.prepared;
      checkAmountRange(tool, assessment.amount ?? null, session.lang);
      amountCents = assessment.amount?.cents ?? null;
      const inCompany = await companyAmount(ctx, assessment.amount ?? null);
      companyAmountCents = inCompany.cents;
      // An edit can raise the amount: the level it needs then rises with it, never falls.
      if (tool.approvalLevels)
        requiredLevel = Math.max(
          requiredLevel,
          inCompany.unknown ? 3 : amountLevel(companyAmountCents, levelsOf(await ctx.tenant())),
        );
    }
    checkApprover(session, tool, { ...row, amountCents, companyAmountCents, requiredLevel });
    await options.beforeDecide?.(tx);
    if (options.editedInput !== undefined) event('edited', { input: row.input }, { input }, options.note);
    if (from === 'failed')
      event('retried', { status: 'failed', error: row.error }, { status: 'approved' }, options.note);
    else event('approved', { status: row.status }, { status: 'approved' }, options.note);

    const run = await execute(ctx, tool, input, prepared, row.id);
    const status: ActionStatus = run.ok ? 'executed' : 'failed';
    const [updated] = await tx
      .update(aiActions)
      .set({
        status,
        input,
        amountCents,
        companyAmountCents,
        requiredLevel,
        result: run.ok ? run.result : null,
        error: run.ok ? null : run.body,
        decidedBy: from === 'pending_approval' ? session.actor.userId : row.decidedBy,
        decidedAt: from === 'pending_approval' ? now : row.decidedAt,
        executedAt: run.ok ? now : null,
        updatedAt: now,
      })
      .where(and(eq(aiActions.id, row.id), eq(aiActions.status, from)))
      .returning();
    event(
      status,
      { status: 'approved' },
      { status, result: run.ok ? run.result : null, error: run.ok ? null : run.body },
    );
    await event.flush();
    return outcomeOf(updated!, session.lang, false, summarize(tool, run.ok ? run.result : null, session.lang));
  });
}

/**
 * The request's amount in the company currency, for the policy, and the evidence that shows both
 * amounts and the rate (or says no rate is held, so the highest level decides).
 */
async function companyAmount(
  ctx: ToolCtx,
  amount: Amount | null,
): Promise<{ cents: bigint | null; unknown: boolean; evidence?: EvidenceFactor }> {
  if (!amount) return { cents: null, unknown: false };
  const tenant = await ctx.tenant();
  const conversion = await toCompanyCurrency(ctx.db, amount, tenant.currency, await companyToday(ctx));
  if (conversion.kind === 'same') return { cents: conversion.cents, unknown: false };
  const factor = conversionFactor(ctx.lang, amount, tenant.currency, conversion);
  return conversion.kind === 'missing'
    ? { cents: null, unknown: true, evidence: factor }
    : { cents: conversion.cents, unknown: false, evidence: factor };
}

const levelsOf = (t: Tenant) => [t.approvalLevel1Cents, t.approvalLevel2Cents, t.approvalLevel3Cents] as const;

type RunResult = { ok: true; result: unknown } | { ok: false; error: unknown; body: { code: string; message: string } };

/**
 * Runs the tool in a savepoint: a failure rolls back its own writes and leaves the action's record intact.
 * `prepared` is what assess found earlier in this same transaction; the door writes nothing the tool
 * reads in between, so it still holds and run need not read it all again. `actionId` is the action
 * being carried out (its row is written after the run, in the same transaction, when it runs at once).
 */
async function execute(
  ctx: ToolCtx,
  tool: AnyWriteTool,
  input: unknown,
  prepared: unknown,
  actionId: string,
): Promise<RunResult> {
  try {
    const result = await ctx.db.transaction(async (sp) =>
      tool.output.parse(await tool.run({ ...ctx, db: sp, actionId }, input, prepared)),
    );
    return { ok: true, result: jsonSafe(result) };
  } catch (error) {
    const body = errorBody(error).error;
    const message = error instanceof AppError ? error.message : `${(error as Error)?.message ?? error}`;
    return { ok: false, error, body: { code: body.code, message } };
  }
}

type ApprovalFacts = Pick<ActionRow, 'requiredLevel' | 'amountCents' | 'companyAmountCents' | 'actorId' | 'byAi'>;

function approverRefusal(actor: Actor, lang: Lang, tool: AnyWriteTool, row: ApprovalFacts): AppError | null {
  const verdict = mayApprove(actor, {
    risk: tool.risk,
    level: row.requiredLevel,
    // Approval limits are in the company currency; rows from before conversion held only company amounts.
    amountCents: row.companyAmountCents ?? row.amountCents,
    actorId: row.actorId,
    byAi: row.byAi,
  });
  return verdict.allowed ? null : forbidden(refusalReasons[lang][verdict.reason], { reason: verdict.reason });
}

function checkApprover(session: Session, tool: AnyWriteTool, row: ApprovalFacts) {
  const refusal = approverRefusal(session.actor, session.lang, tool, row);
  if (refusal) throw refusal;
}

async function lockAction(tx: Tx, actionId: string, lang: Lang): Promise<ActionRow> {
  if (!/^[0-9a-f-]{36}$/i.test(actionId)) throw notFound(noActionMessage(lang, actionId));
  const [row] = await tx.select().from(aiActions).where(eq(aiActions.id, actionId)).for('update');
  if (!row) throw notFound(noActionMessage(lang, actionId));
  return row;
}

async function writeToolNamed(name: string, lang: Lang): Promise<AnyWriteTool> {
  const tool = toolNamed(name);
  if (tool?.kind !== 'write') throw notFound(toolGoneMessage(lang, name));
  return tool;
}

async function findByKey(tx: Tx, key: KeyScope): Promise<ActionRow | undefined> {
  const [row] = await tx
    .select()
    .from(aiActions)
    .where(
      and(
        eq(aiActions.idempotencyScope, key.scope),
        eq(aiActions.tool, key.tool),
        eq(aiActions.idempotencyKey, key.key),
      ),
    );
  return row;
}

/** Action numbers are per tenant and never restart; they need not be gapless, only readable. */
const nextActionNumber = (tx: Tx, tenantId: string) => nextSequence(tx, tenantId, 'action');

type EventType = (typeof aiActionEvents.$inferInsert)['type'];

/**
 * The audit events of one transition, written together in one INSERT when the transition is done
 * (fewer round trips; the identity column keeps them in the order they were added).
 */
export function eventWriter(
  tx: Tx,
  row: Pick<ActionRow, 'id' | 'tenantId'>,
  actorId: string | null,
  source: Source,
  at: Date,
) {
  const pending: (typeof aiActionEvents.$inferInsert)[] = [];
  const add = (type: EventType, before: unknown, after: unknown, note?: string) => {
    pending.push({ tenantId: row.tenantId, actionId: row.id, type, actorId, source, before, after, note, at });
  };
  const flush = async () => {
    if (pending.length) await tx.insert(aiActionEvents).values(pending.splice(0));
  };
  return Object.assign(add, { flush });
}

/** In-app notifications for everyone who may decide (the requester of a direct request excepted). */
async function notifyApprovers(tx: Tx, row: ActionRow, decision: Decision, actor: Actor) {
  if (decision.outcome !== 'queue') return;
  const approvers = await tx
    .select({ id: users.id, language: users.language })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, decision.approvers)))
    .orderBy(asc(users.createdAt));
  const rows = approvers
    .filter((u) => row.byAi || u.id !== actor.userId)
    .map((u) => ({
      tenantId: row.tenantId,
      userId: u.id,
      kind: 'approval_requested',
      title: queuedMessage(u.language, row.number, decision.level, decision.approvers),
      body: `${row.tool} — ${row.rationale ?? ''}`.trim(),
      link: `/approvals/${row.id}`,
      actionId: row.id,
    }));
  if (rows.length) await tx.insert(notifications).values(rows);
}

function summarize(tool: AnyWriteTool, result: unknown, lang: Lang): string | undefined {
  return result && tool.summarize ? tool.summarize(result, lang) : undefined;
}

export function outcomeOf(row: ActionRow, lang: Lang, duplicate: boolean, summary?: string): ActionOutcome {
  const decision = row.decision as Decision;
  const error = row.error as ActionOutcome['error'];
  const message =
    row.status === 'pending_approval' && decision.outcome === 'queue'
      ? queuedMessage(lang, row.number, row.requiredLevel, decision.approvers)
      : row.status === 'executed'
        ? executedMessage(lang, row.number, summary)
        : row.status === 'failed'
          ? failedMessage(lang, row.number, error?.message ?? '')
          : row.status === 'undone'
            ? undoneMessage(lang, row.number)
            : row.status === 'rejected'
              ? rejectedMessage(lang, row.number)
              : alreadyDecidedMessage(lang, row.number, row.status);
  return {
    id: row.id,
    number: row.number,
    tool: row.tool,
    status: row.status,
    confidence: row.confidence,
    evidence: row.evidence,
    decision,
    requiredLevel: row.requiredLevel,
    result: row.result,
    error,
    duplicate,
    message,
  };
}

/** JSON columns cannot hold bigint: money leaves a tool as a decimal string or a number of cents. */
function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, bigintAsString));
}
