/**
 * The console through its real path: lines parsed by the shell, commands reading the engine's
 * hosts at the cursor, changes inserted as actions and re-simulated (MemoryBackend: checkOp +
 * simulate, as the store does). Golden strings are copied from iproute2 6.1, procps-ng 4,
 * net-tools 2.10 and tcpdump 4.99 run in network namespaces (see README "A command").
 */
import { describe, expect, it } from 'vitest';
import twoNic from '../examples/twoNic.json';
import lvs from './__fixtures__/lvs-rs.json';
import { MemoryBackend } from './memoryBackend.ts';
import { runLine } from './session.ts';
import { parseShell } from './shell.ts';
import type { ScenarioV1 } from '../scenario/types.ts';

const at = (s: unknown, host: string, step?: number) => new MemoryBackend(s as ScenarioV1, host, step);
const text = async (b: MemoryBackend, line: string) => (await runLine(b, line)).out.join('\n');

describe('shell', () => {
  it('splits words, quotes, ; and a redirection', () => {
    expect(parseShell(`echo 'a b' "c\\"d" e\\ f; cat x # note`)).toEqual({ ok: true, commands: [{ argv: ['echo', 'a b', 'c"d', 'e f'] }, { argv: ['cat', 'x'] }] });
    expect(parseShell('echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore')).toEqual({ ok: true, commands: [{ argv: ['echo', '1'], redirect: { path: '/proc/sys/net/ipv4/conf/all/arp_ignore', append: false } }] });
  });
  it('says what it does not support instead of doing something else', () => {
    expect(parseShell('ip a | grep inet')).toMatchObject({ ok: false, error: 'arplab: pipes are not supported in this console' });
    expect(parseShell('echo $VIP')).toMatchObject({ ok: false, error: 'arplab: variables and $(…) are not supported in this console' });
    expect(parseShell("echo 'open")).toMatchObject({ ok: false, rc: 2 });
    expect(parseShell('; ls')).toMatchObject({ ok: false, error: "bash: syntax error near unexpected token `;'" });
  });
});

