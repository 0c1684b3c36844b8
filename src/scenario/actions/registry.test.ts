import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_RUNNERS, type Action } from '../../engine/index.ts';
import { scenarioArbitrary } from '../arbitrary.ts';
import { loadScenario } from '../load.ts';
import type { ActionV1, ScenarioV1 } from '../types.ts';
import { words } from './cmdline.ts';
import type { ActionDescriptor } from './descriptor.ts';
import {
  ACTION_TYPES, ACTIONS, actionCommand, actionDevs, actionHostList, actionWithoutDev, harnessPlan, normalizeAction, parseActionLine,
  printAction, printScenarioAction, renameDevInAction,
} from './registry.ts';

/** The engine action without its step field (settle is no part of the command line), defaults filled in. */
function canon(n: Action): Record<string, unknown> {
  const { settle: _settle, ...rest } = n;
  const d = ACTIONS[n.type] as ActionDescriptor<typeof n.type>;
  return { ...(d.defaults ?? {}), ...rest };
}

describe('the registry', () => {
  it('has a descriptor for every engine action type, and the engine a runner for each', () => {
    expect([...ACTION_TYPES].sort()).toEqual(Object.keys(ACTION_RUNNERS).sort());
    for (const t of ACTION_TYPES) {
      expect(ACTIONS[t].type).toBe(t);
    }
  });
});

describe.each(ACTION_TYPES)('%s: parse(print(a)) gives a back', (type) => {
  it('for random actions', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ actionTypes: [type], minHosts: 1, maxHosts: 4, maxActions: 4, presentation: false }), (s: ScenarioV1) => {
        for (const [i, a] of (s.actions ?? []).entries()) {
          const n = normalizeAction(a);
          const line = printAction(n);
          const back = parseActionLine(line);
          if (!back.ok) throw new Error(`${line}: ${back.error}`);
          expect(canon(normalizeAction(back.action as ActionV1)), line).toEqual(canon(n));
          // what the parser wrote is a valid action of the scenario, and runs the same command
          const actions = [...(s.actions ?? [])];
          actions[i] = { ...back.action, ...(a.settle !== undefined ? { settle: a.settle } : {}) } as ActionV1;
          const loaded = loadScenario({ ...s, actions });
          expect(loaded.ok ? [] : loaded.issues, line).toEqual([]);
          expect(printScenarioAction(actions[i])).toBe(line);
        }
      }),
      { seed: 9, numRuns: 120 },
    );
  });
});

