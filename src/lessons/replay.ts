/**
 * Replays lessons: every step's goals must be false on the scenario the step starts from
 * and true after its reference solution, applied op by op through checkOp as the editor
 * applies edits (so an op changing a locked setting is refused); every question must have exactly one true choice, and a proof. The test
 * (replay.test.ts) and `npm run -s test:lessons` (scripts/lessons.ts) both run this.
 */
import { simulate } from '../engine/index.ts';
import { checkOp } from '../ops/check.ts';
import { lockedChanges } from '../ops/locks.ts';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { evaluate, type RunView } from './goals.ts';
import type { Lesson, LessonStep } from './types.ts';

/** Loads and simulates a scenario (the lesson's own seed, as the app does), or says why it cannot. */
export function runScenario(s: ScenarioV1): RunView | { error: string } {
  const r = loadScenario(s);
  if (!r.ok) return { error: r.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  return { sim: simulate(r.engine), input: r.engine };
}

/** The scenario after the reference solution, or the first op refused and why. */
export function solvedScenario(step: LessonStep): { scenario: ScenarioV1 } | { error: string } {
  let s = step.scenario;
  for (const [i, op] of step.solution.entries()) {
    const r = checkOp(s, op, loadScenario, step.locked);
    if (!r.ok) return { error: `solution op ${i} (${op.type}) refused: ${r.issues.map((x) => `${x.path}: ${x.message}`).join('; ')}` };
    s = r.next;
  }
  return { scenario: s };
}

export interface StepReplay {
  lesson: string;
  step: string;
  /** Problems found; empty when the step replays as it should. */
  problems: string[];
  /** Goals that were false at the start and hold after the solution. */
  goalsHeld: number;
  /** The question's true choice on the starting run. */
  answer: string | null;
}

export function replayStep(lesson: Lesson, step: LessonStep): StepReplay {
  const out: StepReplay = { lesson: lesson.id, step: step.id, problems: [], goalsHeld: 0, answer: null };
  const p = (m: string) => out.problems.push(m);
  const start = runScenario(step.scenario);
  if ('error' in start) {
    p(`start scenario does not load: ${start.error}`);
    return out;
  }
  if (start.sim.steps.some((s) => s.error)) p('a step of the start scenario could not run');
  if (step.question) {
    const held = step.question.choices.filter((c) => evaluate(c.goal, start).holds);
    if (held.length !== 1) p(`question: ${held.length} choices hold (${held.map((c) => c.id).join(', ')}), not exactly one`);
    else out.answer = held[0].id;
    const proof = evaluate(step.question.proof, start);
    if (!proof.holds || proof.evidence === null) p('question: its proof finds no decision on the start run');
  }
  if (step.goals.length === 0) p('no goals');
  const solved = solvedScenario(step);
  if ('error' in solved) {
    p(solved.error);
    return out;
  }
  const end = runScenario(solved.scenario);
  if ('error' in end) {
    p(`solved scenario does not load: ${end.error}`);
    return out;
  }
  for (const g of step.goals) {
    const before = evaluate(g.goal, start).holds;
    const after = evaluate(g.goal, end).holds;
    if (before) p(`goal ${g.id} already holds at the start`);
    if (!after) p(`goal ${g.id} does not hold after the solution`);
    if (!before && after) out.goalsHeld++;
  }
  return out;
}

/** The locked knobs whose settings differ between two versions of a step's scenario. */
export function lockedTouched(step: LessonStep, a: ScenarioV1, b: ScenarioV1): string[] {
  return lockedChanges(a, b, step.locked ?? []).map((c) => c.knob);
}

export interface CourseReplay {
  lessons: number;
  steps: StepReplay[];
  goalsHeld: number;
  problems: string[];
}

export function replayCourse(course: readonly Lesson[]): CourseReplay {
  const steps = course.flatMap((l) => l.steps.map((s) => replayStep(l, s)));
  return {
    lessons: course.length,
    steps,
    goalsHeld: steps.reduce((n, s) => n + s.goalsHeld, 0),
    problems: steps.flatMap((s) => s.problems.map((m) => `${s.lesson}/${s.step}: ${m}`)),
  };
}

/** The summary line `npm run -s test:lessons` ends with. */
export function replayLine(r: CourseReplay): string {
  return `lessons: ${r.lessons} replayed, ${r.goalsHeld} goals hold`;
}
