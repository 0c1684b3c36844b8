/**
 * Interface counters and captured frames from the trace: every frame a device sent or
 * received up to the end of a step (what `ip -s link`, `ifconfig` and `tcpdump` read).
 */
import type { Frame, Micros, SimResult } from '../engine/index.ts';

export interface Counters {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

export interface Seen {
  t: Micros;
  dev: string;
  dir: 'in' | 'out';
  frame: Frame;
}

/** Frames `host` sent (on a device attached to a segment) or received, up to the end of `step`. */
export function framesSeen(sim: SimResult, host: string, step: number): Seen[] {
  const end = sim.steps[Math.min(step, sim.steps.length - 1)]?.events[1] ?? 0;
  const byId = new Map<number, Frame>();
  const out: Seen[] = [];
  for (let i = 0; i < end; i++) {
    const e = sim.events.at(i)!;
    if (e.kind === 'tx') {
      byId.set(e.frame.id, e.frame);
      if (e.host === host && e.segment !== null) out.push({ t: e.t, dev: e.dev, dir: 'out', frame: e.frame });
    } else if (e.kind === 'rx' && e.host === host) {
      const f = byId.get(e.frameId);
      if (f) out.push({ t: e.t, dev: e.dev, dir: 'in', frame: f });
    }
  }
  return out;
}

export function countersOf(seen: readonly Seen[], dev: string): Counters {
  const c: Counters = { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
  for (const s of seen) {
    if (s.dev !== dev) continue;
    if (s.dir === 'in') {
      c.rxPackets++;
      c.rxBytes += s.frame.length;
    } else {
      c.txPackets++;
      c.txBytes += s.frame.length;
    }
  }
  return c;
}
