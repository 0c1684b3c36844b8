/**
 * Locked settings: sysctl knobs a lesson (or a trainer) says must not be touched — "arp_ignore"
 * locks net.ipv4.conf.<any>.arp_ignore on every host, "ip_forward" net.ipv4.ip_forward. The
 * check compares the scenario before and after an edit, so it holds for every op that could
 * change a knob (a setSysctl, a sysctl action added, changed, moved or deleted, a host
 * removed or replaced, a batch, a whole scenario replaced) and for every path that edits
 * through checkOp: the inspector, the editors, the console, the lesson player.
 */
import type { ScenarioIssue } from '../scenario/issues.ts';
import { messages } from '../scenario/messages.ts';
import type { ScenarioV1 } from '../scenario/types.ts';

/** Knob names: the last part of a sysctl key ("arp_ignore", "rp_filter", "ip_forward"). */
export type Locks = readonly string[];

/** The knob a sysctl key sets: `net.ipv4.conf.eth0.arp_ignore` → `arp_ignore`. */
export const knobOf = (key: string): string => key.slice(key.lastIndexOf('.') + 1);

/** Is this sysctl key locked? */
export const isLocked = (key: string, locks: Locks): boolean => locks.includes(knobOf(key));

/**
 * Every place a scenario sets a locked knob, with its value: `hosts.H.sysctls.KEY` for the
 * configuration, `actions[i].set.KEY` (host list included) for a sysctl action.
 */
function lockedValues(s: ScenarioV1, locks: Locks): Map<string, string> {
  const m = new Map<string, string>();
  for (const [h, host] of Object.entries(s.hosts)) {
    for (const [k, v] of Object.entries(host.sysctls ?? {})) if (isLocked(k, locks)) m.set(`hosts.${h}.sysctls.${k}`, String(v));
  }
  // Actions are compared as a sequence of the locked settings they make, so moving an
  // unrelated action (which renumbers them) touches nothing, but adding, deleting or
  // reordering a locked one does.
  const seq: string[] = [];
  for (const a of s.actions ?? []) {
    if (a.type !== 'sysctl') continue;
    const set = (a.set ?? {}) as Record<string, unknown>;
    const who = JSON.stringify(a.hosts ?? a.host ?? null);
    for (const [k, v] of Object.entries(set)) if (isLocked(k, locks)) seq.push(`${who} ${k}=${String(v)}`);
  }
  if (seq.length) m.set('actions', seq.join('\n'));
  return m;
}

/** The locked knobs whose settings differ between `a` and `b`, each with the first place it changed. */
export function lockedChanges(a: ScenarioV1, b: ScenarioV1, locks: Locks): { knob: string; path: string }[] {
  if (!locks.length || a === b) return [];
  const va = lockedValues(a, locks);
  const vb = lockedValues(b, locks);
  const out = new Map<string, string>();
  for (const path of new Set([...va.keys(), ...vb.keys()])) {
    if (va.get(path) === vb.get(path)) continue;
    if (path === 'actions') {
      const before = new Set((va.get(path) ?? '').split('\n'));
      const after = new Set((vb.get(path) ?? '').split('\n'));
      const diff = [...before, ...after].filter((l) => l && !(before.has(l) && after.has(l)));
      for (const l of diff.length ? diff : [...after]) {
        const knob = knobOf(l.slice(l.indexOf(' ') + 1, l.indexOf('=')));
        if (!out.has(knob)) out.set(knob, 'actions');
      }
    } else {
      const knob = knobOf(path);
      if (!out.has(knob)) out.set(knob, path);
    }
  }
  return [...out].map(([knob, path]) => ({ knob, path }));
}

/** The refusal checkOp returns for an edit that changes a locked knob. */
export function lockIssues(a: ScenarioV1, b: ScenarioV1, locks: Locks): ScenarioIssue[] {
  return lockedChanges(a, b, locks).map(({ knob, path }) => ({ path, message: messages.locked(knob), code: 'locked', args: [knob] }));
}
