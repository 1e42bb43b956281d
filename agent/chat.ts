/**
 * One chat turn, whatever the frontend: store the person's message, answer it with a slash command,
 * the agent, or — without a model — a plain explanation of how to configure one, then store the answer
 * with its tool calls, resulting action ids, token counts and latency.
 */
import type { Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { invoke } from '../tools/invoke.ts';
import { getSettings } from '../tools/settings/get-settings.ts';
import { appendMessage, conversationMessages, openConversation } from '../tools/conversations/store.ts';
import { runCommand } from './commands.ts';
import { boundedHistory, DEFAULT_HISTORY_BUDGET, type MemoryMessage } from './memory.ts';
import { noModelMessage, type ChatModel } from './model.ts';
import { systemPrompt } from './prompt.ts';
import { runAgent, type AgentEvent, type AgentTurn, type TurnLimits } from './run.ts';
import { parseSlash } from './slash.ts';
import type { ActionBadge, ToolCallRecord } from './tool-calls.ts';
import { isoDate } from '../tools/dates.ts';

export type ChatEvent = AgentEvent | { type: 'conversation'; id: string };

export interface ChatDeps {
  model: ChatModel | null;
  registry: readonly AnyTool[];
  historyBudget?: number;
  /** The frontend the turn came from, recorded on the actions it proposes or decides (agent and slash commands); default chat. */
  source?: 'chat' | 'email';
  /** Aborted when the person leaves (the page closed): the agent stops before its next tool call. */
  signal?: AbortSignal;
  /** Time limits and retries of an agent turn; defaults in run.ts. */
  limits?: Partial<TurnLimits>;
}

export interface ChatReply {
  conversationId: string;
  messageId: string;
  text: string;
  answeredBy: 'command' | 'agent' | 'no_model';
  toolCalls: ToolCallRecord[];
  actions: ActionBadge[];
  tokensIn: number | null;
  tokensOut: number | null;
  latencyMs: number;
  /** How an agent turn ended when it did not end with the model's answer (cut reply, time limit, page closed). */
  stopped: AgentTurn['stopped'];
  /** Per model call of an agent turn: tokens of tools and history sent, and latency. */
  modelCalls: AgentTurn['calls'];
  /** An agent turn: time to the model's first word on screen (null for commands, or when the model wrote none). */
  firstTokenMs: number | null;
}

/** What the model remembers of an earlier answer: its text and the actions it led to, ids included. */
function remembered(content: string, toolCalls: unknown): string {
  const calls = Array.isArray(toolCalls) ? (toolCalls as ToolCallRecord[]) : [];
  const actions = calls
    .filter((c) => c.action)
    .map((c) => `#${c.action!.number} ${c.name} ${c.action!.status} (action ${c.action!.id})`);
  return actions.length ? `${content}\n[actions: ${actions.join('; ')}]` : content;
}

export async function chatTurn(
  session: Session,
  deps: ChatDeps,
  request: { conversationId?: string; text: string },
  onEvent: (event: ChatEvent) => void = () => {},
): Promise<ChatReply> {
  const started = Date.now();
  const conversation = await openConversation(session, request.conversationId, request.text);
  onEvent({ type: 'conversation', id: conversation.id });
  const earlier = request.conversationId ? await conversationMessages(session, conversation.id) : [];
  await appendMessage(session, conversation.id, { role: 'user', content: request.text });

  const lookup = (name: string) => deps.registry.find((t) => t.name === name);
  let text: string;
  let answeredBy: ChatReply['answeredBy'];
  let toolCalls: ToolCallRecord[] = [];
  let tokensIn: number | null = null;
  let tokensOut: number | null = null;
  let stopped: AgentTurn['stopped'] = null;
  let modelCalls: AgentTurn['calls'] = [];
  let firstTokenMs: number | null = null;

  const slash = parseSlash(request.text, session.lang);
  if (slash) {
    answeredBy = 'command';
    if (slash.ok) ({ text, toolCalls } = await runCommand(session, slash.command, lookup, deps.source ?? 'chat'));
    else text = slash.error;
    for (const call of toolCalls) onEvent({ type: 'tool_result', call });
    onEvent({ type: 'token', text });
  } else if (!deps.model) {
    answeredBy = 'no_model';
    text = noModelMessage[session.lang];
    onEvent({ type: 'token', text });
  } else {
    answeredBy = 'agent';
    const history: MemoryMessage[] = earlier
      .filter((m) => m.role === 'user' || m.role === 'assistant')
      .map((m) => ({
        role: m.role as 'user' | 'assistant',
        content: m.role === 'assistant' ? remembered(m.content, m.toolCalls) : m.content,
      }))
      // An empty answer (stored before turns always ended with words) tells the model nothing, and some providers refuse it.
      .filter((m) => m.content.trim());
    const settings = await invoke(session, getSettings, {}, { source: 'chat', byAi: false });
    if (settings.kind !== 'read') throw new Error('settings_get is a read tool');
    const s = settings.output as {
      name: string;
      currency: string;
      country: string;
      province: string | null;
      automationLevel: string;
      timeZone: string;
    };
    const system = systemPrompt({
      lang: session.lang,
      today: isoDate(session.now(), s.timeZone),
      company: s,
      person: { name: session.actor.name, role: session.actor.role },
    });
    const turn = await runAgent({
      session,
      model: deps.model,
      registry: deps.registry,
      system,
      history: boundedHistory(history, deps.historyBudget ?? DEFAULT_HISTORY_BUDGET),
      userText: request.text,
      onEvent,
      source: deps.source,
      signal: deps.signal,
      limits: deps.limits,
    });
    ({ text, toolCalls, tokensIn, tokensOut, stopped } = turn);
    modelCalls = turn.calls;
    firstTokenMs = turn.firstTokenMs;
  }

  const actions = toolCalls.flatMap((c) => (c.action ? [c.action] : []));
  const latencyMs = Date.now() - started;
  const stored = await appendMessage(session, conversation.id, {
    role: 'assistant',
    content: text,
    toolCalls,
    actionIds: actions.map((a) => a.id),
    tokensIn,
    tokensOut,
    latencyMs,
  });
  return {
    conversationId: conversation.id,
    messageId: stored.id,
    text,
    answeredBy,
    toolCalls,
    actions,
    tokensIn,
    tokensOut,
    latencyMs,
    stopped,
    modelCalls,
    firstTokenMs,
  };
}
