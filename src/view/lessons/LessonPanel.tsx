/**
 * The lesson player (loaded lazily, with the course): the course list, and a lesson's steps —
 * predict (a choice, or a click on the drawing), run, reveal (a wrong answer opens the
 * decision that proves the right one, and a hint), then a task whose goals are checked live
 * against the simulation, with partial credit, "show solution" (the step is reset and the
 * reference solution replayed edit by edit), progress saved per lesson, and a link.
 * Trainer mode is the same player as a presenter view (TrainerControls.tsx).
 */
import { Icon } from '../icons.tsx';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceEvent } from '../../engine/index.ts';
import { COURSE_TEXT, type L, type LessonText } from '../../i18n/lessonCourse.ts';
import { exportLesson, loadLessonText, type LessonLeftOut } from '../../lessons/file.ts';
import { COURSE, evaluate, lockedTouched, type Lesson, type RunView } from '../../lessons/index.ts';
import { downloadBlob } from '../share/download.ts';
import { AuthorPanel } from './AuthorPanel.tsx';
import { importedLessons, isCourseId, keepImported, lessonDoc, removeImported } from './imported.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import type { AppStore } from '../../store/createAppStore.ts';
import { copyText } from '../share/copyText.ts';
import { explainDecision } from '../why/explain.ts';
import { CONF_KNOBS } from '../../scenario/sysctlKeys.ts';
import { scoreStep } from '../../lessons/score.ts';
import { readProgress, withStep, writeProgress, type LessonProgress } from './progress.ts';
import { enterLessons, exitLessons, lessonUrl } from './session.ts';
import { Spotlight, useTrainerKeys, type Stage } from './TrainerControls.tsx';
import './lessons.css';

const PARTS = ['article', 'beyond', 'lvs', 'field'] as const;
const NO_LOCKS: readonly string[] = [];
/** What a trainer can lock: every per-interface ARP knob, and forwarding. */
const LOCKABLE = [...Object.keys(CONF_KNOBS), 'ip_forward'];
/** Milliseconds between the edits of a replayed solution, so each can be seen. */
const SOLUTION_PACE = 700;
/** Trainer mode: the stage the next step opens at (PageUp from a question goes back to the previous step's task). */
let enterStage: Stage | null = null;

function useText() {
  const lang = useApp((s) => s.lang);
  return useCallback((x: L | undefined) => (x ? x[lang] : ''), [lang]);
}

export default function LessonPanel() {
  const ref = useApp((s) => s.lesson);
  const { t } = useTranslation();
  // Read once per lesson: an imported lesson is validated again on every read, and the
  // player must keep the same step objects while it is open.
  const id = ref?.id ?? null;
  const doc = useMemo(() => (id ? lessonDoc(id) : undefined), [id]);
  if (!ref) return null;
  if (!doc) return <CourseList unknown={ref.id} />;
  const lesson = doc.lesson;
  const step = Math.min(Math.max(0, ref.step), lesson.steps.length - 1);
  return (
    <section className={`lesson-panel${ref.trainer ? ' trainer-panel' : ''}`} aria-label={t('lessons.course')} data-testid="lesson-panel">
      <Player key={`${lesson.id}/${step}`} lesson={lesson} text={doc.text} stepIndex={step} trainer={ref.trainer} extraLocks={ref.locks ?? NO_LOCKS} />
    </section>
  );
}

