/**
 * `npm run eval:agent`: every agent scenario (evals/agent/scenarios.ts) against the configured model —
 * MISTRAL_API_KEY, or OPENAI_BASE_URL for Ollama/vLLM — on a fresh in-memory database, then
 * evals/results/agent.md. Without a model it says so and plays the scenarios' reference scripts,
 * which checks the harness and the scoring only.
 *
 *   npm run eval:agent                 # all scenarios
 *   npm run eval:agent -- --only=po-   # scenarios whose id starts with po-
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chatModelFrom } from '../agent/model.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { type Outcome, report, runScenario, scriptedModel } from './agent/harness.ts';
import { scenarios } from './agent/scenarios.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const choice = chatModelFrom(loadConfig());
const scripted = !choice.model;
if (scripted)
  console.log(
    'No model configured (set MISTRAL_API_KEY, or OPENAI_BASE_URL for Ollama/vLLM). Running the scripted model: this checks the harness and the scoring, not a model.',
  );
else console.log(`Model: ${choice.label}`);

const db = await openDatabase();
await migrate(db);
const outcomes: Outcome[] = [];
for (const s of scenarios.filter((x) => !only || x.id.startsWith(only))) {
  const o = await runScenario(db.db, s, (sc, ids) => choice.model ?? scriptedModel(sc.script, ids));
  outcomes.push(o);
  console.log(`${o.pass ? 'pass' : 'FAIL'} ${o.id}${o.pass ? '' : `: ${o.failures.join('; ')}`}`);
}
await db.close();
const out = report(outcomes, {
  model: choice.label,
  scripted,
  load: loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
  date: new Date().toISOString(),
});
writeFileSync(join(here, 'results', 'agent.md'), out.markdown);
console.log(out.markdown);
