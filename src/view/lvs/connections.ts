/**
 * The connections of a scenario's connect steps, as the connections list shows them: every
 * connection with its outcome, counted per real server (through the director or past it),
 * and where in the trace to look for why (the director's scheduling decision, or the
 * client's first segment). Pure: derived from the SimResult only.
 */
import type { ConnectionRecord, DecisionEvent, SimResult } from '../../engine/index.ts';

export interface ServerCount {
  server: string;
  served: number;
  /** Scheduled by a director. */
  viaDirector: number;
  /** Answered directly: a cache pointed at this real server, the director never saw it. */
  bypassed: number;
}

export interface ConnRow extends ConnectionRecord {
  /** The frame to explain it by: the one the director scheduled, else the client's first one. */
  why: { frameId: number; host: string; dev: string } | null;
}

export interface StepConnections {
  step: number;
  /** Index one past the step's last event: the list is complete once the cursor is there. */
  end: number;
  rows: ConnRow[];
  servers: ServerCount[];
  failed: Partial<Record<Exclude<ConnectionRecord['result'], 'served'>, number>>;
  bypassed: number;
  viaDirector: number;
}

const endOf = (ip: { src: string; tcp?: { sport: number }; udp?: { sport: number } }) => `${ip.src}:${ip.tcp?.sport ?? ip.udp?.sport ?? 0}`;

export function stepConnections(sim: SimResult): StepConnections[] {
  const out: StepConnections[] = [];
  for (const st of sim.steps) {
    if (!st.connections) continue;
    const [a, b] = st.events;
    // Where each connection was scheduled, and its client's first frame (by "client ip:port").
    const sched = new Map<string, { frameId: number; host: string; dev: string }>();
    const first = new Map<string, { frameId: number; host: string; dev: string }>();
    for (let i = a; i < b; i++) {
      const e = sim.events.at(i)!;
      if (e.kind === 'decision' && e.rule === 'ip_vs.schedule' && e.frameId !== null && e.params.client && !sched.has(e.params.client)) {
        sched.set(e.params.client, { frameId: e.frameId, host: e.host, dev: e.dev ?? '' });
      } else if (e.kind === 'tx' && e.frame.ip && (e.frame.ip.tcp || e.frame.ip.udp)) {
        const k = endOf(e.frame.ip);
        if (!first.has(k)) first.set(k, { frameId: e.frame.id, host: e.host, dev: e.dev });
      }
    }
    const servers = new Map<string, ServerCount>();
    const failed: StepConnections['failed'] = {};
    let bypassed = 0;
    let viaDirector = 0;
    const rows = st.connections.map((c): ConnRow => {
      if (c.result === 'served' && c.server) {
        const n = servers.get(c.server) ?? { server: c.server, served: 0, viaDirector: 0, bypassed: 0 };
        n.served++;
        if (c.director) n.viaDirector++;
        if (c.bypassed) n.bypassed++;
        servers.set(c.server, n);
      } else if (c.result !== 'served') failed[c.result] = (failed[c.result] ?? 0) + 1;
      if (c.bypassed) bypassed++;
      if (c.director) viaDirector++;
      return { ...c, why: sched.get(c.client) ?? first.get(c.client) ?? null };
    });
    out.push({ step: st.i, end: b, rows, servers: [...servers.values()].sort((x, y) => x.server.localeCompare(y.server)), failed, bypassed, viaDirector });
  }
  return out;
}

/** A scheduling decision's table: every real server with its weight and active/inactive connections, as the scheduler saw them. */
export interface SchedRow {
  rs: string;
  weight: number | null;
  active: number | null;
  inactive: number | null;
  chosen: boolean;
}

/** Parses the decision's "ip:port=w …" and "ip:port=a/i …" lists (ipvs/sched.ts writes them in the kernel's list order). */
export function schedRows(d: DecisionEvent): SchedRow[] {
  const rows = new Map<string, SchedRow>();
  const row = (rs: string) => {
    let r = rows.get(rs);
    if (!r) rows.set(rs, (r = { rs, weight: null, active: null, inactive: null, chosen: rs === d.params.rs }));
    return r;
  };
  for (const part of (d.params.weights ?? '').split(' ').filter(Boolean)) {
    const [rs, w] = part.split('=');
    row(rs).weight = Number(w);
  }
  for (const part of (d.params.conns ?? '').split(' ').filter(Boolean)) {
    const [rs, ai] = part.split('=');
    const [act, inact] = ai.split('/');
    const r = row(rs);
    r.active = Number(act);
    r.inactive = Number(inact);
  }
  return [...rows.values()];
}
