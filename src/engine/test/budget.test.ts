/** The work budget: the engine stops at a limit with data naming it, and reports progress. */
import { describe, expect, it } from 'vitest';
import { normalizeScenario } from '../../scenario/normalize.ts';
import { BudgetError, type SimProgress } from '../sim/budget.ts';
import { simulate } from '../sim/run.ts';
import { lanAB } from './helpers.ts';

const scn = normalizeScenario(lanAB({}, [
  { type: 'ping', host: 'B', to: '192.168.100.10', count: 3 },
  { type: 'arping', host: 'A', iface: 'eth0', target: '192.168.100.99', count: 50 },
]));
const free = { deliveries: Infinity, events: Infinity, neighRows: Infinity };

function budgetOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof BudgetError) return e.budget;
    throw e;
  }
  return null;
}

describe('work budget', () => {
  it('a scenario within the budget gives the same result as without one', () => {
    expect(JSON.stringify(simulate(scn))).toBe(JSON.stringify(simulate(scn, { budget: free })));
  });

  it('stops at the action that crosses the delivery limit, naming limit, step and action', () => {
    const full = simulate(scn, { budget: free });
    const afterPing = full.steps[1].events[1];
    expect(afterPing).toBeGreaterThan(0);
    // Enough for the ping, not for 50 arping requests and replies.
    const b = budgetOf(() => simulate(scn, { budget: { ...free, deliveries: 20 } }));
    expect(b).toMatchObject({ limit: 'deliveries', max: 20, step: 2, steps: 2, action: { type: 'arping', host: 'A', count: 50 } });
  });

  it('counts trace events and neighbour rows too', () => {
    expect(budgetOf(() => simulate(scn, { budget: { ...free, events: 30 } }))).toMatchObject({ limit: 'events', max: 30 });
    // Step 0 records no rows (empty caches); the ping leaves one entry on each host.
    expect(budgetOf(() => simulate(scn, { budget: { ...free, neighRows: 1 } }))).toMatchObject({ limit: 'neighRows', step: 1 });
  });

  it('reports progress after every step, with the budget', () => {
    const seen: SimProgress[] = [];
    simulate(scn, { progress: (p) => seen.push(p) });
    expect(seen.map((p) => p.step)).toEqual([1, 2]);
    expect(seen[1].steps).toBe(2);
    expect(seen[1].deliveries).toBeGreaterThan(seen[0].deliveries);
    expect(seen[1].budget.deliveries).toBe(500_000);
  });
});
