import { describe, expect, it } from 'vitest';
import { normalizeForCompare, sameScenario, stableStringify } from './compare.ts';
import { canonicalScenario, serializeScenario, withoutAnnotations } from './serialize.ts';
import type { ScenarioV1 } from './types.ts';

const s: ScenarioV1 = {
  hosts: {
    A: {
      note: 'annotation',
      routes: [{ metric: 100, dev: 'eth0', via: '10.0.0.254', dest: 'default' }],
      interfaces: { eth0: { addresses: [{ noprefixroute: true, cidr: '10.0.0.1/8' }] } },
    },
  },
  actions: [{ expect: { ok: true }, to: '10.0.0.2', type: 'ping', host: 'A' }],
  id: 'S99',
  title: 'T',
};

describe('serializeScenario', () => {
  it('is canonical: version first, fields in contract order, compact', () => {
    expect(serializeScenario(s)).toBe(
      '{"version":2,"title":"T","hosts":{"A":{"interfaces":{"eth0":{"addresses":[{"cidr":"10.0.0.1/8","noprefixroute":true}]}},'
      + '"routes":[{"dest":"default","via":"10.0.0.254","dev":"eth0","metric":100}],"note":"annotation"}},'
      + '"actions":[{"type":"ping","host":"A","to":"10.0.0.2","expect":{"ok":true}}],"id":"S99"}',
    );
  });
  it('does not change the input', () => {
    const before = structuredClone(s);
    canonicalScenario(s);
    expect(s).toEqual(before);
  });
  it('is idempotent', () => {
    expect(serializeScenario(JSON.parse(serializeScenario(s)) as ScenarioV1)).toBe(serializeScenario(s));
  });
});

describe('withoutAnnotations', () => {
  it('drops annotations on the document, hosts and actions, and nothing else', () => {
    expect(withoutAnnotations(s)).toEqual({
      hosts: { A: { routes: s.hosts.A.routes, interfaces: s.hosts.A.interfaces } },
      actions: [{ to: '10.0.0.2', type: 'ping', host: 'A' }],
      title: 'T',
    });
    expect(s.id).toBe('S99');
  });
});

describe('comparison is separate from serialisation', () => {
  it('equal meaning, different text: same for comparison, different when serialised', () => {
    const a: ScenarioV1 = { hosts: { A: { interfaces: { eth0: { addresses: ['10.0.0.1/8'] } }, routes: ['default via 10.0.0.254 dev eth0'] } } };
    const b: ScenarioV1 = {
      title: 'renamed',
      seed: 1,
      layout: { A: { x: 1, y: 2 } },
      hosts: { A: { interfaces: { eth0: { mac: '02:00:00:00:01:00', addresses: [{ cidr: '10.0.0.1/8', scope: 'global' }] } }, routes: [{ dest: 'default', via: '10.0.0.254', dev: 'eth0', metric: 0 }] } },
    };
    expect(serializeScenario(a)).not.toBe(serializeScenario(b));
    expect(sameScenario(a, b)).toBe(true);
    expect(normalizeForCompare(a)).toBe(normalizeForCompare(b));
  });
  it('different meaning compares different', () => {
    const a: ScenarioV1 = { hosts: { A: { sysctls: { 'net.ipv4.conf.all.arp_ignore': 1 } } } };
    const b: ScenarioV1 = { hosts: { A: { sysctls: { 'net.ipv4.conf.all.arp_ignore': 2 } } } };
    expect(sameScenario(a, b)).toBe(false);
  });
  it('stableStringify sorts keys and keeps array order', () => {
    expect(stableStringify({ b: [2, 1], a: { d: 1, c: undefined } })).toBe('{"a":{"d":1},"b":[2,1]}');
  });
});
