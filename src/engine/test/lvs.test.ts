/**
 * LVS end to end in the engine: a client opens connections to the VIP through a router;
 * the director schedules them and forwards them by DR, TUN or NAT; the real servers
 * answer. Each case checks who served every connection and the path it took.
 */
import { describe, expect, test } from 'vitest';
import { simulate } from '../sim/run.ts';
import type { ConnectionRecord, DecisionEvent, SimResult } from '../trace.ts';
import { cluster, VIP, type ClusterOptions } from './lvsCluster.ts';
import { ipvsadmLn, ipvsadmLnc } from '../tools/ipvsadm.ts';

const conns = (r: SimResult, step = 1): ConnectionRecord[] => r.steps[step].connections ?? [];
const summary = (r: SimResult, step = 1) => conns(r, step).map((c) => `${c.result} ${c.server ?? '-'} ${c.director ?? '-'}${c.bypassed ? ' bypassed' : ''} ${c.path.join('>')}`);
const decisions = (r: SimResult, rule: string, host?: string) =>
  r.events.slice().filter((e): e is DecisionEvent => e.kind === 'decision' && e.rule === rule && (!host || e.host === host));
const run = (o: ClusterOptions) => simulate(cluster(o));
/** rr over the two real servers: the head of the kernel's list (RS2, added last) first, then alternating. */
const rrServed = (path: (rs: string) => string) => ['RS2', 'RS1', 'RS2', 'RS1'].map((rs) => `served ${rs} D ${path(rs)}`);

describe('LVS-DR', () => {
  test('with the real servers’ ARP fix every connection goes client → router → director → real server → router → client', () => {
    const r = run({ method: 'dr', scheduler: 'rr' });
    expect(r.steps[0].error).toBeUndefined();
    // rr starts at the head of the kernel's list: the real server added last (RS2).
    expect(summary(r)).toEqual(rrServed((rs) => `C>R>D>${rs}>R>C`));
    expect(r.steps[1].ok).toBe(true);
    expect(r.steps[1].rc).toBe(0);
    // The router learnt the VIP from the director only; the real servers never answered for it.
    expect(r.steps[1].neigh.R.filter((n) => n.ip === VIP).map((n) => n.lladdr)).toEqual([macOf(r, 'D', 'eth0')]);
    // DR: the director resolved each real server's own address (ARP for the RIP) and sent the
    // packet to that MAC with the destination still the VIP.
    expect(r.steps[1].frames.filter((f) => f.from === 'D.eth0' && f.op === 'request').map((f) => f.tpa).sort()).toEqual(['10.0.0.11', '10.0.0.12']);
    const drFrames = r.events.slice().filter((e) => e.kind === 'tx' && e.host === 'D' && e.frame.ip?.tcp);
    expect(drFrames.length).toBeGreaterThan(0);
    for (const e of drFrames) if (e.kind === 'tx') expect(e.frame.ip!.dst).toBe(VIP);
  });

  test('without the fix the router caches a real server for the VIP and the director is bypassed', () => {
    const r = run({ method: 'dr', scheduler: 'rr', arpFix: false });
    // Every host with the VIP answers the router's request; the bridge floods to the port
    // attached last first, so RS2's reply arrives first and the router keeps it.
    const rs2 = macOf(r, 'RS2', 'eth0');
    expect(r.steps[1].neigh.R.filter((n) => n.ip === VIP).map((n) => n.lladdr)).toEqual([rs2]);
    expect(summary(r)).toEqual(Array(4).fill('served RS2 - bypassed C>R>RS2>R>C'));
    expect(r.steps[1].output!.at(-1)).toBe('4 connections: 4 served (RS2 4), 4 bypassed the director');
    expect(decisions(r, 'ip_vs.schedule')).toEqual([]);
  });

  test('arp_ignore=1 without arp_announce=2: the real server’s own ARP request for the router says “tell VIP” and takes the VIP over', () => {
    const scn = cluster({ method: 'dr', scheduler: 'rr' });
    for (const h of scn.hosts) if (h.name.startsWith('RS')) h.sysctls = h.sysctls.filter(([k]) => !k.includes('arp_announce'));
    const r = simulate(scn);
    // The first connection goes through the director to RS2; RS2 answers from the VIP and,
    // resolving its gateway, asks "who-has 10.0.0.1 tell 10.0.0.100" (arp_announce=0 uses
    // the packet's source). The router's request handling (neigh_event_ns) overrides its
    // entry for the VIP with RS2's MAC: every later connection bypasses the director.
    expect(r.steps[1].frames.some((f) => f.from === 'RS2.eth0' && f.op === 'request' && f.spa === VIP && f.tpa === '10.0.0.1')).toBe(true);
    expect(summary(r)).toEqual(['served RS2 D C>R>D>RS2>R>C', ...Array(3).fill('served RS2 - bypassed C>R>RS2>R>C')]);
    expect(r.steps[1].neigh.R.filter((n) => n.ip === VIP).map((n) => n.lladdr)).toEqual([macOf(r, 'RS2', 'eth0')]);
  });

  test('a router entry pointing at a real server (ip neigh replace) bypasses the director even with the fix', () => {
    const base = cluster({ method: 'dr', scheduler: 'rr' });
    const rs1 = '02:00:00:00:04:00';
    base.actions = [
      { type: 'neigh_add', host: 'R', ip: VIP, dev: 'eth1', lladdr: rs1, nud: 'permanent' },
      { type: 'connect', host: 'C', to: `${VIP}:80`, count: 2, interval: 0.5 },
    ];
    const r = simulate(base);
    expect(macOf(r, 'RS1', 'eth0')).toBe(rs1);
    expect(summary(r, 2)).toEqual(Array(2).fill('served RS1 - bypassed C>R>RS1>R>C'));
  });

  test('a closed port on the real server resets the connection; the director still scheduled it', () => {
    const scn = cluster({ method: 'dr', scheduler: 'rr' });
    for (const h of scn.hosts) if (h.name.startsWith('RS')) h.listen = [];
    const r = simulate(scn);
    expect(conns(r).map((c) => `${c.result} ${c.director}`)).toEqual(Array(4).fill('reset D'));
    expect(r.steps[1].ok).toBe(false);
    expect(r.steps[1].rc).toBe(56);
  });
});

