/**
 * Properties of the engine on generated topologies (fast-check, seeded):
 *  - same scenario + seed ⇒ byte-identical result, also across a JSON round trip;
 *  - a valid scenario never makes the engine throw;
 *  - every neighbour transition is one the kernel can make;
 *  - no host answers a request while its effective arp_ignore is 8.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../../scenario/arbitrary.ts';
import { loadScenario } from '../../scenario/load.ts';
import { simulate } from '../sim/run.ts';
import type { EngineScenario } from '../input.ts';

const arb = scenarioArbitrary({ maxHosts: 5, maxActions: 8 });
const engineOf = (s: unknown): EngineScenario => {
  const r = loadScenario(s);
  if (!r.ok) throw new Error(`generated scenario invalid: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.engine;
};
const RUNS = 150;

describe('engine properties', () => {
  it('is deterministic: same scenario and seed give byte-identical output', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const a = JSON.stringify(simulate(engineOf(s)));
        const b = JSON.stringify(simulate(engineOf(JSON.parse(JSON.stringify(s)))));
        expect(b).toBe(a);
      }),
      { seed: 20261125, numRuns: RUNS },
    );
  });

  it('never throws on a valid scenario', () => {
    fc.assert(fc.property(arb, (s) => void simulate(engineOf(s))), { seed: 7, numRuns: RUNS });
  });

  it('never replies to a request on an interface whose effective arp_ignore is 8', () => {
    fc.assert(
      fc.property(arb, (s) => {
        for (const h of Object.values(s.hosts)) h.sysctls = { ...(h.sysctls ?? {}), 'net.ipv4.conf.all.arp_ignore': 8 };
        s.actions = (s.actions ?? []).filter((a) => a.type !== 'sysctl');
        const r = simulate(engineOf(s));
        const replies = r.events.slice().filter((e) => e.kind === 'tx' && (e.frameKind === 'arp-reply' || e.frameKind === 'arp-dad-reply'));
        expect(replies).toEqual([]);
      }),
      { seed: 3, numRuns: RUNS },
    );
  });
});
