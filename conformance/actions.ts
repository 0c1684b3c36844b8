/**
 * A scenario action as the real tools run it. The command line comes from the action's
 * descriptor (src/scenario/actions/): the harness runs exactly the line the app's event list
 * shows, on each host the action names, plus only output-format flags (ping -n, sysctl -q).
 * The rest of this file reads what the tools' output says (ping/arping success, replies).
 */
import { descriptorOf, harnessPlan, type HarnessCommand, type HarnessPlan } from '../src/scenario/actions/registry.ts';
import type { ActionV1 as FormatAction } from '../src/scenario/types.ts';
import type { ActionV1 } from './scenario.ts';

export type Command = HarnessCommand;
export type PlannedAction = HarnessPlan;

/** The command(s) an action runs; throws on an action the runner cannot perform. */
export function planAction(a: ActionV1): PlannedAction {
  if (!descriptorOf(a.type)) throw new Error(`unknown action type "${a.type}"`);
  return harnessPlan(a as FormatAction);
}

/** Longest time an action can take before its deadline (for the scenario's overall bound). */
export function actionBoundMs(p: PlannedAction): number {
  return (p.sleep ?? 0) * 1000 + Math.max(0, ...p.commands.map((c) => c.timeoutMs));
}

export interface PingResult {
  ok: boolean;
  sent: number;
  received: number;
  output: string;
}

/** `ok`: at least one echo reply arrived (the format's definition). */
export function parsePing(stdout: string, stderr: string): PingResult {
  const m = /(\d+) packets transmitted, (\d+) received/.exec(stdout);
  const sent = m ? Number(m[1]) : 0;
  const received = m ? Number(m[2]) : 0;
  const all = [stdout.trimEnd(), stderr.trim()].filter(Boolean).join('\n');
  return { ok: received > 0, sent, received, output: all.split('\n').slice(-3).join(' | ') };
}

export interface ArpingReply {
  kind: 'unicast' | 'broadcast';
  what: 'reply' | 'request';
  from_ip: string;
  from_mac: string;
}

export interface ArpingResult {
  ok: boolean | null;
  replies: ArpingReply[];
  sent: number;
  broadcasts: number;
  received: number;
  output: string;
}

/**
 * `ok`: at least one reply arrived; with -D the same (true means the address is in use);
 * null for -U/-A, which ask for no reply.
 */
export function parseArping(stdout: string, stderr: string, unsolicited: boolean): ArpingResult {
  const replies: ArpingReply[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(Unicast|Broadcast) (reply|request) from (\S+) \[([0-9A-Fa-f:]+)\]/.exec(line.trim());
    if (m) {
      replies.push({
        kind: m[1]!.toLowerCase() as ArpingReply['kind'],
        what: m[2] as ArpingReply['what'],
        from_ip: m[3]!,
        from_mac: m[4]!.toLowerCase(),
      });
    }
  }
  const s = /Sent (\d+) probes? \((\d+) broadcast/.exec(stdout);
  const r = /Received (\d+) response/.exec(stdout);
  const received = r ? Number(r[1]) : 0;
  const output = [stdout.trim(), stderr.trim()].filter(Boolean).join('\n');
  return {
    ok: unsolicited ? null : received > 0,
    replies,
    sent: s ? Number(s[1]) : 0,
    broadcasts: s ? Number(s[2]) : 0,
    received,
    output,
  };
}
