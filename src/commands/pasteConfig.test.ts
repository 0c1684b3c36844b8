/** Paste a config: each line applied to R1's setup and marked, "changed nothing" explained by the run's decisions. */
import { describe, expect, it } from 'vitest';
import lvs from './__fixtures__/lvs-rs.json';
import { MemoryBackend } from './memoryBackend.ts';
import { pasteConfig } from './pasteConfig.ts';
import type { ScenarioV1 } from '../scenario/types.ts';

/** R1 with the VIP on lo:0 but no ARP fix; the client pings the VIP. */
function scenario(): ScenarioV1 {
  const s = structuredClone(lvs) as unknown as ScenarioV1;
  s.hosts.R1.interfaces!.lo = { addresses: [{ cidr: '192.168.100.200/32', label: 'lo:0' }] };
  s.actions = [{ type: 'ping', host: 'C', to: '192.168.100.200', count: 1 }];
  return s;
}

const SCRIPT = `#!/bin/sh
# LVS-DR real server
net.ipv4.conf.lo.arp_ignore = 1
echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore
ifconfig lo:0 192.168.100.200 netmask 255.255.255.255 up
route add -host 192.168.100.200 dev lo:0
frobnicate --now
ip a | grep inet`;

describe('paste a config', () => {
  it('marks every line: applied, changed nothing (and why), not understood', async () => {
    const b = new MemoryBackend(scenario(), 'R1');
    const marks = await pasteConfig(b, SCRIPT);
    const by = (n: number) => marks.find((m) => m.line === n);
    expect(by(1)?.status).toBe('skipped');
    expect(by(3)).toMatchObject({ status: 'no-effect', command: 'sysctl -w net.ipv4.conf.lo.arp_ignore=1' });
    expect(by(3)?.why).toMatch(/^arp_ignore is read on eth0 \(\d+ decisions?\), never on lo \(the value used is max\(all, eth0\)\)$/);
    expect(by(4)).toMatchObject({ status: 'applied' });
    expect(by(5)).toMatchObject({ status: 'no-effect', why: 'the host is already configured so' });
    expect(by(6)?.status).toMatch(/applied|no-effect/);
    expect(by(7)).toMatchObject({ status: 'not-understood' });
    expect(by(8)).toMatchObject({ status: 'not-understood', why: 'arplab: pipes are not supported in this console' });
    // Applied to the setup, not as actions.
    expect(b.scenario.hosts.R1.sysctls).toEqual({ 'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.all.arp_ignore': 1 });
    expect(b.scenario.actions).toHaveLength(1);
  });
  it('reads sysctl.conf and the output of ip addr / ip route / ip neigh', async () => {
    const b = new MemoryBackend(scenario(), 'R1');
    const marks = await pasteConfig(b, [
      '2: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
      '    link/ether 02:00:00:00:0e:00 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
      '    inet 192.168.100.21/24 scope global eth0',
      '       valid_lft forever preferred_lft forever',
      '    inet 10.0.0.21/24 scope global eth0',
      'default via 192.168.100.10 dev eth0 ',
      '192.168.100.0/24 dev eth0 proto kernel scope link src 192.168.100.21 ',
      '192.168.100.1 dev eth0 lladdr 02:00:00:00:01:00 PERMANENT ',
      '192.168.100.99 dev eth0 lladdr 02:00:00:00:0c:00 REACHABLE ',
    ].join('\n'));
    expect(marks.map((m) => [m.line, m.status, m.command])).toEqual([
      [1, 'skipped', undefined],
      [2, 'skipped', undefined],
      [3, 'no-effect', 'ip addr replace 192.168.100.21/24 dev eth0'],
      [4, 'skipped', undefined],
      [5, 'no-effect', 'ip addr replace 10.0.0.21/24 dev eth0'],
      [6, 'no-effect', 'ip route replace default via 192.168.100.10 dev eth0'],
      [7, 'skipped', undefined],
      // A static entry is in R1's table after every step: that is a change of the outcome.
      [8, 'applied', 'ip neigh replace 192.168.100.1 dev eth0 lladdr 02:00:00:00:01:00 nud permanent'],
      [9, 'skipped', undefined],
    ]);
    const r1 = b.scenario.hosts.R1;
    expect(r1.interfaces!.eth0.addresses).toEqual(['192.168.100.21/24', { cidr: '10.0.0.21/24' }]);
    expect(r1.routes).toHaveLength(1);
    expect(r1.neigh).toEqual([{ ip: '192.168.100.1', dev: 'eth0', lladdr: '02:00:00:00:01:00', nud: 'permanent' }]);
  });
});