describe('listings (golden, at the end of the two-NIC experiment)', () => {
  const A = () => at(twoNic, 'A');
  it('ip addr, ip -4 addr show DEV', async () => {
    expect(await text(A(), 'ip -4 addr show eth1')).toBe([
      '3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
      '    inet 192.168.100.36/24 scope global noprefixroute eth1',
      '       valid_lft forever preferred_lft forever',
    ].join('\n'));
    expect((await text(A(), 'ip a')).split('\n').slice(0, 4)).toEqual([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
    ]);
  });
  it('ip route in the kernel trie order, the local table with broadcast routes', async () => {
    expect(await text(A(), 'ip route')).toBe([
      '172.16.0.0/16 dev eth2 proto kernel scope link src 172.16.10.10 metric 100 ',
      '192.168.100.0/24 dev eth0 proto kernel scope link src 192.168.100.17 ',
      '192.168.100.0/24 dev eth1 proto kernel scope link src 192.168.100.36 metric 101 ',
    ].join('\n'));
    expect((await text(A(), 'ip route show table local')).split('\n')).toEqual([
      'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ',
      'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ',
      'broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 ',
      'local 172.16.10.10 dev eth2 proto kernel scope host src 172.16.10.10 ',
      'broadcast 172.16.255.255 dev eth2 proto kernel scope link src 172.16.10.10 ',
      'local 192.168.100.17 dev eth0 proto kernel scope host src 192.168.100.17 ',
      'local 192.168.100.36 dev eth1 proto kernel scope host src 192.168.100.36 ',
      'broadcast 192.168.100.255 dev eth0 proto kernel scope link src 192.168.100.17 ',
      'broadcast 192.168.100.255 dev eth1 proto kernel scope link src 192.168.100.36 ',
    ]);
  });
  it('ip route get: output and input decisions', async () => {
    expect(await text(A(), 'ip route get 192.168.100.39')).toBe('192.168.100.39 dev eth0 src 192.168.100.17 uid 0 \n    cache ');
    expect(await text(A(), 'ip route get 192.168.100.36 from 192.168.100.39 iif eth0')).toBe('local 192.168.100.36 from 192.168.100.39 dev lo \n    cache <local> iif eth0 ');
    expect(await runLine(A(), 'ip route get 8.8.8.8')).toEqual({ out: ['RTNETLINK answers: Network is unreachable'], rc: 2, clear: false });
    expect(await runLine(A(), 'ip route get')).toMatchObject({ out: ['need at least a destination address'], rc: 1 });
  });
  it('ip neigh, ip -s neigh, arp -n, arp -an', async () => {
    expect(await text(A(), 'ip neigh')).toBe('192.168.100.39 dev eth0 lladdr 02:00:00:00:0b:00 DELAY ');
    expect(await text(A(), 'ip -s neigh show dev eth0')).toBe('192.168.100.39 lladdr 02:00:00:00:0b:00  used 0/60/0probes 0 DELAY ');
    expect(await text(A(), 'arp -n')).toBe([
      'Address                  HWtype  HWaddress           Flags Mask            Iface',
      '192.168.100.39           ether   02:00:00:00:0b:00   C                     eth0',
    ].join('\n'));
    expect(await text(A(), 'arp -an')).toBe('? (192.168.100.39) at 02:00:00:00:0b:00 [ether] on eth0');
    expect(await text(A(), 'arp -n 1.2.3.4')).toBe('1.2.3.4 (1.2.3.4) -- no entry');
  });
  it('route -n', async () => {
    expect(await text(A(), 'route -n')).toBe([
      'Kernel IP routing table',
      'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
      '172.16.0.0      0.0.0.0         255.255.0.0     U     100    0        0 eth2',
      '192.168.100.0   0.0.0.0         255.255.255.0   U     0      0        0 eth0',
      '192.168.100.0   0.0.0.0         255.255.255.0   U     101    0        0 eth1',
    ].join('\n'));
  });
  it('sysctl and /proc/sys', async () => {
    expect(await text(A(), 'sysctl net.ipv4.conf.all.rp_filter')).toBe('net.ipv4.conf.all.rp_filter = 1');
    expect(await text(A(), 'sysctl -n net.ipv4.conf.eth1.rp_filter')).toBe('1');
    expect(await text(A(), 'sysctl -a -r conf.lo.arp_i')).toBe('net.ipv4.conf.lo.arp_ignore = 0');
    expect(await text(A(), 'cat /proc/sys/net/ipv4/conf/all/rp_filter')).toBe('1');
    expect(await runLine(A(), 'sysctl net.ipv4.conf.foo.arp_ignore')).toMatchObject({ out: ['sysctl: cannot stat /proc/sys/net/ipv4/conf/foo/arp_ignore: No such file or directory'], rc: 1 });
    expect(await runLine(A(), 'cat /proc/sys/net/ipv4/conf/foo/arp_ignore')).toMatchObject({ out: ['cat: /proc/sys/net/ipv4/conf/foo/arp_ignore: No such file or directory'], rc: 1 });
  });
  it('ifconfig DEV', async () => {
    expect(await text(A(), 'ifconfig eth1')).toBe([
      'eth1: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500',
      '        inet 192.168.100.36  netmask 255.255.255.0  broadcast 0.0.0.0',
      '        ether 02:00:00:00:0a:01  txqueuelen 1000  (Ethernet)',
      '        RX packets 2  bytes 84 (84.0 B)',
      '        RX errors 0  dropped 0  overruns 0  frame 0',
      '        TX packets 0  bytes 0 (0.0 B)',
      '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
      '',
    ].join('\n'));
    expect(await runLine(A(), 'ifconfig foo')).toMatchObject({ out: ['foo: error fetching interface information: Device not found'], rc: 1 });
  });
  it('tcpdump -n -e arp on the trace', async () => {
    const out = (await text(A(), 'tcpdump -n -e -i eth1 arp')).split('\n');
    expect(out.slice(0, 3)).toEqual([
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
      'listening on eth1, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
      expect.stringMatching(/^00:00:00\.\d{6} 02:00:00:00:0b:00 > ff:ff:ff:ff:ff:ff, ethertype ARP \(0x0806\), length 42: Request who-has 192.168.100.36 tell 192.168.100.39, length 28$/),
    ]);
    expect(out.slice(-3)).toEqual(['2 packets captured', '2 packets received by filter', '0 packets dropped by kernel']);
    expect(await runLine(A(), 'tcpdump -n arp and')).toMatchObject({ out: ['tcpdump: syntax error in filter expression: syntax error'], rc: 1 });
  });
  it('errors in the tools\' words and statuses', async () => {
    expect(await runLine(A(), 'foo')).toMatchObject({ out: ['bash: foo: command not found'], rc: 127 });
    expect(await runLine(A(), 'ip foo')).toMatchObject({ out: ['Object "foo" is unknown, try "ip help".'], rc: 1 });
    expect(await runLine(A(), 'ip addr show dev foo')).toMatchObject({ out: ['Device "foo" does not exist.'], rc: 1 });
    expect(await runLine(A(), 'arp -x')).toMatchObject({ out: ["arp: invalid option -- 'x'"], rc: 3 });
    expect(await runLine(A(), 'ip addr add 192.168.100.36/24 dev eth1')).toMatchObject({ out: ['Error: ipv4: Address already assigned.'], rc: 2 });
  });
  it('the cursor: a query at step 0 reads the state after setup', async () => {
    expect(await text(at(twoNic, 'A', 0), 'ip neigh')).toBe('');
  });
});

