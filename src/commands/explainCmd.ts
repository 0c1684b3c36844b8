/**
 * `explain KEY` and `explain route ROUTE`: the console's side of "what a setting really
 * does" (explain.ts does the re-simulation). The output is plain text in the style of the
 * other commands: a head (the value at start, where the scenario sets it again, where it is
 * read and how all and the device combine), then one block per value tried — its effective
 * values, and each decision that changes (step, host.dev, what it is about; the scenario's
 * decision and the variant's, in the Why panel's words) — or "changes nothing in this
 * scenario" and why.
 */
import { formatDecision, formatSetting } from '../i18n/decision.ts';
import { normalizeRoute } from '../scenario/normalize.ts';
import { explain, ExplainError, routeTitle, unreadWhy, type DecisionChange, type ExplainTarget, type Explanation, type Outcome, type Variant } from './explain.ts';
import { err, ok, type CommandResult, type ConsoleState } from './state.ts';

/** Changes listed per value; the rest are counted. */
const SHOWN = 8;

const USAGE = ['usage: explain KEY            (a sysctl: net.ipv4.conf.all.arp_ignore, /proc/sys/… too)', '       explain route ROUTE    (a route of this host\'s setup: explain route default via 10.0.0.1)'];

const steps = (s: number[]) => (s.length === 1 ? `step ${s[0]}` : `steps ${s.join(',')}`);

function outcomeLine(o: Outcome): string {
  return `${o.rule}: ${o.verdict} (${o.reason})${o.choice ? ` ${o.choice}` : ''}`;
}

function changeLines(c: DecisionChange): string[] {
  const where = `${c.host}${c.dev ? `.${c.dev}` : ''}`;
  const out = [`  ${steps(c.steps)}  ${where}${c.subject ? `  ${c.subject}` : ''}${c.count > c.steps.length ? `  (×${c.count})` : ''}`];
  out.push(c.before ? `    was ${outcomeLine(c.before)}` : '    was (no such decision)');
  if (c.before) out.push(`        ${formatDecision('en', c.before.sample)}`);
  out.push(c.after ? `    now ${outcomeLine(c.after)}` : '    now (no such decision)');
  if (c.after) out.push(`        ${formatDecision('en', c.after.sample)}`);
  return out;
}

/** Effective values a run read: `eth0: arp_ignore=1 (max of all=1, eth0=0)`. */
function readsLine(v: Variant | Explanation): string | null {
  const r = v.reads;
  if (!r || r.decisions === 0) return null;
  return `  read as ${Object.entries(r.devs).map(([d, uses]) => `${d}: ${uses.map((u) => formatSetting('en', u)).join(' / ')}`).join('; ')}`;
}

export function explainText(e: Explanation): string[] {
  const t = e.target;
  const name = t.kind === 'sysctl' ? e.title.split(' = ')[0] : 'metric';
  const out: string[] = [];
  if (t.kind === 'sysctl') {
    const later = e.setLater.map((l) => `step ${l.step} sets ${l.value}`).join(', ');
    out.push(`${e.title} on ${t.host} at start${later ? ` (${later}; a value tried holds until then)` : ''}`);
    const r = e.reads;
    out.push(r && r.decisions ? `read by ${r.decisions} decision${r.decisions === 1 ? '' : 's'} on ${Object.entries(r.count).map(([d, n]) => `${d} (${n})`).join(', ')}${e.combine && e.combine !== 'dev' ? `, as ${e.combine}(all, device)` : ''}` : `no decision of this scenario reads it on ${t.host}`);
  } else out.push(`route ${e.title} on ${t.host} (setup)`);
  const tried = e.variants.map((v) => v.label).join(', ');
  out.push(`re-simulated ${e.variants.length} time${e.variants.length === 1 ? '' : 's'} (${tried}): ${e.runs} runs, ${e.deliveries.toLocaleString('en')} frame deliveries`);
  for (const v of e.variants) {
    out.push('');
    const head = t.kind === 'sysctl' ? `${name.split('.').pop()} = ${v.label}` : v.removed ? 'without this route' : `with ${v.label}`;
    if (v.error) {
      out.push(`${head}: not tried: ${v.error}`);
      continue;
    }
    const n = v.changes.reduce((k, c) => k + c.count, 0);
    if (n === 0 && v.steps.length === 0) {
      out.push(`${head}: changes nothing in this scenario`);
      if (t.kind === 'sysctl' && v.reads) out.push(`  ${unreadWhy(v.reads, e.title.split(' = ')[0], t.host)}`);
      continue;
    }
    out.push(`${head}: ${n} decision${n === 1 ? '' : 's'} change${n === 1 ? 's' : ''}${v.steps.length ? `, ${v.steps.length} step result${v.steps.length === 1 ? '' : 's'}` : ''}`);
    const reads = readsLine(v);
    if (reads) out.push(reads);
    for (const s of v.steps) out.push(`  step ${s.step}  ${s.before}  →  ${s.after}`);
    for (const c of v.changes.slice(0, SHOWN)) out.push(...changeLines(c));
    if (v.changes.length > SHOWN) out.push(`  … and ${v.changes.length - SHOWN} more (the inspector lists them all)`);
  }
  return out;
}

/** The index in the host's setup of the route a command line names (`default via 10.0.0.1`, `10.0.0.100 dev lo`). */
function routeIndex(st: ConsoleState, words: string[]): number | { error: string } {
  const routes = st.scenario.hosts[st.host]?.routes ?? [];
  let want: ReturnType<typeof normalizeRoute>;
  try {
    want = normalizeRoute(words.join(' ') as never);
  } catch (e) {
    return { error: `explain: ${e instanceof Error ? e.message : String(e)}` };
  }
  const dest = (d: string) => (d === 'default' || d === '0.0.0.0/0' ? 'default' : d.replace(/\/32$/, ''));
  const i = routes.findIndex((r) => {
    const x = normalizeRoute(r as never);
    return dest(x.dest) === dest(want.dest) && (want.via === undefined || x.via === want.via) && (want.dev === undefined || x.dev === want.dev) && (want.metric === 0 || x.metric === want.metric);
  });
  if (i >= 0) return i;
  const list = routes.map((_, k) => `  ${routeTitle(st.scenario, st.host, k)}`);
  return { error: [`explain: ${st.host}'s setup has no route ${words.join(' ')}${list.length ? '; its routes:' : ' (it has none; kernel routes come with addresses)'}`, ...list].join('\n') };
}

/**
 * `explain …` checks its words here and leaves the re-simulation to the session
 * (CommandResult.explain), which runs it where the backend says: a worker in the page.
 */
export function explainCommand(st: ConsoleState, argv: string[]): CommandResult {
  const args = argv.slice(1);
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help') return args.length ? ok(USAGE) : err(2, ...USAGE);
  if (args[0] === 'route') {
    const i = routeIndex(st, args.slice(1));
    if (typeof i !== 'number') return err(1, ...i.error.split('\n'));
    return { ...ok(), explain: { kind: 'route', host: st.host, index: i } };
  }
  if (args.length > 1) return err(2, ...USAGE);
  return { ...ok(), explain: { kind: 'sysctl', host: st.host, key: args[0] } };
}

/** The explanation on this thread (`npm run -s console`, tests): its text and exit status. */
export function explainHere(st: ConsoleState, target: ExplainTarget): CommandResult {
  try {
    return ok(explainText(explain(st.scenario, target)));
  } catch (x) {
    if (x instanceof ExplainError) return err(1, x.message);
    throw x;
  }
}
