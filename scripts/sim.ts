/**
 * npm run -s sim -- FILE.json
 * Runs a scenario headlessly and prints the result as the contract defines it
 * (docs/scenario-format.md "Simulation output"). Bad files: a precise error, exit 2.
 * A scenario beyond the work budget (src/engine/sim/budget.ts): the budget's message
 * (which limit, which action, what to change), exit 2 — in seconds, within bounded memory.
 */
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { loadScenarioText } from '../src/scenario/load.ts';
import { BudgetError, simulate, type SimResult } from '../src/engine/index.ts';
import { en } from '../src/i18n/en.ts';
import { zh } from '../src/i18n/zh.ts';
import { budgetMessage } from '../src/i18n/simRun.ts';
import { formatDecision } from '../src/i18n/decision.ts';
import { issueMessage } from '../src/i18n/scenarioMessages.ts';
import { loadZh } from '../src/i18n/index.ts';

function fail(msg: string): never {
  process.stderr.write(`sim: ${msg}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const withEvents = args.includes('--events');
// Decisions in words: English unless --lang zh.
const lang = args.includes('--lang') && args[args.indexOf('--lang') + 1] === 'zh' ? 'zh' : 'en';
// The Chinese decision texts load on demand (as in the app).
if (lang === 'zh') await loadZh();
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang');
if (!file) fail('usage: npm run -s sim -- FILE.json [--events] [--lang en|zh]');
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as Error).message}`);
}
const loaded = loadScenarioText(text);
if (!loaded.ok) {
  // In the language of --lang (src/i18n/scenarioMessages.ts words each message id).
  const lines = loaded.issues.map((i) => `  ${i.path || (lang === 'zh' ? '（顶层）' : '(top level)')}${lang === 'zh' ? '：' : ': '}${issueMessage(lang, i).text}`);
  fail(`${file} ${lang === 'zh' ? '不是有效的场景：' : 'is not a valid scenario:'}\n${lines.join('\n')}`);
}
let res: SimResult;
try {
  res = simulate(loaded.engine);
} catch (e) {
  if (!(e instanceof BudgetError)) throw e;
  const i18n = i18next.createInstance();
  // In the language of --lang, like the decisions.
  void i18n.init({ lng: lang, fallbackLng: 'en', resources: { en: { translation: en }, zh: { translation: zh } }, interpolation: { escapeValue: false }, initAsync: false });
  fail(budgetMessage((k, o) => i18n.t(k, o), e.budget));
}

// Written step by step (the same text as JSON.stringify(out, null, 1)): one huge string of
// a large result would double the memory the trace already takes.
const indent = (json: string, pad: string) => pad + json.replace(/\n/g, `\n${pad}`);
const out = (s: string) => process.stdout.write(s);
out(`{\n "version": 1,\n "seed": ${JSON.stringify(res.seed)},\n "steps": [`);
res.steps.forEach(({ events: _e, ...s }, i) => {
  const decisions = res.events.slice(_e[0], _e[1]).filter((e) => e.kind === 'decision').map((e) => (e.kind === 'decision' ? `${(e.t / 1e6).toFixed(6)} ${formatDecision(lang, e)}` : ''));
  out(`${i ? ',' : ''}\n${indent(JSON.stringify({ ...s, decisions }, null, 1), '  ')}`);
});
out(res.steps.length ? '\n ]' : ']');
if (withEvents) {
  out(',\n "events": [');
  let i = 0;
  for (const e of res.events) out(`${i++ ? ',' : ''}\n${indent(JSON.stringify(e, null, 1), '  ')}`);
  out(res.events.length ? '\n ]' : ']');
}
out('\n}\n');
