/**
 * The LVS gallery scenarios (format version 2) make their point in the engine's output:
 * who served each connection and through which director, whether it bypassed the director,
 * the path it took, and the router's neighbour entry for the VIP.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../engine/index.ts';
import { loadScenario } from '../../scenario/load.ts';
import { galleryEntry } from './index.ts';

const VIP = '10.0.0.100';

function run(id: string): SimResult {
  const e = galleryEntry(id);
  if (!e) throw new Error(`no gallery entry ${id}`);
  const r = loadScenario(e.scenario);
  if (!r.ok) throw new Error(`${id}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return simulate(r.engine);
}
const served = (r: SimResult, step: number) =>
  (r.steps[step].connections ?? []).map((c) => `${c.result} ${c.server ?? '-'} ${c.director ?? '-'}${c.bypassed ? ' bypassed' : ''} ${c.path.join('>')}`);
const macOf = (r: SimResult, host: string) => {
  const tx = r.events.slice().find((e) => e.kind === 'tx' && e.host === host && e.dev === 'eth0');
  if (!tx || tx.kind !== 'tx') throw new Error(`${host} sent nothing`);
  return tx.frame.src;
};
const routerVip = (r: SimResult, step: number) => r.steps[step].neigh.R.filter((n) => n.ip === VIP).map((n) => `${n.lladdr} ${n.state}`);

describe('LVS gallery scenarios', () => {
  it('LVS-DR: every connection goes client → router → director → real server → router → client, round robin', () => {
    const r = run('lvs-dr-connections');
    expect(served(r, 1)).toEqual(['RS2', 'RS1', 'RS2', 'RS1'].map((rs) => `served ${rs} D C>R>D>${rs}>R>C`));
    expect(routerVip(r, 1)).toEqual([`${macOf(r, 'D')} REACHABLE`]);
    expect(r.steps[1].ipvs?.D.conns.map((c) => c.destination)).toEqual(['10.0.0.12:80', '10.0.0.11:80', '10.0.0.12:80', '10.0.0.11:80']);
  });

  it('LVS-TUN: the director sends IP-in-IP from its own address to each real server', () => {
    const r = run('lvs-tun');
    expect(served(r, 1)).toEqual(['RS2', 'RS1', 'RS2', 'RS1'].map((rs) => `served ${rs} D C>R>D>${rs}>R>C`));
    const outer = r.events.slice().flatMap((e) => (e.kind === 'tx' && e.host === 'D' && e.frame.ip?.ipip ? [`${e.frame.ip.src}>${e.frame.ip.dst} [${e.frame.ip.ipip.dst}]`] : []));
    expect(new Set(outer)).toEqual(new Set([`10.0.0.2>10.0.0.12 [${VIP}]`, `10.0.0.2>10.0.0.11 [${VIP}]`]));
  });

  it('LVS-NAT: the replies come back through the director', () => {
    const r = run('lvs-nat');
    expect(served(r, 1)).toEqual(['RS2', 'RS1', 'RS2', 'RS1'].map((rs) => `served ${rs} D C>R>D>${rs}>D>R>C`));
    expect(r.steps[1].ipvs?.D.services[0].dests.map((d) => d.forward)).toEqual(['Masq', 'Masq']);
  });

  it('the ARP problem: the router caches RS2 for the VIP and every connection bypasses the director; after the fix and a flush, D schedules them all', () => {
    const r = run('lvs-arp-problem');
    expect(r.steps.map((s) => s.type)).toEqual([null, 'connect', 'sysctl', 'flush', 'connect', 'snapshot']);
    expect(routerVip(r, 1)).toEqual([`${macOf(r, 'RS2')} REACHABLE`]);
    expect(served(r, 1)).toEqual(Array(4).fill('served RS2 - bypassed C>R>RS2>R>C'));
    expect(r.steps[1].output?.at(-1)).toBe('4 connections: 4 served (RS2 4), 4 bypassed the director');
    expect(routerVip(r, 3)).toEqual([]);
    expect(routerVip(r, 4)).toEqual([`${macOf(r, 'D')} REACHABLE`]);
    expect(served(r, 4)).toEqual(['RS2', 'RS1', 'RS2', 'RS1'].map((rs) => `served ${rs} D C>R>D>${rs}>R>C`));
    // after the fix only the director answered the router's request for the VIP
    const replies = r.steps[4].frames.filter((f) => f.op === 'reply' && f.spa === VIP).map((f) => f.from);
    expect(replies).toEqual(['D.eth0']);
  });

  it('failover: the connection after the move times out at D1; after D2’s gratuitous ARP the router points at D2 and D2 schedules', () => {
    const r = run('lvs-failover');
    expect(r.steps.map((s) => s.type)).toEqual([null, 'connect', 'addr', 'addr', 'connect', 'arping', 'connect', 'snapshot']);
    expect(served(r, 1)).toEqual(['served RS2 D1 C>R>D1>RS2>R>C', 'served RS1 D1 C>R>D1>RS1>R>C']);
    expect(routerVip(r, 3)).toEqual([`${macOf(r, 'D1')} REACHABLE`]);
    expect(served(r, 4)).toEqual(['timeout - - C>R>D1']);
    // arping -U: a request for the VIP from the VIP, broadcast
    expect(r.steps[5].frames.filter((f) => f.from === 'D2.eth0').map((f) => `${f.op} ${f.spa}>${f.tpa} ${f.eth_dst}`)).toEqual([`request ${VIP}>${VIP} ff:ff:ff:ff:ff:ff`]);
    expect(routerVip(r, 5)).toEqual([`${macOf(r, 'D2')} STALE`]);
    expect(served(r, 6)).toEqual(['served RS2 D2 C>R>D2>RS2>R>C', 'served RS1 D2 C>R>D2>RS1>R>C']);
  });
});

describe('the generated data centre', () => {
  it('has 1,001 hosts; each of D’s pings is flooded to every port of its segment and answered by its target alone', () => {
    const e = galleryEntry('data-centre');
    expect(Object.keys(e!.scenario.hosts)).toHaveLength(1001);
    const r = run('data-centre');
    expect(r.steps.slice(1).map((s) => `${s.type} ${s.ok}`)).toEqual(Array(4).fill('ping true'));
    for (const st of r.steps.slice(1)) {
      const requests = st.frames.filter((f) => f.op === 'request' && f.from.startsWith('D.'));
      const replies = st.frames.filter((f) => f.op === 'reply');
      expect(requests.length).toBeGreaterThan(0);
      expect(new Set(replies.map((f) => f.from)).size).toBe(1);
    }
    // The broadcast reached all 250 real servers of lan0 (and nothing else): 250 deliveries of D's first request.
    const req = r.events.slice().find((x) => x.kind === 'tx' && x.host === 'D' && x.frameKind === 'arp-request');
    const id = req && req.kind === 'tx' ? req.frame.id : -1;
    const rx = r.events.slice().filter((x) => x.kind === 'rx' && x.frameId === id);
    expect(new Set(rx.map((x) => (x.kind === 'rx' ? x.host : '')))).toEqual(new Set(Array.from({ length: 250 }, (_, i) => `RS${i + 1}`)));
  });
});
