/**
 * The engine's side of the comparison: `npm run -s sim -- FILE` (or --sim CMD) prints the
 * simulator's JSON for a scenario file (format doc, "Simulation output").
 */
import { run } from './exec.ts';
import type { StepLike } from './compare.ts';

export type SimResult = { ok: true; steps: StepLike[] } | { ok: false; error: string };

export async function simulate(simCmd: string, file: string, timeoutMs = 120_000): Promise<SimResult> {
  const argv = [...simCmd.trim().split(/\s+/), file];
  const r = await run(argv, timeoutMs);
  if (r.code !== 0 || r.timedOut) {
    const why = r.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit ${r.code ?? r.signal}`;
    const tail = (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' / ').slice(0, 300);
    return { ok: false, error: `${why}${tail ? `: ${tail}` : ''}` };
  }
  try {
    const out = JSON.parse(r.stdout) as { steps?: StepLike[] };
    if (!Array.isArray(out.steps)) return { ok: false, error: 'output has no "steps" array' };
    return { ok: true, steps: out.steps };
  } catch (e) {
    return { ok: false, error: `output is not JSON: ${(e as Error).message.slice(0, 200)}` };
  }
}