describe('changes: typed at the cursor, one action each, the scenario runs again', () => {
  it('the LVS real-server script, line by line, moves the client\'s cache for the VIP from R1 back to D', async () => {
    const b = at(lvs, 'R1');
    expect((await runLine(b, 'ifconfig lo:0 192.168.100.200 netmask 255.255.255.255 up')).rc).toBe(0);
    expect(b.scenario.actions?.[0]).toEqual({ type: 'addr', host: 'R1', op: 'add', cidr: '192.168.100.200/32', dev: 'lo', label: 'lo:0' });
    b.use('C');
    await runLine(b, 'ping -c 1 192.168.100.200');
    // Without the fix R1 answers for the VIP on eth0, and its reply came last.
    expect(await text(b, 'ip neigh show 192.168.100.200')).toBe('192.168.100.200 dev eth0 lladdr 02:00:00:00:0e:00 REACHABLE ');
    b.use('R1');
    for (const line of [
      'echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore',
      'echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce',
      'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore',
      'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce',
      'route add -host 192.168.100.200 dev lo:0',
    ]) expect((await runLine(b, line)).rc).toBe(0);
    expect(await text(b, 'ip route')).toBe('192.168.100.0/24 dev eth0 proto kernel scope link src 192.168.100.21 \n192.168.100.200 dev lo scope link src 192.168.100.200 ');
    b.use('C');
    const r = await runLine(b, 'ip neigh flush all; ping -c 1 192.168.100.200; ip neigh show 192.168.100.200');
    expect(r.out.at(-1)).toBe('192.168.100.200 dev eth0 lladdr 02:00:00:00:0d:00 REACHABLE ');
    expect(b.scenario.actions?.length).toBe(9);
  });
  it('a change the kernel refuses prints its error and changes nothing', async () => {
    const b = at(lvs, 'R1');
    expect(await runLine(b, 'sysctl -w net.ipv4.conf.all.arp_ignore=2147483648')).toMatchObject({ out: ['sysctl: setting key "net.ipv4.conf.all.arp_ignore": Invalid argument'], rc: 1 });
    expect(await runLine(b, 'sysctl -w net.ipv4.conf.all.arp_ignore=1.5')).toMatchObject({ out: ['sysctl: setting key "net.ipv4.conf.all.arp_ignore": Invalid argument'], rc: 1 });
    expect(await runLine(b, 'echo abc > /proc/sys/net/ipv4/conf/all/arp_ignore')).toMatchObject({ out: ['bash: echo: write error: Invalid argument'], rc: 1 });
    expect(await runLine(b, 'route del -host 10.9.9.9')).toMatchObject({ out: ['SIOCDELRT: No such process'], rc: 7 });
    expect(await runLine(b, 'ip route del 10.9.9.0/24 dev eth0')).toMatchObject({ out: ['RTNETLINK answers: No such process'], rc: 2 });
    expect(b.scenario.actions ?? []).toEqual([]);
  });
  it('sysctl -p/-f/--load read files the host does not have, /etc/sysctl.conf by default, and change nothing', async () => {
    const b = at(lvs, 'R1');
    const cannot = (f: string) => `sysctl: cannot open "${f}": No such file or directory`;
    expect(await runLine(b, 'sysctl -p')).toMatchObject({ out: [cannot('/etc/sysctl.conf')], rc: 1 });
    expect(await runLine(b, 'sysctl -f')).toMatchObject({ out: [cannot('/etc/sysctl.conf')], rc: 1 });
    // -pFILE is the optional argument; a later bare -p keeps it; every word is a file too.
    expect(await runLine(b, 'sysctl -p/a -p /b net.ipv4.ip_forward=1')).toMatchObject({ out: [cannot('/a'), cannot('/b'), cannot('net.ipv4.ip_forward=1')], rc: 1 });
    expect(await runLine(b, 'sysctl --load=/a')).toMatchObject({ out: [cannot('/a')], rc: 1 });
    expect(await runLine(b, 'sysctl -pq')).toMatchObject({ out: [cannot('q')], rc: 1 });
    expect(b.scenario.actions ?? []).toEqual([]);
  });
  it('sysctl -w stores any int as the kernel reads it (0x9 is 9) and prints the value as typed', async () => {
    const b = at(lvs, 'R1');
    expect(await runLine(b, 'sysctl -w net.ipv4.conf.all.arp_ignore=0x9')).toMatchObject({ out: ['net.ipv4.conf.all.arp_ignore = 0x9'], rc: 0 });
    expect(b.scenario.actions).toEqual([{ type: 'sysctl', host: 'R1', set: { 'net.ipv4.conf.all.arp_ignore': 9 } }]);
    expect(await runLine(b, 'sysctl net.ipv4.conf.all.arp_ignore')).toMatchObject({ out: ['net.ipv4.conf.all.arp_ignore = 9'], rc: 0 });
    expect(await runLine(b, 'echo -7 > /proc/sys/net/ipv4/conf/all/arp_announce')).toMatchObject({ out: [], rc: 0 });
    expect(await runLine(b, 'cat /proc/sys/net/ipv4/conf/all/arp_announce')).toMatchObject({ out: ['-7'], rc: 0 });
  });
  it('sysctl -w prints the value it set; "at start" writes the setup instead', async () => {
    const b = at(lvs, 'R1');
    expect(await runLine(b, 'sysctl -w net.ipv4.conf.all.arp_announce=2', 'start')).toMatchObject({ out: ['net.ipv4.conf.all.arp_announce = 2'], rc: 0 });
    expect(b.scenario.hosts.R1.sysctls).toEqual({ 'net.ipv4.conf.all.arp_announce': 2 });
    expect(b.scenario.actions ?? []).toEqual([]);
    expect(await runLine(b, 'ping -c 1 192.168.100.10', 'start')).toMatchObject({ rc: 0 });
    expect(b.scenario.actions?.length).toBe(1);
  });
  it('a command line prints back as the action it became', async () => {
    const b = at(lvs, 'C');
    await runLine(b, 'arping -c 1 -w 1 -I eth0 192.168.100.200');
    const { printScenarioAction } = await import('../scenario/actions/registry.ts');
    expect(b.scenario.actions).toEqual([{ type: 'arping', host: 'C', iface: 'eth0', target: '192.168.100.200', count: 1, w: 1 }]);
    expect(printScenarioAction(b.scenario.actions![0])).toBe('C$ arping -I eth0 -c 1 -w 1 192.168.100.200');
  });
  it('packit writes the ARP frame it is told to and prints its injection summary; its errors exit 1', async () => {
    const b = at(lvs, 'C');
    const r = await runLine(b, 'packit -t ARP -A 2 -x 192.168.100.200 -y 192.168.100.200 -Y ff:ff:ff:ff:ff:ff -i eth0');
    expect(r.rc).toBe(0);
    // As packit 1.8.1 prints it in a terminal (measured in a network namespace with script(1)).
    expect(r.out).toEqual([
      'Mode:  Packet Injection using device: eth0',
      '',
      'ARP header:  Type: Reply(2)',
      '     Sender:  Protocol Address: 192.168.100.200  Hardware Address: 0:0:0:0:0:0',
      '     Target:  Protocol Address: 192.168.100.200  Hardware Address: FF:FF:FF:FF:FF:FF',
      '',
      '',
      'Writing packet(s) (1): .',
      '',
      '-| Packet Injection Statistics |--------------------------------------------',
      'Injected: 1  Packets/Sec: 1.0  Bytes/Sec: 42.0  Errors: 0',
      '',
    ]);
    expect(b.scenario.actions).toEqual([{ type: 'packit_arp', host: 'C', iface: 'eth0', op: 2, spa: '192.168.100.200', tpa: '192.168.100.200', tha: 'ff:ff:ff:ff:ff:ff' }]);
    expect(await runLine(b, 'packit -t ARP -A 2 -x 192.168.100.200 -y 192.168.100.200 -Y zz -i eth0')).toMatchObject({ rc: 1, out: ['Error: Invalid receiver ethernet address'] });
    // Three packets over two seconds: 3/2 and 126/2 as packit's stats.c prints them (measured: 1.1 and 63.0).
    expect((await runLine(b, 'packit -t ARP -A 2 -x 192.168.100.200 -y 192.168.100.200 -c 3 -i eth0')).out).toContain('Injected: 3  Packets/Sec: 1.1  Bytes/Sec: 63.0  Errors: 0');
    // libnet reads 255.255.255.255 as its error value: packit refuses it when it runs.
    expect((await runLine(b, 'packit -t ARP -A 2 -x 192.168.100.200 -y 255.255.255.255 -c 3 -i eth0')).out).toEqual(['Mode:  Packet Injection using device: eth0', '', 'Error: Invalid receiver protocol address: 255.255.255.255']);
  });
});

