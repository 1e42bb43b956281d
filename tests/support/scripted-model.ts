/**
 * Scripted chat models for agent tests: langchain's fakeModel, whose replies may read what the tools
 * answered (the last tool message), so a script can use a supplier id found by a real search.
 */
import { AIMessage, fakeModel, type BaseMessage } from 'langchain';

/** The JSON the last tool call answered, or its raw text when it was an error. */
// biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape the tool answered
export function lastToolResult(messages: BaseMessage[]): any {
  const last = [...messages].reverse().find((m) => m.type === 'tool');
  const text = typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content ?? null);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

let callCounter = 0;
/** A model turn that calls tools, with no text of its own. */
export function callTools(...calls: { name: string; args: Record<string, unknown> }[]): AIMessage {
  return new AIMessage({
    content: '',
    tool_calls: calls.map((c) => ({ ...c, id: `call_${++callCounter}`, type: 'tool_call' as const })),
  });
}

/** A final answer, with the usage a real provider would report. */
export function answer(text: string, usage = { input_tokens: 120, output_tokens: 30 }): AIMessage {
  return new AIMessage({
    content: text,
    usage_metadata: { ...usage, total_tokens: usage.input_tokens + usage.output_tokens },
  });
}

export { fakeModel };