describe('LVS-TUN', () => {
  test('IP-in-IP to the real server, which answers from the VIP on tunl0', () => {
    const r = run({ method: 'tun', scheduler: 'rr' });
    expect(summary(r)).toEqual(rrServed((rs) => `C>R>D>${rs}>R>C`));
    const tun = r.events.slice().find((e) => e.kind === 'tx' && e.host === 'D' && e.frame.ip?.ipip);
    expect(tun && tun.kind === 'tx' && tun.frame.ip).toMatchObject({ src: '10.0.0.2', dst: '10.0.0.12', ipip: { dst: VIP, tcp: { flags: 'S' } } });
    expect(tun && tun.kind === 'tx' && tun.frameKind).toBe('ipip');
    expect(decisions(r, 'ipip.rcv', 'RS2')[0].verdict).toBe('accept');
  });

  test('rp_filter=1 on tunl0 drops the decapsulated packets: the route back to the client leaves by eth0', () => {
    const r = run({ method: 'tun', scheduler: 'rr', rpFilterTunl: 1 });
    expect(conns(r).map((c) => `${c.result} ${c.director} ${c.path.join('>')}`)).toEqual([
      'timeout D C>R>D>RS2',
      'timeout D C>R>D>RS1',
      'timeout D C>R>D>RS2',
      'timeout D C>R>D>RS1',
    ]);
    const drop = decisions(r, 'ip_input.rp_filter', 'RS2')[0];
    expect(drop).toMatchObject({ dev: 'tunl0', verdict: 'drop', reason: 'strict_other_dev', params: { via: 'eth0' } });
    expect(r.steps[1].rc).toBe(28);
  });

  test('without tunl0 (no ipip module) the real server drops the tunnelled packets', () => {
    const scn = cluster({ method: 'tun', scheduler: 'rr' });
    for (const h of scn.hosts) if (h.name.startsWith('RS')) h.interfaces = h.interfaces.filter((i) => i.name !== 'tunl0');
    const r = simulate(scn);
    expect(conns(r).every((c) => c.result === 'timeout')).toBe(true);
    expect(decisions(r, 'ipip.rcv', 'RS1')[0].reason).toBe('no_tunl0');
  });
});

