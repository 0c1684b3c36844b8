/** Development aid: `npx tsx scripts/lessonPeek.ts LESSON STEP [solved]` prints the run a step starts from (or its solved run). */
import { formatDecision } from '../src/i18n/decision.ts';
import { COURSE } from '../src/lessons/course.ts';
import { runScenario, solvedScenario } from '../src/lessons/replay.ts';

const [lid, sid, solved] = process.argv.slice(2);
const step = COURSE.find((l) => l.id === lid)?.steps.find((s) => s.id === sid);
if (!step) throw new Error('no such step');
const s = solved ? solvedScenario(step) : { scenario: step.scenario };
if ('error' in s) throw new Error(s.error);
const run = runScenario(s.scenario);
if ('error' in run) throw new Error(run.error);
for (const st of run.sim.steps) {
  console.log(`── step ${st.i} ${st.type} ok=${st.ok}`);
  for (const f of st.frames) console.log(`  ${f.from} ${f.kind} ${f.op} ${f.spa}→${f.tpa} sha=${f.sha}`);
  for (let k = st.events[0]; k < st.events[1]; k++) {
    const e = run.sim.events.at(k)!;
    if (e.kind === 'decision') console.log(`  · ${e.host}.${e.dev} ${e.rule}/${e.verdict}/${e.reason}: ${formatDecision('en', e)}`);
  }
  for (const [h, rows] of Object.entries(st.neigh)) console.log(`  ${h}: ${rows.map((r) => `${r.ip} ${r.dev} ${r.lladdr} ${r.state}`).join(' | ')}`);
}
