/**
 * The console on a scenario held in memory (no store): `npm run -s console` and the unit
 * tests. Edits go through checkOp (src/ops/check.ts), exactly as the store's dispatch checks
 * them; every commit re-simulates the whole scenario, and history is a list of snapshots.
 */
import { simulate, type EngineScenario, type SimResult } from '../engine/index.ts';
import { checkOp, issuesText } from '../ops/check.ts';
import type { Locks } from '../ops/locks.ts';
import type { ScenarioOp } from '../ops/op.ts';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import type { ConsoleBackend } from './session.ts';
import { stateAt, type ConsoleState } from './state.ts';

export class MemoryBackend implements ConsoleBackend {
  scenario: ScenarioV1;
  step: number;
  host: string;
  /** Settings no command may change (a lesson's locks, ops/locks.ts). */
  locks: Locks = [];
  private input: EngineScenario;
  private sim: SimResult;
  private cached: ConsoleState | null = null;
  private past: { scenario: ScenarioV1; input: EngineScenario; sim: SimResult; step: number }[] = [];

  /** `step`: the cursor's step (default: the end of the scenario). */
  constructor(scenario: ScenarioV1, host: string, step?: number) {
    const r = loadScenario(scenario);
    if (!r.ok) throw new Error(issuesText(r.issues));
    this.scenario = r.scenario;
    this.input = r.engine;
    this.sim = simulate(r.engine);
    this.host = host;
    this.step = Math.min(step ?? this.input.actions.length, this.input.actions.length);
  }

  /** Switches to another host's terminal (same scenario, same cursor). */
  use(host: string): this {
    this.host = host;
    this.cached = null;
    return this;
  }

  state(): ConsoleState {
    return (this.cached ??= stateAt(this.input, this.scenario, this.sim, this.host, this.step));
  }

  async commit(op: ScenarioOp, cursorStep: number): Promise<string | null> {
    const r = checkOp(this.scenario, op, loadScenario, this.locks);
    if (!r.ok) return issuesText(r.issues);
    const loaded = r.loaded ?? loadScenario(r.next);
    if (!loaded.ok) return issuesText(loaded.issues);
    this.past.push({ scenario: this.scenario, input: this.input, sim: this.sim, step: this.step });
    this.scenario = r.next;
    this.input = loaded.engine;
    this.sim = simulate(loaded.engine);
    this.step = cursorStep;
    this.cached = null;
    return null;
  }

  async revert(_cursorStep: number): Promise<void> {
    const p = this.past.pop();
    if (!p) return;
    Object.assign(this, { scenario: p.scenario, input: p.input, sim: p.sim, step: p.step, cached: null });
  }
}
