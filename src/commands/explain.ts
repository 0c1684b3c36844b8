/**
 * What a setting really does (issue 13 part 7): for one sysctl or one route of a host's
 * setup, which decisions of this scenario would come out differently if it were different.
 * Not a table of what each value means: the scenario is re-simulated once per other value
 * (every meaningful value of the knob; a route removed, or moved before/after the routes
 * it competes with), and each run's decisions are compared with the scenario's own — by
 * step, host, device, rule and the packet they are about, then verdict, reason and what
 * they chose (a MAC, a device, a real server) — never by their sentences.
 *
 * A variant changes the value the host starts with (its setup); an action that sets the key
 * later still does, so from that step on the runs agree again (the result says so).
 *
 * Cost: one run per variant, each under the engine's work budget; before the first one the
 * whole (variants × the scenario's frame deliveries) is checked against EXPLAIN_BUDGET, so
 * a heavy scenario is refused at once with the numbers. `explainRuns` is a generator that
 * yields after every run, so the app's worker reports progress and can be cancelled between
 * runs (src/view/explain/).
 */
import {
  BudgetError, CONF_KNOBS, DEFAULT_BUDGET, hostViewsOf, isKnob, knobDef, simulate, Simulation,
  type DecisionEvent, type EngineScenario, type SettingUse, type SimResult,
} from '../engine/index.ts';
import { checkOp, issuesText } from '../ops/check.ts';
import type { ScenarioOp } from '../ops/op.ts';
import { loadScenario } from '../scenario/load.ts';
import { normalizeRoute } from '../scenario/normalize.ts';
import type { ScenarioV1 } from '../scenario/types.ts';

export type ExplainTarget =
  | { kind: 'sysctl'; host: string; key: string }
  /** A route of the host's setup, by its index in `hosts[host].routes`. */
  | { kind: 'route'; host: string; index: number };

/** The whole explanation's cost bound: variants × the scenario's frame deliveries. */
export const EXPLAIN_BUDGET = 1_000_000;
/** A scenario too small to measure still costs something per run (setup, steps, settle). */
const RUN_FLOOR = 1_000;

/** The packet (or address) a decision is about: what makes two runs' decisions "the same decision". */
const SUBJECT = ['sip', 'tip', 'src', 'dst', 'ip', 'from', 'to', 'port', 'op', 'inner_src', 'inner_dst', 'vip', 'client'] as const;
/** What a decision chose, besides verdict and reason (a different MAC learnt, another device, another real server). */
const CHOICE = ['mac', 'via', 'out', 'type', 'gw', 'rs', 'nexthop', 'method', 'state', 'state_to', 'bound'] as const;

/** One outcome of a decision: its rule, verdict, reason and choice. */
export interface Outcome {
  rule: string;
  verdict: string;
  reason: string;
  choice: string;
  /** One decision with this outcome, to word it (Why panel templates). */
  sample: DecisionEvent;
}

/** About one packet on one host and device, a decision that comes out differently in a variant (or happens in one run only). */
export interface DecisionChange {
  host: string;
  dev: string | null;
  /** `sip=… tip=…`: what it is about. */
  subject: string;
  /** Steps where it changes (1-based actions, 0 = setup). */
  steps: number[];
  /** How many decisions changed so, over those steps. */
  count: number;
  /** The scenario's outcome, or null: the decision does not happen there. */
  before: Outcome | null;
  /** The variant's outcome, or null: the decision no longer happens. */
  after: Outcome | null;
}

/** A step whose result (ok, exit status, error) changes. */
export interface StepChange {
  step: number;
  before: string;
  after: string;
}

/** Where and how a knob was read in a run: per device, its distinct effective values. */
export interface KnobReads {
  /** Device → the settings as read (distinct by value and combination). */
  devs: Record<string, SettingUse[]>;
  /** Device → how many decisions read it there. */
  count: Record<string, number>;
  /** Decisions that read it. */
  decisions: number;
}

export interface Variant {
  /** What was tried: `1` for a sysctl, `without`, `metric 50` for a route. */
  label: string;
  value?: number;
  metric?: number;
  removed?: boolean;
  changes: DecisionChange[];
  steps: StepChange[];
  /** How the variant's decisions read the knob (sysctls). */
  reads?: KnobReads;
  /** Why the variant could not run (the format refused it, the work budget, the engine). */
  error?: string;
}

