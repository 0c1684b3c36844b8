import { describe, expect, it } from 'vitest';
import { ipvsadmLn, simulate, type DecisionEvent, type IpvsTable } from '../../engine/index.ts';
import { cluster, VIP } from '../../engine/test/lvsCluster.ts';
import { schedRows, stepConnections } from './connections.ts';
import { IpvsCursorCache, ipvsTableAt, ipvsTableAtCursor } from './ipvsAt.ts';
import { loNote } from './loNote.ts';

describe('the LVS views’ data, from the engine’s own trace', () => {
  it('DR with the fix: every connection through the director, counted per real server, "why" at the director’s scheduling', () => {
    const sim = simulate(cluster({ method: 'dr', scheduler: 'rr' }));
    const [sc] = stepConnections(sim);
    expect(sc.step).toBe(1);
    expect(sc.rows.map((r) => `${r.server} ${r.director} ${r.bypassed}`)).toEqual(['RS2 D false', 'RS1 D false', 'RS2 D false', 'RS1 D false']);
    expect(sc.servers).toEqual([
      { server: 'RS1', served: 2, viaDirector: 2, bypassed: 0 },
      { server: 'RS2', served: 2, viaDirector: 2, bypassed: 0 },
    ]);
    expect(sc.viaDirector).toBe(4);
    expect(sc.bypassed).toBe(0);
    // "Why" points at the frame the director scheduled, at the director's interface.
    for (const r of sc.rows) {
      expect(r.why?.host).toBe('D');
      const d = sim.events.slice().find((e): e is DecisionEvent => e.kind === 'decision' && e.rule === 'ip_vs.schedule' && e.frameId === r.why!.frameId);
      expect(d?.params.client).toBe(r.client);
    }
  });

  it('DR without the fix: every connection bypasses the director and is counted against the real server that answered ARP', () => {
    const sim = simulate(cluster({ method: 'dr', scheduler: 'rr', arpFix: false }));
    const [sc] = stepConnections(sim);
    expect(sc.bypassed).toBe(4);
    expect(sc.viaDirector).toBe(0);
    expect(sc.servers).toEqual([{ server: 'RS2', served: 4, viaDirector: 0, bypassed: 4 }]);
    // No director: "why" is the client's first SYN.
    expect(sc.rows.every((r) => r.why?.host === 'C')).toBe(true);
    // The router's request for the VIP was answered by the real servers; the note says why lo alone did nothing.
    const reply = sim.events.slice().find((e): e is DecisionEvent => e.kind === 'decision' && e.rule === 'arp_reply' && e.host === 'RS2' && e.params.tip === VIP)!;
    expect(loNote(reply, cluster({ method: 'dr', arpFix: false }))).toEqual({ key: 'loAlone', vars: { tip: VIP, on: 'lo', dev: 'eth0', all: 0, devValue: 0, value: 0 } });
  });

  it('with the fix the real server’s silence is explained by the same rule', () => {
    const sim = simulate(cluster({ method: 'dr', scheduler: 'rr' }));
    const quiet = sim.events.slice().find((e): e is DecisionEvent => e.kind === 'decision' && e.rule === 'arp_ignore' && e.host === 'RS1' && e.params.tip === VIP)!;
    expect(loNote(quiet, cluster({ method: 'dr' }))).toEqual({ key: 'loQuiet', vars: { tip: VIP, on: 'lo', dev: 'eth0', all: 1, devValue: 0, value: 1 } });
    // An address on the receiving interface itself gets no note.
    const dirReply = sim.events.slice().find((e): e is DecisionEvent => e.kind === 'decision' && e.rule === 'arp_reply' && e.host === 'D' && e.params.tip === VIP)!;
    expect(loNote(dirReply, cluster({ method: 'dr' }))).toBeNull();
  });

  it('the scheduler’s view: weights and counts per real server in the kernel’s order, the winner marked', () => {
    const sim = simulate(cluster({ method: 'dr', scheduler: 'wlc', weights: [3, 1] }));
    const ds = sim.events.slice().filter((e): e is DecisionEvent => e.kind === 'decision' && e.rule === 'ip_vs.schedule');
    expect(ds.length).toBe(4);
    const rows = schedRows(ds[1]);
    expect(rows.map((r) => r.rs)).toEqual(['10.0.0.12:80', '10.0.0.11:80']);
    expect(rows.map((r) => r.weight)).toEqual([1, 3]);
    expect(rows.filter((r) => r.chosen).map((r) => r.rs)).toEqual([ds[1].params.rs]);
    expect(rows.every((r) => r.active !== null && r.inactive !== null)).toBe(true);
  });

  it('ipvsadm at the cursor: the tables of the last step completed', () => {
    const sim = simulate(cluster({ method: 'nat', scheduler: 'rr' }));
    expect(ipvsTableAt(sim, 0, 'D')?.step).toBe(0);
    expect(ipvsTableAt(sim, 0, 'D')?.table.conns).toEqual([]);
    const end = sim.steps[1].events[1];
    expect(ipvsTableAt(sim, end - 1, 'D')?.step).toBe(0);
    const after = ipvsTableAt(sim, end, 'D')!;
    expect(after.step).toBe(1);
    expect(after.table.conns.length).toBe(4);
    expect(ipvsadmLn(after.table)).toContain('TCP  10.0.0.100:80 rr');
    expect(ipvsTableAt(sim, end, 'C')).toBeNull();
  });

  it('ipvsadm inside a step follows the cursor: each connection from its scheduling on, in the state the trace says, timed from the cursor', () => {
    const input = cluster({ method: 'nat', scheduler: 'rr' });
    const sim = simulate(input);
    const cache = new IpvsCursorCache();
    const [start, end] = sim.steps[1].events;
    const name = (c: IpvsTable['conns'][number]) => `${c.source}→${c.virtual}→${c.destination}`;
    // What the trace itself says up to the cursor: connections created, their state changes, expiries.
    const fromTrace = (cursor: number) => {
      const m = new Map<string, string>();
      for (const e of sim.events.slice(0, cursor)) {
        if (e.kind !== 'decision' || e.host !== 'D') continue;
        if (e.rule === 'ip_vs.conn') m.set(String(e.params.conn), 'NONE');
        if (e.rule === 'ip_vs.state') m.set(String(e.params.conn), String(e.params.state_to));
        if (e.rule === 'ip_vs.expire') m.delete(String(e.params.conn));
      }
      return [...m].map(([c, st]) => `${c} ${st}`).sort();
    };
    const seen = new Set<number>();
    for (let c = start + 2; c < end; c++) {
      const at = ipvsTableAtCursor(input, sim, c, 'D', cache)!;
      expect(at.step).toBe(0);
      expect(at.within).toBe(1);
      // The director handles a frame in one go (one queue item: its arrival, the scheduling,
      // the new connection, the forwarded frame): a cursor on any of those events shows them all.
      let upTo = c;
      const last = sim.events.at(c - 1) as { host?: string; t: number };
      while (last.host === 'D' && upTo < end && (sim.events.at(upTo) as { host?: string }).host === 'D' && sim.events.at(upTo)!.t === last.t) upTo++;
      expect(at.table.conns.map((r) => `${name(r)} ${r.state}`).sort()).toEqual(fromTrace(upTo));
      seen.add(at.table.conns.length);
      // ActiveConn + InActConn of -Ln count the rows of -Lnc.
      expect(at.table.services[0].dests.reduce((n, d) => n + d.active + d.inactive, 0)).toBe(at.table.conns.length);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    // A connection just scheduled: its SYN moved it to SYN_RECV in the same go, 60 s (tcp_timeouts).
    const created = sim.events.slice().findIndex((e, i) => i >= start && e.kind === 'decision' && e.rule === 'ip_vs.conn');
    const first = ipvsTableAtCursor(input, sim, created + 1, 'D', cache)!.table.conns;
    expect(first.map((r) => `${r.state} ${r.expire}`)).toEqual(['SYN_RECV 60']);
    // Past the bound on re-simulation (a heavy trace): the last step's recorded table.
    expect(ipvsTableAtCursor(input, sim, created + 1, 'D', cache, created)).toEqual({ step: 0, within: null, t: 0, table: sim.steps[0].ipvs!.D });
    // At the step's end: the table the engine recorded.
    expect(ipvsTableAtCursor(input, sim, end, 'D', cache)).toEqual({ step: 1, within: null, t: Math.round(sim.steps[1].t_end * 1e6), table: sim.steps[1].ipvs!.D });
    expect(ipvsTableAtCursor(input, sim, end - 1, 'D', cache)!.table.conns.map((r) => `${name(r)} ${r.state}`)).toEqual(sim.steps[1].ipvs!.D.conns.map((r) => `${name(r)} ${r.state}`));
  });
});
