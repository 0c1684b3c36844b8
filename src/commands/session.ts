/**
 * What a typed line does (issue 13, decided): it is typed at the playback cursor. Queries
 * read the state there. A change becomes actions inserted after the cursor's step — the
 * action list is the shell's history — and the scenario runs again, the cursor moving to
 * the end of the new step; in "at start" mode a configuration change goes into the host's
 * setup instead (src/ops, as the inspector would write it). Each command is one edit, so
 * one undo step. A change the kernel refuses (the engine's error for the new step) prints
 * that error with the tool's exit status and is taken back, as a failed command changes
 * nothing on a real host.
 *
 * The same session drives the terminal in the page and `npm run -s console` (a backend
 * each), so both print the same text.
 */
import type { ScenarioOp } from '../ops/op.ts';
import type { ActionV1, ScenarioV1 } from '../scenario/types.ts';
import { ExplainError, type ExplainTarget, type Explanation } from './explain.ts';
import { explainHere, explainText } from './explainCmd.ts';
import { ipRc } from './ip.ts';
import { runCommand } from './registry.ts';
import { setupOps } from './setup.ts';
import { parseShell } from './shell.ts';
import type { ConsoleState } from './state.ts';

export type ApplyMode = 'cursor' | 'start';

/** What the terminal gives a running line: Ctrl+C, and a place for a progress line. */
export interface RunHooks {
  /** Aborted by Ctrl+C: the line stops (exit status 130, as bash reports SIGINT). */
  signal?: AbortSignal;
  /** Progress of a long command (`explain`'s runs), shown until its output replaces it. */
  progress?: (text: string) => void;
}

/** Thrown (rejected) by a backend when the line's signal is aborted. */
export class Interrupted extends Error {}

export interface ConsoleBackend {
  /** The console's host at the cursor. */
  state(): ConsoleState;
  /**
   * Commits `op` as one edit, re-simulates, and puts the cursor at the end of step
   * `cursorStep`; resolves with the refusal's text (checkOp's problems) or null.
   * An abort of `signal` cancels the re-simulation (what has run stays, as the app's Cancel keeps it).
   */
  commit(op: ScenarioOp, cursorStep: number, signal?: AbortSignal): Promise<string | null>;
  /**
   * `explain`'s re-simulations somewhere other than this thread (the page: a worker);
   * rejects with ExplainError for what cannot be explained and Interrupted on abort.
   * Without it the session explains on this thread.
   */
  explain?(scenario: ScenarioV1, target: ExplainTarget, hooks: RunHooks): Promise<Explanation>;
  /** Takes the last commit back (one undo) and puts the cursor back at the end of step `cursorStep`. */
  revert(cursorStep: number): Promise<void>;
}

export interface LineResult {
  out: string[];
  rc: number;
  clear: boolean;
}

/** A refusal because a lesson locks the setting (ops/locks.ts), printed as it is rather than as the kernel's EINVAL. */
const isLockRefusal = (text: string) => / is locked in this lesson: /.test(text);

/** The errno text of an engine error, for tools that print `SIOC…: text`. */
function errnoText(msg: string): string {
  if (/File exists|already assigned/.test(msg)) return 'File exists';
  if (/No such process/.test(msg)) return 'No such process';
  if (/not found|Cannot assign/.test(msg)) return 'Cannot assign requested address';
  if (/No such file/.test(msg)) return 'No such file or directory';
  if (/unreachable/i.test(msg)) return 'Network is unreachable';
  return 'Invalid argument';
}

/** The engine's error as the program that asked for the change prints it, with its exit status. */
function refusal(prog: string, a: ActionV1, msg: string): { line: string; rc: number } {
  switch (prog) {
    case 'ip':
      return { line: msg, rc: ipRc(msg) };
    case 'sysctl':
      return { line: msg, rc: 1 };
    case 'echo':
      return { line: /cannot stat/.test(msg) ? `bash: ${msg.replace(/^sysctl: cannot stat /, '')}` : 'bash: echo: write error: Invalid argument', rc: 1 };
    case 'ifconfig':
      return { line: `${a.type === 'link' ? 'SIOCSIFFLAGS' : 'SIOCSIFADDR'}: ${errnoText(msg)}`, rc: 1 };
    case 'route':
      return { line: `${a.op === 'del' ? 'SIOCDELRT' : 'SIOCADDRT'}: ${errnoText(msg)}`, rc: 7 };
    case 'arp':
      return { line: `${a.type === 'neigh_del' ? 'SIOCDARP' : 'SIOCSARP'}: ${errnoText(msg)}`, rc: 255 };
    default:
      return { line: msg, rc: 2 };
  }
}

