/**
 * Paste a config (issue 13 part 6): a real-server script (echo > /proc/sys, sysctl -w,
 * ip addr add, ifconfig lo:0, route add -host), a sysctl.conf, or the output of `ip addr`,
 * `ip route`, `ip neigh`, applied to one host's setup line by line ("at start"), each line
 * marked: applied, changed nothing in this scenario (and why, from the decisions the
 * engine made), refused (the tool's error), or not understood.
 *
 * "Changed nothing" compares the scenario's outcome — every step's result, frames,
 * neighbour tables and tool output — before and after the line. Why: the decisions of the
 * run that read the knob, and on which devices (a request for the VIP arrives on eth0, so
 * `conf.lo.arp_ignore` is never read: arp_ignore is max(all, eth0) there).
 */
import type { SimResult } from '../engine/index.ts';
import { knobReads, nothingWhy, unreadWhy, type NothingWhy } from './explain.ts';
import { runLine, type ConsoleBackend } from './session.ts';

export type MarkStatus = 'applied' | 'no-effect' | 'refused' | 'not-understood' | 'skipped';

export interface Mark {
  line: number;
  text: string;
  status: MarkStatus;
  /** The command the line was read as (sysctl.conf and `ip … show` output become commands). */
  command?: string;
  /** Why: the tool's error, or which decisions read the setting (English, as the CLI prints it). */
  why?: string;
  /** Why a line changed nothing, as data, for the page to say in its language. */
  reason?: NoEffect;
}

/** Why a line changed nothing: already so, no step differs, or what the run's decisions say about the knob. */
export type NoEffect =
  | { kind: 'configured' }
  | { kind: 'sameOutcome' }
  | { kind: 'knob'; host: string; why: NothingWhy };

/** What a run decided, as far as "did this line change anything" goes. */
function outcome(sim: SimResult): string {
  return JSON.stringify(sim.steps.map((s) => [s.ok, s.rc, s.frames.map((f) => [f.from, f.op, f.spa, f.tpa, f.sha, f.delivered_to]), s.neigh, s.output, s.connections]));
}

const SAME_OUTCOME = 'no step of this scenario comes out differently';

/** Why a sysctl line changed nothing, from the decisions the run made: the words and the data. */
function sysctlWhy(sim: SimResult, host: string, key: string): { why: string; reason: NoEffect } {
  const knob = /^net\.ipv4\.conf\.[^.]+\.([a-z_]+)$/.exec(key)?.[1];
  if (!knob) return { why: SAME_OUTCOME, reason: { kind: 'sameOutcome' } };
  const reads = knobReads(sim, host, knob);
  const w = nothingWhy(reads, key);
  return { why: unreadWhy(reads, key, host), reason: w ? { kind: 'knob', host, why: w } : { kind: 'sameOutcome' } };
}

const SHOW_HEAD = /^\d+:\s+([^:@\s]+)(@\S+)?:\s+</;

/** One pasted line as a console command, or null (not understood), or '' (nothing to do). */
function asCommand(text: string, dev: { current: string | null }): string | null {
  const t = text.trim();
  if (t === '' || t.startsWith('#') || t.startsWith(';')) return '';
  if (/^#!/.test(t) || /^(set|export|exit)\b/.test(t)) return '';
  // `ip addr` output: a device header, then its inet lines.
  const head = SHOW_HEAD.exec(text);
  if (head) {
    dev.current = head[1];
    return '';
  }
  if (/^\s+(link\/|valid_lft|inet6|altname)/.test(text)) return '';
  const inet = /^\s+inet (\S+)(?: brd \S+)? scope (\w+)(.*)$/.exec(text);
  if (inet && dev.current) {
    const words = inet[3].trim().split(/\s+/).filter(Boolean);
    const label = words[words.length - 1];
    const flags = words.slice(0, -1).filter((w) => w === 'noprefixroute');
    return `ip addr replace ${inet[1]} dev ${dev.current}${label && label !== dev.current ? ` label ${label}` : ''}${inet[2] !== 'global' ? ` scope ${inet[2]}` : ''}${flags.length ? ' noprefixroute' : ''}`;
  }
  // sysctl.conf: key = value (dots or slashes), also `-key = value` (ignore errors).
  const conf = /^-?([a-z0-9_]+(?:[./][a-z0-9_:-]+)+)\s*=\s*(\S+)$/i.exec(t);
  if (conf && !/^(echo|sysctl|ip|ifconfig|route|arp)\b/.test(t)) return `sysctl -w ${conf[1].replaceAll('/', '.')}=${conf[2]}`;
  // `ip neigh` output: only PERMANENT entries are configuration.
  const neigh = /^(\d+\.\d+\.\d+\.\d+) dev (\S+) lladdr (\S+) (?:router )?(\w+)\s*$/.exec(t);
  if (neigh) return neigh[4] === 'PERMANENT' ? `ip neigh replace ${neigh[1]} dev ${neigh[2]} lladdr ${neigh[3]} nud permanent` : '';
  // `ip route` output: kernel routes come with their addresses; others are added.
  const route = /^(default|\d+\.\d+\.\d+\.\d+(?:\/\d+)?) (via|dev) /.exec(t);
  if (route) return / proto kernel /.test(` ${t} `) ? '' : `ip route replace ${t.replace(/\s+proto boot\b/, '')}`;
  return t;
}

/** Applies `text` to the backend's host setup, line by line, and marks every line. */
export async function pasteConfig(b: ConsoleBackend, text: string): Promise<Mark[]> {
  const marks: Mark[] = [];
  const dev = { current: null as string | null };
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const cmd = asCommand(raw, dev);
    if (cmd === '') {
      if (raw.trim() !== '') marks.push({ line: i + 1, text: raw, status: 'skipped' });
      continue;
    }
    if (cmd === null) {
      marks.push({ line: i + 1, text: raw, status: 'not-understood' });
      continue;
    }
    const before = b.state();
    const beforeOutcome = outcome(before.sim);
    const r = await runLine(b, cmd, 'start');
    const mark: Mark = { line: i + 1, text: raw, status: 'applied', ...(cmd !== raw.trim() ? { command: cmd } : {}) };
    if (r.rc === 127 || r.out.some((l) => l.startsWith('arplab: ') && /not supported|not modelled|runs; it cannot/.test(l))) {
      marks.push({ ...mark, status: 'not-understood', why: r.out.join('\n') });
      continue;
    }
    if (r.rc !== 0) {
      marks.push({ ...mark, status: 'refused', why: r.out.join('\n') });
      continue;
    }
    const after = b.state();
    if (after.scenario === before.scenario) {
      marks.push({ ...mark, status: 'no-effect', why: 'the host is already configured so', reason: { kind: 'configured' } });
      continue;
    }
    if (outcome(after.sim) === beforeOutcome) {
      const key = /sysctl -w (\S+)=/.exec(cmd)?.[1] ?? (/^echo .*> *\/proc\/sys\/(\S+)/.exec(cmd)?.[1]?.replaceAll('/', '.'));
      marks.push({ ...mark, status: 'no-effect', ...(key ? sysctlWhy(after.sim, after.host, key) : { why: SAME_OUTCOME, reason: { kind: 'sameOutcome' } }) });
      continue;
    }
    marks.push(mark);
  }
  return marks;
}
