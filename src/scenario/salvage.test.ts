import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from './arbitrary.ts';
import { LVS_TRAINER } from './fixtures/lvsTrainer.ts';
import { loadScenario } from './load.ts';
import { loadWhatIsValid, parsePath } from './salvage.ts';
import { canonicalScenario } from './serialize.ts';
import type { ScenarioV1 } from './types.ts';

const clone = <T>(v: T): T => structuredClone(v);

describe('loading what is valid', () => {
  it('the issue\'s case: -I eth1 on a host without eth1 leaves out that action only', () => {
    expect(loadScenario(LVS_TRAINER).ok).toBe(false);
    const r = loadWhatIsValid(LVS_TRAINER);
    if (!r.ok) throw new Error(r.issues[0].message);
    expect(Object.keys(r.scenario.hosts)).toEqual(['C1', 'R1', 'D', 'RS1', 'RS2']);
    expect(r.scenario.segments).toEqual(LVS_TRAINER.segments);
    expect(r.scenario.hosts.RS1).toEqual(LVS_TRAINER.hosts.RS1);
    expect(r.scenario.actions).toEqual([LVS_TRAINER.actions[0], LVS_TRAINER.actions[2]]);
    expect(r.leftOut).toEqual([{ path: 'actions[1]', reason: expect.objectContaining({ path: 'actions[1].iface', code: 'pingIface' }) }]);
    expect(r.leftOut[0].reason.message).toContain('"eth1" is neither an interface of host C1');
  });

  it('a valid scenario loads whole; an unusable document still fails', () => {
    const ok = loadWhatIsValid({ ...clone(LVS_TRAINER), actions: [LVS_TRAINER.actions[0]] });
    expect(ok.ok && ok.leftOut).toEqual([]);
    for (const bad of [null, 'x', [], { hosts: 'nope' }, { version: 99, hosts: {} }]) expect(loadWhatIsValid(bad).ok).toBe(false);
  });

  it('reports the parts by their place in the stored document, lists shortened in the same round or earlier', () => {
    const doc = clone(LVS_TRAINER) as Record<string, unknown> & typeof LVS_TRAINER;
    doc.actions = [
      { type: 'ping', host: 'C1', to: '192.168.100.200' },
      { type: 'ping', host: 'NOPE', to: '192.168.100.200' },
      { type: 'ping', host: 'C1', to: '192.168.100.200' },
      { type: 'wait', seconds: -1 } as never,
      { type: 'ping', host: 'C1', to: '192.168.100.200', iface: 'eth9' },
    ];
    const r = loadWhatIsValid(doc);
    if (!r.ok) throw new Error(r.issues[0].message);
    expect(r.leftOut.map((l) => l.path).sort()).toEqual(['actions[1]', 'actions[3]', 'actions[4]']);
    expect(r.scenario.actions).toHaveLength(2);
  });

  it('a field, then what holds it when it is required; a broken host takes the actions that name it, each listed', () => {
    const doc = clone(LVS_TRAINER) as Record<string, unknown> & typeof LVS_TRAINER;
    (doc as Record<string, unknown>).layout = { C1: { x: 'left', y: 1 }, R1: { x: 5, y: 5 } };
    (doc.hosts.RS2.interfaces.eth0 as Record<string, unknown>).mac = 'zz:zz';
    (doc.hosts.D as Record<string, unknown>).interfaces = 'eth0';
    const r = loadWhatIsValid(doc);
    if (!r.ok) throw new Error(r.issues[0].message);
    const paths = r.leftOut.map((l) => l.path);
    expect(paths).toContain('layout.C1.x');
    expect(paths).toContain('layout.C1');
    expect(paths).toContain('hosts.RS2.interfaces.eth0.mac');
    expect(paths).toContain('hosts.D.interfaces');
    expect(r.scenario.layout).toEqual({ R1: { x: 5, y: 5 } });
    expect(r.scenario.hosts.RS2.interfaces?.eth0.addresses).toEqual(['192.168.100.12/24']);
    // D without interfaces: its segment membership is left out next, with its reason.
    expect(paths).toContain('segments.servers[1]');
    expect(r.scenario.segments?.servers).toEqual(['R1.eth1', 'RS1.eth0', 'RS2.eth0']);
  });

  it('random valid scenarios: one broken action is all that is left out', () => {
    fc.assert(fc.property(scenarioArbitrary(), fc.nat(), (s: ScenarioV1, pick) => {
      const actions = s.actions ?? [];
      fc.pre(actions.length > 0);
      const i = pick % actions.length;
      const doc = clone(canonicalScenario(s)) as ScenarioV1;
      doc.actions = [...(doc.actions ?? [])];
      doc.actions[i] = { type: 'ping', host: 'no such host', to: '10.0.0.1' };
      const r = loadWhatIsValid(doc);
      if (!r.ok) throw new Error(r.issues[0].message);
      expect(r.leftOut.map((l) => l.path)).toEqual([`actions[${i}]`]);
      const want = clone(canonicalScenario(s));
      want.actions = want.actions?.filter((_, k) => k !== i);
      expect(canonicalScenario(r.scenario)).toEqual(want);
    }), { seed: 7, numRuns: 60 });
  });

  it('parses the paths the validation writes', () => {
    expect(parsePath('hosts.A.interfaces.eth0.mac')).toEqual(['hosts', 'A', 'interfaces', 'eth0', 'mac']);
    expect(parsePath('actions[3].iface')).toEqual(['actions', 3, 'iface']);
    expect(parsePath('hosts.A.sysctls["net.ipv4.conf.all.rp_filter"]')).toEqual(['hosts', 'A', 'sysctls', 'net.ipv4.conf.all.rp_filter']);
    expect(parsePath('hosts["a \\"b\\""].routes[0]')).toEqual(['hosts', 'a "b"', 'routes', 0]);
    expect(parsePath('')).toEqual([]);
  });
});
