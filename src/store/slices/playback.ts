import type { StateCreator } from 'zustand';
import { cursorAt } from '../derive/timeline.ts';
import type { AppState, PlaybackSlice } from '../types.ts';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10] as const;
/** Reduced motion: real milliseconds between two jumps at 1×. */
export const JUMP_MS = 450;

const clampSpeed = (s: number) => Math.min(10, Math.max(0.1, s));

export const createPlaybackSlice =
  (animate: boolean, speed: number): StateCreator<AppState, [], [], PlaybackSlice> =>
  (set, get) => {
    const duration = () => get().timeline.duration;
    /** A long run streaming in: the end of the timeline is only how far it has got. */
    const streaming = () => get().simPartial && get().simStatus === 'running';
    const at = (v: number) => {
      const vt = get().timeline.vt;
      const c = cursorAt(vt, v);
      return { vtime: v, cursor: c };
    };
    return {
      vtime: 0,
      cursor: 0,
      playing: false,
      speed: clampSpeed(speed),
      animate,
      stopAt: null,
      jumpAcc: 0,
      play() {
        const { vtime, cursor, timeline } = get();
        if (timeline.vt.length === 0) return;
        // At the end: start over (at the end of what a streaming run has computed: wait for more).
        if (cursor >= timeline.vt.length && vtime >= duration() && !streaming()) set({ ...at(0), cursor: 0 });
        set({ playing: true, jumpAcc: 0 });
      },
      pause() {
        set({ playing: false, stopAt: null });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      stepForward() {
        const { cursor, timeline } = get();
        if (cursor >= timeline.vt.length) return;
        set({ playing: false, stopAt: null, cursor: cursor + 1, vtime: timeline.vt[cursor] });
      },
      stepBack() {
        const { cursor, timeline } = get();
        if (cursor <= 0) return;
        const c = cursor - 1;
        set({ playing: false, stopAt: null, cursor: c, vtime: c > 0 ? timeline.vt[c - 1] : 0 });
      },
      seek(v: number) {
        set({ ...at(Math.min(Math.max(0, v), duration())), stopAt: null });
      },
      reset() {
        set({ vtime: 0, cursor: 0, playing: false, stopAt: null, jumpAcc: 0 });
      },
      setSpeed(s: number) {
        set({ speed: clampSpeed(s) });
      },
      setAnimate(a: boolean) {
        set({ animate: a });
      },
      runStep(i: number) {
        const span = get().timeline.stepSpans[i];
        if (!span) return;
        // Start just before the step's first event so that it is applied by play.
        const { vt } = get().timeline;
        const first = get().sim?.steps[i]?.events[0] ?? 0;
        const start = first > 0 ? vt[first - 1] : 0;
        set({ vtime: start, cursor: first, stopAt: span[1], playing: true, jumpAcc: 0 });
      },
      finish(step?: number) {
        const { timeline } = get();
        const v = step === undefined ? timeline.duration : timeline.stepSpans[step]?.[1];
        if (v === undefined) return;
        set({ ...at(v), playing: false, stopAt: null });
      },
      advance(dtMs: number) {
        const { playing, animate, speed, vtime, cursor, stopAt, timeline, jumpAcc } = get();
        if (!playing) return;
        const end = Math.min(stopAt ?? Infinity, timeline.duration);
        // Caught up with a streaming run: keep playing from where it is as its steps arrive.
        const waits = streaming() && (stopAt === null || stopAt > timeline.duration);
        if (animate) {
          const v = Math.min(end, vtime + dtMs * speed);
          const c = cursorAt(timeline.vt, v);
          const done = v >= end && !waits;
          set({ vtime: v, cursor: done && stopAt === null ? timeline.vt.length : c, playing: !done, stopAt: done ? null : stopAt });
          return;
        }
        // Reduced motion: jump to the next group of simultaneous events every JUMP_MS / speed.
        const acc = jumpAcc + dtMs * speed;
        if (acc < JUMP_MS) {
          set({ jumpAcc: acc });
          return;
        }
        const next = cursor < timeline.vt.length ? timeline.vt[cursor] : end;
        const v = Math.min(end, Math.max(vtime, next));
        const done = v >= end && !waits;
        set({ vtime: v, cursor: cursorAt(timeline.vt, v), jumpAcc: 0, playing: !done, stopAt: done ? null : stopAt });
      },
    };
  };
