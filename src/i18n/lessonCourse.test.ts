/** Every id of the course has its words in English and 简体中文: lesson, step, question, choices, goals, hints. */
import { describe, expect, it } from 'vitest';
import { COURSE } from '../lessons/course.ts';
import { COURSE_TEXT, type L } from './lessonCourse.ts';

const cjk = /[\u4e00-\u9fff]/;
function both(t: L | undefined, where: string): void {
  expect(t, where).toBeDefined();
  expect(t!.en.trim(), `${where}.en`).not.toBe('');
  expect(t!.zh.trim(), `${where}.zh`).not.toBe('');
}

describe('course text', () => {
  it('has no text for a lesson that does not exist', () => {
    expect(Object.keys(COURSE_TEXT).sort()).toEqual(COURSE.map((l) => l.id).sort());
  });
  it.each(COURSE.map((l) => [l.id, l] as const))('%s: every step, question, choice, goal and hint in both languages', (id, l) => {
    const t = COURSE_TEXT[id];
    both(t.title, `${id}.title`);
    both(t.summary, `${id}.summary`);
    expect(t.title.zh).toMatch(cjk);
    if (l.part === 'field') expect(t.source, `${id} names its source`).toMatch(/^https:\/\/github\.com\//);
    expect(Object.keys(t.steps).sort()).toEqual(l.steps.map((s) => s.id).sort());
    for (const s of l.steps) {
      const st = t.steps[s.id];
      const w = `${id}/${s.id}`;
      for (const k of ['title', 'prose', 'task'] as const) both(st[k], `${w}.${k}`);
      expect(st.prose.zh, w).toMatch(cjk);
      if (s.question) {
        both(st.question, `${w}.question`);
        both(st.reveal, `${w}.reveal`);
        expect(Object.keys(st.choices ?? {}).sort(), w).toEqual(s.question.choices.map((c) => c.id).sort());
        for (const c of s.question.choices) both(st.choices?.[c.id], `${w}.choices.${c.id}`);
      }
      expect(Object.keys(st.goals).sort(), w).toEqual(s.goals.map((g) => g.id).sort());
      for (const g of s.goals) both(st.goals[g.id], `${w}.goals.${g.id}`);
      expect(st.hints.length, `${w} hints`).toBeGreaterThan(0);
      for (const [i, h] of st.hints.entries()) both(h, `${w}.hints.${i}`);
    }
  });
});
