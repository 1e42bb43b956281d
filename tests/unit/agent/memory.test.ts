import { describe, expect, it } from 'vitest';
import { boundedHistory, estimateTokens, type MemoryMessage } from '../../../agent/memory.ts';

const u = (content: string): MemoryMessage => ({ role: 'user', content });
const a = (content: string): MemoryMessage => ({ role: 'assistant', content });

describe('estimateTokens: ⌈characters / 4⌉ + 4 per message', () => {
  const cases = [
    { text: '', tokens: 4 },
    { text: 'abcd', tokens: 5 },
    { text: 'abcde', tokens: 6 },
    { text: 'x'.repeat(400), tokens: 104 },
  ];
  for (const c of cases)
    it(`${c.text.length} characters → ${c.tokens}`, () => expect(estimateTokens(c.text)).toBe(c.tokens));
});

describe('boundedHistory', () => {
  // Each 40-character message costs 14 tokens.
  const m40 = (role: 'user' | 'assistant', n: number) => ({ role, content: `${n}`.padEnd(40, '.') });
  const history = [m40('user', 1), m40('assistant', 2), m40('user', 3), m40('assistant', 4)];
  const cases: { budget: number; keep: string[] }[] = [
    { budget: 56, keep: ['1', '2', '3', '4'] },
    { budget: 55, keep: ['3', '4'] }, // 3 messages fit (42), but the oldest kept would be an answer: dropped.
    { budget: 28, keep: ['3', '4'] },
    { budget: 27, keep: [] }, // only message 4 fits, and history does not open with an answer.
    { budget: 0, keep: [] },
  ];
  for (const c of cases) {
    it(`keeps ${c.keep.join(',') || 'nothing'} within ${c.budget} tokens`, () =>
      expect(boundedHistory(history, c.budget).map((m) => m.content[0])).toEqual(c.keep));
  }
  it('keeps whole messages only', () => expect(boundedHistory([u('x'.repeat(100)), a('ok')], 10)).toEqual([]));
});
