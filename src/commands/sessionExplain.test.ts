/**
 * `explain` through the session: the backend's explainer when it has one (the page's worker),
 * the same text as on this thread; Ctrl+C (the line's signal) stops the line with bash's 130.
 */
import { describe, expect, it } from 'vitest';
import lvsProblem from '../examples/gallery/scenarios/lvs-arp-problem.json';
import type { ScenarioV1 } from '../scenario/types.ts';
import { explain, ExplainError } from './explain.ts';
import { MemoryBackend } from './memoryBackend.ts';
import { INTERRUPTED_RC, Interrupted, runLine, type RunHooks } from './session.ts';

const lvs = lvsProblem as unknown as ScenarioV1;
const LINE = 'explain net.ipv4.conf.all.arp_ignore';

describe('explain in a session', () => {
  it('prints the same explanation through a backend explainer as on this thread, with its progress', async () => {
    const here = await runLine(new MemoryBackend(lvs, 'RS1'), LINE);
    const progress: string[] = [];
    const b = Object.assign(new MemoryBackend(lvs, 'RS1'), {
      explain: async (s: ScenarioV1, t: Parameters<typeof explain>[1], hooks: RunHooks) => {
        hooks.progress?.('re-simulating 1/5: the scenario as it is…');
        return explain(s, t);
      },
    });
    const there = await runLine(b, LINE, 'cursor', { progress: (p) => progress.push(p) });
    expect(there).toEqual(here);
    expect(here.rc).toBe(0);
    expect(here.out.some((l) => /^re-simulated 4 times/.test(l))).toBe(true);
    expect(progress).toEqual(['re-simulating 1/5: the scenario as it is…']);
  });

  it('an explainer\'s ExplainError prints as the command\'s error, exit 1', async () => {
    const b = Object.assign(new MemoryBackend(lvs, 'RS1'), {
      explain: async () => {
        throw new ExplainError('explain: too big');
      },
    });
    expect(await runLine(b, LINE)).toEqual({ out: ['explain: too big'], rc: 1, clear: false });
  });

  it('Ctrl+C during explain stops the whole line: exit 130, nothing after it runs', async () => {
    const ctl = new AbortController();
    let started = 0;
    const b = Object.assign(new MemoryBackend(lvs, 'RS1'), {
      explain: (_s: ScenarioV1, _t: unknown, hooks: RunHooks) =>
        new Promise<never>((_, reject) => {
          started++;
          hooks.signal?.addEventListener('abort', () => reject(new Interrupted()));
          ctl.abort();
        }),
    });
    const before = b.scenario.actions?.length ?? 0;
    const r = await runLine(b, `${LINE}; sysctl -w net.ipv4.conf.all.arp_announce=2`, 'cursor', { signal: ctl.signal });
    expect(r).toEqual({ out: [], rc: INTERRUPTED_RC, clear: false });
    expect(started).toBe(1);
    expect(b.scenario.actions?.length ?? 0).toBe(before);
  });

  it('a line whose signal is already aborted runs nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const b = new MemoryBackend(lvs, 'RS1');
    const r = await runLine(b, 'sysctl -w net.ipv4.conf.all.arp_announce=2', 'cursor', { signal: ctl.signal });
    expect(r.rc).toBe(INTERRUPTED_RC);
    expect(b.scenario.actions?.length ?? 0).toBe((lvs.actions ?? []).length);
  });
});
