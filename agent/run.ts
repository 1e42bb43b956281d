/**
 * One turn of the tool-calling agent: a loop of streamed model calls and tool calls. We run the loop
 * ourselves (the model is still a LangChain chat model) because every step must be checked before it
 * writes: a tool call is executed only from a response that ended as a complete tool call
 * (finish_reason tool_calls or stop) with arguments that parse as they are — never from a cut stream,
 * a length limit or a content filter, and never after JSON repair. Each model call has a time limit,
 * the turn has one too, transient failures (429, 5xx, network) are retried with progress shown, and
 * a closed page (the signal) stops the turn before its next tool call.
 */
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from 'langchain';
import type { Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import type { MemoryMessage } from './memory.ts';
import type { ChatModel } from './model.ts';
import { modelNotes, turnTexts } from './texts.ts';
import { callRegistryTool, type ToolCallRecord, type ToolEvent } from './tool-calls.ts';
import { definitionTokens, LOAD_TOOLS, TurnToolset } from './toolset.ts';

export type AgentEvent = ToolEvent | { type: 'token'; text: string } | { type: 'progress'; text: string };

/** What one model call cost in tools and history, for the eval's report. */
export interface ModelCallStats {
  toolTokens: number;
  historyTokens: number;
  tools: number;
  latencyMs: number;
}

export interface AgentTurn {
  text: string;
  toolCalls: ToolCallRecord[];
  /** Summed over every model call of the turn; null when the provider reports no usage. */
  tokensIn: number | null;
  tokensOut: number | null;
  /** Set when the model itself failed (network, quota, time limit): the turn still ends with a clear answer. */
  modelError: string | null;
  /** How the turn ended when it did not end with the model's answer. */
  stopped: 'cancelled' | 'turn_timeout' | 'broken_response' | 'invalid_arguments' | 'too_many_steps' | null;
  calls: ModelCallStats[];
  /** From the start of the turn to the first word of the model shown to the person; null when none came. */
  firstTokenMs: number | null;
}

export interface TurnLimits {
  /** A model call that sends nothing for this long is given up. */
  callMs: number;
  /** The whole turn, model calls and tools. */
  turnMs: number;
  /** Retries of a model call after 429, 5xx or a network failure. */
  retries: number;
  /** First wait before a retry; doubles each time (a Retry-After header is honoured up to callMs). */
  backoffMs: number;
  /** How often the person is told the model is still working. */
  progressMs: number;
  /** Model calls per turn: enough for search → draft → submit → answer, with room to recover. */
  modelCalls: number;
  /** Tool calls with invalid arguments the model may make in a turn before we stop. */
  invalidCalls: number;
  /** Times the model is asked again after a cut or filtered reply. */
  reasks: number;
}

export const DEFAULT_LIMITS: TurnLimits = {
  callMs: 60_000,
  turnMs: 180_000,
  retries: 2,
  backoffMs: 1_000,
  progressMs: 5_000,
  modelCalls: 12,
  invalidCalls: 3,
  reasks: 1,
};

/** finish_reason values of a response that ended on its own (OpenAI, vLLM, Ollama: tool_calls or stop; Mistral the same). */
const COMPLETE = new Set(['tool_calls', 'stop', 'function_call']);

class TurnStop extends Error {
  constructor(
    readonly reason: 'cancelled' | 'call_timeout' | 'turn_timeout',
    readonly ms = 0,
  ) {
    super(reason);
  }
}

interface ParsedCall {
  id: string;
  name: string;
  args?: Record<string, unknown>;
  /** Why the arguments cannot be used as sent. */
  bad?: string;
}

interface ModelReply {
  text: string;
  calls: ParsedCall[];
  /** Set when the reply did not end as a complete response: its tool calls must not run. */
  cut: string | null;
  usage: { input_tokens: number; output_tokens: number } | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * Tool calls as the model sent them. Streamed calls come as argument strings, which must parse as they
 * are: LangChain's own merge repairs partial JSON (`{"unitPrice":"24` → {unitPrice: "24"}), which is
 * exactly what must never reach the door. A non-streaming model hands parsed calls (and the ones it
 * could not parse as invalid_tool_calls).
 */
function parseCalls(message: AIMessage | AIMessageChunk, n: () => string): ParsedCall[] {
  const chunks = (message as AIMessageChunk).tool_call_chunks;
  if (chunks?.length)
    return chunks.map((c) => {
      const id = c.id ?? n();
      const name = c.name ?? '';
      const raw = c.args?.trim() ?? '';
      if (!raw) return { id, name, args: {} };
      try {
        const args = JSON.parse(raw) as unknown;
        return isObject(args) ? { id, name, args } : { id, name, bad: 'not a JSON object' };
      } catch (err) {
        return { id, name, bad: (err as Error).message.slice(0, 120) };
      }
    });
  return [
    ...(message.tool_calls ?? []).map((c) => ({ id: c.id ?? n(), name: c.name, args: c.args })),
    ...(message.invalid_tool_calls ?? []).map((c) => ({
      id: c.id ?? n(),
      name: c.name ?? '',
      bad: c.error ?? 'unreadable arguments',
    })),
  ];
}

const finishReasonOf = (m: BaseMessage): string | undefined => {
  const meta = m.response_metadata as Record<string, unknown> | undefined;
  const r = meta?.finish_reason ?? meta?.finishReason;
  return typeof r === 'string' && r ? r : undefined;
};

/** 429, 5xx and network failures are worth another try; a 400 or a 401 is not. */
function transient(err: unknown): boolean {
  const e = err as { status?: number; statusCode?: number; code?: string; name?: string; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number') return status === 429 || status === 408 || status >= 500;
  return /connect|network|terminated|socket|ECONN|EPIPE|fetch failed|premature|timed? ?out/i.test(
    `${e?.name} ${e?.code} ${e?.message}`,
  );
}

function retryAfterMs(err: unknown): number | null {
  const headers = (err as { headers?: Headers | Record<string, string> })?.headers;
  const value = headers instanceof Headers ? headers.get('retry-after') : headers?.['retry-after'];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export async function runAgent(p: {
  session: Session;
  model: ChatModel;
  registry: readonly AnyTool[];
  system: string;
  history: MemoryMessage[];
  userText: string;
  onEvent?: (event: AgentEvent) => void;
  source?: 'chat' | 'email';
  /** Aborted when the person leaves (the page closed): the turn stops before its next tool call. */
  signal?: AbortSignal;
  limits?: Partial<TurnLimits>;
}): Promise<AgentTurn> {
  const limits = { ...DEFAULT_LIMITS, ...p.limits };
  const say = turnTexts[p.session.lang];
  const emit = p.onEvent ?? (() => {});
  const started = Date.now();
  const deadline = started + limits.turnMs;
  const records: ToolCallRecord[] = [];
  const calls: ModelCallStats[] = [];
  const rationale = p.userText.slice(0, 500);
  let counter = 0;
  const nextId = () => `call_${++counter}`;

  // Routing reads the request and the last exchange, so "yes, the first one" keeps the tools of the question.
  const recent = p.history
    .slice(-2)
    .map((m) => m.content)
    .join('\n');
  const toolset = new TurnToolset(p.registry, p.session.actor.role, `${recent}\n${p.userText}`);

  const messages: BaseMessage[] = [
    new SystemMessage(p.system),
    ...p.history.map((m) => (m.role === 'user' ? new HumanMessage(m.content) : new AIMessage(m.content))),
    new HumanMessage(p.userText),
  ];
  const texts: string[] = [];
  let tokensIn: number | null = null;
  let tokensOut: number | null = null;
  let firstTokenMs: number | null = null;

  // The turn's own abort: the person left, or the turn ran out of time.
  const turn = new AbortController();
  const onLeave = () => turn.abort(new TurnStop('cancelled'));
  if (p.signal?.aborted) onLeave();
  p.signal?.addEventListener('abort', onLeave, { once: true });
  const turnTimer = setTimeout(() => turn.abort(new TurnStop('turn_timeout', limits.turnMs)), limits.turnMs);

  /** One streamed model call under its own time limit; tokens go to the person as they come. */
  async function callOnce(): Promise<ModelReply> {
    const defs = toolset.definitions();
    const bound = defs.length && p.model.bindTools ? p.model.bindTools(defs) : p.model;
    const call = new AbortController();
    const stopCall = (reason: unknown) => call.abort(reason);
    const onTurnStop = () => stopCall(turn.signal.reason);
    if (turn.signal.aborted) onTurnStop();
    turn.signal.addEventListener('abort', onTurnStop, { once: true });
    // The limit is on silence: each chunk that arrives restarts it (the turn's own timer bounds the whole).
    let silence = setTimeout(() => stopCall(new TurnStop('call_timeout', limits.callMs)), limits.callMs);
    const t0 = Date.now();
    const waiting = setInterval(
      () => emit({ type: 'progress', text: say.waiting(Date.now() - t0) }),
      limits.progressMs,
    );
    let acc: AIMessageChunk | AIMessage | undefined;
    let finish: string | undefined;
    let streamed = false;
    let text = '';
    try {
      const stream = await bound.stream(messages, { signal: call.signal });
      for await (const chunk of stream as AsyncIterable<AIMessageChunk>) {
        clearTimeout(silence);
        silence = setTimeout(() => stopCall(new TurnStop('call_timeout', limits.callMs)), limits.callMs);
        clearInterval(waiting);
        streamed ||= AIMessageChunk.isInstance(chunk);
        acc = acc && AIMessageChunk.isInstance(acc) ? acc.concat(chunk) : chunk;
        finish = finishReasonOf(chunk) ?? finish;
        const piece = typeof chunk.content === 'string' ? chunk.content : chunk.text;
        if (piece) {
          // What an earlier call of this turn wrote stays; the answer goes on below it, as it will be stored.
          if (!text && texts.length) emit({ type: 'token', text: '\n\n' });
          firstTokenMs ??= Date.now() - started;
          text += piece;
          emit({ type: 'token', text: piece });
        }
      }
      call.signal.throwIfAborted();
    } catch (err) {
      if (call.signal.aborted && call.signal.reason instanceof TurnStop) throw call.signal.reason;
      throw err;
    } finally {
      clearTimeout(silence);
      clearInterval(waiting);
      turn.signal.removeEventListener('abort', onTurnStop);
    }
    calls.push({
      toolTokens: definitionTokens(defs),
      historyTokens: Math.ceil(messages.reduce((n, m) => n + JSON.stringify(m.content).length, 0) / 4),
      tools: defs.length,
      latencyMs: Date.now() - t0,
    });
    const message = acc ?? new AIMessage('');
    const parsed = parseCalls(message, nextId);
    // A streamed reply must say how it ended; one that stops without a finish reason was cut.
    const cut =
      finish && !COMPLETE.has(finish) ? finish : !finish && streamed && parsed.length ? 'stream ended early' : null;
    return { text, calls: parsed, cut, usage: message.usage_metadata };
  }

  /** A model call with retries on transient failures, telling the person while they wait. */
  async function callModel(): Promise<ModelReply> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await callOnce();
      } catch (err) {
        if (err instanceof TurnStop || !transient(err) || attempt >= limits.retries) throw err;
        const wait = Math.min(retryAfterMs(err) ?? limits.backoffMs * 2 ** attempt, limits.callMs);
        if (Date.now() + wait >= deadline) throw err;
        emit({ type: 'progress', text: say.retrying(reason(err), attempt + 1, limits.retries, wait) });
        await sleep(wait, turn.signal).catch(() => {
          throw turn.signal.reason;
        });
      }
    }
  }

  const finish = (stopped: AgentTurn['stopped'], note: string | null, modelError: string | null = null): AgentTurn => {
    clearTimeout(turnTimer);
    p.signal?.removeEventListener('abort', onLeave);
    if (note) emit({ type: 'token', text: texts.length ? `\n\n${note}` : note });
    if (note) texts.push(note);
    const text = texts.join('\n\n').trim() || say.empty;
    if (!texts.length) emit({ type: 'token', text });
    return { text, toolCalls: records, tokensIn, tokensOut, modelError, stopped, calls, firstTokenMs };
  };

  let invalid = 0;
  let reasks = 0;
  try {
    for (let step = 0; step < limits.modelCalls; step++) {
      const reply = await callModel();
      if (reply.usage) {
        tokensIn = (tokensIn ?? 0) + reply.usage.input_tokens;
        tokensOut = (tokensOut ?? 0) + reply.usage.output_tokens;
      }
      if (reply.text.trim()) texts.push(reply.text.trim());

      if (reply.cut) {
        // Nothing of a cut reply runs. Ask once more; then the person is told.
        if (reasks >= limits.reasks || !reply.calls.length) return finish('broken_response', say.broken(reply.cut));
        reasks++;
        emit({ type: 'progress', text: say.reasking(reply.cut) });
        if (reply.text.trim()) messages.push(new AIMessage(reply.text));
        messages.push(new HumanMessage(modelNotes.cut(reply.cut)));
        continue;
      }
      if (!reply.calls.length) return finish(null, null);

      messages.push(
        new AIMessage({
          content: reply.text,
          tool_calls: reply.calls.map((c) => ({ id: c.id, name: c.name, args: c.args ?? {}, type: 'tool_call' })),
        }),
      );
      for (const call of reply.calls) {
        if (turn.signal.aborted) throw turn.signal.reason;
        const content = await runCall(call);
        messages.push(new ToolMessage({ content, tool_call_id: call.id, name: call.name }));
      }
      if (invalid > limits.invalidCalls) return finish('invalid_arguments', say.tooManyErrors);
    }
    return finish('too_many_steps', say.tooManySteps);
  } catch (err) {
    if (err instanceof TurnStop) {
      if (err.reason === 'cancelled') return finish('cancelled', say.cancelled);
      if (err.reason === 'turn_timeout') return finish('turn_timeout', say.turnTimeout(err.ms), 'turn time limit');
      const why = say.callTimeout(err.ms);
      return finish(null, say.modelFailed(why), why);
    }
    const why = reason(err);
    return finish(null, say.modelFailed(why), why);
  } finally {
    clearTimeout(turnTimer);
    p.signal?.removeEventListener('abort', onLeave);
  }

  /** Runs one checked call and returns what the model reads back. */
  async function runCall(call: ParsedCall): Promise<string> {
    const fail = (code: string, content: string) => {
      const record: ToolCallRecord = {
        id: call.id,
        name: call.name,
        args: call.args ?? null,
        ok: false,
        message: content,
        errorCode: code,
      };
      records.push(record);
      emit({ type: 'tool_result', call: record });
      return content;
    };
    if (call.bad) {
      invalid++;
      return fail('invalid', modelNotes.badJson(call.bad));
    }
    if (call.name === LOAD_TOOLS) {
      const groups = Array.isArray(call.args?.groups) ? (call.args.groups as unknown[]).map(String) : [];
      const unknown = groups.filter((g) => !toolset.loadable.includes(g));
      if (!groups.length || unknown.length) {
        invalid++;
        return `Error (invalid): groups must be some of ${toolset.loadable.join(', ')}.`;
      }
      const added = toolset.load(groups);
      return added.length ? `Loaded: ${added.join(', ')}. Call them in your next step.` : 'Already loaded.';
    }
    // A registry tool the role was not offered still goes to the door, which refuses it in its own clear words.
    const tool = toolset.tool(call.name) ?? p.registry.find((t) => t.name === call.name);
    if (!tool)
      return fail('not_found', `Error (not_found): no tool named ${call.name}. Use one of the tools you were given.`);
    const { record, content } = await callRegistryTool(p.session, tool, call.id, call.args, {
      rationale,
      onEvent: emit,
      source: p.source,
    });
    if (record.errorCode === 'invalid') invalid++;
    records.push(record);
    return content;
  }
}

const reason = (err: unknown) => (err as Error)?.message?.split('\n')[0]?.slice(0, 200) ?? String(err);
