/**
 * Keeping generated scenarios away from the moments where the kernel's timing is random
 * or coarse, so that the kernel gives the same answer on every run.
 *
 * Timers that matter to ARP (from net/core/neighbour.c and the timer wheel):
 *  - an unanswered resolution retransmits 1 s and 2 s after the first request and fails at
 *    3 s; the timer wheel fires these up to ~0.1 s late;
 *  - an entry used while STALE goes DELAY and probes 5 s later (up to ~0.5 s late: a 5 s
 *    timer sits on a coarse wheel level), then retransmits at 1 s steps and fails 3 s later;
 *  - REACHABLE lasts reachable_time, random in [15, 45) s;
 *  - an update closer than locktime (1 s) to the previous one is ignored;
 *  - proxy_arp replies to broadcast requests are delayed at random by 0–0.8 s.
 * Actions take outcome-dependent time too (a ping that gets no answer waits -W seconds).
 *
 * So the generator keeps a timeline with one branch per combination of outcomes, each
 * with the times (as intervals) of everything that may happen, and accepts an action only
 * if in every branch: its snapshot falls clear of every possible event; its own events
 * fall neither on nor about one second from earlier ones; and no snapshot comes 15 s or
 * more after the first resolution since the last flush of every host.
 */

import { KERNEL_NEIGH, type Ev, type NeighTiming, type Profile, type Span, type TimingCtx } from '../src/scenario/actions/descriptor.ts';
import { timingProfile } from '../src/scenario/actions/registry.ts';
import type { ActionV1 } from '../src/scenario/types.ts';

export type { Ev, NeighTiming, Outcome, Profile, Span } from '../src/scenario/actions/descriptor.ts';
export { KERNEL_NEIGH } from '../src/scenario/actions/descriptor.ts';

/** Clearance between a snapshot and any event. */
const SNAP_MARGIN = 0.12;
/** Clearance between events of different actions (order must not be a coin toss). */
const RACE_MARGIN = 0.12;
/** Event gaps that could fall on either side of locktime (1 s). */
const LOCK_LO = 0.75;
const LOCK_HI = 1.3;
/** Reachable time is at least base_reachable_time/2 = 15 s. */
const REACHABLE_MIN = 14.2;
/** What the recorder adds per step (reading tables, starting tools). */
const OVERHEAD: Span = { lo: 0.01, hi: 0.15 };
const MAX_BRANCHES = 48;

export interface Branch {
  /** Spans (from a step's start) during which an entry may be INCOMPLETE with packets queued. */
  holds: { step: number; a: number; b: number }[];
  /** Start of each step since the last reset, as the sums of the lower/upper bounds. */
  startLo: number[];
  startHi: number[];
  nowLo: number;
  nowHi: number;
  events: { step: number; a: number; b: number; admin?: boolean }[];
  anchor: number | null;
}

const overlaps = (lo: number, hi: number, a: number, b: number) => lo <= b && hi >= a;

function fresh(): Branch {
  return { holds: [], startLo: [], startHi: [], nowLo: 0, nowHi: 0, events: [], anchor: null };
}

export class Timeline {
  private branches: Branch[];
  private readonly lockWindows: [number, number][];
  private readonly reachableMin: number;

  constructor(branches?: Branch[], neigh: NeighTiming = KERNEL_NEIGH) {
    this.branches = branches ?? [fresh()];
    this.neigh = neigh;
    // Gaps that could fall on either side of a locktime (the default 1 s gives 0.75–1.3 s).
    this.lockWindows = neigh.locktime.filter((l) => l > 0).map((l) => [l - (1 - LOCK_LO), l + (LOCK_HI - 1)]);
    this.reachableMin = neigh.baseReachableMin / 2 - (15 - REACHABLE_MIN);
  }

  readonly neigh: NeighTiming;

