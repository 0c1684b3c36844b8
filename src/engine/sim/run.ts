/**
 * simulate(): the scenario's actions, one after another, on the simulated clock. Each
 * action runs to completion (a tool until it exits), then the clock runs `settle`
 * seconds (default 0.15) and the step is recorded: the ARP frames sent during it and
 * every host's neighbour table. Same scenario and seed ⇒ byte-identical result.
 */
import type { EngineScenario } from '../input.ts';
import type { FrameRecord, IpvsTable, Micros, NeighRow, SimResult, StepResult } from '../trace.ts';
import { buildWorld } from './build.ts';
import type { World } from './world.ts';
import { neighTables } from './snapshot.ts';
import { BudgetError, DEFAULT_BUDGET, type BudgetLimit, type SimProgress, type WorkBudget } from './budget.ts';
import { runAction } from './runners.ts';
import { ipvsTable } from '../tools/ipvsadm.ts';

const SETTLE: Micros = 150_000;
/**
 * A real command takes a while to start (fork, exec, namespace switch): measured at
 * 20–65 ms per step on the lab machine. Modelled as a fixed delay before each action
 * takes effect, so that timers racing a step boundary fall where they do on a real host.
 */
export const CMD_START: Micros = 35_000;

const secs = (t: Micros) => Math.round(t / 100) / 10_000;

function frameRecords(w: World): FrameRecord[] {
  return w.stepFrames
    .filter((s) => s.from.port)
    .map((s) => {
      const a = s.frame.arp!;
      return {
        t: secs(s.t),
        from: s.from.id,
        eth_src: s.frame.src,
        eth_dst: s.frame.dst,
        op: a.op === 1 ? 'request' : a.op === 2 ? 'reply' : a.op,
        sha: a.sha,
        spa: a.spa,
        tha: a.tha,
        tpa: a.tpa,
        delivered_to: s.delivered,
        id: s.frame.id,
        kind: s.kind,
      };
    });
}

/** Every director's `ipvsadm -Ln`/`-Lnc` data, or null when no host has IPVS. */
function ipvsTables(w: World): Record<string, IpvsTable> | null {
  let out: Record<string, IpvsTable> | null = null;
  for (const h of w.hostList) {
    const t = ipvsTable(w, h);
    if (t) (out ??= {})[h.name] = t;
  }
  return out;
}

export interface SimulateOptions {
  /** Record decision and delivery events (default true). */
  trace?: boolean;
  /** Delay before each action takes effect (default CMD_START). */
  commandStart?: Micros;
  /** Work limits (default DEFAULT_BUDGET); crossing one throws BudgetError. */
  budget?: WorkBudget;
  /** Called after every step and every few thousand events inside a long one. */
  progress?: (p: SimProgress) => void;
}

/**
 * A simulation that can be advanced one action at a time (the UI's inspector looks at
 * the hosts between steps); simulate() runs it to the end.
 */
export class Simulation {
  readonly world: World;
  readonly steps: StepResult[] = [];
  private readonly scn: EngineScenario;
  private readonly cmdStart: Micros;
  private readonly budget: WorkBudget;
  private readonly progress: ((p: SimProgress) => void) | null;
  private next = 0;
  private neighRows = 0;

  constructor(scn: EngineScenario, opts: SimulateOptions = {}) {
    this.scn = scn;
    const { world: w, issues } = buildWorld(scn);
    this.world = w;
    w.traceDetail = opts.trace ?? true;
    this.cmdStart = opts.commandStart ?? CMD_START;
    this.budget = opts.budget ?? DEFAULT_BUDGET;
    this.progress = opts.progress ?? null;
    w.watch = () => {
      this.checkBudget();
      this.report();
    };
    w.events.push({ kind: 'step', t: 0, i: 0, action: null });
    const step0: StepResult = { i: 0, type: null, t: 0, t_end: 0, ok: null, frames: [], neigh: this.tables(), events: [0, w.events.length] };
    if (issues.length) step0.error = issues.map((x) => `${x.host}: ${x.what}: ${x.message}`).join('; ');
    // The directors' tables as configured, before any action (the inspector shows them at the start).
    const ipvs = ipvsTables(w);
    if (ipvs) step0.ipvs = ipvs;
    this.steps.push(step0);
  }

  /** Every host's neighbour table now, counted against the budget. */
  private tables(): Record<string, NeighRow[]> {
    const t = neighTables(this.world);
    for (const h in t) this.neighRows += t[h].length;
    this.checkBudget();
    return t;
  }

  private checkBudget(): void {
    const w = this.world;
    const over = (limit: BudgetLimit, used: number) => {
      if (used <= this.budget[limit]) return;
      throw new BudgetError({ limit, max: this.budget[limit], step: this.next, action: this.next > 0 ? this.scn.actions[this.next - 1] : null, steps: this.scn.actions.length });
    };
    over('deliveries', w.deliveries);
    over('events', w.events.length);
    over('neighRows', this.neighRows);
  }

  private report(): void {
    const w = this.world;
    this.progress?.({ step: Math.max(0, this.steps.length - 1), steps: this.scn.actions.length, deliveries: w.deliveries, events: w.events.length, budget: this.budget });
  }

  get done(): boolean {
    return this.next >= this.scn.actions.length;
  }

  /** Runs the next action and its settle time; returns its step, or null at the end. */
  step(): StepResult | null {
    if (this.done) return null;
    const w = this.world;
    const a = this.scn.actions[this.next++];
    const i = this.next;
    const t0 = w.now;
    const first = w.events.length;
    w.events.push({ kind: 'step', t: t0, i, action: a });
    w.stepFrames = [];
    w.runUntil(w.now + this.cmdStart);
    const out = runAction(w, a, { cmdStart: this.cmdStart });
    w.runUntil(w.now + Math.round((a.settle ?? SETTLE / 1e6) * 1e6));
    const st: StepResult = {
      i,
      type: a.type,
      t: secs(t0),
      t_end: secs(w.now),
      ok: out.ok,
      frames: frameRecords(w),
      neigh: this.tables(),
      events: [first, w.events.length],
    };
    if (out.rc !== undefined) st.rc = out.rc;
    if (out.output) st.output = out.output;
    if (out.connections) st.connections = out.connections;
    const ipvs = ipvsTables(w);
    if (ipvs) st.ipvs = ipvs;
    if (out.error) st.error = out.error;
    this.steps.push(st);
    this.report();
    return st;
  }

  result(): SimResult {
    return { version: 1, seed: this.scn.seed, steps: this.steps, events: this.world.events };
  }
}

export function simulate(scn: EngineScenario, opts: SimulateOptions = {}): SimResult {
  const sim = new Simulation(scn, opts);
  while (sim.step());
  return sim.result();
}
