/**
 * Conversation memory bounded by a token budget. Tokens are estimated, not counted: about four
 * characters per token for French and English prose and JSON (the usual rule of thumb for BPE
 * tokenizers such as Mistral's and OpenAI's), plus four tokens of overhead per message for its role
 * and separators. The estimate errs high on accented French, which only keeps us further under the limit.
 */
export interface MemoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

export const CHARS_PER_TOKEN = 4;
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** What a conversation may carry into one model call, leaving room for the system prompt and tool schemas. */
export const DEFAULT_HISTORY_BUDGET = 6000;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN) + MESSAGE_OVERHEAD_TOKENS;
}

/**
 * The most recent messages that fit in the budget, oldest first. Whole messages only: a message cut in
 * half reads as something the person never said. The history never starts with an assistant turn,
 * since some providers refuse a conversation that does not open with the user.
 */
export function boundedHistory(messages: readonly MemoryMessage[], budget = DEFAULT_HISTORY_BUDGET): MemoryMessage[] {
  const kept: MemoryMessage[] = [];
  let used = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const cost = estimateTokens(messages[i]!.content);
    if (used + cost > budget) break;
    kept.unshift(messages[i]!);
    used += cost;
  }
  while (kept[0]?.role === 'assistant') kept.shift();
  return kept;
}
