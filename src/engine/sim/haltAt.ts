/**
 * A director's IPVS tables at a point inside a step. The simulation records them only at
 * the end of each step (StepResult.ipvs); the inspector's `ipvsadm -Ln`/`-Lnc` follow the
 * playback cursor, which may stand anywhere in a step (a SYN just scheduled, a connection
 * in FIN_WAIT before the step's end). The scenario is simulated again, with its trace (so
 * it records the very events of the playback's simulation: the engine is deterministic),
 * and stopped between two queue items, right after the one that recorded trace event
 * `events - 1`; every host is then as it was at that event.
 */
import type { EngineScenario } from '../input.ts';
import type { IpvsTable, Micros } from '../trace.ts';
import { ipvsTable } from '../tools/ipvsadm.ts';
import { Simulation } from './run.ts';
import { HALTED, type World } from './world.ts';

/** The world after the queue item that recorded the first `events` trace events (or at the end of the run). */
export function worldAtEvent(scn: EngineScenario, events: number): World {
  const sim = new Simulation(scn);
  const w = sim.world;
  w.haltWhen = () => w.events.length >= events;
  try {
    while (sim.step());
  } catch (e) {
    if (e !== HALTED) throw e;
  } finally {
    w.haltWhen = null;
  }
  return w;
}

/** `host`'s IPVS tables in a halted world, each connection's time left counted from `now`. */
export function ipvsTableIn(w: World, host: string, now: Micros): IpvsTable | null {
  const h = w.hosts.get(host);
  return h ? ipvsTable(w, h, now) : null;
}