export interface Explanation {
  target: ExplainTarget;
  /** `net.ipv4.conf.all.arp_ignore = 0` or the route as `ip route` prints it. */
  title: string;
  /** The value (or metric) the host starts with. */
  current: number | null;
  /** Later steps of the scenario that set the key on this host again (a variant's value lasts until then). */
  setLater: { step: number; value: number }[];
  /** How the scenario's own run reads the knob. */
  reads?: KnobReads;
  /** How the kernel combines all and the device value: 'max', 'or', 'and', 'dev'. */
  combine?: string;
  variants: Variant[];
  /** Decisions in the scenario's own run. */
  decisions: number;
  /** Runs made (the scenario's own included) and frame deliveries they cost. */
  runs: number;
  deliveries: number;
}

export interface ExplainProgress {
  done: number;
  total: number;
  label: string;
}

export class ExplainError extends Error {}

const CONF_KEY = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/;
export const IP_FORWARD_KEY = 'net.ipv4.ip_forward';

/** `/proc/sys/net/ipv4/conf/all/arp_ignore` or the dotted key → the dotted key. */
export const sysctlKeyOf = (arg: string) => (arg.startsWith('/proc/sys/') ? arg.slice('/proc/sys/'.length) : arg).replaceAll('/', '.');

/** The values worth trying for a key: every meaningful value of the knob, other than `current`. */
export function sysctlValues(key: string, current: number): number[] {
  if (key === IP_FORWARD_KEY) return [0, 1].filter((v) => v !== current);
  const m = CONF_KEY.exec(key);
  if (!m || !isKnob(m[2])) throw new ExplainError(`explain: ${key}: not a knob this lab models (net.ipv4.conf.{all,default,DEV}.KNOB or net.ipv4.ip_forward)`);
  const d = knobDef(m[2]);
  // A knob without a list of meanings (medium_id: any integer) is tried at its neighbours, the
  // default and -1 (medium_id's "never proxy", arp_fwd_proxy).
  const vals = d.values ?? [d.def, -1, current - 1, current + 1].filter((v) => v >= d.min && v <= d.max);
  return [...new Set(vals)].filter((v) => v !== current).sort((a, b) => a - b);
}

