/**
 * The reconciliation eval: generated companies (evals/reconciliation/generator.ts) matched by the
 * engine, scored against the truth each line carries. Writes evals/results/reconciliation.json and
 * .md: precision and recall of the matches that would be recorded, top-1 accuracy, per noise kind,
 * and the calibration table (stated confidence against observed accuracy, per 0.1 bucket).
 *
 *   npm run eval:reconcile            # the eval seeds
 *   npm run eval:reconcile -- --fit   # print a calibration table fitted on other seeds (never the eval's)
 *
 * "Recorded" = chosen by the assignment with a confidence at or above RECORD_AT (the supervised
 * level's default threshold); the person's tenant may set another, and auto-recording also needs the
 * payer's history (see tools/banking/auto-record.ts); this eval has no history, so it measures the
 * engine alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexOpen } from '../tools/banking/engine/index-open.ts';
import { type LineResult, matchStatement } from '../tools/banking/engine/match.ts';
import { setCalibration } from '../tools/banking/engine/calibration.ts';
import { engineAllows } from '../tools/banking/engine/policy.ts';
import { type Company, generateCompany, type Noise } from './reconciliation/generator.ts';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, 'results');
export const RECORD_AT = 0.85;
const EVAL_SEEDS = Array.from({ length: 20 }, (_, i) => 11 + i);
const FIT_SEEDS = Array.from({ length: 30 }, (_, i) => 101 + i);

export function companyFor(seed: number): Company {
  return generateCompany({ seed, clients: 90, openInvoices: 200, suppliers: 25, openBills: 40 });
}

export function run(company: Company): LineResult[] {
  const incoming = indexOpen(company.items.filter((i) => i.kind === 'invoice'));
  const outgoing = indexOpen(company.items.filter((i) => i.kind === 'bill'));
  return matchStatement(
    company.lines.map((l) => l.line),
    { incoming, outgoing },
    { feeToleranceCents: 2500 },
  );
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

interface Tally {
  lines: number;
  withTruth: number;
  top1: number;
  recorded: number;
  recordedCorrect: number;
  suggestedWrongOnNone: number;
}
const tally = (): Tally => ({
  lines: 0,
  withTruth: 0,
  top1: 0,
  recorded: 0,
  recordedCorrect: 0,
  suggestedWrongOnNone: 0,
});

export interface Observation {
  confidence: number;
  correct: boolean;
}

export function evaluate(seeds: number[]) {
  const all = tally();
  const perNoise = new Map<Noise, Tally>();
  const observations: Observation[] = [];
  for (const seed of seeds) {
    const company = companyFor(seed);
    const results = run(company);
    company.lines.forEach((truthLine, i) => {
      const r = results[i]!;
      const t = perNoise.get(truthLine.noise) ?? tally();
      perNoise.set(truthLine.noise, t);
      const top = r.chosen ?? r.candidates[0] ?? null;
      const ids = top ? top.items.map((x) => x.item.id) : [];
      const correct = top !== null && sameSet(ids, truthLine.truth);
      const recorded = r.chosen !== null && engineAllows(r.chosen, RECORD_AT);
      for (const x of [all, t]) {
        x.lines++;
        if (truthLine.truth.length) x.withTruth++;
        if (truthLine.truth.length && correct) x.top1++;
        if (recorded) x.recorded++;
        if (recorded && correct) x.recordedCorrect++;
        if (!truthLine.truth.length && r.chosen) x.suggestedWrongOnNone++;
      }
      if (r.chosen) observations.push({ confidence: r.chosen.confidence, correct });
    });
  }
  return { all, perNoise, observations };
}

export function calibrationTable(observations: Observation[]) {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, n: 0, sum: 0, right: 0 }));
  for (const o of observations) {
    const b = buckets[Math.min(9, Math.floor(o.confidence * 10))]!;
    b.n++;
    b.sum += o.confidence;
    if (o.correct) b.right++;
  }
  return buckets.map((b) => ({
    bucket: `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
    n: b.n,
    meanConfidence: b.n ? b.sum / b.n : null,
    accuracy: b.n ? b.right / b.n : null,
    gapPoints: b.n ? Math.round(((b.sum - b.right) / b.n) * 1000) / 10 : null,
  }));
}

/** Isotonic regression (pool adjacent violators) of correctness on raw confidence, as knots. */
export function fitCalibration(observations: Observation[]): [number, number][] {
  const sorted = [...observations].sort((a, b) => a.confidence - b.confidence);
  const blocks: { x: number; y: number; w: number }[] = [];
  for (const o of sorted) {
    blocks.push({ x: o.confidence, y: o.correct ? 1 : 0, w: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.y >= blocks.at(-1)!.y) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      const w = a.w + b.w;
      blocks.push({ x: (a.x * a.w + b.x * b.w) / w, y: (a.y * a.w + b.y * b.w) / w, w });
    }
  }
  return blocks.filter((b) => b.w >= 5).map((b) => [Math.round(b.x * 1000) / 1000, Math.round(b.y * 1000) / 1000]);
}

