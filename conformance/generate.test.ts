import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateOne, generateScenarios } from './generate.ts';
import { Rng } from './prng.ts';
import { planAction } from './actions.ts';
import { planTopology } from './scenario.ts';
import { KERNEL_NEIGH, Timeline, profileOf } from './timing.ts';
import { NEW_FAMILIES } from './genFamilies.ts';
import { validateScenario } from './validate.ts';

afterEach(() => vi.restoreAllMocks());

describe('Rng', () => {
  it('is deterministic and in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Rng(1).next()).not.toBe(new Rng(2).next());
    const r = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const n = r.int(2, 5);
      expect(n >= 2 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe('generateScenarios', () => {
  it('gives the same scenarios for the same seed', () => {
    expect(JSON.stringify(generateScenarios(12, 5))).toBe(JSON.stringify(generateScenarios(12, 5)));
  });

  it('gives different scenarios for different seeds, and each index stands alone', () => {
    expect(JSON.stringify(generateScenarios(4, 1))).not.toBe(JSON.stringify(generateScenarios(4, 2)));
    expect(generateOne(9, 6)).toEqual(generateScenarios(8, 9)[6]);
  });

  it('uses no Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    expect(() => generateScenarios(8, 3)).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
  });

  const many = [1, 2, 3, 4, 5].flatMap((seed) => generateScenarios(24, seed));

  it('makes valid format v1 scenarios, every action runnable', () => {
    for (const { name, scenario } of many) {
      expect({ name, problems: validateScenario(scenario) }).toEqual({ name, problems: [] });
      expect(() => planTopology(scenario)).not.toThrow();
      for (const a of scenario.actions ?? []) expect(() => planAction(a)).not.toThrow();
    }
  });

  it('names scenarios after seed, index and family, and covers all families', () => {
    const names = generateScenarios(8, 11).map((g) => g.name);
    expect(names[0]).toBe('gen-s11-000-multinic');
    expect(new Set(names.map((n) => n.split('-').at(-1)))).toEqual(new Set(['multinic', 'vip', 'garp', 'router']));
  });

  it('covers the features the brief asks for', () => {
    const text = JSON.stringify(many);
    for (const needle of ['arp_ignore', 'arp_filter', 'rp_filter', 'arp_announce', 'arp_accept', 'proxy_arp', 'ip_forward',
      '"D":true', '"U":true', '"A":true', '"src"', '"lo:0"', '"neigh_add"', '"flush"', '"metric"', '"type":"sysctl"',
      '"net.ipv4.conf.all.', '"net.ipv4.conf.eth0.']) {
      expect(text, needle).toContain(needle);
    }
  });

  it('places every action where the timeline allows it (replayed check)', () => {
    for (const { scenario } of many.slice(0, 40)) {
      const tl = new Timeline();
      const ctx = { proxy: JSON.stringify(scenario).includes('proxy_arp') || scenario.segments?.seg2 !== undefined, allHosts: Object.keys(scenario.hosts) };
      for (const a of scenario.actions ?? []) {
        const next = tl.tryAdd(profileOf(a, ctx), typeof a.settle === 'number' ? a.settle : 0.15);
        expect(next, JSON.stringify(a)).not.toBeNull();
        tl.commit(next!);
      }
    }
  });

  it('keeps waits and scenario length bounded', () => {
    for (const { scenario } of many) {
      const acts = scenario.actions ?? [];
      expect(acts.length).toBeGreaterThanOrEqual(5);
      const worst = acts.reduce((s, a) => s + (a.settle ?? 0.15) + (typeof a.seconds === 'number' ? a.seconds : 0) + (a.type === 'ping' || a.type === 'arping' ? 2 : 0), 0);
      expect(worst).toBeLessThan(120);
    }
  });
});

describe('Timeline', () => {
  const ctx = { proxy: false, allHosts: ['A', 'B'] };
  const ping = { type: 'ping', host: 'A', to: '10.0.0.9' };

  it('keeps a snapshot off the retransmission after a failing ping', () => {
    // -W 1: a failed ping returns at ~1 s, right on the first retransmission.
    expect(new Timeline().tryAdd(profileOf(ping, ctx), 0.15)).toBeNull();
    expect(new Timeline().tryAdd(profileOf(ping, ctx), 0.3)).not.toBeNull();
  });

  it('forbids flushing while a resolution may still hold packets', () => {
    const tl = new Timeline();
    tl.commit(tl.tryAdd(profileOf(ping, ctx), 0.3)!);
    expect(tl.tryAdd(profileOf({ type: 'flush', hosts: ['A', 'B'] }, ctx), 0.15)).toBeNull();
    const wait = tl.tryAdd(profileOf({ type: 'wait', seconds: 2.5 }, ctx), 0.15);
    expect(wait).not.toBeNull();
    tl.commit(wait!);
    expect(tl.tryAdd(profileOf({ type: 'flush', hosts: ['A', 'B'] }, ctx), 0.15)).not.toBeNull();
  });

  it('keeps snapshots out of the DELAY/PROBE window and before REACHABLE can expire', () => {
    const after = (secs: number) => {
      const tl = new Timeline();
      tl.commit(tl.tryAdd(profileOf(ping, ctx), 0.3)!);
      return tl.tryAdd(profileOf({ type: 'wait', seconds: secs }, ctx), 0.15);
    };
    expect(after(5)).toBeNull();
    expect(after(10)).not.toBeNull();
    expect(after(15)).toBeNull();
  });

  it('gives proxy_arp steps time for the delayed reply', () => {
    const arp = { type: 'arping', host: 'H1', iface: 'eth0', target: '192.168.2.99', count: 1, w: 1 };
    expect(new Timeline().tryAdd(profileOf(arp, { ...ctx, proxy: true }), 0.3)).toBeNull();
    expect(new Timeline().tryAdd(profileOf(arp, { ...ctx, proxy: false }), 0.3)).not.toBeNull();
  });
});

describe('the app accepts generated scenarios', () => {
  it('loads every one with src/scenario (what `npm run sim` uses)', async () => {
    const { loadScenario } = await import('../src/scenario/load.ts');
    for (const { name, scenario } of [1, 2].flatMap((seed) => generateScenarios(24, seed))) {
      const r = loadScenario(JSON.parse(JSON.stringify(scenario)));
      expect({ name, issues: r.ok ? [] : r.issues }).toEqual({ name, issues: [] });
    }
  });
});

describe('the newer families (links, addresses, neighbour parameters, topologies)', () => {
  const fresh = [1, 2, 3].flatMap((seed) => generateScenarios(16, seed, NEW_FAMILIES));

  it('makes valid scenarios the app loads, every action runnable, every family drawn', async () => {
    const { loadScenario } = await import('../src/scenario/load.ts');
    for (const { name, scenario } of fresh) {
      expect({ name, problems: validateScenario(scenario) }).toEqual({ name, problems: [] });
      const r = loadScenario(JSON.parse(JSON.stringify(scenario)));
      expect({ name, issues: r.ok ? [] : r.issues }).toEqual({ name, issues: [] });
      for (const a of scenario.actions ?? []) expect(() => planAction(a)).not.toThrow();
    }
    expect(new Set(fresh.map((g) => g.name.split('-').at(-1)))).toEqual(new Set(NEW_FAMILIES));
  });

  it('covers what issue 10 asks for', () => {
    const text = JSON.stringify(fresh);
    for (const needle of ['"state":"down"', '"state":"up"', '"mac":', 'arp_notify', 'arp_accept', 'promote_secondaries',
      '"op":"del","cidr"', '/32', '"dev":"lo"', ' src ', 'net.ipv4.neigh.eth0.mcast_solicit', 'net.ipv4.neigh.eth0.retrans_time_ms',
      'net.ipv4.neigh.eth0.delay_first_probe_time', 'net.ipv4.neigh.eth0.locktime', 'net.ipv4.neigh.eth0.ucast_solicit',
      'net.ipv4.conf.lo.arp_ignore', 'net.ipv4.conf.all.arp_announce', 'proxy_arp', '"s3"']) {
      expect(text, needle).toContain(needle);
    }
  });

  it('builds topologies of 6 to 12 hosts over 2 or 3 segments', () => {
    for (const { name, scenario } of fresh.filter((g) => g.name.endsWith('-topo'))) {
      const n = Object.keys(scenario.hosts).length;
      const segs = Object.keys(scenario.segments ?? {}).length;
      expect({ name, ok: n >= 6 && n <= 12 && segs >= 2 && segs <= 3 }).toEqual({ name, ok: true });
    }
  });

  it('keeps a failing resolution clear of the snapshot for the neighbour parameters in use', () => {
    const ping = { type: 'ping', host: 'A', to: '10.0.0.9', W: 2 };
    const slow = { ...KERNEL_NEIGH, retrans: [1, 1.5], resolveProbes: 4 };
    // A failed ping returns at 2 s; retrans_time 1.5 s puts a retransmission at 4.5 s, where
    // the default timers leave the snapshot alone.
    const ctx = { proxy: false, allHosts: ['A'] };
    const tl = new Timeline(undefined, slow);
    tl.commit(tl.tryAdd(profileOf(ping, { ...ctx, neigh: slow }), 0.45)!);
    expect(tl.tryAdd(profileOf({ type: 'wait', seconds: 1.2 }, { ...ctx, neigh: slow }), 0.15)).toBeNull();
    const plain = new Timeline();
    plain.commit(plain.tryAdd(profileOf(ping, ctx), 0.45)!);
    expect(plain.tryAdd(profileOf({ type: 'wait', seconds: 1.2 }, ctx), 0.15)).not.toBeNull();
  });
});
