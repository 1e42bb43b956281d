/**
 * Third-party checks of the e-invoices we issue, not our own reader: the official EN 16931 business
 * rules (compiled schematron, run by SaxonJS), the UN/CEFACT CII XSD (xmllint), and the Factur-X PDF's
 * attachment and PDF/A-3 claim (qpdf, pdfinfo). The rules live in ../shared/validators/en16931.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error saxon-js ships no type declarations.
import SaxonJS from 'saxon-js';

const ROOT = resolve(import.meta.dirname, '../..');
// ../shared beside the checkout (CI), or beside the main checkout for a git worktree under ../wt/.
const RULES = [resolve(ROOT, '../shared'), resolve(ROOT, '../../shared')]
  .map((shared) => join(shared, 'validators/en16931'))
  .find((dir) => existsSync(dir))!;
const CII_XSD = join(
  RULES,
  'cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd',
);
const CACHE = join(ROOT, 'node_modules/.cache/comptoir-en16931');

export interface Failure {
  id: string;
  flag: string;
  text: string;
}

/**
 * The schematron compiled once to SaxonJS's SEF format (about 20 s), kept in node_modules/.cache
 * under the rules' hash so a changed rule file compiles again.
 */
function compiled(syntax: 'cii' | 'ubl'): string {
  const xslt = join(RULES, `${syntax}/xslt/EN16931-${syntax.toUpperCase()}-validation.xslt`);
  const hash = createHash('sha256').update(readFileSync(xslt)).digest('hex').slice(0, 16);
  const sef = join(CACHE, `${syntax}-${hash}.sef.json`);
  if (!existsSync(sef)) {
    mkdirSync(CACHE, { recursive: true });
    const xslt3 = join(ROOT, 'node_modules/xslt3/xslt3.js');
    execFileSync(process.execPath, [xslt3, `-xsl:${xslt}`, `-export:${sef}.tmp`, '-nogo'], { stdio: 'pipe' });
    writeFileSync(sef, readFileSync(`${sef}.tmp`));
  }
  return sef;
}

/** Every failed assertion of the EN 16931 business rules; `fatal` ones make the invoice invalid. */
export function businessRuleFailures(xml: string, syntax: 'cii' | 'ubl'): Failure[] {
  const result = SaxonJS.transform(
    { stylesheetFileName: compiled(syntax), sourceText: xml, destination: 'serialized' },
    'sync',
  ) as { principalResult: string };
  const svrl = result.principalResult;
  const failures: Failure[] = [];
  for (const match of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)) {
    const attributes = match[1]!;
    failures.push({
      id: /\bid="([^"]*)"/.exec(attributes)?.[1] ?? '?',
      flag: /\bflag="([^"]*)"/.exec(attributes)?.[1] ?? '?',
      text: (/<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2]!)?.[1] ?? '').trim(),
    });
  }
  return failures;
}

function scratch(name: string, bytes: Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-einvoice-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** xmllint against the official CII D16B schema: '' when valid, else its complaints. */
export function ciiSchemaErrors(xml: string): string {
  const run = spawnSync('xmllint', ['--noout', '--schema', CII_XSD, scratch('invoice.xml', xml)], {
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`xmllint is missing: run scripts/install-test-tools.sh (${run.error.message})`);
  return run.status === 0 ? '' : run.stderr.trim();
}

/** The files attached to a PDF, as qpdf lists them. */
export function pdfAttachments(pdf: Buffer): string[] {
  const out = execFileSync('qpdf', ['--list-attachments', scratch('invoice.pdf', pdf)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^(\S+) ->/.exec(line.trim())?.[1])
    .filter((name): name is string => Boolean(name));
}

/** The PDF/A part and conformance a PDF declares in its XMP metadata (pdfinfo -meta), e.g. "3B". */
export function pdfaClaim(pdf: Buffer): string {
  const xmp = execFileSync('pdfinfo', ['-meta', scratch('invoice.pdf', pdf)], { encoding: 'utf8' });
  const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp)?.[1] ?? '';
  const conformance = /<pdfaid:conformance>([A-Z])<\/pdfaid:conformance>/.exec(xmp)?.[1] ?? '';
  return part + conformance;
}

/** The XML a Factur-X PDF carries, as qpdf extracts it. */
export function attachedXml(pdf: Buffer, name = 'factur-x.xml'): string {
  return execFileSync('qpdf', [`--show-attachment=${name}`, scratch('invoice.pdf', pdf)], { encoding: 'utf8' });
}
