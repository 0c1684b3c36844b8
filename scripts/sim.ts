/**
 * npm run -s sim -- FILE.json
 * Runs a scenario headlessly and prints the result as the contract defines it
 * (docs/scenario-format.md "Simulation output"). Bad files: a precise error, exit 2.
 */
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../src/scenario/load.ts';
import { simulate } from '../src/engine/index.ts';

function fail(msg: string): never {
  process.stderr.write(`sim: ${msg}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const withEvents = args.includes('--events');
const file = args.find((a) => !a.startsWith('--'));
if (!file) fail('usage: npm run -s sim -- FILE.json [--events]');
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as Error).message}`);
}
const loaded = loadScenarioText(text);
if (!loaded.ok) {
  fail(`${file} is not a valid scenario:\n${loaded.issues.map((i) => `  ${i.path || '(top level)'}: ${i.message}`).join('\n')}`);
}
const res = simulate(loaded.engine);
const out = {
  version: 1,
  seed: res.seed,
  steps: res.steps.map(({ events: _e, ...s }) => ({
    ...s,
    decisions: res.events.slice(_e[0], _e[1]).filter((e) => e.kind === 'decision').map((e) => (e.kind === 'decision' ? `${(e.t / 1e6).toFixed(6)} ${e.text}` : '')),
  })),
  ...(withEvents ? { events: res.events } : {}),
};
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
