import { beforeAll, describe, expect, it } from 'vitest';
import { loadZh } from '../../i18n/index.ts';
import type { Frame } from '../../engine/index.ts';
import { events, request, reply } from '../../store/__fixtures__/miniTrace.ts';
import { simulate } from '../../engine/index.ts';
import { loadScenario } from '../../scenario/load.ts';
import { eventLine, isArpEvent, scenarioActionLine } from './eventLine.ts';

// The app loads its Chinese strings on demand (i18n/index.ts loadZh); these tests read them.
beforeAll(() => loadZh());

const frames = new Map<number, Frame>([[1, request], [2, reply]]);
const kinds = new Map<number, string>([[1, 'arp-request'], [2, 'arp-reply']]);

describe('event lines', () => {
  it('prints frames sent and received in tcpdump’s words', () => {
    expect(eventLine(events[3], frames)).toEqual({ tone: 'tx', who: 'B.eth0 >', text: 'ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28', frameId: 1 });
    expect(eventLine(events[4], frames)).toMatchObject({ tone: 'rx', who: 'A.eth1 <', text: 'ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28' });
    expect(eventLine(events[8], frames).text).toBe('ARP, Reply 192.168.100.36 is-at 02:00:00:00:0a:00, length 28');
  });
  it('marks drops and prints cache changes and steps', () => {
    expect(eventLine(events[5], frames)).toMatchObject({ tone: 'drop', who: 'A.eth1', frameId: 1 });
    expect(eventLine(events[10], frames).text).toBe('192.168.100.36 dev eth0 lladdr 02:00:00:00:0a:00 INCOMPLETE → REACHABLE (a reply addressed to us)');
    expect(eventLine(events[10], frames, 'zh').text).toBe('192.168.100.36 dev eth0 lladdr 02:00:00:00:0a:00 INCOMPLETE → REACHABLE (收到发给本机的应答)');
    expect(eventLine(events[1], frames).text).toBe('#1 B$ ping -c 1 -W 1 192.168.100.36');
  });
  it('tells ARP events from the rest', () => {
    expect(isArpEvent(events[3], kinds)).toBe(true);
    expect(isArpEvent(events[11], kinds)).toBe(false);
  });
  it('writes actions as the command lines that run', () => {
    expect(scenarioActionLine({ type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39', src: '192.168.100.17', count: 3, U: true })).toBe(
      'A$ arping -U -I eth1 -s 192.168.100.17 -c 3 192.168.100.39');
    expect(scenarioActionLine({ type: 'flush', hosts: ['A', 'B'] })).toBe('A,B$ ip neigh flush all');
    expect(scenarioActionLine({ type: 'wait', seconds: 5 })).toBe('sleep 5');
    expect(scenarioActionLine({ type: 'ping', host: 'B', to: '10.0.0.1', count: 2, iface: 'eth0' })).toBe('B$ ping -I eth0 -c 2 -W 1 10.0.0.1');
  });
});

describe('the event list shows exactly the command that ran', () => {
  const loaded = loadScenario({
    hosts: {
      A: { interfaces: { eth0: { addresses: ['192.168.1.2/24'] }, eth1: { addresses: ['192.168.100.17/24'] } } },
      B: { interfaces: { eth0: { addresses: ['192.168.100.39/24'] } } },
    },
    segments: { lan: ['A.eth1', 'B.eth0'] },
    actions: [
      { type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.17', count: 2, w: 1, b: true, f: true },
      { type: 'route', host: 'A', op: 'add', route: '10.0.0.0/8 via 192.168.1.1 dev eth0 metric 100' },
      { type: 'sysctl', hosts: ['A', 'B'], set: { 'net.ipv4.conf.all.arp_ignore': 1 } },
      { type: 'wait', seconds: 6 },
      { type: 'connect', host: 'B', to: '192.168.100.17:80', count: 2, interval: 0.5 },
    ],
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = simulate(loaded.engine);
  const steps = trace.events.slice().filter((e) => e.kind === 'step' && e.action);
  const lines = steps.map((e) => eventLine(e, new Map()).text);

  it('with every option (arping -w, -b, -f), routes in full and connect as its curl loop', () => {
    expect(lines).toEqual([
      '#1 B$ arping -b -f -I eth0 -c 2 -w 1 192.168.100.17',
      '#2 A$ ip route add 10.0.0.0/8 via 192.168.1.1 dev eth0 metric 100',
      '#3 A,B$ sysctl -w net.ipv4.conf.all.arp_ignore=1',
      '#4 sleep 6',
      // connect prints as the curl loop that runs (its descriptor), not an engine-style summary
      '#5 B$ for i in $(seq 2); do curl -s -0 -m 2 http://192.168.100.17:80/ & sleep 0.5; done; wait',
    ]);
  });
  it('and the engine ran those options: -f quit at the first reply, -b sent broadcasts only', () => {
    const first = trace.steps[1];
    expect(first.ok).toBe(true);
    const requests = first.frames.filter((f) => f.op === 'request');
    expect(requests.length).toBe(1);
    expect(requests.every((f) => f.eth_dst === 'ff:ff:ff:ff:ff:ff')).toBe(true);
  });
});
