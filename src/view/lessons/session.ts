/**
 * Entering and leaving the lessons without losing the user's work: the scenario on screen
 * (and its undo history) when a lesson opens is kept here and put back on exit, and
 * autosave writes nothing while a lesson is open (autosave.ts), so the saved work in the
 * browser is never overwritten by a lesson's scenario. The lesson and step are in the
 * address (`?lesson=ID&step=N`, `&trainer=1`), so a reload or a shared link opens them.
 */
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import type { LessonRef } from '../../store/types.ts';

interface Kept {
  scenario: ScenarioV1;
  past: ScenarioV1[];
  future: ScenarioV1[];
  dirty: boolean;
}

const kept = new WeakMap<AppStore, Kept>();

/** The lesson a URL asks for (`?lesson=arp-flux&step=2&trainer=1`), or null. Steps in the URL count from 1. */
export function lessonFromUrl(href: string): LessonRef | null {
  const q = new URL(href).searchParams;
  if (!q.has('lesson')) return null;
  const id = q.get('lesson') || null;
  const step = Math.max(0, (Number.parseInt(q.get('step') ?? '1', 10) || 1) - 1);
  const locks = (q.get('lock') ?? '').split(',').filter((k) => /^[a-z_]+$/.test(k));
  return { id, step, trainer: q.get('trainer') === '1', ...(locks.length ? { locks } : {}) };
}

/**
 * The address of a lesson at a step (what the lesson and class links copy): the page with
 * only `lesson` and `step` (and `trainer`), so each reader keeps their own language and theme.
 */
export function lessonUrl(href: string, ref: LessonRef, opts: { trainer?: boolean } = {}): string {
  const u = new URL(href);
  const out = new URL(u.pathname, u.origin);
  out.searchParams.set('lesson', ref.id ?? '');
  if (ref.id) out.searchParams.set('step', String(ref.step + 1));
  if (opts.trainer) out.searchParams.set('trainer', '1');
  if (ref.locks?.length) out.searchParams.set('lock', ref.locks.join(','));
  return out.toString();
}

/** Opens the lessons (the course list with `id: null`), keeping the user's scenario to restore on exit. */
export function enterLessons(store: AppStore, ref: LessonRef): void {
  const st = store.getState();
  if (!st.lesson && !kept.has(store)) kept.set(store, { scenario: st.scenario, past: st.past, future: st.future, dirty: st.dirty });
  st.setLesson(ref);
}

/** Leaves the lessons: the user's scenario, history and unsaved state come back as they were. */
export function exitLessons(store: AppStore): void {
  const k = kept.get(store);
  kept.delete(store);
  if (k) {
    store.getState().loadScenario(k.scenario);
    store.setState({ past: k.past, future: k.future, dirty: k.dirty, lesson: null, locks: [] });
  } else {
    store.getState().setLesson(null);
    store.getState().setLocks([]);
  }
}

/** Keeps the address in step with the lesson shown (replaceState: no history entry per step). */
export function syncLessonUrl(ref: LessonRef | null): void {
  const u = new URL(location.href);
  const next = new URL(u.href);
  for (const k of ['lesson', 'step', 'trainer', 'lock']) next.searchParams.delete(k);
  if (ref) {
    next.searchParams.set('lesson', ref.id ?? '');
    if (ref.id) next.searchParams.set('step', String(ref.step + 1));
    if (ref.trainer) next.searchParams.set('trainer', '1');
    if (ref.locks?.length) next.searchParams.set('lock', ref.locks.join(','));
  }
  if (next.href !== u.href) history.replaceState(history.state, '', next);
}
