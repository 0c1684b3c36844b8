// @vitest-environment jsdom
/**
 * Lessons never cost the user their work: while a lesson is open autosave writes nothing,
 * and leaving restores the scenario, its undo history and its unsaved state. Links carry
 * only the lesson and the step. Progress records merge goals (partial credit).
 */
import { describe, expect, it } from 'vitest';
import twoNic from '../../examples/twoNic.json';
import { COURSE } from '../../lessons/course.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { memoryStorage } from '../editor/__fixtures__/memoryStorage.ts';
import { attachAutosave, AUTOSAVE_KEY } from '../editor/autosave.ts';
import { readProgress, withStep, writeProgress } from './progress.ts';
import { enterLessons, exitLessons, lessonFromUrl, lessonUrl } from './session.ts';

const base = twoNic as ScenarioV1;

describe('lesson session', () => {
  it('keeps the saved work and the scenario on screen through a lesson, edits included', () => {
    const s = memoryStorage();
    const store = createAppStore({ scenario: base });
    attachAutosave(store, s);
    store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.arp_announce', value: 1 });
    const saved = s.getItem(AUTOSAVE_KEY);
    const mine = store.getState().scenario;
    expect(saved).toContain('arp_announce');

    enterLessons(store, { id: 'arp-flux', step: 0, trainer: false });
    store.getState().loadScenario(COURSE.find((l) => l.id === 'arp-flux')!.steps[0].scenario);
    store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.arp_ignore', value: 1 });
    expect(store.getState().dirty).toBe(true);
    // The lesson's edit is not the user's work: nothing was written.
    expect(s.getItem(AUTOSAVE_KEY)).toBe(saved);
    // Opening another lesson (or the course list) keeps the first kept scenario.
    enterLessons(store, { id: null, step: 0, trainer: false });

    exitLessons(store);
    const st = store.getState();
    expect(st.lesson).toBeNull();
    expect(st.scenario).toEqual(mine);
    expect(st.past.length).toBe(1);
    expect(st.dirty).toBe(true);
    // (Saved again on leaving, with the same scenario.)
    const scenarioOf = (raw: string | null) => JSON.parse(raw as string).scenario;
    expect(scenarioOf(s.getItem(AUTOSAVE_KEY))).toEqual(scenarioOf(saved));
    // Undo works on the user's own history again, and is saved.
    st.undo();
    expect(s.getItem(AUTOSAVE_KEY)).not.toContain('arp_announce');
  });

  it('links carry only the lesson and the step (from 1); a bad step starts at the first', () => {
    const ref = { id: 'arp-ignore', step: 1, trainer: true };
    expect(lessonUrl('https://x.test/app/?lang=zh&speed=2#s=1.abc', ref)).toBe('https://x.test/app/?lesson=arp-ignore&step=2');
    expect(lessonUrl('https://x.test/', ref, { trainer: true })).toBe('https://x.test/?lesson=arp-ignore&step=2&trainer=1');
    expect(lessonFromUrl('https://x.test/?lang=en&lesson=arp-ignore&step=2&trainer=1')).toEqual(ref);
    expect(lessonFromUrl('https://x.test/?lesson=arp-flux&step=zz')).toEqual({ id: 'arp-flux', step: 0, trainer: false });
    expect(lessonFromUrl('https://x.test/?lesson=')).toEqual({ id: null, step: 0, trainer: false });
    expect(lessonFromUrl('https://x.test/?lang=en')).toBeNull();
  });

  it('progress: goals merge (partial credit), unreadable progress starts again', () => {
    const s = memoryStorage();
    let p = withStep(readProgress('arp-flux', s), 'both-answer', { answer: 'both', correct: true, goals: ['eth1-quiet'] });
    p = withStep(p, 'both-answer', { goals: ['b-eth0'], solved: true });
    writeProgress('arp-flux', p, s);
    expect(readProgress('arp-flux', s).steps['both-answer']).toEqual({ answer: 'both', correct: true, goals: ['eth1-quiet', 'b-eth0'], solved: true });
    s.setItem('arplab.lesson.arp-flux', '{not json');
    expect(readProgress('arp-flux', s)).toEqual({ step: 0, steps: {} });
  });
});
