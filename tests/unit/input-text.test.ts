import { describe, expect, it } from 'vitest';
import { sameName } from '../../tools/embeddings/rank.ts';
import { cleanInput, normalizeText, textProblem } from '../../tools/input-text.ts';

describe('normalizeText', () => {
  it.each([
    ['a zero-width space', 'Bureau\u200b Plus Inc.', 'Bureau Plus Inc.'],
    ['a zero-width space inside a word', 'Bur\u200beau Plus', 'Bureau Plus'],
    ['a byte-order mark and a word joiner', '\ufeffBureau\u2060 Plus', 'Bureau Plus'],
    ['a right-to-left override', 'Bureau \u202ePlus', 'Bureau Plus'],
    ['a soft hyphen', 'Pape\u00adterie', 'Papeterie'],
    ['a Hangul filler', 'Bureau\u3164Plus', 'BureauPlus'],
    ['full-width letters (NFKC)', 'Ｂｕｒｅａｕ', 'Bureau'],
    ['a ligature (NFKC)', 'Oﬃce', 'Office'],
    ['no-break and narrow no-break spaces', 'Bureau\u00a0Plus\u202fInc.', 'Bureau Plus Inc.'],
    ['control characters', 'Bureau\u0007 Plus\u001b', 'Bureau Plus'],
    ['runs of spaces and tabs', '  Bureau \t  Plus  ', 'Bureau Plus'],
    ['line breaks, kept but trimmed', 'ligne 1  \r\n  ligne 2\rligne 3', 'ligne 1\nligne 2\nligne 3'],
    ['accents, kept (NFKC composes them)', 'Cafe\u0301 Côté', 'Café Côté'],
  ])('folds %s', (_what, text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});

describe('textProblem', () => {
  it.each([
    ['a NUL byte', 'a\u0000b', 'nul'],
    ['a lone high surrogate', 'a\ud800b', 'surrogate'],
    ['a lone low surrogate', 'a\udc00', 'surrogate'],
    ['an emoji (a surrogate pair)', 'café ☕ 😀', undefined],
  ])('finds %s', (_what, text, expected) => {
    expect(textProblem(text)).toBe(expected);
  });
});

describe('cleanInput', () => {
  it('normalises every string at any depth and reports bad ones by path', () => {
    const out = cleanInput({ name: 'A\u200bB', lines: [{ description: 'ok  ' }, { description: 'x\u0000' }], n: 2 });
    expect(out.value).toEqual({ name: 'AB', lines: [{ description: 'ok' }, { description: 'x\u0000' }], n: 2 });
    expect(out.issues.map((i) => i.path)).toEqual([['lines', 1, 'description']]);
  });
});

describe('sameName (lookalike check)', () => {
  it.each([
    ['Bureau\u200b Plus Inc.', 'Bureau Plus Inc.', true],
    ['BUREAU PLUS', 'Bureau Plus Inc.', true],
    ['Bureau Plus Ltée', 'Bureau Plus Inc.', true],
    ['Bureau-Plus', 'Bureau Plus', true],
    ['Ｂｕｒｅａｕ Plus', 'Bureau Plus', true],
    ['Bureau Plus Québec', 'Bureau Plus Inc.', false],
    ['Bureau Express', 'Bureau Plus', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(sameName(a, b)).toBe(expected);
  });
});