describe('LVS-NAT', () => {
  test('DNAT to the real server, the reply back through the director (its gateway) with the VIP as source', () => {
    const r = run({ method: 'nat', scheduler: 'rr' });
    expect(summary(r)).toEqual(rrServed((rs) => `C>R>D>${rs}>D>R>C`));
    const toRs = r.events.slice().find((e) => e.kind === 'tx' && e.host === 'D' && e.dev === 'eth1' && e.frame.ip?.tcp?.flags === 'S');
    expect(toRs && toRs.kind === 'tx' && toRs.frame.ip).toMatchObject({ src: '10.0.1.2', dst: '192.168.10.12', tcp: { dport: 80 } });
    const back = r.events.slice().find((e) => e.kind === 'tx' && e.host === 'D' && e.dev === 'eth0' && e.frame.ip?.tcp?.flags === 'S.');
    expect(back && back.kind === 'tx' && back.frame.ip).toMatchObject({ src: VIP, dst: '10.0.1.2', tcp: { sport: 80 } });
  });

  test('without ip_forward on the director the replies die there: every connection times out', () => {
    const r = run({ method: 'nat', scheduler: 'rr', forward: false });
    expect(conns(r).map((c) => `${c.result} ${c.path.join('>')}`)).toEqual(Array(2).fill(['timeout C>R>D>RS2>D', 'timeout C>R>D>RS1>D']).flat());
    const drop = decisions(r, 'ip_input.no_route', 'D')[0];
    expect(drop.settings[0]).toMatchObject({ name: 'forwarding', value: 0 });
  });

  test('real servers whose gateway is not the director answer from their own address; the client resets that', () => {
    const r = run({ method: 'nat', scheduler: 'rr', natGatewayDirector: false });
    expect(conns(r).map((c) => `${c.result} ${c.path.join('>')}`)).toEqual(Array(2).fill(['timeout C>R>D>RS2>GW>R>C', 'timeout C>R>D>RS1>GW>R>C']).flat());
    // The SYN-ACK comes from 192.168.10.1x, which no socket of the client expects.
    const rst = decisions(r, 'tcp.rcv', 'C').filter((d) => d.verdict === 'reply');
    expect(rst.length).toBeGreaterThan(0);
    expect(String(rst[0].params.from)).toMatch(/^192\.168\.10\.1[12]:80$/);
  });
});

describe('the connection table', () => {
  test('DR sees only the client side: SYN_RECV → ESTABLISHED → FIN_WAIT (input-only table), then it expires after 2 minutes', () => {
    const scn = cluster({ method: 'dr', scheduler: 'rr', actions: [
      { type: 'connect', host: 'C', to: `${VIP}:80`, count: 1 },
      { type: 'wait', seconds: 121 },
    ] });
    const r = simulate(scn);
    const states = decisions(r, 'ip_vs.state', 'D').map((d) => `${d.params.state_from}>${d.params.state_to} ${d.reason} ${d.params.timeout}`);
    expect(states).toEqual(['NONE>SYN_RECV input-only 60', 'SYN_RECV>ESTABLISHED input-only 900', 'ESTABLISHED>FIN_WAIT input-only 120']);
    const exp = decisions(r, 'ip_vs.expire', 'D');
    expect(exp.map((d) => d.params.state)).toEqual(['FIN_WAIT']);
    // The timer restarts with every packet: it runs out 120 s after the client's last ACK.
    const last = r.events.slice().filter((e) => e.kind === 'rx' && e.host === 'D').at(-1)!;
    expect(exp[0].t - last.t).toBe(120_000_000);
  });

  test('NAT sees both sides: … CLOSE_WAIT on the client’s FIN, TIME_WAIT on the server’s', () => {
    const r = run({ method: 'nat', scheduler: 'rr', actions: [{ type: 'connect', host: 'C', to: `${VIP}:80`, count: 1 }] });
    const states = decisions(r, 'ip_vs.state', 'D').map((d) => `${d.params.state_from}>${d.params.state_to} ${d.reason}`);
    expect(states).toEqual(['NONE>SYN_RECV input', 'SYN_RECV>ESTABLISHED input', 'ESTABLISHED>CLOSE_WAIT input', 'CLOSE_WAIT>TIME_WAIT output']);
  });

  test('UDP: one datagram each way, a connection in state UDP for 5 minutes', () => {
    const r = run({ method: 'dr', scheduler: 'rr', proto: 'udp' });
    expect(summary(r)).toEqual(rrServed((rs) => `C>R>D>${rs}>R>C`));
    expect(decisions(r, 'ip_vs.state', 'D').map((d) => `${d.params.state_to} ${d.reason} ${d.params.timeout}`)).toEqual(Array(4).fill('UDP udp 300'));
  });

  test('persistence (-p 300): a template keeps the client on the real server it got first', () => {
    const r = run({ method: 'dr', scheduler: 'rr', persistent: 300 });
    expect(conns(r).map((c) => c.server)).toEqual(['RS2', 'RS2', 'RS2', 'RS2']);
    expect(decisions(r, 'ip_vs.schedule', 'D').map((d) => d.params.template ?? 'new')).toEqual(['new', '10.0.1.2', '10.0.1.2', '10.0.1.2']);
  });

  test('no real server with a weight: the director answers ICMP port unreachable and the client gives up (refused)', () => {
    const r = run({ method: 'dr', scheduler: 'wlc', weights: [0, 0] });
    expect(conns(r).map((c) => c.result)).toEqual(Array(4).fill('refused'));
    expect(decisions(r, 'ip_vs.schedule', 'D')[0]).toMatchObject({ verdict: 'drop', reason: 'no_dest' });
  });
});