const pct = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 10 : null);

function main() {
  if (process.argv.includes('--fit')) {
    setCalibration(null);
    const { observations } = evaluate(FIT_SEEDS);
    console.log(JSON.stringify(fitCalibration(observations)));
    return;
  }
  const started = performance.now();
  const { all, perNoise, observations } = evaluate(EVAL_SEEDS);
  const ms = performance.now() - started;
  const multi = perNoise.get('several_invoices') ?? tally();
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, load: loadavg().map((l) => Math.round(l * 100) / 100) },
    seeds: EVAL_SEEDS,
    recordAt: RECORD_AT,
    lines: all.lines,
    paymentsWithTruth: all.withTruth,
    recordedPrecision: pct(all.recordedCorrect, all.recorded),
    recordedRecall: pct(all.recordedCorrect, all.withTruth),
    top1: pct(all.top1, all.withTruth),
    severalInvoicesTop1: pct(multi.top1, multi.withTruth),
    chosenOnLinesPayingNothing: all.suggestedWrongOnNone,
    perNoise: Object.fromEntries(
      [...perNoise].map(([k, t]) => [
        k,
        {
          lines: t.lines,
          withTruth: t.withTruth,
          top1: pct(t.top1, t.withTruth),
          recordedRecall: pct(t.recordedCorrect, t.withTruth),
          recordedPrecision: pct(t.recordedCorrect, t.recorded),
          recorded: t.recorded,
          chosenWhenPayingNothing: t.suggestedWrongOnNone,
        },
      ]),
    ),
    calibration: calibrationTable(observations),
    matchingMs: Math.round(ms),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'reconciliation.json'), `${JSON.stringify(report, null, 2)}\n`);
  const rows = Object.entries(report.perNoise)
    .map(
      ([k, v]) =>
        `| ${k} | ${v.lines} | ${v.withTruth} | ${v.top1 ?? '–'} | ${v.recordedRecall ?? '–'} | ${v.recordedPrecision ?? '–'} | ${v.chosenWhenPayingNothing} |`,
    )
    .join('\n');
  const cal = report.calibration
    .map(
      (b) =>
        `| ${b.bucket} | ${b.n} | ${b.meanConfidence === null ? '–' : b.meanConfidence.toFixed(3)} | ${b.accuracy === null ? '–' : b.accuracy.toFixed(3)} | ${b.gapPoints ?? '–'} |`,
    )
    .join('\n');
  const md = `# Reconciliation eval

Generated ${report.generatedAt}; ${EVAL_SEEDS.length} generated companies (seeds ${EVAL_SEEDS.join(', ')}),
each 200 open invoices of 90 Canadian and French clients, 40 supplier bills, and a statement with every
noise kind of issue 14. Calibration fitted on other seeds (${FIT_SEEDS[0]}–${FIT_SEEDS.at(-1)}). Matching time
${report.matchingMs} ms for all companies (load ${report.machine.load.join(' ')}, ${report.machine.cpus} cores).

"Recorded" = the assignment's choice at confidence ≥ ${RECORD_AT} with evidence besides the amount
(tools/banking/engine/policy.ts; the tenant's history floor is not applied here). Top-1 = the first suggestion (the
assignment's choice, else the best candidate) is exactly the true set of documents.

| measure | value | target |
|---|---|---|
| lines | ${report.lines} | |
| payments with a true document | ${report.paymentsWithTruth} | |
| recorded precision | ${report.recordedPrecision} % | ≥ 99.5 % |
| recorded recall | ${report.recordedRecall} % | |
| top-1 (recorded + confirmed from the top suggestion) | ${report.top1} % | ≥ 95 % |
| one transfer, several invoices: top-1 | ${report.severalInvoicesTop1} % | ≥ 90 % |
| lines paying nothing given a match | ${report.chosenOnLinesPayingNothing} | |

## Per noise kind

| noise | lines | with truth | top-1 % | recorded recall % | recorded precision % | chosen on a line paying nothing |
|---|---|---|---|---|---|---|
${rows}

## Calibration (chosen matches)

| confidence | n | mean confidence | observed accuracy | gap (points) |
|---|---|---|---|---|
${cal}
`;
  writeFileSync(join(RESULTS, 'reconciliation.md'), md);
  console.log(md);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
