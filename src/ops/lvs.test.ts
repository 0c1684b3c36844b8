import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.ts';
import dr from '../examples/gallery/scenarios/lvs-dr-cluster.json';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { applyOp } from './apply.ts';
import { checkOp } from './check.ts';
import type { ScenarioOp } from './op.ts';

const base = dr as ScenarioV1;

function served(s: ScenarioV1): string[] {
  const r = loadScenario(s);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return (simulate(r.engine).steps[1].connections ?? []).map((c) => `${c.result} ${c.server ?? '-'} ${c.director ?? '-'}`);
}

function check(s: ScenarioV1, op: ScenarioOp): ScenarioV1 {
  const r = checkOp(s, op);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.next;
}

describe('LVS ops (listen, ipvs)', () => {
  it('a director built op by op serves through both real servers; each op is one pure edit', () => {
    let s: ScenarioV1 = { ...base, hosts: { ...base.hosts, D: { ...base.hosts.D, ipvs: undefined }, RS1: { ...base.hosts.RS1, listen: undefined }, RS2: { ...base.hosts.RS2, listen: undefined } } };
    s = JSON.parse(JSON.stringify(s)) as ScenarioV1;
    expect(served(s).every((x) => x.startsWith('refused') || x.startsWith('reset'))).toBe(true);
    const before = s;
    s = check(s, { type: 'addIpvsService', host: 'D', service: { vip: '10.0.0.100', port: 80, scheduler: 'rr', dests: [] } });
    expect(before.hosts.D.ipvs).toBeUndefined();
    s = check(s, { type: 'addIpvsDest', host: 'D', service: 0, dest: { ip: '10.0.0.11', weight: 1, method: 'dr' } });
    s = check(s, { type: 'addIpvsDest', host: 'D', service: 0, dest: { ip: '10.0.0.12', weight: 1, method: 'dr' } });
    s = check(s, { type: 'addListen', host: 'RS1', listen: { proto: 'tcp', port: 80 } });
    s = check(s, { type: 'addListen', host: 'RS2', listen: { proto: 'tcp', port: 80 } });
    expect(served(s)).toEqual(['served RS2 D', 'served RS1 D', 'served RS2 D', 'served RS1 D']);
    // -e: weight 0 takes RS2 out of rotation; -E: the scheduler changes, the real servers stay.
    const w0 = check(s, { type: 'updateIpvsDest', host: 'D', service: 0, index: 1, dest: { ip: '10.0.0.12', weight: 0, method: 'dr' } });
    expect(served(w0)).toEqual(Array(4).fill('served RS1 D'));
    const wlc = check(s, { type: 'updateIpvsService', host: 'D', index: 0, service: { vip: '10.0.0.100', port: 80, scheduler: 'wlc' } });
    expect(wlc.hosts.D.ipvs?.[0]).toMatchObject({ scheduler: 'wlc', dests: s.hosts.D.ipvs?.[0].dests });
    // -d and -D, and a socket closed: back to nothing, with no empty lists left behind.
    const none = applyOp(applyOp(applyOp(s, { type: 'deleteIpvsDest', host: 'D', service: 0, index: 0 }), { type: 'deleteIpvsService', host: 'D', index: 0 }), { type: 'deleteListen', host: 'RS1', index: 0 });
    expect('ipvs' in none.hosts.D).toBe(false);
    expect('listen' in none.hosts.RS1).toBe(false);
  });

  it('the format’s validation refuses a bad service or real server; a missing index is an error', () => {
    const bad = checkOp(base, { type: 'addIpvsService', host: 'D', service: { vip: '10.0.0.300', port: 80, dests: [] } });
    expect(bad.ok).toBe(false);
    const port = checkOp(base, { type: 'addListen', host: 'RS1', listen: { port: 70000 } });
    expect(port.ok).toBe(false);
    const missing = checkOp(base, { type: 'deleteIpvsDest', host: 'D', service: 3, index: 0 });
    expect(missing.ok ? null : missing.issues[0].message).toBe('no virtual service #3');
  });
});