describe('tab completion', () => {
  it('completes commands, ip objects, devices and sysctl keys', async () => {
    const { complete } = await import('./complete.ts');
    const st = at(twoNic, 'A').state();
    expect(complete(st, 'ifc').matches).toEqual(['ifconfig']);
    expect(complete(st, 'ip ne').matches).toEqual(['neigh']);
    expect(complete(st, 'tcpdump -i et').matches).toEqual(['eth0', 'eth1', 'eth2']);
    expect(complete(st, 'sysctl net.ipv4.conf.eth1.arp_ig').matches).toEqual(['net.ipv4.conf.eth1.arp_ignore']);
    expect(complete(st, 'cat /proc/sys/net/ipv4/conf/lo/rp_f').matches).toEqual(['/proc/sys/net/ipv4/conf/lo/rp_filter']);
    expect(complete(st, 'ping 192.168.100.3').matches).toEqual(['192.168.100.36', '192.168.100.39']);
  });
});

describe('ipvsadm on a director (an engine scenario with IPVS: the format cannot hold services before version 2)', () => {
  it('-Ln and -Lnc after the connections, as engine/tools/ipvsadm.ts prints them; other options say they are not modelled', async () => {
    const { cluster, VIP } = await import('../engine/test/lvsCluster.ts');
    const { simulate } = await import('../engine/index.ts');
    const { ipvsadmLn, ipvsadmLnc } = await import('../engine/index.ts');
    const { stateAt } = await import('./state.ts');
    const { runCommand } = await import('./registry.ts');
    const input = cluster({ method: 'dr', scheduler: 'rr', actions: [{ type: 'connect', host: 'C', to: `${VIP}:80`, count: 2 }] });
    const sim = simulate(input);
    const st = stateAt(input, { hosts: {} }, sim, 'D', 1);
    const table = sim.steps[1].ipvs!.D;
    expect(table.services).toHaveLength(1);
    expect(runCommand(st, { argv: ['ipvsadm', '-Ln'] })).toEqual({ out: ipvsadmLn(table), rc: 0 });
    expect(runCommand(st, { argv: ['ipvsadm', '-L', '-n', '-c'] })).toEqual({ out: ipvsadmLnc(table), rc: 0 });
    expect(runCommand(st, { argv: ['ipvsadm', '-Ln'] }).out.join('\n')).toContain(`TCP  ${VIP}:80 rr`);
    expect(runCommand(st, { argv: ['ipvsadm', '-A', '-t', `${VIP}:80`] }).rc).toBe(2);
  });
});
