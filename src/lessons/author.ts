/**
 * Authoring a lesson from the scenario on screen: the author keeps the scenario as a step's
 * start, makes the fix with the usual tools (their edits become the reference solution), and
 * picks the step's goals among what the engine now does and did not do at the start —
 * connections served (by whom, through which director), no connection bypassing a director,
 * a drop or ignore decision gone, a neighbour entry at an interface's MAC, the last command
 * succeeding. Each candidate is a goal (types.ts) with an English label the author can
 * change; a question's choices are candidates too, evaluated on the start run.
 */
import { evaluate, macOf, type RunView } from './goals.ts';
import type { Goal } from './types.ts';

export interface Candidate {
  id: string;
  goal: Goal;
  label: string;
}

const key = (g: Goal) => JSON.stringify(g);

/** What the run shows, as goals (at most `limit`), each with a label. */
export function facts(run: RunView, limit = 40): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (goal: Goal, label: string) => {
    if (out.size < limit && !out.has(key(goal))) out.set(key(goal), { id: `g${out.size + 1}`, goal, label });
  };
  const steps = run.sim.steps.filter((s) => s.i >= 0);
  const conns = steps.flatMap((s) => s.connections ?? []);
  for (const c of conns) {
    if (c.result === 'served') add({ kind: 'connection', server: c.server ?? undefined, director: c.director, result: 'served' }, `A connection is served by ${c.server}${c.director ? ` through director ${c.director}` : ' directly'}`);
    else add({ kind: 'connection', result: c.result }, `A connection ends: ${c.result}`);
  }
  if (conns.length && !conns.some((c) => c.bypassed)) add({ kind: 'not', goal: { kind: 'connection', bypassed: true } }, 'No connection bypasses the director');
  if (conns.some((c) => c.bypassed)) add({ kind: 'connection', bypassed: true }, 'A connection bypasses the director');
  const last = steps[steps.length - 1];
  if (last && last.ok !== null) add({ kind: 'ok', ok: last.ok, step: 'last' }, `The last command ${last.ok ? 'succeeds' : 'fails'}`);
  const decisions = new Map<string, { host: string; rule: Goal & { kind: 'decision' } }>();
  for (const e of run.sim.events) {
    if (e.kind !== 'decision' || (e.verdict !== 'drop' && e.verdict !== 'ignore')) continue;
    if (e.rule === 'arp_process.route' || e.rule === 'arp_learn' || e.rule === 'arp_rcv.otherhost' || e.rule === 'ip_rcv.otherhost') continue;
    const g = { kind: 'decision', host: e.host, rule: e.rule, verdict: e.verdict, reason: e.reason } as const;
    decisions.set(key(g), { host: e.host, rule: g });
  }
  for (const { host, rule } of decisions.values()) {
    add(rule, `${host}: ${rule.rule} ${rule.verdict} (${rule.reason})`);
    add({ kind: 'not', goal: { kind: 'decision', host, rule: rule.rule, verdict: rule.verdict } }, `${host}: no ${rule.rule} ${rule.verdict}`);
  }
  if (last) {
    const ports = run.input.hosts.flatMap((h) => h.interfaces.map((i) => `${h.name}.${i.name}` as const));
    for (const [host, rows] of Object.entries(last.neigh)) {
      for (const r of rows) {
        const port = ports.find((p) => macOf(run.input, p) === r.lladdr);
        if (port && !port.startsWith(`${host}.`)) add({ kind: 'neigh', host, ip: r.ip, mac: port, step: 'last' }, `${host} has ${r.ip} at ${port}’s MAC`);
      }
    }
  }
  return [...out.values()];
}

/** Goals for a step: what holds after the author's fix and did not hold at the start. */
export function candidateGoals(start: RunView, end: RunView): Candidate[] {
  const seen = new Set<string>();
  return [...facts(end), ...facts(start).map((c) => ({ ...c, goal: { kind: 'not', goal: c.goal } as Goal, label: `Not any more: ${c.label}` }))]
    .filter((c) => {
      const k = key(c.goal);
      if (seen.has(k)) return false;
      seen.add(k);
      return evaluate(c.goal, end).holds && !evaluate(c.goal, start).holds;
    })
    .map((c, i) => ({ ...c, id: `goal-${i + 1}` }));
}
