/**
 * A lesson as a file: a built-in or authored lesson exported with its words (English and,
 * where written, 简体中文), and imported back, validated like a scenario. The text is parsed
 * as scenario files are (size, syntax errors with line and column, repeated keys); the shape
 * is checked with zod; each step's scenario loads through the scenario format's own partial
 * load (`loadWhatIsValid`), and the step must then replay like a course step (replay.ts):
 * every goal false at the start and true after the solution, applied op by op through
 * checkOp with the step's locks, and a question with exactly one true choice. What is
 * invalid is left out — a goal, a choice (the question with it), a whole step — and listed
 * with the reason; the lesson is refused whole only when nothing usable is left (not a
 * lesson file, a newer version, no step that replays).
 */
import '../scenario/zodConfig.ts';
import { z } from 'zod';
import { DECISIONS } from '../engine/tables.ts';
import type { L, LessonText, StepText } from '../i18n/lessonCourse.ts';
import type { ScenarioOp } from '../ops/op.ts';
import { parseScenarioText } from '../scenario/load.ts';
import { loadWhatIsValid } from '../scenario/salvage.ts';
import type { Scenario } from '../scenario/types.ts';
import { replayStep } from './replay.ts';
import type { Goal, Lesson, LessonStep, Question, StepGoal } from './types.ts';

export const LESSON_FORMAT = 'arplab-lesson';
export const LESSON_VERSION = 1;

/** A lesson with its words: what a file holds and what the player shows for an imported lesson. */
export interface LessonDoc {
  lesson: Lesson;
  text: LessonText;
}

// ── The file's shape ──────────────────────────────────────────────────────────
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id of lowercase letters, digits and dashes').max(64);
const words = z.string().max(4000);
/** English is required; 简体中文 falls back to it when missing. */
const text = z.object({ en: words.min(1), zh: words.optional() });
const ip = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'an IPv4 address');
const stepSel = z.union([z.enum(['any', 'last', 'every']), z.number().int().min(0).max(10_000)]);
const hostName = z.string().min(1).max(64);
const port = z.string().regex(/^[^.]+\.[^.]+$/, 'an interface as host.dev') as unknown as z.ZodType<`${string}.${string}`>;

const goal: z.ZodType<Goal> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('decision'),
      host: hostName.optional(),
      dev: z.string().optional(),
      rule: z.enum(Object.keys(DECISIONS) as [keyof typeof DECISIONS, ...(keyof typeof DECISIONS)[]]),
      verdict: z.enum(['drop', 'ignore', 'reply', 'update', 'create', 'choose', 'info', 'accept', 'forward', 'deliver']).optional(),
      reason: z.string().optional(),
      params: z.record(z.string(), z.string()).optional(),
      step: stepSel.optional(),
    }),
    z.strictObject({
      kind: z.literal('neigh'),
      host: hostName,
      ip,
      dev: z.string().optional(),
      state: z.array(z.enum(['INCOMPLETE', 'REACHABLE', 'STALE', 'DELAY', 'PROBE', 'FAILED', 'NOARP', 'PERMANENT'])).optional(),
      mac: port.optional(),
      lladdr: z.string().optional(),
      absent: z.boolean().optional(),
      step: stepSel.optional(),
    }),
    z.strictObject({
      kind: z.literal('frame'),
      from: z.string().optional(),
      op: z.enum(['request', 'reply']).optional(),
      frameKind: z.string().optional(),
      spa: ip.optional(),
      tpa: ip.optional(),
      sha: port.optional(),
      count: z.number().int().min(0).max(10_000).optional(),
      step: stepSel.optional(),
    }),
    z.strictObject({ kind: z.literal('ok'), ok: z.boolean(), step: stepSel.optional() }),
    z.strictObject({
      kind: z.literal('connection'),
      server: hostName.optional(),
      director: hostName.nullable().optional(),
      bypassed: z.boolean().optional(),
      result: z.enum(['served', 'reset', 'refused', 'unreachable', 'timeout']).optional(),
      step: stepSel.optional(),
    }),
    z.strictObject({ kind: z.literal('not'), goal }),
    z.strictObject({ kind: z.literal('all'), goals: z.array(goal).min(1).max(32) }),
  ]),
) as z.ZodType<Goal>;