  /** The timeline if the action were added with this settle, or null if that is unsafe. */
  tryAdd(p: Profile, settle: number): Branch[] | null {
    const out: Branch[] = [];
    for (const br of this.branches) {
      const n = br.startLo.length;
      // Distance from step j's start to the new step's start (sum of independent spans).
      const dist = (j: number): Span => ({ lo: br.nowLo - br.startLo[j]!, hi: br.nowHi - br.startHi[j]! });
      if (p.deletes || p.reset) {
        for (const h of br.holds) {
          const d = dist(h.step);
          if (overlaps(d.lo, d.hi + 0.05, h.a - RACE_MARGIN, h.b + RACE_MARGIN)) return null;
        }
      }
      if (p.reset) {
        // Only the flush instant can race with what is pending; after it nothing is.
        const flushEv: Ev = { a: 0, b: p.outcomes[0]!.hi };
        for (const y of br.events) {
          const d = dist(y.step);
          if (overlaps(d.lo + flushEv.a - y.b, d.hi + flushEv.b - y.a, -RACE_MARGIN, RACE_MARGIN)) return null;
        }
        out.push(fresh());
        continue;
      }
      for (const o of p.outcomes) {
        const tLo = o.lo + settle + OVERHEAD.lo;
        const tHi = o.hi + settle + OVERHEAD.hi;
        const mine = p.events(o);
        // (A) the snapshot is clear of every event, earlier actions' and this one's.
        for (const y of br.events) {
          const d = dist(y.step);
          if (overlaps(d.lo + tLo - y.b, d.hi + tHi - y.a, -SNAP_MARGIN, SNAP_MARGIN)) return null;
        }
        for (const x of mine) if (overlaps(tLo - x.b, tHi - x.a, -SNAP_MARGIN, SNAP_MARGIN)) return null;
        // (B) this action's events neither coincide with earlier ones nor sit ~1 s from them.
        for (const x of mine) {
          for (const y of br.events) {
            const d = dist(y.step);
            const gLo = d.lo + x.a - y.b;
            const gHi = d.hi + x.b - y.a;
            if (overlaps(gLo, gHi, -RACE_MARGIN, RACE_MARGIN)) return null;
            if (x.admin || y.admin) continue;
            for (const [lo, hi] of this.lockWindows) {
              if (overlaps(gLo, gHi, lo, hi) || overlaps(gLo, gHi, -hi, -lo)) return null;
            }
          }
        }
        // (C) no REACHABLE entry can have expired by the snapshot.
        const anchor = br.anchor ?? (p.anchor ? n : null);
        if (anchor !== null) {
          const fromAnchor = anchor === n ? tHi : dist(anchor).hi + tHi;
          if (fromAnchor > this.reachableMin) return null;
        }
        out.push({
          startLo: [...br.startLo, br.nowLo],
          startHi: [...br.startHi, br.nowHi],
          nowLo: br.nowLo + tLo,
          nowHi: br.nowHi + tHi,
          events: [...br.events, ...mine.map((e) => ({ step: n, ...e }))],
          holds: [...br.holds, ...(p.holds?.(o) ?? []).map((e) => ({ step: n, a: e.a, b: e.b }))],
          anchor,
        });
      }
    }
    const unique = dedupe(out);
    return unique.length > MAX_BRANCHES ? null : unique;
  }

  commit(next: Branch[]): void {
    this.branches = next;
  }

  /** Longest time since the last reset over all branches (seconds). */
  elapsed(): number {
    return Math.max(...this.branches.map((b) => b.nowHi));
  }
}

function dedupe(bs: Branch[]): Branch[] {
  const seen = new Map<string, Branch>();
  const r = (x: number) => Math.round(x * 100);
  for (const b of bs) {
    const key = `${b.holds.map((h) => `${h.step}:${r(h.a)}:${r(h.b)}`)}|${b.startLo.map(r)}|${b.startHi.map(r)}|${r(b.nowLo)}|${r(b.nowHi)}|${b.events.map((e) => `${e.step}:${r(e.a)}:${r(e.b)}`)}|${b.anchor}`;
    if (!seen.has(key)) seen.set(key, b);
  }
  return [...seen.values()];
}

/**
 * The timing of an action, from the tools' behaviour (iputils 20221126): each action type's
 * descriptor (src/scenario/actions/, `harness.timing`) says how long it may run and what it
 * may cause.
 */
export function profileOf(a: { type: string } & Record<string, unknown>, ctx: TimingCtx): Profile {
  return timingProfile(a as ActionV1, ctx);
}

/** The most common next step: something that sends a frame at once. Used to look ahead. */
export const PROBE_NEXT: Profile = { outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 0.05 }] };

