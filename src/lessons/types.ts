/**
 * A lesson is data: steps, each with the scenario it starts from, a question to answer
 * before the run (predict, then run), goals the learner's changes must reach and the
 * reference solution that reaches them. Goals and answers are predicates over what the
 * engine did (decisions with their rule, verdict and reason code, neighbour states, frames,
 * steps' ok, connections) — never over sentences. The prose, question wording, choice
 * labels, goal labels and hints are in src/i18n/lessonCourse.ts, in English and 简体中文,
 * keyed by the ids used here.
 */
import type { FrameKind, NudState, RuleId, Verdict } from '../engine/index.ts';
import type { ScenarioOp } from '../ops/op.ts';
import type { ScenarioV1 } from '../scenario/types.ts';

/**
 * Which steps (actions) of the run a goal looks at: some step ('any'), the last one, every
 * one, or step i (0-based, the action's index).
 */
export type StepSel = 'any' | 'last' | 'every' | number;

/** "A.eth1": an interface, whose MAC the goal means (resolved from the scenario). */
export type PortRef = `${string}.${string}`;

export type Goal =
  /** A decision the engine made: on this host (and device), by this rule, with this verdict/reason, about these values. */
  | {
      kind: 'decision';
      host?: string;
      dev?: string;
      rule: RuleId;
      verdict?: Verdict;
      reason?: string;
      /** Values the decision names (tip, sip, src, dst, ip…), compared as strings. */
      params?: Record<string, string>;
      step?: StepSel;
    }
  /**
   * `host`'s neighbour entry for `ip` after the step: in one of `state`, with the MAC of
   * `mac` (an interface's configured MAC) or `lladdr` (a MAC written out, e.g. one set by a
   * `link` action); `absent` when there must be no entry (FAILED and INCOMPLETE count as entries).
   */
  | { kind: 'neigh'; host: string; ip: string; dev?: string; state?: NudState[]; mac?: PortRef; lladdr?: string; absent?: boolean; step?: StepSel }
  /** An ARP frame sent during the step, matched on its fields; `from` is a host or "host.dev". */
  | {
      kind: 'frame';
      from?: string;
      op?: 'request' | 'reply';
      frameKind?: FrameKind;
      spa?: string;
      tpa?: string;
      /** The sender MAC is this interface's. */
      sha?: PortRef;
      /** Exactly this many such frames in the selected steps (default: at least one). */
      count?: number;
      step?: StepSel;
    }
  /** The step's command succeeded (ping got replies, arping got an answer…) or failed. */
  | { kind: 'ok'; ok: boolean; step?: StepSel }
  /** A connection of a connect step: served by `server`, scheduled by `director` (null: none), bypassing the director or not. */
  | { kind: 'connection'; server?: string; director?: string | null; bypassed?: boolean; result?: string; step?: StepSel }
  | { kind: 'not'; goal: Goal }
  | { kind: 'all'; goals: Goal[] };

/** A goal of a step, with the id its label is found under in the course text. */
export interface StepGoal {
  id: string;
  goal: Goal;
}

/**
 * Predict, then run: asked before the step's scenario plays. Each choice is a predicate over
 * that run; exactly one holds (the replay test checks it). `pick: 'host'` or `'iface'`:
 * the learner may also answer by clicking the drawing, and the choice ids are host names
 * or "host.dev". `proof` finds the decision that shows the answer (opened in the Why panel
 * after a wrong answer).
 */
export interface Question {
  pick?: 'host' | 'iface';
  choices: { id: string; goal: Goal }[];
  proof: Goal;
}

export interface LessonStep {
  id: string;
  /** The scenario this step starts from (format v1; v2 once the LVS format lands). */
  scenario: ScenarioV1;
  question?: Question;
  /** What the learner's changes must reach: each is false on `scenario` and true after `solution`. */
  goals: StepGoal[];
  /** The reference solution: edits applied one by one with checkOp, as the editor would. */
  solution: ScenarioOp[];
  /** Sysctl names (e.g. "arp_ignore") the learner must reach the goals without touching. */
  locked?: string[];
}

export interface Lesson {
  id: string;
  /** Where the lesson sits: the article's experiments, beyond them, LVS, or a field case. */
  part: 'article' | 'beyond' | 'lvs' | 'field';
  tags: readonly string[];
  steps: LessonStep[];
}