describe('ipvsadm -Ln / -Lnc after a step', () => {
  test('DR rr: the newest real server first, counters and FIN_WAIT connections with two minutes left', () => {
    const r = run({ method: 'dr', scheduler: 'rr' });
    const t = r.steps[1].ipvs!.D;
    expect(ipvsadmLn(t)).toEqual([
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  10.0.0.100:80 rr',
      '  -> 10.0.0.12:80                 Route   1      0          2',
      '  -> 10.0.0.11:80                 Route   1      0          2',
    ]);
    const rows = ipvsadmLnc(t).slice(2).map((l) => l.replace(/:\d{5} /, ':PORT '));
    expect(rows).toEqual([
      'TCP 01:59  FIN_WAIT    10.0.1.2:PORT     10.0.0.100:80      10.0.0.12:80',
      'TCP 01:59  FIN_WAIT    10.0.1.2:PORT     10.0.0.100:80      10.0.0.11:80',
      'TCP 02:00  FIN_WAIT    10.0.1.2:PORT     10.0.0.100:80      10.0.0.12:80',
      'TCP 02:00  FIN_WAIT    10.0.1.2:PORT     10.0.0.100:80      10.0.0.11:80',
    ]);
    // Step 0 (the set-up) has the services as configured, with no connections yet.
    const t0 = r.steps[0].ipvs!.D;
    expect(ipvsadmLn(t0).slice(3)).toEqual(['TCP  10.0.0.100:80 rr', '  -> 10.0.0.12:80                 Route   1      0          0', '  -> 10.0.0.11:80                 Route   1      0          0']);
    expect(t0.conns).toEqual([]);
  });

  test('NAT wlc -p 300: the template (client:0, NONE, five minutes) and every connection on the same real server', () => {
    const t = run({ method: 'nat', scheduler: 'wlc', persistent: 300 }).steps[1].ipvs!.D;
    expect(ipvsadmLn(t).slice(3)).toEqual([
      'TCP  10.0.0.100:80 wlc persistent 300',
      '  -> 192.168.10.12:80             Masq    1      0          4',
      '  -> 192.168.10.11:80             Masq    1      0          0',
    ]);
    expect(t.conns.map((c) => `${c.state} ${c.source.endsWith(':0') ? 'template' : 'conn'} ${c.destination}`)).toEqual([
      'NONE template 192.168.10.12:80',
      ...Array(4).fill('TIME_WAIT conn 192.168.10.12:80'),
    ]);
  });

  test('hosts without IPVS add nothing to a step', () => {
    const scn = cluster({ method: 'dr' });
    for (const h of scn.hosts) delete h.ipvs;
    expect(simulate(scn).steps[1].ipvs).toBeUndefined();
  });
});

test('same scenario and seed ⇒ byte-identical result; another seed draws other ports and sequence numbers', () => {
  const o: ClusterOptions = { method: 'tun', scheduler: 'wlc', seed: 7 };
  const a = JSON.stringify(run(o));
  expect(JSON.stringify(run(o))).toBe(a);
  expect(JSON.stringify(run({ ...o, seed: 8 }))).not.toBe(a);
});

function macOf(r: SimResult, host: string, dev: string): string {
  const tx = r.events.slice().find((e) => e.kind === 'tx' && e.host === host && e.dev === dev);
  if (!tx || tx.kind !== 'tx') throw new Error(`${host}.${dev} sent nothing`);
  return tx.frame.src;
}

describe('TCP neighbour confirmation (sk_dst_confirm → dst_pending_confirm)', () => {
  test('the server confirms only after the client acknowledged its answer; the client after its SYN was acknowledged', () => {
    const r = run({ method: 'nat', scheduler: 'rr' });
    const segs = (host: string) =>
      r.events.slice().flatMap((e) => (e.kind === 'tx' && e.host === host && e.frame.ip?.tcp ? [`${e.frame.ip.tcp.flags}${e.frame.ip.confirm ? ' confirm' : ''}`] : []));
    // The server's socket starts with snd_una = ISN + 1 (tcp_create_openreq_child): the
    // handshake's ACK and the request acknowledge nothing it holds (tcp_ack: no_queue), so the
    // answer goes unconfirmed; the client's ACK of the answer makes the FIN confirm.
    expect(new Set(segs('RS1'))).toEqual(new Set(['S.', 'P.', 'F. confirm']));
    // The client: the SYN-ACK acknowledges its SYN (FLAG_SYN_ACKED), so the handshake's ACK confirms.
    expect(segs('C').filter((s) => s.startsWith('.')).length).toBeGreaterThan(0);
    expect(segs('C').slice(0, 3)).toEqual(['S', '. confirm', 'P.']);
  });
});