/** bash's status for a command stopped by SIGINT (128 + 2). */
export const INTERRUPTED_RC = 130;

/** `explain`'s result: from the backend's worker when it has one, else computed here. */
async function explained(b: ConsoleBackend, st: ConsoleState, target: ExplainTarget, hooks: RunHooks): Promise<{ out: string[]; rc: number }> {
  if (!b.explain) return explainHere(st, target);
  try {
    return { out: explainText(await b.explain(st.scenario, target, hooks)), rc: 0 };
  } catch (x) {
    if (x instanceof ExplainError) return { out: [x.message], rc: 1 };
    throw x;
  }
}

export async function runLine(b: ConsoleBackend, line: string, mode: ApplyMode = 'cursor', hooks: RunHooks = {}): Promise<LineResult> {
  const res: LineResult = { out: [], rc: 0, clear: false };
  const parsed = parseShell(line);
  if (!parsed.ok) return { out: [parsed.error], rc: parsed.rc, clear: false };
  // Ctrl+C stops the whole line, as it does a list in an interactive bash.
  const interrupted = () => {
    res.rc = INTERRUPTED_RC;
    return res;
  };
  for (const cmd of parsed.commands) {
    if (hooks.signal?.aborted) return interrupted();
    const st = b.state();
    const r = runCommand(st, cmd);
    if (r.explain) {
      try {
        const e = await explained(b, st, r.explain, hooks);
        res.out.push(...e.out);
        res.rc = e.rc;
      } catch (x) {
        if (x instanceof Interrupted) return interrupted();
        throw x;
      }
      continue;
    }
    if (r.clear) {
      res.clear = true;
      res.out = [];
    }
    res.rc = r.rc;
    if (!r.change) {
      res.out.push(...r.out);
      continue;
    }
    const { actions, kind } = r.change;
    const label = cmd.argv.join(' ');
    if (mode === 'start' && kind === 'config') {
      const ops: ScenarioOp[] = [];
      for (const a of actions) {
        const o = setupOps(st.scenario, a);
        if ('error' in o) {
          res.out.push(o.error);
          res.rc = 1;
          return res;
        }
        ops.push(...o);
      }
      const refused = await b.commit({ type: 'batch', ops, label }, st.step, hooks.signal);
      if (hooks.signal?.aborted) return interrupted();
      if (refused) {
        res.out.push(`arplab: ${refused}`);
        res.rc = 1;
        return res;
      }
      res.out.push(...r.out);
      continue;
    }
    const ops: ScenarioOp[] = actions.map((action, k) => ({ type: 'addAction', action, index: st.step + k }));
    const refused = await b.commit(ops.length === 1 ? ops[0] : { type: 'batch', ops, label }, st.step + actions.length, hooks.signal);
    if (hooks.signal?.aborted) return interrupted();
    if (refused) {
      // A value the format refuses (out of the knob's range) is the kernel's EINVAL for sysctl and echo.
      const prog = cmd.argv[0];
      if (isLockRefusal(refused)) res.out.push(`arplab: ${refused}`);
      else if ((prog === 'sysctl' || prog === 'echo') && actions[0].type === 'sysctl') {
        const key = Object.keys(actions[0].set as Record<string, number>)[0];
        res.out.push(prog === 'echo' ? 'bash: echo: write error: Invalid argument' : `sysctl: setting key "${key}": Invalid argument`);
      } else res.out.push(`arplab: ${refused}`);
      res.rc = 1;
      return res;
    }
    const after = b.state().sim;
    const steps = after.steps.slice(st.step + 1, st.step + 1 + actions.length);
    const failed = steps.findIndex((s) => s.error !== undefined);
    if (failed >= 0 && kind === 'config') {
      const f = refusal(cmd.argv[0], actions[failed], steps[failed].error!);
      await b.revert(st.step);
      res.out.push(f.line);
      res.rc = f.rc;
      return res;
    }
    res.out.push(...r.out);
    for (const s of steps) {
      if (s.output) res.out.push(...s.output);
      if (s.error) res.out.push(s.error);
    }
    const last = steps[steps.length - 1];
    if (kind === 'tool') res.rc = last?.rc ?? (last?.error ? 2 : 0);
  }
  return res;
}
