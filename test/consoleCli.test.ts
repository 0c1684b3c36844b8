/** `npm run -s console`: lines on stdin, the terminal's text on stdout, the last command's exit status. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (args: string[], input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/console.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });

describe('console CLI', () => {
  it('prints what the terminal prints and exits with the last status', () => {
    const r = run(['src/examples/twoNic.json', '--host', 'A', '--at', '0'], 'ip -4 addr show eth1\n# a comment\nip neigh\nip route get 8.8.8.8\n');
    expect(r.stdout).toBe([
      '3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
      '    inet 192.168.100.36/24 scope global noprefixroute eth1',
      '       valid_lft forever preferred_lft forever',
      'RTNETLINK answers: Network is unreachable',
      '',
    ].join('\n'));
    expect(r.status).toBe(2);
  });
  it('a change, then a query that sees it', () => {
    const r = run(['src/commands/__fixtures__/lvs-rs.json', '--host', 'R1'], 'ifconfig lo:0 192.168.100.200 netmask 255.255.255.255 up\nip -4 addr show lo\n');
    expect(r.stdout).toContain('    inet 192.168.100.200/32 scope global lo:0\n');
    expect(r.status).toBe(0);
  });
  it('a bad host: exit 2 and the hosts it has', () => {
    const r = run(['src/commands/__fixtures__/lvs-rs.json', '--host', 'X'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('console: no host "X" in src/commands/__fixtures__/lvs-rs.json (hosts: D, R1, C)\n');
  });
  it('--config marks each pasted line; lo.arp_ignore alone changes nothing in the LVS-DR gallery scenario, and why', () => {
    const r = run(['src/examples/gallery/scenarios/lvs-dr.json', '--host', 'R1', '--config'], 'net.ipv4.conf.lo.arp_ignore = 1\nfoo bar\n');
    expect(r.stdout).toBe([
      '  1 no-effect      net.ipv4.conf.lo.arp_ignore = 1 [as: sysctl -w net.ipv4.conf.lo.arp_ignore=1]',
      '    arp_ignore is read on eth0 (6 decisions), never on lo (the value used is max(all, eth0))',
      '  2 not-understood foo bar',
      '    bash: foo: command not found',
      '',
    ].join('\n'));
    expect(r.status).toBe(1);
  });
  it('explain: every other arp_ignore on lo re-simulated, nothing changes, and why; a bad key exits 1', () => {
    const r = run(['src/examples/gallery/scenarios/lvs-arp-problem.json', '--host', 'RS1'], 'explain net.ipv4.conf.lo.arp_ignore\nexplain net.ipv4.conf.lo.arp_bogus\n');
    const why = '  arp_ignore is read on eth0 (3 decisions), never on lo (the value used is max(all, eth0))';
    expect(r.stdout).toBe([
      'net.ipv4.conf.lo.arp_ignore = 0 on RS1 at start',
      'read by 3 decisions on eth0 (3), as max(all, device)',
      're-simulated 4 times (1, 2, 3, 8): 5 runs, 850 frame deliveries',
      ...[1, 2, 3, 8].flatMap((v) => ['', `arp_ignore = ${v}: changes nothing in this scenario`, why]),
      'explain: net.ipv4.conf.lo.arp_bogus: not a knob this lab models (net.ipv4.conf.{all,default,DEV}.KNOB or net.ipv4.ip_forward)',
      '',
    ].join('\n'));
    expect(r.status).toBe(1);
  });
  it('explain: all.arp_ignore=1 on the real server: it ignores the request for the VIP at step 1', () => {
    const r = run(['src/examples/gallery/scenarios/lvs-arp-problem.json', '--host', 'RS1'], 'explain net.ipv4.conf.all.arp_ignore\n');
    const block = r.stdout.split('\n\n').find((b) => b.startsWith('arp_ignore = 1:'))!;
    expect(block.split('\n').slice(0, 7)).toEqual([
      'arp_ignore = 1: 7 decisions change',
      '  read as eth0: arp_ignore=1 (max of all=1, eth0=0)',
      '  step 1  RS1.eth0  sip=10.0.0.1 tip=10.0.0.100',
      '    was arp_reply: reply (any_local) mac=02:00:00:00:04:00',
      expect.stringMatching(/^ {8}RS1\.eth0 answers “10\.0\.0\.100 is-at 02:00:00:00:04:00”/),
      '    now arp_ignore: ignore (not_on_dev)',
      '        RS1.eth0 ignores the request for 10.0.0.100: arp_ignore=1 (max of all=1, eth0=0); 10.0.0.100 is not configured on eth0. No reply, and no cache update',
    ]);
    expect(r.status).toBe(0);
  });
});