/** A run with its frame deliveries (the work the budget counts), or the budget's refusal. */
function run(input: EngineScenario): { sim: SimResult; deliveries: number } | { error: string } {
  let deliveries = 0;
  try {
    const sim = simulate(input, { budget: DEFAULT_BUDGET, progress: (p) => (deliveries = p.deliveries) });
    return { sim, deliveries };
  } catch (e) {
    if (e instanceof BudgetError) return { error: `beyond the work budget (more than ${e.budget.max.toLocaleString('en')} ${e.budget.limit} at step ${e.budget.step})` };
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function pick(params: Record<string, unknown>, keys: readonly string[]): string {
  return keys.filter((k) => params[k] !== undefined).map((k) => `${k}=${String(params[k])}`).join(' ');
}

interface Entry {
  /** host|dev|subject: the same packet at the same place. */
  group: string;
  /** rule|verdict|reason|also|choice. */
  outcome: string;
  e: DecisionEvent;
}

function countDecisions(sim: SimResult): number {
  let n = 0;
  for (const e of sim.events) if (e.kind === 'decision') n++;
  return n;
}

/** Every decision of a run, by step. */
function decisionsOf(sim: SimResult): Entry[][] {
  return sim.steps.map((st) => {
    const out: Entry[] = [];
    for (let k = st.events[0]; k < st.events[1]; k++) {
      const e = sim.events.at(k)!;
      if (e.kind !== 'decision') continue;
      const p = e.params as Record<string, unknown>;
      out.push({ group: `${e.host}|${e.dev ?? ''}|${pick(p, SUBJECT)}`, outcome: `${e.rule}|${e.verdict}|${e.reason}|${e.also ?? ''}|${pick(p, CHOICE)}`, e });
    }
    return out;
  });
}

function outcomeOf(x: Entry): Outcome {
  return { rule: x.e.rule, verdict: x.e.verdict, reason: x.e.reason, choice: pick(x.e.params as Record<string, unknown>, CHOICE), sample: x.e };
}

/** Pairs what only the scenario had with what only the variant has: the same rule first, then in order. */
function pairUp(gone: Entry[], fresh: Entry[]): [Entry | null, Entry | null][] {
  const left = [...fresh];
  const pairs: [Entry | null, Entry | null][] = [];
  const unpaired: Entry[] = [];
  for (const x of gone) {
    const j = left.findIndex((y) => y.e.rule === x.e.rule);
    if (j >= 0) pairs.push([x, left.splice(j, 1)[0]]);
    else unpaired.push(x);
  }
  const n = Math.max(unpaired.length, left.length);
  for (let k = 0; k < n; k++) pairs.push([unpaired[k] ?? null, left[k] ?? null]);
  return pairs;
}

/**
 * The decisions that differ between two runs of the same actions. Within one step, the
 * decisions about one packet on one host and device are compared as multisets of outcomes
 * (rule, verdict, reason, choice); what the scenario had and the variant has not is paired
 * with what the variant has and the scenario had not. Equal changes on several steps are
 * one change, counted.
 */
export function diffDecisions(base: SimResult, other: SimResult): DecisionChange[] {
  const a = decisionsOf(base);
  const b = decisionsOf(other);
  const merged = new Map<string, DecisionChange>();
  const steps = Math.max(a.length, b.length);
  for (let s = 0; s < steps; s++) {
    const groups = new Map<string, { was: Entry[]; now: Entry[] }>();
    const at = (g: string) => groups.get(g) ?? (groups.set(g, { was: [], now: [] }), groups.get(g)!);
    for (const x of a[s] ?? []) at(x.group).was.push(x);
    for (const x of b[s] ?? []) at(x.group).now.push(x);
    for (const [g, { was, now }] of groups) {
      // Take out what both have, outcome by outcome.
      const fresh = [...now];
      const gone: Entry[] = [];
      for (const x of was) {
        const j = fresh.findIndex((y) => y.outcome === x.outcome);
        if (j >= 0) fresh.splice(j, 1);
        else gone.push(x);
      }
      for (const [x, y] of pairUp(gone, fresh)) {
        const e = (x ?? y)!.e;
        const key = `${g}|${x?.outcome ?? '-'}|${y?.outcome ?? '-'}`;
        const c = merged.get(key);
        if (c) {
          c.count++;
          if (!c.steps.includes(s)) c.steps.push(s);
        } else {
          merged.set(key, { host: e.host, dev: e.dev, subject: g.split('|')[2], steps: [s], count: 1, before: x && outcomeOf(x), after: y && outcomeOf(y) });
        }
      }
    }
  }
  return [...merged.values()].sort((x, y) => x.steps[0] - y.steps[0]);
}

/** A connect step's connections in short: who served each, through which director, or how it failed. */
function connText(c: NonNullable<SimResult['steps'][number]['connections']>): string {
  const n = new Map<string, number>();
  for (const x of c) {
    const k = x.result !== 'served' ? x.result : `${x.server}${x.bypassed ? ' (director bypassed)' : x.director ? ` via ${x.director}` : ''}`;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n].map(([k, v]) => `${k} ×${v}`).join(', ');
}

const stepText = (s: SimResult['steps'][number]) =>
  s.error !== undefined ? `error: ${s.error}` : s.connections ? connText(s.connections) : s.ok === null ? 'done' : `${s.ok ? 'ok' : 'failed'}${s.rc !== undefined ? ` (exit ${s.rc})` : ''}`;

function diffSteps(base: SimResult, other: SimResult): StepChange[] {
  const out: StepChange[] = [];
  base.steps.forEach((s, i) => {
    const o = other.steps[i];
    if (!o) return;
    const [x, y] = [stepText(s), stepText(o)];
    if (x !== y) out.push({ step: i, before: x, after: y });
  });
  return out;
}

/** How a run's decisions on `host` read `knob`: per device, each distinct effective setting. */
export function knobReads(sim: SimResult, host: string, knob: string): KnobReads {
  const devs: Record<string, SettingUse[]> = {};
  const count: Record<string, number> = {};
  let decisions = 0;
  for (const e of sim.events) {
    if (e.kind !== 'decision' || e.host !== host) continue;
    const read = new Set<string>();
    for (const s of e.settings) {
      if (s.name !== knob) continue;
      read.add(s.dev);
      const list = (devs[s.dev] ??= []);
      if (!list.some((x) => x.value === s.value && x.all === s.all && x.devValue === s.devValue && x.combine === s.combine)) list.push(s);
    }
    for (const d of read) count[d] = (count[d] ?? 0) + 1;
    if (read.size) decisions++;
  }
  return { devs, count, decisions };
}

/** Why a value of `key` changes nothing, as data: the knob is never read, not on this scope, or read with the same outcome. */
export type NothingWhy =
  | { kind: 'unread'; knob: string }
  | { kind: 'notHere' | 'same'; knob: string; scope: string; devs: { dev: string; decisions: number }[]; combine: string };

/** How the kernel combines all and `dev` for a knob, as written in explanations: `max(all, eth0)`. */
export function combineText(combine: string, dev: string): string {
  return combine === 'max' ? `max(all, ${dev})` : combine === 'or' ? `all OR ${dev}` : combine === 'and' ? `all AND ${dev}` : dev;
}

export function nothingWhy(reads: KnobReads, key: string): NothingWhy | null {
  const m = CONF_KEY.exec(key);
  if (!m) return null;
  const [, scope, knob] = m;
  const devs = Object.keys(reads.devs).map((dev) => ({ dev, decisions: reads.count[dev] ?? 0 }));
  if (devs.length === 0) return { kind: 'unread', knob };
  const combine = reads.devs[devs[0].dev][0].combine;
  const here = scope === 'all' || scope === 'default' || devs.some((d) => d.dev === scope);
  return { kind: here ? 'same' : 'notHere', knob, scope, devs, combine };
}

/**
 * Why setting `key` changes nothing in a run, in words: which devices of `host` the knob is
 * read on and how all and the device combine (`conf.lo.arp_ignore` is never read when
 * requests arrive on eth0, where arp_ignore is max(all, eth0)).
 */
export function unreadWhy(reads: KnobReads, key: string, host: string): string {
  const w = nothingWhy(reads, key);
  if (!w) return 'no step of this scenario depends on it';
  if (w.kind === 'unread') return `no decision in this scenario reads ${w.knob} on ${host}`;
  const list = w.devs.map((d) => `${d.dev} (${d.decisions} decision${d.decisions === 1 ? '' : 's'})`).join(', ');
  const c = combineText(w.combine, w.devs[0].dev);
  const rule = w.combine === 'max' ? ` (the value used is ${c})` : w.combine === 'dev' ? '' : ` (${c})`;
  if (w.kind === 'notHere') return `${w.knob} is read on ${list}, never on ${w.scope}${rule}`;
  return `${w.knob} is read on ${list}${rule}, but no decision comes out differently with this value`;
}

/** The value the host starts with (its setup, else what the kernel's rules give at step 0). */
function startValue(input: EngineScenario, s: ScenarioV1, host: string, key: string): number {
  const own = s.hosts[host]?.sysctls?.[key];
  if (typeof own === 'number') return own;
  const sim = new Simulation(input, { trace: false });
  const v = hostViewsOf(sim)[host];
  if (key === IP_FORWARD_KEY) return v.ipForward;
  const m = CONF_KEY.exec(key)!;
  const k = v.conf.find((c) => c.knob === m[2]);
  if (!k) return 0;
  if (m[1] === 'all') return k.all;
  if (m[1] === 'default') return k.default;
  const d = k.devices[m[1]];
  if (!d) throw new ExplainError(`explain: ${host} has no device ${m[1]}`);
  return d.value;
}

/** Steps of the scenario whose `sysctl` action sets `key` on `host`. */
function setLater(s: ScenarioV1, host: string, key: string): { step: number; value: number }[] {
  const out: { step: number; value: number }[] = [];
  (s.actions ?? []).forEach((a, i) => {
    if (a.type !== 'sysctl') return;
    const hosts = Array.isArray(a.hosts) ? a.hosts : [a.host];
    const set = a.set as Record<string, number> | undefined;
    if (hosts.includes(host) && set && Object.hasOwn(set, key)) out.push({ step: i + 1, value: set[key] });
  });
  return out;
}

/** A route's text as the inspector shows it. */
export function routeTitle(s: ScenarioV1, host: string, index: number): string {
  const r = normalizeRoute(s.hosts[host].routes![index] as never);
  return [r.dest, r.via !== undefined ? `via ${r.via}` : '', r.dev !== undefined ? `dev ${r.dev}` : '', r.src !== undefined ? `src ${r.src}` : '', r.metric ? `metric ${r.metric}` : ''].filter(Boolean).join(' ');
}

interface Plan {
  title: string;
  current: number | null;
  combine?: string;
  knob?: string;
  variants: { label: string; value?: number; metric?: number; removed?: boolean; op: ScenarioOp }[];
  later: { step: number; value: number }[];
}

function planFor(s: ScenarioV1, input: EngineScenario, t: ExplainTarget): Plan {
  const h = s.hosts[t.host];
  if (!h) throw new ExplainError(`explain: no host ${t.host}`);
  if (t.kind === 'sysctl') {
    const key = sysctlKeyOf(t.key);
    const m = CONF_KEY.exec(key);
    if (key !== IP_FORWARD_KEY && !(m && isKnob(m[2]))) throw new ExplainError(`explain: ${key}: not a knob this lab models (net.ipv4.conf.{all,default,DEV}.KNOB or net.ipv4.ip_forward)`);
    const current = startValue(input, s, t.host, key);
    const knob = key === IP_FORWARD_KEY ? 'forwarding' : m![2];
    return {
      title: `${key} = ${current}`,
      current,
      knob,
      combine: key === IP_FORWARD_KEY ? 'dev' : CONF_KNOBS[m![2] as keyof typeof CONF_KNOBS].combine,
      later: setLater(s, t.host, key),
      variants: sysctlValues(key, current).map((value) => ({ label: `${value}`, value, op: { type: 'setSysctl', host: t.host, key, value } })),
    };
  }
  const routes = h.routes ?? [];
  if (!(t.index >= 0 && t.index < routes.length)) throw new ExplainError(`explain: ${t.host} has no route ${t.index + 1} in its setup`);
  const r = normalizeRoute(routes[t.index] as never);
  const variants: Plan['variants'] = [{ label: 'without', removed: true, op: { type: 'deleteRoute', host: t.host, index: t.index } }];
  // The routes it competes with: the same destination (its own kernel prefix route included), another metric decides.
  const view = hostViewsOf(new Simulation(input, { trace: false }))[t.host];
  const dest = (d: string) => (d === 'default' || d === '0.0.0.0/0' ? 'default' : d.replace(/\/32$/, ''));
  const others = view.routes.filter((x) => dest(x.dest) === dest(r.dest) && !(x.metric === r.metric && (x.via ?? undefined) === r.via && (r.dev === undefined || x.dev === r.dev)));
  const metrics = new Set<number>();
  for (const o of others) for (const m of [o.metric - 1, o.metric + 1]) if (m >= 0 && m !== r.metric) metrics.add(m);
  for (const metric of [...metrics].sort((x, y) => x - y)) variants.push({ label: `metric ${metric}`, metric, op: { type: 'setRouteMetric', host: t.host, index: t.index, metric } });
  return { title: routeTitle(s, t.host, t.index), current: r.metric, later: [], variants };
}

/**
 * The explanation, run by run: yields progress before each run (the scenario's own first),
 * returns the result. Throws ExplainError for a target it cannot explain or a scenario over
 * EXPLAIN_BUDGET.
 */
export function* explainRuns(scenario: ScenarioV1, target: ExplainTarget, limit = EXPLAIN_BUDGET): Generator<ExplainProgress, Explanation> {
  const loaded = loadScenario(scenario);
  if (!loaded.ok) throw new ExplainError(`explain: the scenario does not load: ${issuesText(loaded.issues)}`);
  const s = loaded.scenario;
  const plan = planFor(s, loaded.engine, target);
  const total = plan.variants.length + 1;
  yield { done: 0, total, label: 'the scenario as it is' };
  const base = run(loaded.engine);
  if ('error' in base) throw new ExplainError(`explain: the scenario itself runs ${base.error}`);
  const cost = Math.max(base.deliveries, RUN_FLOOR) * plan.variants.length;
  if (cost > limit) {
    throw new ExplainError(`explain: ${plan.variants.length} runs of ${base.deliveries.toLocaleString('en')} frame deliveries each is more than ${limit.toLocaleString('en')}, the limit for one explanation; try it on a smaller scenario`);
  }
  const knob = plan.knob;
  const counted = (sim: SimResult) => (knob ? knobReads(sim, target.host, knob) : undefined);
  const out: Explanation = {
    target, title: plan.title, current: plan.current, setLater: plan.later, variants: [],
    decisions: countDecisions(base.sim),
    runs: 1, deliveries: base.deliveries,
    ...(knob ? { reads: counted(base.sim), combine: plan.combine } : {}),
  };
  for (const [i, v] of plan.variants.entries()) {
    yield { done: i + 1, total, label: v.label };
    const { op, ...what } = v;
    const c = checkOp(s, op);
    const l = c.ok ? (c.loaded ?? loadScenario(c.next)) : null;
    if (!c.ok || !l || !l.ok) {
      out.variants.push({ ...what, changes: [], steps: [], error: `not a valid scenario: ${issuesText(c.ok ? (l && !l.ok ? l.issues : []) : c.issues)}` });
      continue;
    }
    const r = run(l.engine);
    out.runs++;
    if ('error' in r) {
      out.variants.push({ ...what, changes: [], steps: [], error: r.error });
      continue;
    }
    out.deliveries += r.deliveries;
    out.variants.push({ ...what, changes: diffDecisions(base.sim, r.sim), steps: diffSteps(base.sim, r.sim), ...(knob ? { reads: counted(r.sim) } : {}) });
  }
  return out;
}

/** The whole explanation at once (the console, tests). */
export function explain(scenario: ScenarioV1, target: ExplainTarget, limit = EXPLAIN_BUDGET): Explanation {
  const it = explainRuns(scenario, target, limit);
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
  }
}