describe('printed command lines', () => {
  const line = (a: ActionV1) => printScenarioAction(a);
  it('write every option that runs', () => {
    expect(line({ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.17', count: 1, w: 1, b: true, f: true }))
      .toBe('B$ arping -b -f -I eth0 -c 1 -w 1 192.168.100.17');
    expect(line({ type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39', src: '192.168.100.17', count: 3, U: true }))
      .toBe('A$ arping -U -I eth1 -s 192.168.100.17 -c 3 192.168.100.39');
    // without count the contract's default runs: -c 1, written out (a real arping without -c runs until -w)
    expect(line({ type: 'arping', host: 'B', iface: 'eth0', target: '10.0.0.1', w: 2 })).toBe('B$ arping -I eth0 -c 1 -w 2 10.0.0.1');
    expect(line({ type: 'ping', host: 'B', to: '192.168.100.36' })).toBe('B$ ping -c 1 -W 1 192.168.100.36');
    expect(line({ type: 'ping', host: 'B', to: '10.0.0.1', count: 2, iface: 'eth0', W: 3, interval: 0.2 })).toBe('B$ ping -I eth0 -c 2 -W 3 -i 0.2 10.0.0.1');
  });
  it('print routes in full', () => {
    expect(line({ type: 'route', host: 'A', op: 'add', route: { dest: '10.0.0.0/8', via: '192.168.1.1', dev: 'eth0', metric: 100 } }))
      .toBe('A$ ip route add 10.0.0.0/8 via 192.168.1.1 dev eth0 metric 100');
    expect(line({ type: 'route', host: 'A', op: 'replace', route: 'blackhole 10.66.1.0/24 metric 5' })).toBe('A$ ip route replace blackhole 10.66.1.0/24 metric 5');
    expect(line({ type: 'route', host: 'A', op: 'del', route: { dest: 'default', via: '192.168.1.1' } })).toBe('A$ ip route del default via 192.168.1.1');
  });
  it('print the admin commands as typed', () => {
    expect(line({ type: 'sysctl', hosts: ['A', 'B'], set: { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.eth0.arp_announce': 2 } }))
      .toBe('A,B$ sysctl -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.eth0.arp_announce=2');
    expect(line({ type: 'flush', hosts: ['A', 'B'] })).toBe('A,B$ ip neigh flush all');
    expect(line({ type: 'flush', host: 'A', dev: 'eth1' })).toBe('A$ ip neigh flush dev eth1');
    expect(line({ type: 'neigh_add', host: 'A', ip: '10.0.0.9', dev: 'eth0', lladdr: '02:00:00:00:09:0A', nud: 'STALE' }))
      .toBe('A$ ip neigh replace 10.0.0.9 lladdr 02:00:00:00:09:0a dev eth0 nud stale');
    expect(line({ type: 'neigh_add', host: 'A', ip: '10.0.0.9', dev: 'eth0' })).toBe('A$ ip neigh replace 10.0.0.9 dev eth0 nud permanent');
    expect(line({ type: 'neigh_del', host: 'A', ip: '10.0.0.9', dev: 'eth0' })).toBe('A$ ip neigh del 10.0.0.9 dev eth0');
    expect(line({ type: 'addr', host: 'A', op: 'add', cidr: '192.168.100.200/32', dev: 'lo', label: 'lo:0', scope: 'host', noprefixroute: true, metric: 9 }))
      .toBe('A$ ip addr add 192.168.100.200/32 dev lo label lo:0 scope host metric 9 noprefixroute');
    expect(line({ type: 'addr', host: 'A', op: 'del', cidr: '192.168.100.36/24', dev: 'eth1' })).toBe('A$ ip addr del 192.168.100.36/24 dev eth1');
    expect(line({ type: 'link', host: 'A', dev: 'eth1', mac: '02:00:00:AA:00:01', state: 'up' })).toBe('A$ ip link set eth1 address 02:00:00:aa:00:01 up');
    expect(line({ type: 'wait', seconds: 6 })).toBe('sleep 6');
    expect(line({ type: 'snapshot' })).toBe('ip neigh show');
  });
});

describe('parsing command lines', () => {
  const ok = (l: string) => {
    const r = parseActionLine(l);
    if (!r.ok) throw new Error(r.error);
    return r.action;
  };
  const err = (l: string) => {
    const r = parseActionLine(l);
    return r.ok ? `parsed: ${JSON.stringify(r.action)}` : r.error;
  };
  it('reads what people type: grouped and attached options, ip abbreviations, synonyms', () => {
    expect(ok('B$ arping -Db -c1 -I eth0 192.168.100.17')).toEqual({ type: 'arping', host: 'B', target: '192.168.100.17', iface: 'eth0', count: 1, D: true, b: true });
    expect(ok('A$ ip r add default via 192.168.1.1 dev eth0')).toEqual({ type: 'route', host: 'A', op: 'add', route: { dest: 'default', via: '192.168.1.1', dev: 'eth0' } });
    expect(ok('A$ ip n delete 10.0.0.9 dev eth0')).toEqual({ type: 'neigh_del', host: 'A', ip: '10.0.0.9', dev: 'eth0' });
    expect(ok('A$ ip a add 10.0.0.1 dev eth0')).toEqual({ type: 'addr', host: 'A', op: 'add', cidr: '10.0.0.1/32', dev: 'eth0' });
    expect(ok('A$ sysctl net.ipv4.conf.all.arp_ignore=1')).toEqual({ type: 'sysctl', host: 'A', set: { 'net.ipv4.conf.all.arp_ignore': 1 } });
    expect(ok('A$ ip route replace unicast 10.0.0.0/8 via 192.168.1.1 dev eth0 proto static scope global src 192.168.1.2 metric 7')).toEqual({
      type: 'route', host: 'A', op: 'replace',
      route: { type: 'unicast', dest: '10.0.0.0/8', via: '192.168.1.1', dev: 'eth0', proto: 'static', scope: 'global', src: '192.168.1.2', metric: 7 },
    });
    expect(printScenarioAction(ok('A$ ip route replace unicast 10.0.0.0/8 via 192.168.1.1 dev eth0 proto static scope global src 192.168.1.2 metric 7') as ActionV1))
      .toBe('A$ ip route replace unicast 10.0.0.0/8 via 192.168.1.1 dev eth0 proto static scope global src 192.168.1.2 metric 7');
    expect(ok('A,B$ ip neigh flush all')).toEqual({ type: 'flush', hosts: ['A', 'B'] });
    expect(ok('ip neigh show')).toEqual({ type: 'snapshot' });
    expect(ok('sleep 1.5')).toEqual({ type: 'wait', seconds: 1.5 });
    expect(ok('sleep 2m')).toEqual({ type: 'wait', seconds: 120 });
    // kube-vip 0.1.8's announcement, as packit writes it: a reply with tha = broadcast.
    const garp = 'N2$ packit -t ARP -A 2 -x 10.0.0.100 -y 10.0.0.100 -X 02:00:00:00:00:0b -Y ff:ff:ff:ff:ff:ff -i eth0 -c 1';
    expect(ok(garp)).toEqual({ type: 'packit_arp', host: 'N2', iface: 'eth0', op: 2, spa: '10.0.0.100', tpa: '10.0.0.100', sha: '02:00:00:00:00:0b', tha: 'ff:ff:ff:ff:ff:ff', count: 1 });
    expect(printScenarioAction(ok(garp) as ActionV1)).toBe(garp);
    expect(printScenarioAction({ type: 'packit_arp', host: 'N2', iface: 'eth0', op: 1, spa: '10.0.0.100', tpa: '10.0.0.100', ethDst: '02:00:00:00:00:0B' } as ActionV1))
      .toBe('N2$ packit -t ARP -A 1 -x 10.0.0.100 -y 10.0.0.100 -E 02:00:00:00:00:0b -i eth0 -c 1');
  });
  it('rejects bad lines with the tool’s own error', () => {
    expect(err('B$ arping -x 10.0.0.1')).toBe("arping: invalid option -- 'x'");
    expect(err('B$ arping -I eth0 -c')).toBe("arping: option requires an argument -- 'c'");
    expect(err('B$ arping -c 0 10.0.0.1')).toBe("arping: invalid argument: '0': out of range: 1 <= value <= 1000");
    expect(err('B$ arping -c x 10.0.0.1')).toBe("arping: invalid argument: 'x'");
    expect(err('B$ ping 300.1.1.1')).toBe('ping: 300.1.1.1: Name or service not known');
    expect(err('B$ ping -c 2')).toBe('ping: usage error: Destination address required');
    expect(err('A$ ip route add 10.0.0.0/8 via 300.0.0.1')).toBe('Error: inet address is expected rather than "300.0.0.1".');
    expect(err('A$ ip route add 10.0.0.0/8 dev eth0 foo')).toBe('Error: either "foo" is duplicate, or "foo" is a garbage.');
    expect(err('A$ ip route add 10.0.0.0/8 metric x')).toBe('Error: argument "x" is wrong: "metric" value is invalid');
    expect(err('A$ ip route frob 10.0.0.0/8')).toBe('Command "frob" is unknown, try "ip route help".');
    expect(err('A$ ip neigh del 10.0.0.9')).toBe('Device and destination are required arguments.');
    expect(err('A$ ip neigh replace 10.0.0.9 dev eth0 nud bogus')).toBe('Error: argument "bogus" is wrong: nud state is bad');
    expect(err('A$ ip neigh replace 10.0.0.9 lladdr zz dev eth0')).toBe('"zz" is invalid lladdr.');
    expect(err('A$ ip addr add 10.0.0.1/24')).toBe('Not enough information: "dev" argument is required.');
    expect(err('A$ ip foo')).toBe('Object "foo" is unknown, try "ip help".');
    expect(err('A$ sysctl -w net.ipv4.ip_forward')).toBe('sysctl: "net.ipv4.ip_forward" must be of the form name=value');
    expect(err('sleep x')).toBe('sleep: invalid time interval ‘x’');
    expect(err('A$ tcpdump -i eth0')).toBe('bash: tcpdump: command not found');
    expect(err('A$ packit -t ARP -A 2 -x 10.0.0.1 -y 10.0.0.1 -Y zz -i eth0')).toBe('Error: Invalid receiver ethernet address');
    expect(err('A$ packit -t ARP -A 2 -x 10.0.0.1 -y 10.0.0.300 -i eth0')).toBe('Error: Invalid receiver protocol address: 10.0.0.300');
    expect(err('A$ packit -t TCP')).toBe('packit: only ARP injection (-t ARP) is modelled');
    expect(err('A$ packit -t ARP -A 2 -x 10.0.0.1 -y 10.0.0.1 -w 1 -i eth0')).toBe("packit: invalid option -- 'w'");
  });
  it('asks for the host a command runs on', () => {
    expect(err('ping 10.0.0.1')).toMatch(/runs on one host/);
    expect(err('A$ sleep 1')).toMatch(/runs on no host/);
  });
});

describe('the conformance harness runs the printed command', () => {
  it('word for word, plus only the output-format flags (ping -n, sysctl -q)', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxActions: 8, presentation: false }), (s: ScenarioV1) => {
        for (const a of s.actions ?? []) {
          const n = normalizeAction(a);
          const plan = harnessPlan(a);
          expect(plan.desc).toBe(printAction(n));
          const hosts = 'hosts' in n ? n.hosts : 'host' in n ? [n.host] : [];
          if (n.type === 'wait') expect(plan.sleep).toBe(n.seconds);
          if (n.type === 'wait' || n.type === 'snapshot') {
            expect(plan.commands).toEqual([]);
            continue;
          }
          expect(plan.commands.map((c) => c.host)).toEqual(hosts);
          const quiet = ACTIONS[n.type].harness.quietFlags ?? [];
          for (const c of plan.commands) {
            if (ACTIONS[n.type].harness.shell) {
              expect(c.argv, plan.desc).toEqual(['sh', '-c', actionCommand(n)]);
              continue;
            }
            const argv = c.ip ? ['ip', ...c.argv] : c.argv;
            expect(argv.filter((w) => !quiet.includes(w)), plan.desc).toEqual(words(actionCommand(n)));
          }
        }
      }),
      { seed: 3, numRuns: 150 },
    );
  });
});

describe('references for renames and removals', () => {
  it('renaming a device an action names renames it everywhere in its command line, and nowhere else', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxActions: 8, presentation: false }), (s: ScenarioV1) => {
        for (const a of s.actions ?? []) {
          for (const host of actionHostList(a)) {
            for (const dev of actionDevs(a, host)) {
              const b = renameDevInAction(a, host, dev, 'zz9');
              expect(actionDevs(b, host)).not.toContain(dev);
              expect(actionDevs(b, host)).toContain('zz9');
              const before = words(printScenarioAction(a));
              const after = words(printScenarioAction(b));
              expect(after.length).toBe(before.length);
              after.forEach((w, k) => {
                if (w !== before[k]) expect(w.replaceAll('zz9', dev)).toBe(before[k]);
              });
              // without the device the action goes, or (sysctl) keeps only what does not name it
              const gone = actionWithoutDev(a, host, dev);
              if (gone) expect(actionDevs(gone, host)).not.toContain(dev);
            }
          }
        }
      }),
      { seed: 4, numRuns: 150 },
    );
  });
});
