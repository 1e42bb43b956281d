// Every evidence factor a tool can write has a name in French and in English for the approvals inbox.
// The factors are read from the tools' source: a new factor without labels fails here, not in front of a manager.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceLabels } from '../../../web-chat/tool-words.ts';

const TOOLS = new URL('../../../tools/', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

/** The names the document cross-checks give themselves: intake turns a failed one into the factor check_<name>. */
const checkNames = [...readFileSync(join(TOOLS, 'documents/checks.ts'), 'utf8').matchAll(/\bname: '([a-z_]+)'/g)].map(
  (m) => m[1]!,
);

function factorsInCode(): { factors: Set<string>; unknown: string[] } {
  const factors = new Set<string>();
  const unknown: string[] = [];
  for (const file of sources(TOOLS)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bfactor: '([a-z_]+)'/g)) factors.add(m[1]!);
    for (const m of text.matchAll(/\bfactor: `([^`]*)`/g)) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, matched as written
      if (m[1] === 'check_${check.name}') for (const name of checkNames) factors.add(`check_${name}`);
      else unknown.push(`${relative(TOOLS, file)}: ${m[0]}`);
    }
  }
  return { factors, unknown };
}

describe('evidence labels', () => {
  const { factors, unknown } = factorsInCode();

  it('finds the factors of every area, the door and the document checks included', () => {
    expect(unknown).toEqual([]);
    expect(checkNames).toEqual(expect.arrayContaining(['totals_add_up', 'tax_numbers_valid', 'ocr_quality']));
    for (const factor of [
      'person_request',
      'model_self_assessment',
      'supplier_exact',
      'partial_payment',
      'reminder_step_due',
      'recipient_not_on_file',
      'reference_full',
      'statement_unbalanced',
      'document_read',
      'check_ocr_quality',
    ]) {
      expect(factors).toContain(factor);
    }
  });

  it.each(['fr', 'en'] as const)('names every factor in %s', (lang) => {
    expect([...factors].filter((factor) => !evidenceLabels[lang][factor])).toEqual([]);
  });

  it('names no factor that no tool writes any more', () => {
    expect(Object.keys(evidenceLabels.fr).filter((factor) => !factors.has(factor))).toEqual([]);
    expect(Object.keys(evidenceLabels.en).sort()).toEqual(Object.keys(evidenceLabels.fr).sort());
  });
});
