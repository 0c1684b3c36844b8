/** Authoring: the goals offered are what holds after the author's fix and did not at the start; a step built from them replays. */
import { describe, expect, it } from 'vitest';
import { candidateGoals, facts } from './author.ts';
import { evaluate } from './goals.ts';
import { lessonById } from './index.ts';
import { replayStep, runScenario, solvedScenario } from './replay.ts';

const run = (s: Parameters<typeof runScenario>[0]) => {
  const r = runScenario(s);
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('candidate goals', () => {
  const lesson = lessonById('lvs-dr-arp')!;
  const step = lesson.steps[0];
  const solved = solvedScenario(step);
  if ('error' in solved) throw new Error(solved.error);
  const start = run(step.scenario);
  const end = run(solved.scenario);
  const goals = candidateGoals(start, end);

  it('offers what the fix changed, in words, each false at the start and true after it', () => {
    const labels = goals.map((g) => g.label);
    expect(labels).toEqual(expect.arrayContaining(['A connection is served by RS1 through director D', 'A connection is served by RS2 through director D', 'No connection bypasses the director', 'R has 10.0.0.100 at D.eth0’s MAC']));
    expect(labels.filter((l) => l.startsWith('Not any more: ')).length).toBeGreaterThan(0);
    for (const g of goals) {
      expect(evaluate(g.goal, end).holds, g.label).toBe(true);
      expect(evaluate(g.goal, start).holds, g.label).toBe(false);
    }
  });
  it('a step authored from them (the same start, the same edits) replays as a course step', () => {
    const authored = { id: 'a', scenario: step.scenario, goals: goals.map((g) => ({ id: g.id, goal: g.goal })), solution: step.solution };
    const r = replayStep(lesson, authored);
    expect(r.problems).toEqual([]);
    expect(r.goalsHeld).toBe(goals.length);
  });
  it('lists the start run’s facts for a question, the bypass among them', () => {
    expect(facts(start).map((f) => f.label)).toContain('A connection bypasses the director');
  });
});
