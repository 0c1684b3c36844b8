/**
 * Authoring a lesson from the scenario on screen (in the course list, loaded with the player):
 * "Start a step" keeps the scenario as the step's start; the author then makes the fix with
 * the usual tools — the inspector, the editors, the console — and those edits (the store's
 * record, `edits()`) are the reference solution; the goals are picked among what the engine
 * now does that it did not at the start (lessons/author.ts); an optional question's choices
 * are facts of the start run, exactly one of them true. "Save the lesson" turns the draft
 * into a lesson file, validates it like an imported file (lessons/file.ts), keeps it under
 * "Your lessons" and opens it; the player exports it as a file.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { L, LessonText, StepText } from '../../i18n/lessonCourse.ts';
import { candidateGoals, facts, type Candidate } from '../../lessons/author.ts';
import { exportLesson, loadLesson, type LessonLeftOut } from '../../lessons/file.ts';
import { evaluate, type RunView } from '../../lessons/goals.ts';
import type { Lesson, LessonStep } from '../../lessons/types.ts';
import type { Scenario } from '../../scenario/types.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { keepImported } from './imported.ts';

interface Recording {
  start: Scenario;
  startRun: RunView;
  editsAt: number;
}

interface DraftStep {
  step: LessonStep;
  text: StepText;
}

const same = (en: string): L => ({ en, zh: en });
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'lesson';

export function AuthorPanel() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const sim = useApp((s) => s.sim);
  const input = useApp((s) => s.engineInput);
  const running = useApp((s) => s.simStatus === 'running');
  const edited = useApp((s) => s.past.length);
  const [rec, setRec] = useState<Recording | null>(null);
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [stepTitle, setStepTitle] = useState('');
  const [prose, setProse] = useState('');
  const [task, setTask] = useState('');
  const [questionText, setQuestionText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [choices, setChoices] = useState<string[]>([]);
  const [result, setResult] = useState<{ error: string } | { leftOut: LessonLeftOut[] } | null>(null);

  const now = useMemo<RunView | null>(() => (sim && input && !running ? { sim, input } : null), [sim, input, running]);
  // The store's edits since the step started: the reference solution. `edited` (the history's
  // length) changes with every edit, undo and redo, so the list is read again then.
  const solution = useMemo(() => (rec && edited >= 0 ? api.getState().edits().slice(rec.editsAt) : []), [rec, api, edited]);
  const goals = useMemo(() => (rec && now ? candidateGoals(rec.startRun, now) : []), [rec, now]);
  const startFacts = useMemo(() => (rec ? facts(rec.startRun) : []), [rec]);

  const start = () => {
    const st = api.getState();
    if (!st.sim || !st.engineInput) return;
    setRec({ start: st.scenario, startRun: { sim: st.sim, input: st.engineInput }, editsAt: st.edits().length });
    setPicked([]);
    setChoices([]);
    setResult(null);
  };

  const addStep = () => {
    if (!rec) return;
    const chosen = goals.filter((g) => picked.includes(g.id));
    const qChoices = startFacts.filter((c) => choices.includes(c.id));
    const proof = startFacts.find((c) => c.goal.kind === 'decision' && evaluate(c.goal, rec.startRun).evidence !== null);
    const question = questionText.trim() && qChoices.length >= 2 && proof ? { choices: qChoices.map((c) => ({ id: c.id, goal: c.goal })), proof: proof.goal } : undefined;
    const id = `step-${steps.length + 1}`;
    const label = (c: Candidate) => same(c.label);
    setSteps([
      ...steps,
      {
        step: { id, scenario: rec.start, goals: chosen.map((g) => ({ id: g.id, goal: g.goal })), solution, ...(question ? { question } : {}) },
        text: {
          title: same(stepTitle.trim() || id),
          prose: same(prose.trim() || '—'),
          ...(question ? { question: same(questionText.trim()), choices: Object.fromEntries(qChoices.map((c) => [c.id, label(c)])), reveal: same(qChoices.find((c) => evaluate(c.goal, rec.startRun).holds)?.label ?? '') } : {}),
          task: same(task.trim() || '—'),
          goals: Object.fromEntries(chosen.map((g) => [g.id, label(g)])),
          hints: [],
        },
      },
    ]);
    setRec(null);
    setStepTitle('');
    setProse('');
    setTask('');
    setQuestionText('');
  };

  const save = () => {
    const id = `my-${slug(title)}`;
    const lesson: Lesson = { id, part: 'field', tags: ['authored'], steps: steps.map((s) => s.step) };
    const text: LessonText = { title: same(title.trim() || id), summary: same(summary.trim() || '—'), steps: Object.fromEntries(steps.map((s) => [s.step.id, s.text])) };
    const r = loadLesson(JSON.parse(exportLesson({ lesson, text })));
    if (!r.ok) return setResult({ error: r.error });
    if (!keepImported(r.doc)) return setResult({ error: t('lessons.notStored') });
    setResult({ leftOut: r.leftOut });
    setSteps([]);
    api.getState().setLesson({ id, step: 0, trainer: false });
  };

  const trueAtStart = (c: Candidate) => (rec ? evaluate(c.goal, rec.startRun).holds : false);
  const asked = questionText.trim() !== '';
  const trueChoices = startFacts.filter((c) => choices.includes(c.id) && trueAtStart(c)).length;
  const questionOk = !asked || (choices.length >= 2 && trueChoices === 1);

  return (
    <details className="author-panel" data-testid="author-panel">
      <summary>{t('lessons.author.title')}</summary>
      <p className="small muted">{t('lessons.author.intro')}</p>
      <label>{t('lessons.author.lessonTitle')} <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="author-title" /></label>
      <label>{t('lessons.author.summary')} <input value={summary} onChange={(e) => setSummary(e.target.value)} /></label>
      <p className="small">{t('lessons.author.steps', { count: steps.length })}</p>
      {!rec ? (
        <button type="button" onClick={start} disabled={!now} data-testid="author-start">{t('lessons.author.start')}</button>
      ) : (
        <div className="author-step">
          <p className="small">{t('lessons.author.recording', { count: solution.length })}</p>
          <label>{t('lessons.author.stepTitle')} <input value={stepTitle} onChange={(e) => setStepTitle(e.target.value)} /></label>
          <label>{t('lessons.author.prose')} <textarea value={prose} onChange={(e) => setProse(e.target.value)} rows={2} /></label>
          <label>{t('lessons.author.question')} <input value={questionText} onChange={(e) => setQuestionText(e.target.value)} data-testid="author-question" /></label>
          <fieldset>
            <legend className="small">{t('lessons.author.choices')}</legend>
            {startFacts.map((c) => (
              <label key={c.id} className="small">
                <input type="checkbox" checked={choices.includes(c.id)} onChange={(e) => setChoices(e.target.checked ? [...choices, c.id] : choices.filter((x) => x !== c.id))} data-author-choice={c.label} /> {c.label}
                {trueAtStart(c) ? ' ✓' : ''}
              </label>
            ))}
          </fieldset>
          {!questionOk ? <p className="form-error small" data-testid="author-question-error">{t('lessons.author.oneTrue')}</p> : null}
          <label>{t('lessons.author.task')} <textarea value={task} onChange={(e) => setTask(e.target.value)} rows={2} /></label>
          <fieldset data-testid="author-goals">
            <legend className="small">{t('lessons.author.goals')}</legend>
            {goals.length ? null : <p className="small muted">{t('lessons.author.noGoals')}</p>}
            {goals.map((g) => (
              <label key={g.id} className="small">
                <input type="checkbox" checked={picked.includes(g.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, g.id] : picked.filter((x) => x !== g.id))} data-author-goal={g.label} /> {g.label}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={addStep} disabled={!solution.length || !picked.length || !questionOk} data-testid="author-add-step">{t('lessons.author.addStep')}</button>
        </div>
      )}
      <button type="button" onClick={save} disabled={!steps.length} data-testid="author-save">{t('lessons.author.save')}</button>
      {result && 'error' in result ? <p className="form-error" role="alert">{result.error}</p> : null}
    </details>
  );
}