const stepGoal = z.strictObject({ id, goal, label: text });
const choice = z.strictObject({ id: z.string().min(1).max(64), goal, label: text });
const question = z.strictObject({ pick: z.enum(['host', 'iface']).optional(), text, choices: z.array(z.unknown()).min(2).max(8), proof: goal, reveal: text });
/** An edit: its details are checked by replaying it (checkOp refuses an unknown type or a bad field). */
const op = z.looseObject({ type: z.string().min(1).max(40) });
const step = z.strictObject({
  id,
  title: text,
  prose: text,
  scenario: z.unknown(),
  question: z.unknown().optional(),
  task: text,
  goals: z.array(z.unknown()).min(1).max(32),
  hints: z.array(text).max(8).default([]),
  solution: z.array(op).min(1).max(64),
  locked: z.array(z.string().regex(/^[a-z_0-9]+$/)).max(32).optional(),
});
const file = z.strictObject({
  format: z.literal(LESSON_FORMAT),
  version: z.number().int().min(1),
  id,
  title: text,
  summary: text,
  source: z.url().optional(),
  steps: z.array(z.unknown()).min(1).max(64),
});

type Text = z.infer<typeof text>;
const l = (t: Text): L => ({ en: t.en, zh: t.zh ?? t.en });

// ── Export ────────────────────────────────────────────────────────────────────
/** The file of a lesson and its words (pretty JSON, the scenario of each step in the current format). */
export function exportLesson(doc: LessonDoc): string {
  const { lesson, text: t } = doc;
  const out = {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id: lesson.id,
    title: t.title,
    summary: t.summary,
    ...(t.source ? { source: t.source } : {}),
    steps: lesson.steps.map((s) => {
      const st = t.steps[s.id];
      return {
        id: s.id,
        title: st.title,
        prose: st.prose,
        scenario: s.scenario,
        ...(s.question && st.question && st.reveal
          ? {
              question: {
                ...(s.question.pick ? { pick: s.question.pick } : {}),
                text: st.question,
                choices: s.question.choices.map((c) => ({ id: c.id, goal: c.goal, label: st.choices?.[c.id] ?? { en: c.id, zh: c.id } })),
                proof: s.question.proof,
                reveal: st.reveal,
              },
            }
          : {}),
        task: st.task,
        goals: s.goals.map((g) => ({ id: g.id, goal: g.goal, label: st.goals[g.id] })),
        hints: st.hints,
        solution: s.solution,
        ...(s.locked?.length ? { locked: s.locked } : {}),
      };
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

// ── Import ────────────────────────────────────────────────────────────────────
export interface LessonLeftOut {
  /** Where, in the file: `steps[1]`, `steps[0].goals[2]`, `steps[0].question`. */
  path: string;
  reason: string;
}

export type LessonLoad = { ok: true; doc: LessonDoc; leftOut: LessonLeftOut[] } | { ok: false; error: string };

const zodReason = (e: z.ZodError, base: string): string =>
  e.issues
    .slice(0, 3)
    .map((i) => `${[base, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('').replace(/^\./, '')}: ${i.message}`)
    .join('; ');

/** Reads a lesson file: the lesson with what is valid, and what was left out and why; or why it is no lesson at all. */
export function loadLessonText(textIn: string): LessonLoad {
  const parsed = parseScenarioText(textIn);
  if (!parsed.ok) return { ok: false, error: parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') };
  return loadLesson(parsed.doc);
}

export function loadLesson(json: unknown): LessonLoad {
  const top = file.safeParse(json);
  if (!top.success) {
    const o = json as Record<string, unknown> | null;
    if (o && typeof o === 'object' && o.format === LESSON_FORMAT && typeof o.version === 'number' && o.version > LESSON_VERSION) {
      return { ok: false, error: `this lesson file is version ${o.version}; this ARP Lab reads version ${LESSON_VERSION}` };
    }
    return { ok: false, error: `not an ARP Lab lesson: ${zodReason(top.error, '')}` };
  }
  const f = top.data;
  if (f.version > LESSON_VERSION) return { ok: false, error: `this lesson file is version ${f.version}; this ARP Lab reads version ${LESSON_VERSION}` };
  const leftOut: LessonLeftOut[] = [];
  const steps: LessonStep[] = [];
  const stepTexts: Record<string, StepText> = {};
  const lesson: Lesson = { id: f.id, part: 'field', tags: ['imported'], steps };
  f.steps.forEach((raw, i) => {
    const at = `steps[${i}]`;
    const s = step.safeParse(raw);
    if (!s.success) return leftOut.push({ path: at, reason: zodReason(s.error, at) });
    const d = s.data;
    if (steps.some((x) => x.id === d.id)) return leftOut.push({ path: at, reason: `${at}.id: "${d.id}" is already the id of another step` });
    const sc = loadWhatIsValid(d.scenario);
    if (!sc.ok) return leftOut.push({ path: `${at}.scenario`, reason: sc.issues.map((x) => `${x.path}: ${x.message}`).join('; ') });
    for (const lo of sc.leftOut) leftOut.push({ path: `${at}.scenario.${lo.path}`, reason: lo.reason.message });
    const goals: StepGoal[] = [];
    const goalLabels: Record<string, L> = {};
    d.goals.forEach((g, k) => {
      const r = stepGoal.safeParse(g);
      if (!r.success) return leftOut.push({ path: `${at}.goals[${k}]`, reason: zodReason(r.error, `${at}.goals[${k}]`) });
      if (goalLabels[r.data.id]) return leftOut.push({ path: `${at}.goals[${k}]`, reason: `goal id "${r.data.id}" is used twice` });
      goals.push({ id: r.data.id, goal: r.data.goal });
      goalLabels[r.data.id] = l(r.data.label);
    });
    let q: Question | undefined;
    let qText: Pick<StepText, 'question' | 'choices' | 'reveal'> = {};
    if (d.question !== undefined) {
      const r = question.safeParse(d.question);
      const choices = r.success ? r.data.choices.map((c) => choice.safeParse(c)) : [];
      const bad = choices.findIndex((c) => !c.success);
      if (!r.success) leftOut.push({ path: `${at}.question`, reason: zodReason(r.error, `${at}.question`) });
      else if (bad >= 0) leftOut.push({ path: `${at}.question`, reason: zodReason((choices[bad] as { error: z.ZodError }).error, `${at}.question.choices[${bad}]`) });
      else {
        const ok = choices.map((c) => (c as { data: z.infer<typeof choice> }).data);
        q = { ...(r.data.pick ? { pick: r.data.pick } : {}), choices: ok.map((c) => ({ id: c.id, goal: c.goal })), proof: r.data.proof };
        qText = { question: l(r.data.text), reveal: l(r.data.reveal), choices: Object.fromEntries(ok.map((c) => [c.id, l(c.label)])) };
      }
    }
    const candidate: LessonStep = {
      id: d.id,
      scenario: sc.scenario as Scenario,
      ...(q ? { question: q } : {}),
      goals,
      solution: d.solution as unknown as ScenarioOp[],
      ...(d.locked ? { locked: d.locked } : {}),
    };
    // The replay decides what stays: a goal that already holds or never holds, a question
    // without exactly one true choice, a solution an op of which is refused.
    const replay = replayStep(lesson, candidate);
    const refused = replay.problems.find((p) => p.startsWith('solution op') || p.startsWith('start scenario') || p.startsWith('solved scenario'));
    if (refused) return leftOut.push({ path: `${at}.solution`, reason: refused });
    const badGoals = new Set(replay.problems.flatMap((p) => /^goal (\S+) /.exec(p)?.[1] ?? []));
    for (const [k, g] of goals.entries()) if (badGoals.has(g.id)) leftOut.push({ path: `${at}.goals[${k}]`, reason: replay.problems.filter((p) => p.startsWith(`goal ${g.id} `)).join('; ') });
    const kept = goals.filter((g) => !badGoals.has(g.id));
    if (!kept.length) return leftOut.push({ path: at, reason: 'no goal of this step is false at the start and true after its solution' });
    const qProblem = replay.problems.find((p) => p.startsWith('question:'));
    if (q && qProblem) {
      leftOut.push({ path: `${at}.question`, reason: qProblem });
      delete candidate.question;
      qText = {};
    }
    steps.push({ ...candidate, goals: kept });
    stepTexts[d.id] = {
      title: l(d.title),
      prose: l(d.prose),
      ...qText,
      task: l(d.task),
      goals: Object.fromEntries(kept.map((g) => [g.id, goalLabels[g.id]])),
      hints: d.hints.map(l),
    };
  });
  if (!steps.length) return { ok: false, error: `no step of this lesson can be used: ${leftOut.map((x) => `${x.path}: ${x.reason}`).join('; ')}` };
  return {
    ok: true,
    doc: { lesson, text: { title: l(f.title), summary: l(f.summary), ...(f.source ? { source: f.source } : {}), steps: stepTexts } },
    leftOut,
  };
}
