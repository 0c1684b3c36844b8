/**
 * One line per trace event for the event list, in the wording of the tools a sysadmin knows:
 * tcpdump for frames, `ip neigh` states for the cache, the tools' own output.
 */
import type { Action } from '../../engine/input.ts';
import type { Frame, TraceEvent } from '../../engine/trace.ts';
import { isStop } from '../../store/derive/timeline.ts';
import { isArpKind } from '../canvas/frameStyle.ts';
import { tcpdumpLine } from '../format/tcpdump.ts';

export type EventTone = 'step' | 'tx' | 'rx' | 'drop' | 'ignore' | 'decision' | 'neigh' | 'output';

/** Short command line for an action, as typed in a shell. */
export function actionCommand(a: Action | Record<string, unknown>): string {
  const x = a as Record<string, unknown>;
  const flag = (k: string, f: string) => (x[k] !== undefined && x[k] !== false ? ` ${f}${x[k] === true ? '' : ` ${String(x[k])}`}` : '');
  switch (x.type) {
    case 'ping':
      return `ping -c ${String(x.count ?? 1)}${flag('iface', '-I')}${flag('W', '-W')} ${String(x.to)}`;
    case 'arping':
      return `arping${flag('D', '-D')}${flag('U', '-U')}${flag('A', '-A')} -c ${String(x.count ?? 1)}${flag('iface', '-I')}${flag('src', '-s')} ${String(x.target)}`;
    case 'flush':
      return `ip neigh flush ${x.dev ? `dev ${String(x.dev)}` : 'all'}`;
    case 'wait':
      return `sleep ${String(x.seconds)}`;
    case 'sysctl':
      return `sysctl -w ${(Array.isArray(x.set) ? (x.set as [string, number][]) : Object.entries((x.set ?? {}) as Record<string, number>)).map(([k, v]) => `${k}=${v}`).join(' ')}`;
    case 'neigh_del':
      return `ip neigh del ${String(x.ip)} dev ${String(x.dev)}`;
    case 'neigh_add':
      return `ip neigh replace ${String(x.ip)}${x.lladdr ? ` lladdr ${String(x.lladdr)}` : ''} dev ${String(x.dev)} nud ${String(x.nud ?? 'permanent')}`;
    case 'route':
      return `ip route ${String(x.op)} …`;
    case 'addr':
      return `ip addr ${String(x.op)} ${String(x.cidr ?? (x.addr as { cidr?: string } | undefined)?.cidr ?? '')} dev ${String(x.dev)}`;
    case 'link':
      return `ip link set ${String(x.dev)}${x.mac ? ` address ${String(x.mac)}` : ''}${x.state ? ` ${String(x.state)}` : ''}`;
    case 'snapshot':
      return 'snapshot';
    default:
      return String(x.type);
  }
}

/** Hosts an action runs on (for "B$ ping …"). */
export function actionHosts(a: Record<string, unknown>): string {
  if (typeof a.host === 'string') return a.host;
  if (Array.isArray(a.hosts)) return (a.hosts as string[]).join(',');
  return '';
}

export interface EventLine {
  tone: EventTone;
  who: string;
  text: string;
  frameId: number | null;
}

export function eventLine(e: TraceEvent, frames: Map<number, Frame>): EventLine {
  switch (e.kind) {
    case 'step':
      return { tone: 'step', who: '', text: e.action ? `#${e.i} ${actionHosts(e.action as unknown as Record<string, unknown>)}$ ${actionCommand(e.action)}` : `#0 setup`, frameId: null };
    case 'tx':
      return { tone: 'tx', who: `${e.host}.${e.dev} >`, text: tcpdumpLine(e.frame), frameId: e.frame.id };
    case 'rx': {
      const f = frames.get(e.frameId);
      return { tone: 'rx', who: `${e.host}.${e.dev} <`, text: f ? tcpdumpLine(f) : `frame ${e.frameId}`, frameId: e.frameId };
    }
    case 'decision':
      return {
        tone: isStop(e) ? e.verdict : 'decision',
        who: `${e.host}${e.dev ? `.${e.dev}` : ''}`,
        text: `[${e.rule}: ${e.verdict}] ${e.text}`,
        frameId: e.frameId,
      };
    case 'neigh':
      return {
        tone: 'neigh',
        who: e.host,
        text: `${e.ip} dev ${e.dev}${e.lladdr ? ` lladdr ${e.lladdr}` : ''} ${e.from ?? 'NONE'} → ${e.to ?? 'deleted'} (${e.cause})`,
        frameId: e.frameId,
      };
    case 'output':
      return { tone: 'output', who: `${e.host}$`, text: e.line, frameId: null };
  }
}

/** Is the event about ARP (frames, decisions on ARP frames, cache changes)? */
export function isArpEvent(e: TraceEvent, kinds: Map<number, string>): boolean {
  switch (e.kind) {
    case 'tx':
      return isArpKind(e.frameKind);
    case 'rx':
      return kinds.has(e.frameId) ? isArpKind(kinds.get(e.frameId) as never) : false;
    case 'decision':
      return e.frameId === null ? e.rule.startsWith('arp') || e.rule.startsWith('neigh') : isArpKind((kinds.get(e.frameId) ?? 'icmp') as never);
    case 'neigh':
      return true;
    case 'step':
      return true;
    case 'output':
      return false;
  }
}