function CourseList({ unknown }: { unknown: string | null }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const tx = useText();
  return (
    <section className="lesson-panel" aria-labelledby="course-h" data-testid="lesson-panel">
      <div className="lesson-head">
        <h2 id="course-h">{t('lessons.course')}</h2>
        <button type="button" onClick={() => exitLessons(api)} data-testid="lesson-exit">{t('lessons.exit')}</button>
      </div>
      {unknown ? <p className="form-error" role="alert">{t('lessons.unknown', { id: unknown })}</p> : null}
      <p className="muted small">{t('lessons.courseIntro')} {t('lessons.exitNote')}</p>
      <ImportedLessons />
      <AuthorPanel />
      {PARTS.map((part) => {
        const lessons = COURSE.filter((l) => l.part === part);
        if (!lessons.length) return null;
        return (
          <div key={part}>
            <h3>{t(`lessons.parts.${part}`)}</h3>
            <ol className="lesson-list">
              {lessons.map((l) => {
                const p = readProgress(l.id);
                const done = l.steps.filter((s) => p.steps[s.id]?.solved).length;
                return (
                  <li key={l.id}>
                    <button type="button" className="lesson-open" data-lesson={l.id} onClick={() => api.getState().setLesson({ id: l.id, step: Math.min(p.step, l.steps.length - 1), trainer: false })}>
                      <strong>{tx(COURSE_TEXT[l.id].title)}</strong>
                      <span className="muted small">{t('lessons.progress', { done, total: l.steps.length })}</span>
                    </button>
                    <p className="small">{tx(COURSE_TEXT[l.id].summary)}</p>
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </section>
  );
}

/** The frame an event is about, and the port to focus in the Why panel. */
function frameOf(e: TraceEvent | undefined): { frameId: number; at: { host: string; dev: string } | null } | null {
  if (!e) return null;
  if (e.kind === 'tx') return { frameId: e.frame.id, at: { host: e.host, dev: e.dev } };
  if ((e.kind === 'decision' || e.kind === 'neigh') && e.frameId !== null) return { frameId: e.frameId, at: e.dev ? { host: e.host, dev: e.dev } : null };
  return null;
}

function play(api: AppStore) {
  api.getState().afterSim(() => {
    api.getState().reset();
    api.getState().play();
  });
}

function Player({ lesson, text, stepIndex, trainer, extraLocks }: { lesson: Lesson; text: LessonText; stepIndex: number; trainer: boolean; extraLocks: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const api = useAppStoreApi();
  const tx = useText();
  const step = lesson.steps[stepIndex];
  const st = text.steps[step.id];
  const q = step.question;
  const [progress, setProgress] = useState<LessonProgress>(() => readProgress(lesson.id));
  const saved = progress.steps[step.id];
  const [answer, setAnswer] = useState<string | null>(saved?.answer ?? null);
  const [stage, setStage] = useState<Stage>(() => (trainer ? (enterStage ?? 0) : saved?.answer || !q ? 2 : 0));
  useEffect(() => {
    enterStage = null;
  }, []);
  const [hints, setHints] = useState(0);
  const [replaying, setReplaying] = useState(false);
  const [startRun, setStartRun] = useState<RunView | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const timers = useRef<number[]>([]);

  const save = useCallback((f: (p: LessonProgress) => LessonProgress) => {
    setProgress((p) => {
      const next = f(p);
      writeProgress(lesson.id, next);
      return next;
    });
  }, [lesson.id]);

  // Entering the step: its scenario (the user's own was kept by enterLessons), and the run
  // the question is about, once simulated.
  const loadStep = useCallback(() => {
    for (const id of timers.current) window.clearTimeout(id);
    timers.current = [];
    setReplaying(false);
    api.getState().loadScenario(step.scenario);
    api.getState().afterSim(() => {
      const s = api.getState();
      if (s.sim && s.engineInput) setStartRun({ sim: s.sim, input: s.engineInput });
    });
  }, [api, step]);
  useEffect(() => {
    loadStep();
    save((p) => ({ ...p, step: stepIndex }));
    return () => {
      for (const id of timers.current) window.clearTimeout(id);
    };
  }, [loadStep, save, stepIndex]);

  // The step's locks and the trainer's, enforced by every edit (ops/locks.ts through the store's dispatch).
  const locks = useMemo(() => [...new Set([...(step.locked ?? []), ...extraLocks])], [step, extraLocks]);
  useEffect(() => {
    api.getState().setLocks(locks);
  }, [api, locks]);
  useEffect(() => () => api.getState().setLocks([]), [api]);

  const correct = useMemo(() => (q && startRun ? (q.choices.find((c) => evaluate(c.goal, startRun).holds)?.id ?? null) : null), [q, startRun]);
  const proof = useMemo(() => {
    if (!q || !startRun) return null;
    const r = evaluate(q.proof, startRun);
    return r.evidence === null ? null : startRun.sim.events.at(r.evidence)!;
  }, [q, startRun]);
  const revealed = !q || (trainer ? stage >= 1 : answer !== null);

  const showProof = useCallback(() => {
    const f = frameOf(proof ?? undefined);
    if (f) api.getState().select({ kind: 'frame', ...(f.at ? { frameId: f.frameId, at: f.at } : { frameId: f.frameId }) });
  }, [api, proof]);

  const choose = useCallback((id: string) => {
    if (answer !== null || !q || !correct) return;
    setAnswer(id);
    const right = id === correct;
    save((p) => withStep(p, step.id, { answer: id, correct: right }));
    if (!trainer) {
      play(api);
      if (!right) {
        setHints((h) => Math.max(h, 1));
        showProof();
      }
    }
  }, [answer, q, correct, save, step.id, trainer, api, showProof]);

  // Answering by clicking the drawing: a host, or an interface ("host.dev").
  const selection = useApp((s) => s.selection);
  useEffect(() => {
    if (!q?.pick || answer !== null || trainer || !selection) return;
    const id = selection.kind === 'host' ? selection.host : selection.kind === 'iface' ? (q.pick === 'iface' ? `${selection.host}.${selection.dev}` : selection.host) : null;
    if (id && q.choices.some((c) => c.id === id)) choose(id);
  }, [selection, q, answer, trainer, choose]);

  // Goals, live: evaluated on the simulation of the scenario on screen.
  const sim = useApp((s) => s.sim);
  const input = useApp((s) => s.engineInput);
  const scenario = useApp((s) => s.scenario);
  const running = useApp((s) => s.simStatus === 'running');
  const changes = useApp((s) => s.past.length);
  const touched = useMemo(() => lockedTouched({ ...step, locked: locks }, step.scenario, scenario), [step, locks, scenario]);
  const met = useMemo(() => {
    if (!sim || !input || running) return null;
    return step.goals.filter((g) => evaluate(g.goal, { sim, input }).holds).map((g) => g.id);
  }, [sim, input, running, step]);
  const metNow = touched.length ? [] : (met ?? []);
  const allMet = metNow.length === step.goals.length;
  useEffect(() => {
    if (!metNow.length || replaying) return;
    const solvedNow = metNow.length === step.goals.length;
    save((p) => {
      const cur = p.steps[step.id];
      if (cur && metNow.every((g) => cur.goals.includes(g)) && (cur.solved || !solvedNow)) return p;
      const points = scoreStep(metNow.length, step.goals.length, changes, step.solution.length).points;
      return withStep(p, step.id, { goals: metNow, points: Math.max(points, cur?.points ?? 0), ...(solvedNow && !cur?.solved ? { solved: true, changes } : {}) });
    });
    // metNow is derived; its content is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [metNow.join(), replaying, save, step, changes]);

  const showSolution = () => {
    loadStep();
    setReplaying(true);
    step.solution.forEach((op, i) => {
      timers.current.push(window.setTimeout(() => {
        api.getState().dispatch(op);
        if (i === step.solution.length - 1) {
          setReplaying(false);
          save((p) => withStep(p, step.id, { usedSolution: true }));
          play(api);
        }
      }, SOLUTION_PACE * (i + 1)));
    });
    if (trainer) setStage(2);
  };

  const goStep = useCallback((i: number) => {
    if (i < 0 || i >= lesson.steps.length) return;
    api.getState().setLesson({ id: lesson.id, step: i, trainer, locks: extraLocks });
  }, [api, lesson, trainer, extraLocks]);

  // Trainer: PageDown question → answer (the run plays) → task → next step; PageUp back.
  const advance = useCallback((dir: 1 | -1) => {
    const next = stage + dir;
    if (next > 2 || (next === 1 && !q)) return next > 2 ? goStep(stepIndex + 1) : setStage(2);
    if (next < 0) {
      enterStage = 2;
      return goStep(stepIndex - 1);
    }
    if (next === 1 && q) play(api);
    setStage(next as Stage);
  }, [stage, q, goStep, stepIndex, api]);
  useTrainerKeys(trainer, advance);

  const copy = async (url: string, what: string) => {
    setCopied((await copyText(url)) ? what : `${what}:failed`);
  };
  const label = (id: string) => tx(st.choices?.[id]) || id;
  const showQuestion = q && (!trainer || stage <= 1);
  const showTask = !trainer || stage === 2 || !q;
  const classLink = lessonUrl(location.href, { id: lesson.id, step: stepIndex, trainer: false, locks: extraLocks });
  const usedSolution = !!progress.steps[step.id]?.usedSolution;
  const score = scoreStep(metNow.length, step.goals.length, allMet ? (progress.steps[step.id]?.changes ?? changes) : changes, step.solution.length, usedSolution);
  const setExtraLocks = (next: string[]) => api.getState().setLesson({ id: lesson.id, step: stepIndex, trainer, locks: next.filter((k) => !step.locked?.includes(k)) });

  return (
    <>
      <div className="lesson-head">
        <button type="button" onClick={() => enterLessons(api, { id: null, step: 0, trainer: false })} data-testid="lesson-back">{t('lessons.back')}</button>
        <button type="button" aria-pressed={trainer} title={t('lessons.trainerAria')} onClick={() => api.getState().setLesson({ id: lesson.id, step: stepIndex, trainer: !trainer, locks: extraLocks })} data-testid="lesson-trainer">
          {t('lessons.trainer')}
        </button>
        <button type="button" onClick={() => exitLessons(api)} data-testid="lesson-exit">{t('lessons.exit')}</button>
      </div>
      <h2 className="lesson-title">{tx(text.title)}</h2>
      {!trainer ? (
        <p>
          <button type="button" onClick={() => downloadBlob(new Blob([exportLesson({ lesson, text })], { type: 'application/json' }), `${lesson.id}.arplab-lesson.json`)} data-testid="lesson-export">
            {t('lessons.exportLesson')}
          </button>
        </p>
      ) : null}
      {text.source ? (
        <p className="small">{t('lessons.source')}: <a href={text.source} rel="noreferrer noopener" target="_blank">{text.source.replace('https://github.com/', '')}</a></p>
      ) : null}
      <nav className="lesson-steps" aria-label={t('lessons.step', { n: stepIndex + 1, total: lesson.steps.length })}>
        <button type="button" onClick={() => goStep(stepIndex - 1)} disabled={stepIndex === 0} data-testid="lesson-prev">{t('lessons.prev')}</button>
        <span data-testid="lesson-step">{t('lessons.step', { n: stepIndex + 1, total: lesson.steps.length })}</span>
        <button type="button" onClick={() => goStep(stepIndex + 1)} disabled={stepIndex === lesson.steps.length - 1} data-testid="lesson-next">{t('lessons.next')}</button>
      </nav>
      {trainer ? <TrainerBar stage={stage} hasQuestion={!!q} onReveal={() => advance(1)} classLink={classLink} onCopy={() => void copy(classLink, 'class')} copied={copied === 'class'} /> : null}
      {trainer ? <LockPicker own={step.locked ?? NO_LOCKS} locks={locks} onChange={setExtraLocks} /> : null}
      <h3 className="step-title">{tx(st.title)}</h3>
      <p className="lesson-prose" data-testid="lesson-prose">{tx(st.prose)}</p>

      {showQuestion ? (
        <div className="lesson-question" data-testid="lesson-question">
          <h4>{t('lessons.predict')}</h4>
          <p><strong>{tx(st.question)}</strong></p>
          {q.pick && !trainer && answer === null ? <p className="muted small">{t('lessons.pickHint')}</p> : null}
          <div className="choices" role="group" aria-label={tx(st.question)}>
            {q.choices.map((c) => {
              const mark = revealed && correct ? (c.id === correct ? ' right' : c.id === answer ? ' wrong' : '') : c.id === answer ? ' chosen' : '';
              return (
                <button key={c.id} type="button" className={`choice${mark}`} data-choice={c.id} aria-pressed={c.id === answer} disabled={(answer !== null && !trainer) || !correct} onClick={() => choose(c.id)}>
                  {label(c.id)}
                </button>
              );
            })}
          </div>
          {!revealed && !trainer ? <p className="muted small">{t('lessons.answerFirst')}</p> : null}
          {revealed && correct ? (
            <div className="reveal" data-testid="lesson-reveal" role="status">
              {answer !== null ? (
                <p className={answer === correct ? 'ok' : 'bad'}>
                  {answer === correct ? t('lessons.correct') : t('lessons.wrong', { answer: label(correct) })}
                </p>
              ) : null}
              <p>{tx(st.reveal)}</p>
              {proof ? (
                <div className="proof" data-testid="lesson-proof">
                  <h4>{t('lessons.proof')}</h4>
                  <p className="small">{proof.kind === 'decision' ? explainDecision(i18n, proof) : proof.kind === 'tx' ? `${proof.host}.${proof.dev}: ${proof.frameKind} ${proof.frame.arp ? `${proof.frame.arp.spa} → ${proof.frame.arp.tpa}` : ''}` : proof.kind === 'neigh' ? `${proof.host}: ${proof.ip} ${proof.from ?? '—'} → ${proof.to ?? '—'}` : ''}</p>
                  {frameOf(proof) ? <button type="button" onClick={showProof} data-testid="lesson-open-why">{t('lessons.openWhy')}</button> : null}
                </div>
              ) : null}
              {!trainer ? <button type="button" onClick={() => play(api)}>{t('lessons.runAgain')}</button> : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {!q && !trainer ? <button type="button" onClick={() => play(api)}>{t('lessons.run')}</button> : null}

      {showTask && revealed ? (
        <div className="lesson-task" data-testid="lesson-task">
          <h4>{t('lessons.task')}</h4>
          <p><strong>{tx(st.task)}</strong></p>
          {locks.length ? <p className="muted small" data-testid="lesson-locks"><Icon name="lock" />{' '}{t('lessons.locked', { keys: locks.join(', ') })}</p> : null}
          {touched.length ? <p className="form-error" role="alert">{t('lessons.lockedTouched', { keys: touched.join(', ') })}</p> : null}
          <h5>{t('lessons.goals', { met: metNow.length, total: step.goals.length })}</h5>
          <ul className="goals" data-testid="lesson-goals">
            {step.goals.map((g) => {
              const ok = metNow.includes(g.id);
              return (
                <li key={g.id} className={ok ? 'met' : ''} data-goal={g.id} data-met={ok}>
                  <span aria-hidden="true">{ok ? '✓' : '○'}</span> {tx(st.goals[g.id])} <span className="sr-only">({ok ? t('lessons.goalMet') : t('lessons.goalOpen')})</span>
                </li>
              );
            })}
          </ul>
          {metNow.length > 0 && !allMet ? <p className="small">{t('lessons.partial', { met: metNow.length, total: step.goals.length })}</p> : null}
          {allMet && !replaying ? <p className="ok" role="status" data-testid="lesson-solved">{t('lessons.solved')} {usedSolution ? t('lessons.solutionUsed') : null}</p> : null}
          {metNow.length > 0 && !replaying ? (
            <p className="lesson-score" data-testid="lesson-score" data-points={score.points}>
              {t('lessons.score', { points: score.points, met: score.met, total: score.total, mine: score.changes, ref: score.reference })}
            </p>
          ) : null}
          {st.hints.slice(0, hints).map((h, i) => (
            <p key={i} className="hint" data-testid="lesson-hint"><strong>{t('lessons.hint')} {i + 1}:</strong> {tx(h)}</p>
          ))}
          <div className="lesson-buttons">
            {hints < st.hints.length ? <button type="button" onClick={() => setHints(hints + 1)} data-testid="lesson-hint-button">{hints ? t('lessons.moreHint') : t('lessons.hint')}</button> : null}
            <button type="button" onClick={showSolution} disabled={replaying} data-testid="lesson-solution">{t('lessons.showSolution')}</button>
            <button type="button" onClick={loadStep}>{t('lessons.resetStep')}</button>
          </div>
          {replaying ? <p className="muted" role="status">{t('lessons.solutionPlaying')}</p> : null}
        </div>
      ) : null}

      {!trainer ? (
        <p>
          <button type="button" onClick={() => void copy(lessonUrl(location.href, { id: lesson.id, step: stepIndex, trainer: false }), 'link')}>{t('lessons.link')}</button>
          {copied === 'link' ? <span className="muted small"> {t('lessons.linkCopied')}</span> : null}
        </p>
      ) : null}
      {trainer ? <Spotlight /> : null}
    </>
  );
}

function TrainerBar({ stage, hasQuestion, onReveal, classLink, onCopy, copied }: { stage: Stage; hasQuestion: boolean; onReveal: () => void; classLink: string; onCopy: () => void; copied: boolean }) {
  const { t } = useTranslation();
  const stages = (hasQuestion ? (['question', 'reveal', 'task'] as const) : (['task'] as const)).map((s) => t(`lessons.stage.${s}`));
  return (
    <div className="trainer-bar">
      <p className="muted small">{t('lessons.trainerKeys')}</p>
      <p data-testid="trainer-stage">{stages[hasQuestion ? stage : 0]}</p>
      {hasQuestion && stage === 0 ? <button type="button" className="primary" onClick={onReveal} data-testid="trainer-reveal">{t('lessons.reveal')}</button> : null}
      <label className="class-link">
        {t('lessons.classLink')}
        <input readOnly value={classLink} aria-label={t('lessons.classLinkAria')} data-testid="class-link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={onCopy}>{t('lessons.link')}</button>
      {copied ? <span className="muted small"> {t('lessons.linkCopied')}</span> : null}
    </div>
  );
}

/** Trainer mode: lock more settings for the class (the step's own stay locked); every edit path refuses them. */
function LockPicker({ own, locks, onChange }: { own: readonly string[]; locks: readonly string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <details className="lock-details">
      <summary data-testid="lock-summary">{t('lessons.lockLegend')} ({locks.length})</summary>
    <fieldset className="lock-picker" data-testid="lock-picker">
      {LOCKABLE.map((k) => (
        <label key={k} className="small">
          <input
            type="checkbox"
            checked={locks.includes(k)}
            disabled={own.includes(k)}
            onChange={(e) => onChange(e.target.checked ? [...locks, k] : locks.filter((x) => x !== k))}
            data-lock={k}
          />{' '}
          {k}
        </label>
      ))}
    </fieldset>
    </details>
  );
}

/** Lessons imported from files: listed, opened, removed; a file picked here is validated (lessons/file.ts) and what was left out is listed. */
function ImportedLessons() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const tx = useText();
  const [docs, setDocs] = useState(importedLessons);
  const [note, setNote] = useState<{ error: string } | { title: L; leftOut: LessonLeftOut[] } | null>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const r = loadLessonText(await f.text());
    if (!r.ok) return setNote({ error: r.error });
    if (isCourseId(r.doc.lesson.id)) return setNote({ error: t('lessons.idTaken', { id: r.doc.lesson.id }) });
    if (!keepImported(r.doc)) return setNote({ error: t('lessons.notStored') });
    setDocs(importedLessons());
    setNote({ title: r.doc.text.title, leftOut: r.leftOut });
  };
  return (
    <div data-testid="imported-lessons">
      <h3>{t('lessons.parts.imported')}</h3>
      <label className="import-lesson">
        {t('lessons.importLesson')}{' '}
        <input type="file" accept=".json,application/json" data-testid="lesson-import" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {note && 'error' in note ? <p className="form-error" role="alert" data-testid="lesson-import-error">{note.error}</p> : null}
      {note && 'title' in note ? (
        <div role="status" data-testid="lesson-import-note">
          <p className="ok">{t('lessons.imported', { title: tx(note.title) })}</p>
          {note.leftOut.length ? (
            <>
              <p className="small">{t('lessons.leftOut')}</p>
              <ul className="small">
                {note.leftOut.map((x, i) => <li key={i}><code>{x.path}</code>: {x.reason}</li>)}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {docs.length ? (
        <ol className="lesson-list">
          {docs.map((d) => (
            <li key={d.lesson.id}>
              <button type="button" className="lesson-open" data-lesson={d.lesson.id} onClick={() => api.getState().setLesson({ id: d.lesson.id, step: 0, trainer: false })}>
                <strong>{tx(d.text.title)}</strong>
                <span className="muted small">{t('lessons.steps', { count: d.lesson.steps.length })}</span>
              </button>
              <p className="small">{tx(d.text.summary)}</p>
              <button type="button" className="small" onClick={() => { removeImported(d.lesson.id); setDocs(importedLessons()); }}>{t('lessons.remove')}</button>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
