/**
 * "What a setting really does", by re-simulation, on gallery scenarios: the changes come
 * from runs of the engine with the other values, compared decision by decision.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.ts';
import lvsProblem from '../examples/gallery/scenarios/lvs-arp-problem.json';
import twoNic from '../examples/twoNic.json';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { diffDecisions, explain, explainRuns, ExplainError, sysctlValues } from './explain.ts';

const lvs = lvsProblem as unknown as ScenarioV1;

describe('explain a sysctl', () => {
  it('all.arp_ignore=1 on a real server stops it answering for the VIP it holds on lo', () => {
    const e = explain(lvs, { kind: 'sysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore' });
    expect(e.current).toBe(0);
    expect(e.setLater).toEqual([{ step: 2, value: 1 }]);
    expect(e.variants.map((v) => v.value)).toEqual([1, 2, 3, 8]);
    const one = e.variants.find((v) => v.value === 1)!;
    // Step 1 (before the scenario's own fix): RS1.eth0 no longer replies for 10.0.0.100; it ignores the request.
    const vip = one.changes.find((c) => c.host === 'RS1' && c.dev === 'eth0' && c.subject.includes('tip=10.0.0.100'))!;
    expect(vip.steps).toEqual([1]);
    expect(vip.before).toMatchObject({ rule: 'arp_reply', verdict: 'reply' });
    expect(vip.after).toMatchObject({ rule: 'arp_ignore', verdict: 'ignore', reason: 'not_on_dev' });
    // The effective value is max(all, eth0): all=1 decides.
    expect(one.reads!.devs.eth0[0]).toMatchObject({ value: 1, all: 1, devValue: 0, combine: 'max' });
    // 3 answers too (the VIP is scope global on lo): only the reason changes; 8 never answers.
    const three = e.variants.find((v) => v.value === 3)!;
    expect(three.changes).toHaveLength(1);
    expect(three.changes[0].after).toMatchObject({ verdict: 'reply', reason: 'not_scope_host' });
    expect(e.variants.find((v) => v.value === 8)!.changes.some((c) => c.after?.reason === 'never')).toBe(true);
  });

  it('lo.arp_ignore alone changes nothing, and says why: the request arrives on eth0', () => {
    const e = explain(lvs, { kind: 'sysctl', host: 'RS1', key: '/proc/sys/net/ipv4/conf/lo/arp_ignore' });
    expect(e.variants).toHaveLength(4);
    for (const v of e.variants) {
      expect(v.changes).toEqual([]);
      expect(v.steps).toEqual([]);
      expect(Object.keys(v.reads!.devs)).toEqual(['eth0']);
    }
    expect(e.reads!.count).toEqual({ eth0: 3 });
  });

  it('the other values are the knob\'s meaningful ones (from the engine\'s table)', () => {
    expect(sysctlValues('net.ipv4.conf.eth0.arp_ignore', 1)).toEqual([0, 2, 3, 8]);
    expect(sysctlValues('net.ipv4.conf.all.rp_filter', 1)).toEqual([0, 2]);
    expect(sysctlValues('net.ipv4.ip_forward', 0)).toEqual([1]);
    expect(sysctlValues('net.ipv4.conf.eth0.medium_id', 0)).toEqual([-1, 1]);
    expect(() => sysctlValues('net.ipv4.neigh.eth0.locktime', 100)).toThrow(ExplainError);
  });

  it('rp_filter in the two-NIC experiment: all=0 changes nothing (eth1 keeps 1, max wins), all=2 lets A.eth1 answer', () => {
    const e = explain(twoNic as unknown as ScenarioV1, { kind: 'sysctl', host: 'A', key: 'net.ipv4.conf.all.rp_filter' });
    expect(e.current).toBe(1);
    const zero = e.variants.find((v) => v.value === 0)!;
    expect(zero.changes).toEqual([]);
    expect(zero.reads!.devs.eth1[0]).toMatchObject({ value: 1, all: 0, devValue: 1 });
    const two = e.variants.find((v) => v.value === 2)!;
    const c = two.changes.find((x) => x.host === 'A' && x.dev === 'eth1' && x.subject === 'sip=192.168.100.39 tip=192.168.100.36')!;
    expect([c.before?.rule, c.before?.verdict, c.after?.rule, c.after?.verdict]).toEqual(['rp_filter', 'drop', 'arp_reply', 'reply']);
  });
});

describe('explain a route', () => {
  it('without the real server\'s default route its replies to the client cannot leave', () => {
    const e = explain(lvs, { kind: 'route', host: 'RS1', index: 0 });
    expect(e.title).toBe('default via 10.0.0.1');
    expect(e.variants.map((v) => v.label)).toEqual(['without']);
    const v = e.variants[0];
    expect(v.changes.some((c) => c.host === 'RS1' && c.after?.rule === 'ip_output.no_route')).toBe(true);
    expect(v.steps.find((s) => s.step === 4)?.after).toMatch(/timeout ×2/);
  });

  it('a route with a competitor for its destination is also tried just before and after it', () => {
    // A's first route, 192.168.100.0/24 dev eth0 (metric 0), ahead of dev eth1 metric 101.
    const e = explain(twoNic as unknown as ScenarioV1, { kind: 'route', host: 'A', index: 0 });
    expect(e.variants.map((v) => v.label)).toEqual(['without', 'metric 100', 'metric 102']);
    const [without, before, after] = e.variants;
    // Still ahead of eth1's route at 100: nothing changes. Behind it at 102 (or gone): the route back leaves by eth1, so the roles swap.
    expect(before.changes).toEqual([]);
    for (const v of [without, after]) {
      const c = v.changes.find((x) => x.host === 'A' && x.dev === 'eth0' && x.subject === 'sip=192.168.100.39 tip=192.168.100.36')!;
      expect([c.before?.verdict, c.after?.rule, c.after?.verdict, c.after?.choice]).toEqual(['reply', 'rp_filter', 'drop', 'via=eth1']);
    }
  });
});

describe('the comparison and its bounds', () => {
  it('a run compared with itself has no changes', () => {
    const l = loadScenario(lvs);
    if (!l.ok) throw new Error('lvs');
    expect(diffDecisions(simulate(l.engine), simulate(l.engine))).toEqual([]);
  });

  it('refuses at once when variants × the scenario\'s deliveries exceed the limit, with the numbers', () => {
    expect(() => explain(lvs, { kind: 'sysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore' }, 1000)).toThrow(/4 runs of \d+ frame deliveries each is more than 1,000/);
  });

  it('yields before every run, so a worker can report progress and stop between runs', () => {
    const it = explainRuns(lvs, { kind: 'sysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore' });
    const seen: number[] = [];
    for (let n = it.next(); !n.done; n = it.next()) seen.push(n.value.done);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('an unknown host, key or device is an ExplainError', () => {
    expect(() => explain(lvs, { kind: 'sysctl', host: 'X', key: 'net.ipv4.conf.all.arp_ignore' })).toThrow(/no host X/);
    expect(() => explain(lvs, { kind: 'sysctl', host: 'RS1', key: 'net.ipv4.conf.eth9.arp_ignore' })).toThrow(/no device eth9/);
    expect(() => explain(lvs, { kind: 'route', host: 'RS1', index: 3 })).toThrow(ExplainError);
  });
});
