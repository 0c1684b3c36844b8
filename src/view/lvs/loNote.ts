/**
 * Why the VIP on lo alone does nothing, from the engine's own decision: when a real server
 * answers (arp_reply) or keeps quiet (arp_ignore) about an address it holds on lo or
 * tunl0, not on the interface the request came in on, the note says which arp_ignore the
 * kernel read — max(conf/all, conf/<that interface>), never lo's own (arp.c arp_ignore is
 * called with the receiving device's in_device).
 */
import type { DecisionEvent, EngineScenario } from '../../engine/index.ts';

export interface LoNote {
  key: 'loAlone' | 'loQuiet';
  vars: { tip: string; on: string; dev: string; all: number; devValue: number; value: number };
}

export function loNote(d: DecisionEvent, input: EngineScenario | null): LoNote | null {
  if (!input || !d.dev || !d.params.tip) return null;
  const answered = d.rule === 'arp_reply' && d.reason === 'any_local';
  const quiet = d.rule === 'arp_ignore' && d.reason === 'not_on_dev';
  if (!answered && !quiet) return null;
  const set = d.settings.find((s) => s.name === 'arp_ignore');
  const host = input.hosts.find((h) => h.name === d.host);
  if (!set || !host) return null;
  const tip = d.params.tip;
  const on = host.interfaces.find((i) => i.name !== d.dev && i.addresses.some((a) => a.cidr.split('/')[0] === tip))?.name;
  if (!on) return null;
  return { key: answered ? 'loAlone' : 'loQuiet', vars: { tip, on, dev: d.dev, all: set.all ?? 0, devValue: set.devValue ?? 0, value: set.value } };
}
