/**
 * Tab completion for the console: the word under the cursor completed from commands, `ip`
 * objects and verbs, the host's devices, addresses the scenario knows (every host's and
 * every cached neighbour's), sysctl keys and their /proc/sys paths.
 */
import { sysctlKeys } from './sysctl.ts';
import { COMMANDS } from './registry.ts';
import type { ConsoleState } from './state.ts';

const IP_OBJECTS = ['addr', 'link', 'route', 'neigh'];
const IP_VERBS: Record<string, string[]> = {
  addr: ['show', 'add', 'del', 'replace', 'change', 'flush'],
  link: ['show', 'set'],
  route: ['show', 'get', 'add', 'del', 'replace', 'change', 'flush'],
  neigh: ['show', 'add', 'del', 'replace', 'change', 'flush'],
};
const IP_KEYS = ['dev', 'lladdr', 'nud', 'metric', 'src', 'proto', 'scope', 'label', 'table', 'via', 'from', 'iif', 'oif', 'up', 'down', 'local', 'main', 'permanent', 'reachable', 'stale', 'noarp', 'all'];

export interface Completion {
  /** The word being completed (before the cursor). */
  word: string;
  /** Candidates that start with it, sorted, no duplicates. */
  matches: string[];
  /** Their longest common prefix. */
  common: string;
}

function candidates(st: ConsoleState, words: string[]): string[] {
  if (words.length === 1) return Object.keys(COMMANDS);
  const cmd = words[0];
  const v = st.views[st.host];
  const devs = v ? v.devices.map((d) => d.name) : [];
  const addrs = new Set<string>();
  for (const h of Object.values(st.views)) {
    for (const d of h.devices) for (const a of d.addrs) if (!a.local.startsWith('127.')) addrs.add(a.local);
    for (const n of h.neigh) addrs.add(n.ip);
  }
  const word = words[words.length - 1];
  if (word.startsWith('/proc')) return sysctlKeys(st).map((k) => `/proc/sys/${k.replaceAll('.', '/')}`);
  if (word.startsWith('net.')) return sysctlKeys(st).map((k) => (cmd === 'sysctl' && words.includes('-w') ? `${k}=` : k));
  if (cmd === 'ip') {
    const rest = words.slice(1).filter((w) => !w.startsWith('-'));
    if (rest.length === 1) return IP_OBJECTS;
    if (rest.length === 2) return IP_VERBS[IP_OBJECTS.find((o) => o.startsWith(rest[0])) ?? ''] ?? [];
  }
  if (cmd === 'sysctl' || cmd === 'cat' || cmd === 'echo') return [...sysctlKeys(st), '-w', '-n', '-a'];
  if (cmd === 'explain') return words.length === 2 ? [...sysctlKeys(st), 'route'] : [...devs, ...addrs, 'via', 'dev', 'metric', 'default'];
  return [...devs, ...addrs, ...(cmd === 'ip' ? IP_KEYS : []), ...(cmd === 'ifconfig' ? ['netmask', 'up', 'down', 'lo:0'] : []), ...(cmd === 'route' ? ['add', 'del', '-host', '-net', 'netmask', 'gw', 'dev', '-n'] : [])];
}

/** Completions of the last word of `before` (the line up to the cursor). */
export function complete(st: ConsoleState, before: string): Completion {
  const words = before.split(/\s+/);
  if (words[0] === '') words.shift();
  if (words.length === 0) words.push('');
  const word = words[words.length - 1];
  const matches = [...new Set(candidates(st, words))].filter((c) => c.startsWith(word)).sort();
  let common = matches[0] ?? word;
  for (const m of matches) while (!m.startsWith(common)) common = common.slice(0, -1);
  return { word, matches, common };
}
