/**
 * Every lesson's reference solution, replayed through the engine: each goal is false on
 * the scenario its step starts from and true after the solution; each question has exactly
 * one true choice and a proof on the starting run. `npm run -s test:lessons` prints the
 * same replay's figure.
 */
import { describe, expect, it } from 'vitest';
import { COURSE } from './course.ts';
import { evaluate } from './goals.ts';
import { replayCourse, replayLine, replayStep, runScenario, solvedScenario } from './replay.ts';
import type { Lesson, LessonStep } from './types.ts';

describe.each(COURSE.flatMap((l) => l.steps.map((s) => [`${l.id}/${s.id}`, l, s] as const)))('lesson step %s', (_name, lesson, step) => {
  it('replays: goals false at the start, true after the reference solution; one true answer', () => {
    const r = replayStep(lesson, step);
    expect(r.problems).toEqual([]);
    expect(r.goalsHeld).toBe(step.goals.length);
    if (step.question) expect(r.answer).not.toBeNull();
  });
});

describe('the course', () => {
  it('has at least 12 lessons with unique, URL-safe ids and unique step and goal ids', () => {
    expect(COURSE.length).toBeGreaterThanOrEqual(12);
    const ids = COURSE.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of COURSE) {
      expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(new Set(l.steps.map((s) => s.id)).size, l.id).toBe(l.steps.length);
      for (const s of l.steps) expect(new Set(s.goals.map((g) => g.id)).size, `${l.id}/${s.id}`).toBe(s.goals.length);
    }
  });

  it('prints the replay figure', () => {
    const r = replayCourse(COURSE);
    expect(r.problems).toEqual([]);
    expect(replayLine(r)).toBe(`lessons: ${COURSE.length} replayed, ${r.goalsHeld} goals hold`);
    expect(r.goalsHeld).toBe(COURSE.reduce((n, l) => n + l.steps.reduce((m, s) => m + s.goals.length, 0), 0));
  });
});

describe('the replay can fail', () => {
  const lesson = COURSE[0];
  const step = lesson.steps[0];
  it('a goal that already holds at the start is reported', () => {
    const bad: LessonStep = { ...step, goals: [{ id: 'always', goal: { kind: 'ok', ok: true, step: 1 } }] };
    expect(replayStep(lesson, bad).problems).toContain('goal always already holds at the start');
  });
  it('a solution that does not reach its goal is reported', () => {
    const bad: LessonStep = { ...step, solution: [] };
    expect(replayStep(lesson, bad).problems).toContain(`goal ${step.goals[0].id} does not hold after the solution`);
  });
  it('a question with two true choices, or a refused solution op, is reported', () => {
    const q = step.question!;
    const twice: LessonStep = { ...step, question: { ...q, choices: [...q.choices, { id: 'again', goal: q.choices[1].goal }] } };
    expect(replayStep(lesson, twice).problems.join()).toMatch(/2 choices hold/);
    const refused: LessonStep = { ...step, solution: [{ type: 'setSysctl', host: 'NOPE', key: 'net.ipv4.conf.all.arp_ignore', value: 1 }] };
    expect(replayStep(lesson, refused).problems.join()).toMatch(/solution op 0 \(setSysctl\) refused/);
  });
  it('a solution touching a locked setting is reported', () => {
    const flux: Lesson = COURSE.find((l) => l.id === 'arp-flux')!;
    const s = flux.steps[0];
    const bad: LessonStep = { ...s, locked: ['arp_ignore'] };
    expect(replayStep(flux, bad).problems.join()).toMatch(/solution op 0 \(setSysctl\) refused: hosts\.A\.sysctls\.net\.ipv4\.conf\.all\.arp_ignore: arp_ignore is locked in this lesson/);
  });
});

describe('goals', () => {
  it('resolve an interface to its MAC and find the evidence event', () => {
    const step = COURSE[0].steps[0];
    const solved = solvedScenario(step);
    if ('error' in solved) throw new Error(solved.error);
    const run = runScenario(solved.scenario);
    if ('error' in run) throw new Error(run.error);
    const r = evaluate(step.goals[0].goal, run);
    expect(r.holds).toBe(true);
    const e = run.sim.events.at(r.evidence!);
    expect(e).toMatchObject({ kind: 'neigh', host: 'C', ip: '192.168.100.20', to: 'REACHABLE' });
    const proof = evaluate(step.question!.proof, run);
    expect(run.sim.events.at(proof.evidence!)).toMatchObject({ kind: 'decision', host: 'B', rule: 'arp_reply' });
    expect(evaluate({ kind: 'neigh', host: 'C', ip: '192.168.100.20', mac: 'A.eth0' }, run).holds).toBe(false);
    expect(evaluate({ kind: 'frame', from: 'A', op: 'request', count: 1, step: 1 }, run).holds).toBe(true);
    expect(evaluate({ kind: 'frame', from: 'A', op: 'request', count: 2, step: 1 }, run).holds).toBe(false);
  });
});
