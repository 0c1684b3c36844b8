/**
 * The engine models the time a real command takes to start (CMD_START, 35 ms: the median
 * measured in the lab, where it ranged over 20–65 ms per step). This sweeps that delay
 * across the measured range and shows that every recorded kernel step agrees whatever the
 * delay — except one, named here: S16 step 7, in all three rp_filter runs.
 *
 * Why that step depends on it — a kernel timing race, not a rule the engine lacks: in step 1
 * R answers H1 by proxy after a random delay (pneigh_enqueue: random below proxy_delay,
 * 800 ms). In the three recorded runs the kernel drew 177–245 ms (R's reply at 0.215–0.280 s,
 * H1's request at about 0.035 s); the engine's seeded RNG draws 541 ms. The entries this
 * leaves on R and H2 go DELAY → PROBE about 5 s later (delay_first_probe_time) — in the
 * kernel 5.12–5.24 s later (the probes at 5.357–5.459 s), since a timer that far out fires
 * at its timer-wheel level's granularity (kernel/time/timer.c calc_wheel_index), whose phase
 * depends on the jiffies at boot; in the engine exactly 5 s later (5.576 s at 35 ms). Those
 * unicast probes and their replies fall inside the last step (ping -W 2) or after its end
 * depending on how long the seven steps took: in the recording 0.45 s before the step's last
 * request; in the engine 0.04 s before the step's end at 35 ms, and after it at 25 ms or
 * less. A random delay and an unknown timer phase racing a step boundary cannot be stable;
 * every other step is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStep, type StepLike } from '../conformance/compare.ts';
import { applyRecordedRpFilter, type ScenarioV1 as ConfScenario } from '../conformance/scenario.ts';
import { CMD_START, simulate } from '../src/engine/index.ts';
import { loadScenario } from '../src/scenario/load.ts';

const root = join(import.meta.dirname, '..');
const DELAYS_MS = [20, 25, 30, 35, 40, 45, 50, 55, 60, 65];
/** The one recorded step whose outcome depends on the command start delay (see above). */
const RACE = ['S16_proxy_arp rp_filter=0 step 7', 'S16_proxy_arp rp_filter=1 step 7', 'S16_proxy_arp rp_filter=2 step 7'];

interface Recording {
  runs: { rp_filter: number; steps?: StepLike[] }[];
}

describe('the command start delay', () => {
  it('is the lab median, inside the measured range', () => {
    expect(CMD_START).toBe(35_000);
    expect(CMD_START).toBeGreaterThanOrEqual(DELAYS_MS[0] * 1000);
    expect(CMD_START).toBeLessThanOrEqual(DELAYS_MS[DELAYS_MS.length - 1] * 1000);
  });

  it('decides no recorded step across 20–65 ms, except the named proxy-delay race', () => {
    const agreeAt = new Map<string, number[]>();
    let steps = 0;
    for (const f of readdirSync(join(root, 'test/oracle/results')).filter((x) => x.endsWith('.json')).sort()) {
      const sc = JSON.parse(readFileSync(join(root, 'conformance/scenarios/article', f), 'utf8')) as ConfScenario;
      const rec = JSON.parse(readFileSync(join(root, 'test/oracle/results', f), 'utf8')) as Recording;
      for (const run of rec.runs) {
        if (!run.steps) continue;
        const loaded = loadScenario(applyRecordedRpFilter(sc, run.rp_filter));
        if (!loaded.ok) throw new Error(`${f}: invalid`);
        steps += run.steps.length;
        for (const ms of DELAYS_MS) {
          const res = simulate(loaded.engine, { commandStart: ms * 1000, trace: false });
          const byIndex = new Map(res.steps.map((s) => [s.i, s as unknown as StepLike]));
          for (const k of run.steps) {
            const key = `${f.replace('.json', '')} rp_filter=${run.rp_filter} step ${k.i}`;
            if (!agreeAt.has(key)) agreeAt.set(key, []);
            if (compareStep(k, byIndex.get(k.i)).length === 0) agreeAt.get(key)!.push(ms);
          }
        }
      }
    }
    expect(steps).toBe(699);
    const unstable = [...agreeAt].filter(([, ok]) => ok.length !== DELAYS_MS.length);
    expect(unstable.map(([k]) => k).sort()).toEqual(RACE);
    // The race, measured: the kernel's outcome at 30 ms and more, the other side below.
    for (const [, ok] of unstable) expect(ok).toEqual(DELAYS_MS.filter((ms) => ms >= 30));
  }, 120_000);
});
