/**
 * Spawning commands with a deadline each, and remembering every process we started so a
 * failed or interrupted run can stop exactly those (by pid, never by name).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface ExecResult {
  argv: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Multiplies every command's and wait's bound: 1 on the host; the VM's job sets
 * ARPLAB_CONFORMANCE_SLOW (each command costs ~0.1–0.4 s under emulation, against ~5 ms
 * here). Bounds only: no timing of the scenario itself is scaled.
 */
export const SLOW = Math.max(1, Number(process.env.ARPLAB_CONFORMANCE_SLOW ?? 1) || 1);

/** Live children of this run, by pid. */
const live = new Map<number, ChildProcess>();

export function liveChildren(): number[] {
  return [...live.keys()];
}

/** Registers a child so that cleanup can stop it; forgets it when it exits. */
export function track(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  live.set(pid, child);
  child.once('exit', () => live.delete(pid));
}

/** Stops every process this run started and that is still running: SIGTERM, then SIGKILL. */
export function killAllTracked(): void {
  for (const [pid] of live) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      live.delete(pid);
    }
  }
  if (live.size === 0) return;
  // A short synchronous grace period: this also runs from signal handlers and 'exit'.
  spawnSync('sleep', ['0.2'], { timeout: 1000 });
  for (const [pid] of live) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    live.delete(pid);
  }
}

/**
 * Runs argv to completion or until timeoutMs, whichever comes first; never rejects.
 * On timeout the process gets SIGTERM, then SIGKILL a second later.
 */
export function run(argv: string[], timeoutMs: number, input?: string, signal?: AbortSignal): Promise<ExecResult> {
  timeoutMs *= SLOW;
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ argv, code: null, signal: null, stdout: '', stderr: 'aborted', timedOut: true });
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn(argv[0]!, argv.slice(1), { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ argv, code: null, signal: null, stdout: '', stderr: String(e), timedOut: false });
      return;
    }
    track(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    if (input !== undefined) child.stdin?.end(input);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 1000).unref();
    }, timeoutMs);
    const onAbort = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      stderr += String(e);
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ argv, code, signal: sig, stdout, stderr, timedOut });
    });
  });
}

/** Like run, but a non-zero exit becomes an Error naming the command and its stderr. */
export async function must(argv: string[], timeoutMs = 10_000, signal?: AbortSignal): Promise<ExecResult> {
  const r = await run(argv, timeoutMs, undefined, signal);
  if (r.code !== 0) {
    const why = r.timedOut ? `timed out after ${timeoutMs} ms` : `exit ${r.code ?? r.signal}`;
    throw new Error(`${argv.join(' ')}: ${why}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  }
  return r;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Wall-clock time in seconds with sub-millisecond resolution, on the same clock as capture timestamps. */
export function nowSec(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}
