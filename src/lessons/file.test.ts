/** Lesson files: every course lesson survives export → import unchanged; bad parts are left out with the reason; hopeless files are refused. */
import { describe, expect, it } from 'vitest';
import { COURSE_TEXT } from '../i18n/lessonCourse.ts';
import { COURSE } from './course.ts';
import { exportLesson, loadLessonText, type LessonDoc } from './file.ts';
import { replayStep } from './replay.ts';

const docOf = (id: string): LessonDoc => ({ lesson: COURSE.find((l) => l.id === id)!, text: COURSE_TEXT[id] });
const file = (id: string) => JSON.parse(exportLesson(docOf(id))) as { steps: Record<string, unknown>[] } & Record<string, unknown>;

describe('lesson files', () => {
  it.each(COURSE.map((l) => [l.id]))('%s: export → import gives the same steps, goals, solution, locks and words', (id) => {
    const r = loadLessonText(exportLesson(docOf(id)));
    if (!r.ok) throw new Error(r.error);
    expect(r.leftOut).toEqual([]);
    const orig = docOf(id);
    expect(r.doc.lesson.steps.map((s) => ({ ...s, scenario: undefined }))).toEqual(orig.lesson.steps.map((s) => ({ ...s, scenario: undefined })));
    expect(r.doc.text.title).toEqual(orig.text.title);
    for (const s of r.doc.lesson.steps) {
      expect(r.doc.text.steps[s.id]).toEqual(orig.text.steps[s.id]);
      expect(replayStep(r.doc.lesson, s).problems).toEqual([]);
    }
  });

  it('leaves out a goal that already holds at the start, a goal of the wrong shape and a step whose solution is refused, saying why', () => {
    const f = file('lvs-dr-arp');
    const s0 = f.steps[0] as { goals: unknown[] };
    s0.goals.push({ id: 'always', goal: { kind: 'not', goal: { kind: 'ok', ok: false, step: 99 } }, label: { en: 'x' } });
    s0.goals.push({ id: 'bogus', goal: { kind: 'conection', server: 'RS1' }, label: { en: 'x' } });
    (f.steps[1] as { solution: unknown[] }).solution = [{ type: 'setSysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore', value: 0 }];
    const r = loadLessonText(JSON.stringify(f));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.lesson.steps.map((s) => s.id)).toEqual(['who-serves']);
    expect(r.doc.lesson.steps[0].goals.map((g) => g.id)).toEqual(['no-bypass', 'balanced', 'router-d']);
    expect(r.leftOut.map((x) => x.path)).toEqual(['steps[0].goals[4]', 'steps[0].goals[3]', 'steps[1].solution']);
    expect(r.leftOut[0].reason).toMatch(/^steps\[0\]\.goals\[4\]\.goal(\.kind)?: /);
    expect(r.leftOut[1].reason).toBe('goal always already holds at the start');
    expect(r.leftOut[2].reason).toMatch(/solution op 0 \(setSysctl\) refused: .*arp_ignore is locked in this lesson/);
  });

  it('keeps a step whose scenario has a bad part, loading what is valid as a scenario file would', () => {
    const f = file('failover');
    const sc = (f.steps[0] as { scenario: { layout: Record<string, unknown> } }).scenario;
    sc.layout.C = { x: 'left', y: 1 };
    const r = loadLessonText(JSON.stringify(f));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.lesson.steps).toHaveLength(1);
    expect(r.leftOut).toEqual([
      { path: 'steps[0].scenario.layout.C.x', reason: 'expected a number, got the text "left"' },
      { path: 'steps[0].scenario.layout.C', reason: 'required: a number' },
    ]);
    expect(r.doc.lesson.steps[0].scenario.layout?.C).toBeUndefined();
  });

  it('drops a question whose choices do not have exactly one true answer, keeping the step', () => {
    const f = file('lvs-nat');
    const q = (f.steps[0] as { question: { choices: { goal: unknown }[] } }).question;
    q.choices[1].goal = q.choices[0].goal;
    const r = loadLessonText(JSON.stringify(f));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.lesson.steps[0].question).toBeUndefined();
    expect(r.doc.text.steps['ip-forward'].question).toBeUndefined();
    expect(r.leftOut).toEqual([{ path: 'steps[0].question', reason: 'question: 2 choices hold (D, RS1), not exactly one' }]);
  });

  it('refuses, with the reason, what is no lesson: bad JSON, another format, a newer version, no usable step', () => {
    expect(loadLessonText('{"format": "arplab-lesson",')).toMatchObject({ ok: false, error: expect.stringMatching(/line 1/) });
    expect(loadLessonText('{"version": 2, "hosts": {}}')).toMatchObject({ ok: false, error: expect.stringMatching(/^not an ARP Lab lesson: format: /) });
    expect(loadLessonText(JSON.stringify({ ...file('proxy-arp'), version: 9 }))).toEqual({ ok: false, error: 'this lesson file is version 9; this ARP Lab reads version 1' });
    const f = file('proxy-arp');
    (f.steps[0] as { solution: unknown[] }).solution = [{ type: 'teleport' }];
    expect(loadLessonText(JSON.stringify(f))).toMatchObject({ ok: false, error: expect.stringMatching(/^no step of this lesson can be used: steps\[0\]\.solution: solution op 0 \(teleport\) refused/) });
  });
});
