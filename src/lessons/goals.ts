/**
 * Goals are predicates over a simulation's result: this file decides whether one holds and
 * which trace event shows it (the evidence the lesson player opens in the Why panel).
 */
import type { EngineScenario, SimResult, StepResult } from '../engine/index.ts';
import type { Goal, PortRef, StepSel } from './types.ts';

export interface GoalResult {
  holds: boolean;
  /** Index in `sim.events` of the event that shows the goal holding (a decision, a frame sent, a neighbour change), when there is one. */
  evidence: number | null;
}

/** What a goal is evaluated against: the run and the engine input it came from (for MACs). */
export interface RunView {
  sim: SimResult;
  input: EngineScenario;
}

/** The MAC of "host.dev" in this scenario, or null when there is no such interface. */
export function macOf(input: EngineScenario, port: PortRef): string | null {
  const dot = port.indexOf('.');
  const host = input.hosts.find((h) => h.name === port.slice(0, dot));
  return host?.interfaces.find((i) => i.name === port.slice(dot + 1))?.mac ?? null;
}

function stepsOf(sim: SimResult, sel: StepSel): StepResult[] {
  const steps = sim.steps.filter((s) => s.i >= 0);
  if (sel === 'any' || sel === 'every') return steps;
  if (sel === 'last') return steps.slice(-1);
  return steps.filter((s) => s.i === sel);
}

const NO: GoalResult = { holds: false, evidence: null };

/** Looks at each selected step; 'every' needs all of them, the others one. */
function overSteps(sim: SimResult, sel: StepSel, one: (s: StepResult) => GoalResult): GoalResult {
  const steps = stepsOf(sim, sel);
  if (sel === 'every') {
    let evidence: number | null = null;
    for (const s of steps) {
      const r = one(s);
      if (!r.holds) return NO;
      evidence ??= r.evidence;
    }
    return { holds: steps.length > 0, evidence };
  }
  for (const s of steps) {
    const r = one(s);
    if (r.holds) return r;
  }
  return NO;
}

export function evaluate(goal: Goal, run: RunView): GoalResult {
  const { sim, input } = run;
  switch (goal.kind) {
    case 'decision':
      return overSteps(sim, goal.step ?? 'any', (s) => {
        for (let k = s.events[0]; k < s.events[1]; k++) {
          const e = sim.events.at(k)!;
          if (e.kind !== 'decision' || e.rule !== goal.rule) continue;
          if (goal.host !== undefined && e.host !== goal.host) continue;
          if (goal.dev !== undefined && e.dev !== goal.dev) continue;
          if (goal.verdict !== undefined && e.verdict !== goal.verdict) continue;
          if (goal.reason !== undefined && e.reason !== goal.reason) continue;
          const params = e.params as Record<string, unknown>;
          if (goal.params && !Object.entries(goal.params).every(([k2, v]) => String(params[k2]) === v)) continue;
          return { holds: true, evidence: k };
        }
        return NO;
      });
    case 'neigh':
      return overSteps(sim, goal.step ?? 'last', (s) => {
        const rows = (s.neigh[goal.host] ?? []).filter((r) => r.ip === goal.ip && (goal.dev === undefined || r.dev === goal.dev));
        if (goal.absent) return rows.length === 0 ? { holds: true, evidence: null } : NO;
        const mac = goal.mac === undefined ? undefined : macOf(input, goal.mac);
        const row = rows.find((r) => (!goal.state || goal.state.includes(r.state)) && (mac === undefined || r.lladdr === mac) && (goal.lladdr === undefined || r.lladdr === goal.lladdr));
        if (!row) return NO;
        // The evidence: the last change of that entry up to the end of this step.
        for (let k = s.events[1] - 1; k >= 0; k--) {
          const e = sim.events.at(k)!;
          if (e.kind === 'neigh' && e.host === goal.host && e.ip === goal.ip && e.dev === row.dev) return { holds: true, evidence: k };
        }
        return { holds: true, evidence: null };
      });
    case 'frame': {
      const sha = goal.sha === undefined ? undefined : macOf(input, goal.sha);
      const matches = (s: StepResult) =>
        s.frames.filter(
          (f) =>
            (goal.from === undefined || f.from === goal.from || f.from.startsWith(`${goal.from}.`)) &&
            (goal.op === undefined || f.op === goal.op) &&
            (goal.frameKind === undefined || f.kind === goal.frameKind) &&
            (goal.spa === undefined || f.spa === goal.spa) &&
            (goal.tpa === undefined || f.tpa === goal.tpa) &&
            (sha === undefined || f.sha === sha),
        );
      const txOf = (s: StepResult, id: number): number | null => {
        for (let k = s.events[0]; k < s.events[1]; k++) {
          const e = sim.events.at(k)!;
          if (e.kind === 'tx' && e.frame.id === id) return k;
        }
        return null;
      };
      if (goal.count !== undefined) {
        const steps = stepsOf(sim, goal.step === 'every' ? 'any' : (goal.step ?? 'any'));
        const found = steps.flatMap((s) => matches(s).map((f) => ({ s, f })));
        if (found.length !== goal.count) return NO;
        return { holds: true, evidence: found.length ? txOf(found[0].s, found[0].f.id) : null };
      }
      return overSteps(sim, goal.step ?? 'any', (s) => {
        const f = matches(s)[0];
        return f ? { holds: true, evidence: txOf(s, f.id) } : NO;
      });
    }
    case 'ok':
      return overSteps(sim, goal.step ?? 'last', (s) => ({ holds: s.ok === goal.ok, evidence: null }));
    case 'connection':
      return overSteps(sim, goal.step ?? 'any', (s) => ({
        holds: (s.connections ?? []).some(
          (c) =>
            (goal.server === undefined || c.server === goal.server) &&
            (goal.director === undefined || c.director === goal.director) &&
            (goal.bypassed === undefined || c.bypassed === goal.bypassed) &&
            (goal.result === undefined || c.result === goal.result),
        ),
        evidence: null,
      }));
    case 'not': {
      const r = evaluate(goal.goal, run);
      return { holds: !r.holds, evidence: null };
    }
    case 'all': {
      let evidence: number | null = null;
      for (const g of goal.goals) {
        const r = evaluate(g, run);
        if (!r.holds) return NO;
        evidence ??= r.evidence;
      }
      return { holds: true, evidence };
    }
  }
}
