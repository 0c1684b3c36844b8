/** Lessons as data (types.ts), the course (course.ts), goal evaluation (goals.ts) and replay (replay.ts). */
export { COURSE } from './course.ts';
export type { Goal, Lesson, LessonStep, PortRef, Question, StepGoal, StepSel } from './types.ts';
export { evaluate, macOf, type GoalResult, type RunView } from './goals.ts';
export { lockedTouched, replayCourse, replayLine, replayStep, runScenario, solvedScenario, type CourseReplay, type StepReplay } from './replay.ts';

import { COURSE } from './course.ts';
import type { Lesson } from './types.ts';

/** The lesson with this id, or undefined (an id from an old link). */
export function lessonById(id: string): Lesson | undefined {
  return COURSE.find((l) => l.id === id);
}
