/**
 * The two heavy scenarios of issue 11 point 3: small, valid scenarios (every list within
 * its limit) whose product is far beyond what a browser tab or the CLI can hold.
 *  - garpStorm: 128 hosts on one switch, 1,000 × `arping -U -c 60` (each 60 broadcasts, one a
 *    second, to 127 ports: the budget is reached after about 65 actions, seconds of work, so the
 *    progress bar has time to show).
 *  - pingFlood: 1,000 × `ping -c 1000 -i 0` between two hosts.
 *  - longRun: 16 hosts, 1,000 × `arping -U -c 30` — just within the budget (450,000 deliveries,
 *    934,001 trace events) and so as long as a run can be (2–3 s on this machine): a run that
 *    streams (e2e/stream.spec.ts), playing before it ends.
 * Used by the CLI test (test/heavy/cli.test.ts) and the browser tests (e2e/heavy.spec.ts, e2e/stream.spec.ts).
 */
import type { ScenarioV1 } from '../../src/scenario/types.ts';

const ip = (i: number) => `10.0.${i >> 8}.${i & 255}`;

export function garpStorm(): ScenarioV1 {
  const hosts: ScenarioV1['hosts'] = {};
  const members: string[] = [];
  for (let i = 1; i <= 128; i++) {
    hosts[`H${i}`] = { interfaces: { eth0: { addresses: [`${ip(i)}/16`] } } };
    members.push(`H${i}.eth0`);
  }
  const actions: ScenarioV1['actions'] = [];
  for (let k = 0; k < 1000; k++) {
    const i = (k % 128) + 1;
    actions.push({ type: 'arping', host: `H${i}`, iface: 'eth0', target: ip(i), U: true, count: 60 });
  }
  return { version: 2, title: '128 hosts × 1,000 arping -U -c 60', hosts, segments: { lan: members }, actions };
}

export function pingFlood(): ScenarioV1 {
  const actions: ScenarioV1['actions'] = [];
  for (let k = 0; k < 1000; k++) actions.push({ type: 'ping', host: 'A', to: '10.0.0.2', count: 1000, interval: 0 });
  return {
    version: 2,
    title: '1,000 × ping -c 1000 -i 0',
    hosts: { A: { interfaces: { eth0: { addresses: ['10.0.0.1/24'] } } }, B: { interfaces: { eth0: { addresses: ['10.0.0.2/24'] } } } },
    segments: { lan: ['A.eth0', 'B.eth0'] },
    actions,
  };
}

export function longRun(): ScenarioV1 {
  const hosts: ScenarioV1['hosts'] = {};
  const members: string[] = [];
  for (let i = 1; i <= 16; i++) {
    hosts[`H${i}`] = { interfaces: { eth0: { addresses: [`${ip(i)}/16`] } } };
    members.push(`H${i}.eth0`);
  }
  const actions: ScenarioV1['actions'] = [];
  for (let k = 0; k < 1000; k++) {
    const i = (k % 16) + 1;
    actions.push({ type: 'arping', host: `H${i}`, iface: 'eth0', target: ip(i), U: true, count: 30 });
  }
  return { version: 2, title: '16 hosts × 1,000 arping -U -c 30', hosts, segments: { lan: members }, actions };
}
