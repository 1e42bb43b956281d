/**
 * pdf.js's legacy build replaces built-ins of the whole process (JSON.parse, Array.prototype.push,
 * AbortSignal…) with slower polyfills when it loads. Comptoir loads it through tools/documents/pdfjs.ts,
 * which puts them back. Checked in a fresh Node process: this test process may have loaded pdf.js
 * directly already (other tests use pdf-parse).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const script = `
const own = (object, key) => Object.getOwnPropertyDescriptor(object, key);
const watched = {
  'JSON.parse': () => own(JSON, 'parse').value,
  'Array.prototype.push': () => own(Array.prototype, 'push').value,
  'Function.prototype.toString': () => own(Function.prototype, 'toString').value,
  AbortSignal: () => own(globalThis, 'AbortSignal').get ?? own(globalThis, 'AbortSignal').value,
  DOMException: () => own(globalThis, 'DOMException').get ?? own(globalThis, 'DOMException').value,
};
const mapsBefore = process.sourceMapsEnabled;
const before = Object.fromEntries(Object.entries(watched).map(([name, read]) => [name, read()]));
const changed = () => Object.keys(watched).filter((name) => watched[name]() !== before[name]);
const { PdfDocument } = await import('./tools/documents/pdf-reader.ts');
const afterLoad = changed();
const { readFileSync } = await import('node:fs');
const pdf = new PdfDocument(readFileSync(process.argv[1]));
const text = (await pdf.text(1)).pages[0];
await pdf.destroy();
// What the polyfills add that Node 20 lacks is kept: pdf.js needs it.
console.log(JSON.stringify({ afterLoad, afterRead: changed(), read: text.includes('PAYMENT RECEIPT'), withResolvers: typeof Promise.withResolvers, sourceMapsKept: process.sourceMapsEnabled === mapsBefore }));
`;

describe('loading pdf.js', () => {
  it('leaves the built-ins the process already had as they were, and still reads PDFs', () => {
    const pdf = fileURLToPath(new URL('../../../../shared/data/invoices/invoice2data/oyo.pdf', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, pdf], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({
      afterLoad: [],
      afterRead: [],
      read: true,
      withResolvers: 'function',
      sourceMapsKept: true,
    });
  });
});
