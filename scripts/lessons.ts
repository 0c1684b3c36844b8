/**
 * `npm run -s test:lessons`: replays every lesson's reference solution (src/lessons/replay.ts)
 * and ends with "lessons: N replayed, M goals hold". Exit 1 when a step does not replay.
 */
import { COURSE } from '../src/lessons/course.ts';
import { replayCourse, replayLine } from '../src/lessons/replay.ts';

const r = replayCourse(COURSE);
for (const s of r.steps) console.log(`${s.problems.length ? 'FAIL' : 'ok  '} ${s.lesson}/${s.step}: ${s.goalsHeld} goals${s.answer ? `, answer ${s.answer}` : ''}`);
for (const p of r.problems) console.log(`  ${p}`);
console.log(`${r.steps.length} steps, ${r.problems.length} problems`);
console.log(replayLine(r));
process.exit(r.problems.length ? 1 : 0);
