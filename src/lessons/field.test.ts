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

describe('kube-vip PR 82: request-form versus reply-form gratuitous ARP', () => {
  const lesson = lessonById('field-kube-vip-garp')!;
  const [replyForm, ownMac] = lesson.steps;
  const holds = (step: LessonStep, s: LessonStep['scenario']) => {
    const run = runScenario(s);
    if ('error' in run) throw new Error(run.error);
    return Object.fromEntries(step.goals.map((g) => [g.id, evaluate(g.goal, run).holds]));
  };
  type Act = NonNullable<LessonStep['scenario']['actions']>[number];
  const withAnnounce = (step: LessonStep, announce: Act, before: Act[] = []) => {
    const actions = [...step.scenario.actions!];
    actions.splice(3, 1, ...before, announce);
    return { ...step.scenario, actions };
  };
  it('as kube-vip 0.1.8 sent it: C keeps N1 (not gratuitous: tha is broadcast), and the next ping fails', () => {
    const run = runWith(replyForm, []);
    const d = run.sim.events.slice().find((e) => e.kind === 'decision' && e.host === 'C' && e.rule === 'neigh.locktime');
    expect(d).toMatchObject({ reason: 'reply_not_garp', params: { tha: 'ff:ff:ff:ff:ff:ff', mac: '02:00:00:00:0e:02', old: '02:00:00:00:0e:01' } });
    expect(run.sim.steps.at(-1)!.ok).toBe(false);
  });
  it('the request form (arping -U, the other half of kube-vip’s fix) meets every goal too', () => {
    expect(holds(replyForm, withAnnounce(replyForm, { type: 'arping', host: 'N2', iface: 'eth0', target: '192.168.100.100', U: true, count: 1 }))).toEqual({ gratuitous: true, 'entry-n2': true, reaches: true });
  });
  it('waiting out locktime gets the same reply in, but not as a gratuitous ARP: that goal stays open', () => {
    const late = withAnnounce(replyForm, replyForm.scenario.actions![3], [{ type: 'wait', seconds: 1.5 }]);
    expect(holds(replyForm, late)).toEqual({ gratuitous: false, 'entry-n2': true, reaches: true });
  });
  it('PR 82 as first written: the reply to its own MAC reaches no port', () => {
    const run = runWith(ownMac, []);
    expect(run.sim.steps[4].frames.map((f) => `${f.op} ${f.eth_dst} ${f.delivered_to.length}`)).toEqual(['reply 02:00:00:00:0e:02 0']);
  });
});
