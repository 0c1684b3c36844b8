/**
 * One line per trace event for the event list, in the wording of the tools a sysadmin knows:
 * tcpdump for frames, `ip neigh` states for the cache, the tools' own output.
 */
import { model } from '../../store/lazyModel.ts';
import type { ActionV1 } from '../../scenario/types.ts';
import type { Frame, TraceEvent } from '../../engine/index.ts';
import { isStop } from '../../store/derive/timeline.ts';
import { isArpKind } from '../canvas/frameStyle.ts';
import { tcpdumpLine } from '../format/tcpdump.ts';
import { formatDecision, formatNeighCause, type DecisionLang } from '../../i18n/decision.ts';

export type EventTone = 'step' | 'tx' | 'rx' | 'drop' | 'ignore' | 'decision' | 'neigh' | 'output';

/**
 * A scenario action as the line that runs (`B$ arping -I eth0 -c 1 192.168.100.17`), from
 * its descriptor (scenario/actions/). An action the format rejects (possible only while a
 * draft is edited) shows its type.
 */
export function scenarioActionLine(a: ActionV1): string {
  try {
    return model().printScenarioAction(a);
  } catch {
    return a.type;
  }
}

export interface EventLine {
  tone: EventTone;
  who: string;
  text: string;
  frameId: number | null;
}

/** The line of one event; decisions and neighbour-change causes in `lang` (frames and commands read the same in both). */
export function eventLine(e: TraceEvent, frames: Pick<Map<number, Frame>, 'get'>, lang: DecisionLang = 'en'): EventLine {
  switch (e.kind) {
    case 'step':
      return { tone: 'step', who: '', text: e.action ? `#${e.i} ${model().printAction(e.action)}` : `#0 setup`, frameId: null };
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
        text: `[${e.rule}: ${e.verdict}] ${formatDecision(lang, e)}`,
        frameId: e.frameId,
      };
    case 'neigh':
      return {
        tone: 'neigh',
        who: e.host,
        text: `${e.ip} dev ${e.dev}${e.lladdr ? ` lladdr ${e.lladdr}` : ''} ${e.from ?? 'NONE'} → ${e.to ?? 'deleted'} (${formatNeighCause(lang, e.cause)})`,
        frameId: e.frameId,
      };
    case 'output':
      return { tone: 'output', who: `${e.host}$`, text: e.line, frameId: null };
  }
}

/** Is the event about ARP (frames, decisions on ARP frames, cache changes)? */
export function isArpEvent(e: TraceEvent, kinds: Pick<Map<number, string>, 'get' | 'has'>): boolean {
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
