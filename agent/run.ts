/**
 * One turn of the tool-calling agent: LangChain's createAgent over the registry's tools, streamed so
 * the person sees the answer as it is written and each tool call as it happens. Every tool call is
 * routed to callRegistryTool (a wrapToolCall middleware), so the registry's zod schema, the door and
 * our error messages apply rather than LangChain's own parsing.
 */
import { AIMessage, HumanMessage, ToolMessage, createAgent, createMiddleware, type BaseMessage } from 'langchain';
import type { Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import type { MemoryMessage } from './memory.ts';
import type { ChatModel } from './model.ts';
import { callRegistryTool, langChainTools, type ToolCallRecord, type ToolEvent } from './tool-calls.ts';

export type AgentEvent = ToolEvent | { type: 'token'; text: string };

export interface AgentTurn {
  text: string;
  toolCalls: ToolCallRecord[];
  /** Summed over every model call of the turn; null when the provider reports no usage. */
  tokensIn: number | null;
  tokensOut: number | null;
  /** Set when the model itself failed (network, quota): the turn still ends with a clear answer. */
  modelError: string | null;
}

/** Model calls per turn: enough for search → draft → submit → answer, with room to recover from errors. */
const RECURSION_LIMIT = 24;

const modelFailed = {
  fr: (why: string) => `Le modèle d'IA n'a pas pu répondre (${why}). Réessayez, ou utilisez une commande (/help).`,
  en: (why: string) => `The AI model could not answer (${why}). Try again, or use a command (/help).`,
};

const isAi = (m: unknown): m is AIMessage => Boolean(m && typeof m === 'object' && (m as BaseMessage).type === 'ai');

export async function runAgent(p: {
  session: Session;
  model: ChatModel;
  registry: readonly AnyTool[];
  system: string;
  history: MemoryMessage[];
  userText: string;
  onEvent?: (event: AgentEvent) => void;
  source?: 'chat' | 'email';
}): Promise<AgentTurn> {
  const records: ToolCallRecord[] = [];
  const rationale = p.userText.slice(0, 500);
  const byName = new Map(p.registry.map((t) => [t.name, t]));
  const route = createMiddleware({
    name: 'ComptoirToolDoor',
    wrapToolCall: async (request) => {
      const call = request.toolCall;
      const id = call.id ?? `call_${records.length + 1}`;
      const tool = byName.get(call.name);
      if (!tool) {
        const content = `Error (not_found): no tool named ${call.name}. Use one of the tools you were given.`;
        const record: ToolCallRecord = {
          id,
          name: call.name,
          args: call.args,
          ok: false,
          message: content,
          errorCode: 'not_found',
        };
        records.push(record);
        p.onEvent?.({ type: 'tool_result', call: record });
        return new ToolMessage({ content, tool_call_id: id, name: call.name, status: 'error' });
      }
      const { record, content } = await callRegistryTool(p.session, tool, id, call.args, {
        rationale,
        onEvent: p.onEvent,
        source: p.source,
      });
      records.push(record);
      return new ToolMessage({ content, tool_call_id: id, name: call.name, status: record.ok ? 'success' : 'error' });
    },
  });
  const agent = createAgent({
    model: p.model,
    tools: langChainTools(p.session, p.registry, { rationale, onEvent: p.onEvent, records, source: p.source }),
    systemPrompt: p.system,
    middleware: [route],
  });

  const messages = [
    ...p.history.map((m) => (m.role === 'user' ? new HumanMessage(m.content) : new AIMessage(m.content))),
    new HumanMessage(p.userText),
  ];
  let text = '';
  let tokensIn: number | null = null;
  let tokensOut: number | null = null;
  try {
    const stream = await agent.stream(
      { messages },
      { streamMode: ['updates', 'messages'], recursionLimit: RECURSION_LIMIT },
    );
    for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
      if (mode === 'messages') {
        const [message] = chunk as [BaseMessage, unknown];
        if (isAi(message) && message.text) p.onEvent?.({ type: 'token', text: message.text });
        continue;
      }
      for (const update of Object.values(chunk as Record<string, { messages?: BaseMessage[] } | undefined>)) {
        for (const message of update?.messages ?? []) {
          if (!isAi(message)) continue;
          const usage = message.usage_metadata;
          if (usage) {
            tokensIn = (tokensIn ?? 0) + usage.input_tokens;
            tokensOut = (tokensOut ?? 0) + usage.output_tokens;
          }
          // The answer is the last model message that calls no tool; earlier text was thinking aloud.
          if (!message.tool_calls?.length) text = message.text;
        }
      }
    }
    return { text, toolCalls: records, tokensIn, tokensOut, modelError: null };
  } catch (err) {
    const why = (err as Error)?.message?.split('\n')[0]?.slice(0, 200) ?? String(err);
    const answer = modelFailed[p.session.lang](why);
    p.onEvent?.({ type: 'token', text: answer });
    return { text: text ? `${text}\n\n${answer}` : answer, toolCalls: records, tokensIn, tokensOut, modelError: why };
  }
}
