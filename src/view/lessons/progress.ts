/**
 * Progress per lesson in the browser's storage (`arplab.lesson.<id>`): the step reached, and
 * per step the answer given, whether it was right, the goals reached (partial credit), and
 * whether it was solved by the learner or with the reference solution. A value that does
 * not parse is ignored (progress is a convenience; the user's scenario is stored elsewhere).
 */
export interface StepProgress {
  answer?: string;
  correct?: boolean;
  /** Goal ids reached at least once (not by touching a locked setting). */
  goals: string[];
  solved: boolean;
  usedSolution?: boolean;
  /** The learner's number of changes when the step was first solved. */
  changes?: number;
  /** The best score reached (0–100, lessons/score.ts). */
  points?: number;
}

export interface LessonProgress {
  step: number;
  steps: Record<string, StepProgress>;
}

export const PROGRESS_PREFIX = 'arplab.lesson.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readProgress(id: string, s: Storage | null = storage()): LessonProgress {
  try {
    const raw = s?.getItem(PROGRESS_PREFIX + id);
    if (raw) {
      const p = JSON.parse(raw) as LessonProgress;
      if (typeof p === 'object' && p && typeof p.step === 'number' && typeof p.steps === 'object' && p.steps) return p;
    }
  } catch {
    /* unreadable progress: start again */
  }
  return { step: 0, steps: {} };
}

export function writeProgress(id: string, p: LessonProgress, s: Storage | null = storage()): void {
  try {
    s?.setItem(PROGRESS_PREFIX + id, JSON.stringify(p));
  } catch {
    /* storage full or refused: progress is not saved, the lesson goes on */
  }
}

/** Progress with one step's record changed. */
export function withStep(p: LessonProgress, stepId: string, patch: Partial<StepProgress>): LessonProgress {
  const cur = p.steps[stepId] ?? { goals: [], solved: false };
  const next = { ...cur, ...patch };
  if (patch.goals) next.goals = [...new Set([...cur.goals, ...patch.goals])];
  return { ...p, steps: { ...p.steps, [stepId]: next } };
}
