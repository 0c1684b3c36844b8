/**
 * Every neighbour-cache change the engine makes — creations and removals included — is an
 * edge of the kernel's graph for its cause (neigh/transitions.ts): protocol and timer
 * changes, admin commands and device events. Checked on the recorded experiments, the
 * kernel regressions and random scenarios; and the check itself is shown to fail on a
 * trace with illegal changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRecordedRpFilter, type ScenarioV1 as ConfScenario } from '../conformance/scenario.ts';
import { scenarioArbitrary } from '../src/scenario/arbitrary.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { edgeOf, kernelCanMake, KERNEL_TRANSITIONS, simulate, type NeighEvent, type TraceEvent } from '../src/engine/index.ts';

const root = join(import.meta.dirname, '..');
const illegal = (events: TraceEvent[]) =>
  events.filter((e): e is NeighEvent => e.kind === 'neigh' && !kernelCanMake(e)).map((e) => `${e.host}.${e.dev} ${e.ip}: ${edgeOf(e)} (${e.cause})`);

const made = new Map<string, number>();
function run(doc: unknown): TraceEvent[] {
  const l = loadScenario(doc);
  if (!l.ok) throw new Error(l.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  const events = simulate(l.engine).events.slice();
  for (const e of events) if (e.kind === 'neigh') made.set(`${e.cause} ${edgeOf(e)}`, (made.get(`${e.cause} ${edgeOf(e)}`) ?? 0) + 1);
  return events;
}

describe('neighbour transitions follow the kernel’s graph', () => {
  it('the graph is small where the kernel is strict: protocol and timer edges, and what flush spares', () => {
    // 81 changes are conceivable (from 8 states or none, to 8 states or none); ARP, packets
    // and timers can make 23 of them, admin commands and device events every one of the 80 others than none → none.
    const edges = (k: keyof typeof KERNEL_TRANSITIONS) => new Set(Object.values(KERNEL_TRANSITIONS[k]).flat());
    expect(new Set([...edges('protocol'), ...edges('timer')]).size).toBe(23);
    expect(edges('admin').size).toBe(80);
    expect(KERNEL_TRANSITIONS.protocol.arp_reply_broadcast).not.toContain('PERMANENT>STALE');
    expect(KERNEL_TRANSITIONS.admin.ip_neigh_flush).not.toContain('PERMANENT>NONE');
  });

  it('in the 51 recorded runs of the article’s experiments and the kernel regressions', () => {
    const out: string[] = [];
    const article = join(root, 'conformance/scenarios/article');
    for (const f of readdirSync(article).filter((x) => x.endsWith('.json'))) {
      for (const rp of [0, 1, 2]) out.push(...illegal(run(applyRecordedRpFilter(JSON.parse(readFileSync(join(article, f), 'utf8')) as ConfScenario, rp))).map((x) => `${f} rp=${rp} ${x}`));
    }
    const reg = join(root, 'conformance/regressions');
    for (const f of readdirSync(reg).filter((x) => x.endsWith('.json') && !x.endsWith('.kernel.json'))) {
      out.push(...illegal(run(JSON.parse(readFileSync(join(reg, f), 'utf8')))).map((x) => `${f} ${x}`));
    }
    expect(out).toEqual([]);
  });

  it('in random scenarios (admin commands, flushes, link and address changes included)', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxHosts: 5, maxActions: 8 }), (s) => {
        expect(illegal(run(s))).toEqual([]);
      }),
      { seed: 11, numRuns: 200 },
    );
    // Creations and removals are checked, not skipped: the runs above made both.
    const kinds = [...made.keys()];
    expect(kinds.some((k) => k.includes('NONE>'))).toBe(true);
    expect(kinds.some((k) => k.endsWith('>NONE'))).toBe(true);
  });

  it('fails on a trace with changes the kernel never makes (mutation)', () => {
    const ev = (from: NeighEvent['from'], to: NeighEvent['to'], cause: NeighEvent['cause']): NeighEvent =>
      ({ kind: 'neigh', t: 0, host: 'A', dev: 'eth0', ip: '10.0.0.9', from, to, lladdr: null, cause, frameId: null });
    const trace: TraceEvent[] = [
      ev(null, 'INCOMPLETE', 'neigh_event_send'), // legal: a packet creates the entry
      ev('PERMANENT', 'STALE', 'arp_reply_broadcast'), // ARP never touches a static entry
      ev('STALE', 'REACHABLE', 'timer_delay_confirmed'), // only DELAY is confirmed by the timer
      ev('PERMANENT', null, 'ip_neigh_flush'), // flush spares PERMANENT
      ev('INCOMPLETE', 'DELAY', 'neigh_event_send'), // a packet does not move INCOMPLETE
      ev(null, 'STALE', 'timer_reachable_expired'), // timers never create entries
      ev('REACHABLE', 'PROBE', 'arp_reply_to_us'), // a reply confirms, it does not probe
    ];
    expect(illegal(trace)).toEqual([
      'A.eth0 10.0.0.9: PERMANENT>STALE (arp_reply_broadcast)',
      'A.eth0 10.0.0.9: STALE>REACHABLE (timer_delay_confirmed)',
      'A.eth0 10.0.0.9: PERMANENT>NONE (ip_neigh_flush)',
      'A.eth0 10.0.0.9: INCOMPLETE>DELAY (neigh_event_send)',
      'A.eth0 10.0.0.9: NONE>STALE (timer_reachable_expired)',
      'A.eth0 10.0.0.9: REACHABLE>PROBE (arp_reply_to_us)',
    ]);
  });
});
