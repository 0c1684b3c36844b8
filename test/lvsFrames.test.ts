/**
 * TCP, UDP and IP-in-IP frames of LVS runs export to bytes whose length is the one the
 * engine put in the trace (frameBytes throws on a mismatch), and tcpdump lines read them.
 * Every decision of these runs renders in English and Chinese.
 */
import { expect, test } from 'vitest';
import { simulate } from '../src/engine/index.ts';
import { cluster } from '../src/engine/test/lvsCluster.ts';
import { frameBytes } from '../src/export/frameBytes.ts';
import { tcpdumpLine } from '../src/view/format/tcpdump.ts';
import { renderDecision } from '../src/i18n/decision.ts';
import { loadZh } from '../src/i18n/index.ts';
import type { DecisionEvent } from '../src/engine/index.ts';
import type { ClusterOptions } from '../src/engine/test/lvsCluster.ts';

// The app loads its Chinese decision texts on demand (i18n/index.ts loadZh).
await loadZh();

test('every frame of DR, TUN, NAT (TCP and UDP) and a refused run has bytes of its traced length', () => {
  const kinds = new Set<string>();
  for (const method of ['dr', 'tun', 'nat'] as const) {
    for (const proto of ['tcp', 'udp'] as const) {
      for (const weights of [[1, 1], [0, 0]] as [number, number][]) {
        const r = simulate(cluster({ method, proto, weights, scheduler: 'rr' }));
        for (const e of r.events) {
          if (e.kind !== 'tx') continue;
          kinds.add(e.frameKind);
          expect(frameBytes(e.frame).length, `${method} ${proto} frame ${e.frame.id}`).toBe(e.frame.length);
        }
      }
    }
  }
  expect([...kinds].sort()).toEqual(['arp-reply', 'arp-request', 'icmp-unreachable', 'ipip', 'tcp', 'udp']);
});

test('tcpdump lines for a SYN, a tunnelled SYN and a port unreachable', () => {
  const r = simulate(cluster({ method: 'tun', scheduler: 'rr', actions: [{ type: 'connect', host: 'C', to: '10.0.0.100:80', count: 1 }] }));
  const lines = r.events.slice().flatMap((e) => (e.kind === 'tx' && e.frame.ip ? [tcpdumpLine(e.frame)] : []));
  expect(lines.some((l) => /10\.0\.1\.2\.\d+ > 10\.0\.0\.100\.80: Flags \[S\], seq \d+, length 0/.test(l))).toBe(true);
  expect(lines.some((l) => /^.*10\.0\.0\.2 > 10\.0\.0\.12: 10\.0\.1\.2\.\d+ > 10\.0\.0\.100\.80: Flags \[S\]/.test(l))).toBe(true);
});

test('every decision of LVS runs (each method and scheduler, failures included) renders in en and zh', () => {
  const runs: ClusterOptions[] = [];
  for (const method of ['dr', 'tun', 'nat'] as const) for (const scheduler of ['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq'] as const) runs.push({ method, scheduler });
  runs.push({ method: 'dr', arpFix: false }, { method: 'tun', rpFilterTunl: 1 }, { method: 'nat', forward: false }, { method: 'nat', natGatewayDirector: false },
    { method: 'dr', persistent: 300 }, { method: 'dr', weights: [0, 0] }, { method: 'dr', proto: 'udp' },
    { method: 'dr', actions: [{ type: 'connect', host: 'C', to: '10.0.0.100:80', count: 1 }, { type: 'wait', seconds: 400 }], persistent: 300 });
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const o of runs) {
    for (const e of simulate(cluster(o)).events) {
      if (e.kind !== 'decision') continue;
      const d = e as DecisionEvent;
      seen.add(`${d.rule} ${d.reason}`);
      for (const lang of ['en', 'zh'] as const) for (const p of renderDecision(lang, d).problems) problems.push(`${lang} ${d.rule} ${d.verdict} ${d.reason}: ${p}`);
    }
  }
  expect([...new Set(problems)]).toEqual([]);
  for (const s of ['ip_vs.schedule wlc', 'ip_vs.schedule sh', 'ip_vs.schedule persistent', 'ip_vs.schedule no_dest', 'ip_vs.state input-only', 'ip_vs.state output', 'ip_vs.state udp',
    'ip_vs.xmit dr', 'ip_vs.xmit tun', 'ip_vs.xmit nat', 'ip_vs.out snat', 'ip_vs.expire conn', 'ip_vs.expire template', 'ipip.rcv decap', 'tcp.rcv listener', 'tcp.rcv no_socket', 'udp.rcv listener']) {
    expect(seen, s).toContain(s);
  }
});
