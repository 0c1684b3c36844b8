/**
 * The field cases are true to the kernel in their details, not only in their end state:
 * each half of a two-part fix alone still fails, for the reason the kernel gives.
 */
import { describe, expect, it } from 'vitest';
import { checkOp } from '../ops/check.ts';
import { evaluate } from './goals.ts';
import { lessonById } from './index.ts';
import { runScenario } from './replay.ts';
import type { LessonStep } from './types.ts';

function runWith(step: LessonStep, opIndexes: number[]) {
  let s = step.scenario;
  for (const i of opIndexes) {
    const r = checkOp(s, step.solution[i]);
    if (!r.ok) throw new Error(`op ${i} refused`);
    s = r.next;
  }
  const run = runScenario(s);
  if ('error' in run) throw new Error(run.error);
  return run;
}
const drops = (run: ReturnType<typeof runWith>, host: string) =>
  [...new Set(run.sim.events.slice().flatMap((e) => (e.kind === 'decision' && e.host === host && e.verdict === 'drop' ? [`${e.dev} ${e.rule} ${e.reason}`] : [])))];

describe('keepalived issue 1827: rp_filter on a DR director that is the real servers’ gateway', () => {
  const step = lessonById('field-director-rp-filter')!.steps[0];
  const served = step.goals.find((g) => g.id === 'served')!.goal;
  it('as reported: the replies (source: the VIP, local to D) are martians on eth1', () => {
    expect(drops(runWith(step, []), 'D')).toEqual(['eth1 ip_input.rp_filter martian_local']);
  });
  it('rp_filter=0 alone: still a martian, the local source is refused without accept_local', () => {
    const run = runWith(step, [0]);
    expect(drops(run, 'D')).toEqual(['eth1 ip_input.no_route martian_local']);
    expect(evaluate(served, run).holds).toBe(false);
  });
  it('accept_local=1 alone: strict rp_filter drops them, the VIP is reached through eth0', () => {
    const run = runWith(step, [1]);
    expect(drops(run, 'D')).toEqual(['eth1 ip_input.rp_filter strict_other_dev']);
    expect(evaluate(served, run).holds).toBe(false);
  });
  it('both, as the reporter found: forwarded and served', () => {
    const run = runWith(step, [0, 1]);
    expect(drops(run, 'D')).toEqual([]);
    expect(evaluate(served, run).holds).toBe(true);
  });
});

describe('initscripts PR 104: the announcement of a VIP brought up on a real server', () => {
  const step = lessonById('field-ifup-announce')!.steps[0];
  it('R takes RS2’s gratuitous ARP over its entry for the VIP, and the next connections bypass D', () => {
    const run = runWith(step, []);
    const learn = run.sim.events.slice().find((e) => e.kind === 'decision' && e.host === 'R' && e.rule === 'arp_learn' && e.reason === 'gratuitous');
    expect(learn).toMatchObject({ verdict: 'update', params: { sip: '10.0.0.100', state: 'STALE' } });
    expect(run.sim.steps[4].connections?.map((c) => `${c.server} ${c.bypassed}`)).toEqual(Array(4).fill('RS2 true'));
  });
});
