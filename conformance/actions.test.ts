import { describe, expect, it } from 'vitest';
import { parseArping, parsePing, planAction } from './actions.ts';

describe('planAction', () => {
  it('runs ping as the event list prints it, with -n for numeric output', () => {
    const p = planAction({ type: 'ping', host: 'R1', to: '192.168.100.99', iface: '192.168.100.200' });
    expect(p.cmd).toBe('ping -n -I 192.168.100.200 -c 1 -W 1 192.168.100.99');
    expect(p.desc).toBe('R1$ ping -I 192.168.100.200 -c 1 -W 1 192.168.100.99');
    expect(p.commands[0]!.ip).toBe(false);
    expect(planAction({ type: 'ping', host: 'H1', to: '192.168.2.20', count: 2, W: 2 }).cmd).toBe('ping -n -c 2 -W 2 192.168.2.20');
  });

  it('runs arping with every flag of the action', () => {
    expect(planAction({ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', count: 1, w: 1, src: '10.1.2.3' }).cmd)
      .toBe('arping -I eth0 -s 10.1.2.3 -c 1 -w 1 192.168.100.10');
    const d = planAction({ type: 'arping', host: 'A', iface: 'eth0', target: '192.168.100.70', count: 1, w: 1, D: true, b: true });
    expect(d.cmd).toBe('arping -D -b -I eth0 -c 1 -w 1 192.168.100.70');
    expect(d.desc).toBe('A$ arping -D -b -I eth0 -c 1 -w 1 192.168.100.70');
    // without count, the format's default -c 1 runs, as in the engine
    expect(planAction({ type: 'arping', host: 'A', iface: 'eth0', target: '192.168.100.54', U: true, w: 2 }).cmd).toBe('arping -U -I eth0 -c 1 -w 2 192.168.100.54');
  });

  it('runs the ip and sysctl actions per host', () => {
    const f = planAction({ type: 'flush', hosts: ['A', 'B'] });
    expect(f.desc).toBe('A,B$ ip neigh flush all');
    expect(f.sequential).toBe(true);
    expect(f.commands.map((c) => [c.host, c.argv.join(' '), c.ip])).toEqual([['A', 'neigh flush all', true], ['B', 'neigh flush all', true]]);
    const s = planAction({ type: 'sysctl', hosts: ['R1'], set: { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 } });
    expect(s.desc).toBe('R1$ sysctl -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2');
    expect(s.commands[0]!.argv).toEqual(['sysctl', '-q', '-w', 'net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.conf.all.arp_announce=2']);
    expect(planAction({ type: 'neigh_add', host: 'C', ip: '192.168.100.200', lladdr: '02:00:00:00:0D:00', dev: 'eth0', nud: 'stale' }).desc)
      .toBe('C$ ip neigh replace 192.168.100.200 lladdr 02:00:00:00:0d:00 dev eth0 nud stale');
    expect(planAction({ type: 'route', host: 'A', op: 'del', route: { dest: '192.168.100.0/24', dev: 'eth0', metric: 200 } }).desc)
      .toBe('A$ ip route del 192.168.100.0/24 dev eth0 metric 200');
    expect(planAction({ type: 'addr', host: 'A', op: 'add', cidr: '10.9.9.9/32', dev: 'eth0' }).desc).toBe('A$ ip addr add 10.9.9.9/32 dev eth0');
    expect(planAction({ type: 'link', host: 'A', dev: 'eth0', mac: '02:00:00:00:AA:01' }).desc).toBe('A$ ip link set eth0 address 02:00:00:00:aa:01');
    expect(planAction({ type: 'link', host: 'A', dev: 'eth0', state: 'down' }).commands[0]!.argv).toEqual(['link', 'set', 'eth0', 'down']);
    expect(planAction({ type: 'wait', seconds: 1.2 })).toMatchObject({ desc: 'sleep 1.2', sleep: 1.2, commands: [] });
  });

  it('refuses an unknown action', () => {
    expect(() => planAction({ type: 'teleport' })).toThrow(/unknown action type/);
  });
});

describe('tool output', () => {
  it('reads ping statistics (success and failure)', () => {
    const ok = parsePing('PING 192.168.100.70 (192.168.100.70) 56(84) bytes of data.\n64 bytes from 192.168.100.70: icmp_seq=1 ttl=64 time=1.02 ms\n\n--- 192.168.100.70 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 1.015/1.015/1.015/0.000 ms\n', '');
    expect(ok).toMatchObject({ ok: true, sent: 1, received: 1 });
    expect(ok.output).toBe('--- 192.168.100.70 ping statistics --- | 1 packets transmitted, 1 received, 0% packet loss, time 0ms | rtt min/avg/max/mdev = 1.015/1.015/1.015/0.000 ms');
    const bad = parsePing('PING x\n\n--- 192.168.100.54 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n', '');
    expect(bad).toMatchObject({ ok: false, sent: 1, received: 0, output: ' | --- 192.168.100.54 ping statistics --- | 1 packets transmitted, 0 received, 100% packet loss, time 0ms' });
    expect(parsePing('', 'ping: connect: Network is unreachable\n')).toMatchObject({ ok: false, sent: 0 });
  });

  it('reads arping replies; -D true means in use; -U/-A give null', () => {
    const out = 'ARPING 192.168.100.70 from 192.168.100.54 eth1\nUnicast reply from 192.168.100.70 [02:00:00:00:0B:00]  0.807ms\nSent 1 probes (1 broadcast(s))\nReceived 1 response(s)\n';
    expect(parseArping(out, '', false)).toMatchObject({
      ok: true, sent: 1, broadcasts: 1, received: 1,
      replies: [{ kind: 'unicast', what: 'reply', from_ip: '192.168.100.70', from_mac: '02:00:00:00:0b:00' }],
    });
    const none = 'ARPING 192.168.100.71 from 0.0.0.0 eth0\nSent 1 probes (1 broadcast(s))\nReceived 0 response(s)\n';
    expect(parseArping(none, '', false).ok).toBe(false);
    expect(parseArping(none, '', true).ok).toBeNull();
  });
});
