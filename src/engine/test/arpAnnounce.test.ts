/**
 * arp_announce: the sender IP of the kernel's requests (arp.c arp_solicit), the matrix of
 * linux-arp-spec §4.2 (lab-verified) plus the secondary-address row of oracle S10.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

function announce(mode: number, from: string): string {
  const r = run({
    hosts: {
      A: {
        interfaces: {
          eth0: { mac: '02:00:00:00:0a:00', addresses: ['10.9.0.2/24', { cidr: '10.9.0.55/24', label: 'eth0:1' }] },
          lo: { addresses: ['10.9.0.100/32', '192.168.50.100/32'] },
        },
        sysctls: { 'net.ipv4.conf.all.arp_announce': mode },
      },
      B: { interfaces: { eth0: { addresses: ['10.9.0.3/24'] } } },
    },
    segments: { lan: ['A.eth0', 'B.eth0'] },
    actions: [{ type: 'ping', host: 'A', to: '10.9.0.3', iface: from }],
  });
  const req = r.steps[1].frames.find((f) => f.from === 'A.eth0' && f.op === 'request');
  return req!.spa;
}

describe('arp_announce chooses the sender IP of a request', () => {
  const rows: [number, string, string][] = [
    [0, '10.9.0.100', '10.9.0.100'],
    [0, '192.168.50.100', '192.168.50.100'],
    [0, '10.9.0.55', '10.9.0.55'],
    [1, '10.9.0.100', '10.9.0.100'],
    [1, '192.168.50.100', '10.9.0.2'],
    [1, '10.9.0.55', '10.9.0.55'],
    [2, '10.9.0.100', '10.9.0.2'],
    [2, '192.168.50.100', '10.9.0.2'],
    [2, '10.9.0.55', '10.9.0.2'],
  ];
  for (const [mode, from, sip] of rows) {
    it(`mode ${mode}, packet from ${from}: tell ${sip}`, () => expect(announce(mode, from)).toBe(sip));
  }

  it('a PROBE re-probe has no packet attached and uses the primary, even in mode 0', () => {
    const r = run({
      hosts: {
        A: { interfaces: { eth0: { addresses: ['10.9.0.2/24'] }, lo: { addresses: ['10.9.0.100/32'] } } },
        C: { interfaces: { eth0: { addresses: ['10.9.0.3/24'] } } },
      },
      segments: { lan: ['A.eth0', 'C.eth0'] },
      actions: [{ type: 'ping', host: 'C', to: '10.9.0.100' }, { type: 'wait', seconds: 6 }],
    });
    expect(r.steps[2].frames.map((f) => `${f.from} ${f.op} ${f.eth_dst} tell ${f.spa}`)).toEqual([
      'A.eth0 request 02:00:00:00:02:00 tell 10.9.0.2',
      'C.eth0 reply 02:00:00:00:01:00 tell 10.9.0.3',
    ]);
  });
});
