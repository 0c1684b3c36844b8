/**
 * Every action type's descriptor (see descriptor.ts), and what the rest of the app reads
 * from them: the format's action schema, normalisation, cross-references, renames and
 * removals, the command line (printed and parsed), and the conformance harness's commands.
 * Adding an action type: a new descriptor file, one line in ACTIONS and in actionSchema
 * (zod needs the schemas as a tuple), its engine input type and runner if it is new
 * behaviour. README "How to add an action" walks through it.
 */
import '../zodConfig.ts'; // before any schema is built: no eval under the CSP
import { z } from 'zod';
import type { Action, ActionType } from '../../engine/index.ts';
import type { ActionV1 } from '../types.ts';
import { addr } from './addr.ts';
import { arping } from './arping.ts';
import { fail, ipErr, ipObject, words } from './cmdline.ts';
import { connect } from './connect.ts';
import { hostsOf } from './common.ts';
import type { ActionDescriptor, CheckCtx, EngineAction, ParseResult, Profile, TimingCtx } from './descriptor.ts';
import { flush } from './flush.ts';
import { link } from './link.ts';
import { neighAdd } from './neighAdd.ts';
import { neighDel } from './neighDel.ts';
import { packitArp } from './packitArp.ts';
import { ping } from './ping.ts';
import { route } from './route.ts';
import { snapshot } from './snapshot.ts';
import { sysctl } from './sysctl.ts';
import { wait } from './wait.ts';

/** Every descriptor, by type; the key order is the format's (arbitrary.ts draws by index). */
export const ACTIONS: { [K in ActionType]: ActionDescriptor<K> } = {
  ping, arping, flush, neigh_del: neighDel, neigh_add: neighAdd, sysctl, route, addr, link, wait, snapshot, connect, packit_arp: packitArp,
} as { [K in ActionType]: ActionDescriptor<K> };

export const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];

/** The format's action: one strict object per type, told apart by `type`. */
export const actionSchema = z.discriminatedUnion('type', [
  ping.schema, arping.schema, flush.schema, neighDel.schema, neighAdd.schema, sysctl.schema, route.schema,
  addr.schema, link.schema, wait.schema, snapshot.schema, connect.schema, packitArp.schema,
]);
export type ActionInput = z.output<typeof actionSchema>;

/** The descriptor of a type (loosely typed, for code that handles any action). */
export function descriptorOf(type: string): ActionDescriptor<ActionType, z.ZodType<unknown>> | undefined {
  return Object.hasOwn(ACTIONS, type) ? (ACTIONS[type as ActionType] as unknown as ActionDescriptor<ActionType, z.ZodType<unknown>>) : undefined;
}

function mustDescriptor(type: string) {
  const d = descriptorOf(type);
  if (!d) throw new Error(`unknown action type "${type}"`);
  return d;
}

// ---------------------------------------------------------------- format → engine

/** Format v1 → the engine's input. Assumes the action passed validation. */
export function normalizeAction(a: ActionV1): Action {
  const n = mustDescriptor(a.type).normalize(a) as Action;
  return typeof a.settle === 'number' ? { ...n, settle: a.settle } : n;
}

/** Validation that needs the whole scenario (crossRefs.ts gives the context). */
export function checkAction(a: ActionInput, ctx: CheckCtx): void {
  mustDescriptor(a.type).check(a, ctx);
}

// ---------------------------------------------------------------- references

/** The hosts an action runs on. */
export const actionHostList = (a: ActionV1): string[] => hostsOf(a);

/** Devices of `host` the action names (empty when it does not run on `host`). */
export function actionDevs(a: ActionV1, host: string): string[] {
  return hostsOf(a).includes(host) ? mustDescriptor(a.type).devs(a) : [];
}

/** The action with host `from` renamed to `to`. */
export function renameHostInAction(a: ActionV1, from: string, to: string): ActionV1 {
  if (a.host === from) return { ...a, host: to };
  if (Array.isArray(a.hosts) && a.hosts.includes(from)) return { ...a, hosts: (a.hosts as string[]).map((h) => (h === from ? to : h)) };
  return a;
}

/** The action once `host` is gone: null when it ran only there. */
export function actionWithoutHost(a: ActionV1, host: string): ActionV1 | null {
  if (a.host === host) return null;
  if (Array.isArray(a.hosts) && a.hosts.includes(host)) {
    const hosts = (a.hosts as string[]).filter((h) => h !== host);
    return hosts.length ? { ...a, hosts } : null;
  }
  return a;
}

/** The action with device `from` of `host` renamed to `to` (its label too). */
export function renameDevInAction(a: ActionV1, host: string, from: string, to: string): ActionV1 {
  if (!hostsOf(a).includes(host)) return a;
  return mustDescriptor(a.type).renameDev(a, from, to) as ActionV1;
}

/** The action once device `dev` of `host` is gone: null when it cannot run without it. */
export function actionWithoutDev(a: ActionV1, host: string, dev: string): ActionV1 | null {
  if (!hostsOf(a).includes(host)) return a;
  const d = mustDescriptor(a.type);
  if (d.withoutDev) return d.withoutDev(a, dev) as ActionV1 | null;
  return d.devs(a).includes(dev) ? null : a;
}

// ---------------------------------------------------------------- command lines

/** The command that runs, without the host prompt: `arping -I eth0 -c 1 -w 1 192.168.100.17`. */
export function actionCommand(a: Action): string {
  return (ACTIONS[a.type] as ActionDescriptor<ActionType>).print(a as EngineAction);
}

/** The hosts an engine action runs on. */
export function engineHosts(a: Action): string[] {
  return 'hosts' in a ? a.hosts : 'host' in a ? [a.host] : [];
}

/**
 * The action as one line: `B$ arping -I eth0 -c 1 192.168.100.17`; an action on several
 * hosts has them all in its prompt (`A,B$ ip neigh flush all`); wait and snapshot run on no
 * host and have no prompt.
 */
export function printAction(a: Action): string {
  const hosts = engineHosts(a);
  return hosts.length ? `${hosts.join(',')}$ ${actionCommand(a)}` : actionCommand(a);
}

/** A format-v1 action as the line that runs (normalised first: what the engine gets). */
export function printScenarioAction(a: ActionV1): string {
  return printAction(normalizeAction(a));
}

/** Verbs of `ip neigh` by their synonyms (iproute2's ipneigh.c). */
const NEIGH_VERBS: Record<string, string> = { delete: 'del', del: 'del', replace: 'replace', flush: 'flush', show: 'show', list: 'show', lst: 'show' };

/** Words with `ip`'s abbreviations spelled out: `ip n del` → `ip neigh del`. */
function canonical(w: string[]): string[] | { error: string } {
  if (w[0] !== 'ip') return w;
  if (w.length < 2) return { error: 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }' };
  const obj = ipObject(w[1]);
  if (!obj) return { error: `Object "${w[1]}" is unknown, try "ip help".` };
  const out = ['ip', obj, ...w.slice(2)];
  if (obj === 'neigh' && out[2] !== undefined) out[2] = NEIGH_VERBS[out[2]] ?? out[2];
  return out;
}

/** Every descriptor under each of its first words, the longest first. */
const byCommand = () => Object.values(ACTIONS)
  .flatMap((d) => [d.command, ...(d.also ?? [])].map((command) => ({ d, command })))
  .sort((a, b) => b.command.length - a.command.length);

/**
 * A line as printAction writes it (`B$ ip route add 10.0.0.0/8 via 192.168.1.1 dev eth0`)
 * back into a format-v1 action. Errors read like the tool's (`arping: invalid option -- 'x'`).
 */
export function parseActionLine(line: string): ParseResult {
  const m = /^\s*([^\s$]*)\$\s*(.*)$/.exec(line);
  const hosts = m ? m[1].split(',').filter(Boolean) : [];
  const w0 = words(m ? m[2] : line);
  if (w0.length === 0) return fail('nothing to run');
  const w = canonical(w0);
  if ('error' in w) return fail(w.error);
  const d = byCommand().find((x) => x.command.every((c, i) => w[i] === c))?.d;
  if (!d) {
    if (w[0] === 'ip') return fail(ipErr.unknown(w[1], w[2] ?? ''));
    return fail(`bash: ${w[0]}: command not found`);
  }
  const prog = d.command.join(' ');
  if (d.hosts === 'none' && hosts.length) return fail(`${prog} runs on no host: write it without "${hosts.join(',')}$"`);
  if (d.hosts === 'one' && hosts.length !== 1) return fail(`${prog} runs on one host: write it as "HOST$ ${w.join(' ')}"`);
  if (d.hosts === 'many' && hosts.length === 0) return fail(`${prog} runs on hosts: write it as "A,B$ ${w.join(' ')}"`);
  const r = d.parse(w, hosts);
  if (!r.ok) return r;
  const checked = d.schema.safeParse(r.action);
  if (!checked.success) return fail(`${w[0]}: ${checked.error.issues[0]?.message ?? 'invalid argument'}`);
  return r;
}

// ---------------------------------------------------------------- conformance harness

export interface HarnessCommand {
  host: string;
  /** argv run inside the host's namespace (an `ip` command without the leading `ip`). */
  argv: string[];
  /** Whether argv is an `ip` command (run as `ip -n NS …`) or any tool (`ip netns exec NS …`). */
  ip: boolean;
  /** argv is `sh -c LINE`: a shell line (connect's pipe or loop). */
  shell?: boolean;
  timeoutMs: number;
}

export interface HarnessPlan {
  /** The line the record shows (printAction's). */
  desc: string;
  /** The command line, for tools (ping, arping) whose output the record keeps. */
  cmd?: string;
  commands: HarnessCommand[];
  /** `wait`: seconds to sleep instead of commands. */
  sleep?: number;
  kind: ActionDescriptor<ActionType>['harness']['kind'];
  /** Run the hosts' commands one after another (see Harness.sequential). */
  sequential?: boolean;
}

/**
 * What the conformance harness runs for an action: the printed command on each of its
 * hosts (plus the output-format flags it needs), so the record, the event list and the
 * real kernel all see the same command line.
 */
export function harnessPlan(a: ActionV1): HarnessPlan {
  const n = normalizeAction(a);
  const d = ACTIONS[n.type] as ActionDescriptor<ActionType>;
  const h = d.harness;
  const printed = d.print(n as EngineAction);
  const line = words(printed);
  const argv = h.shell ? ['sh', '-c', printed] : [line[0], ...(h.quietFlags ?? []), ...line.slice(1)];
  const ip = argv[0] === 'ip';
  const hosts = d.hosts === 'none' ? [] : engineHosts(n);
  const plan: HarnessPlan = {
    desc: printAction(n),
    commands: hosts.map((host) => ({
      host, argv: ip ? argv.slice(1) : argv, ip, timeoutMs: h.timeoutMs(n as EngineAction), ...(h.shell ? { shell: true } : {}),
    })),
    kind: h.kind,
  };
  if (h.kind === 'ping' || h.kind === 'arping' || h.kind === 'connect') plan.cmd = h.shell ? printed : argv.join(' ');
  if (h.sleep) plan.sleep = h.sleep(n as EngineAction);
  if (h.sequential) plan.sequential = true;
  return plan;
}

/** How long an action may take on a real kernel and what it may cause (conformance/timing.ts). */
export function timingProfile(a: ActionV1, ctx: TimingCtx): Profile {
  const n = normalizeAction(a);
  return (ACTIONS[n.type] as ActionDescriptor<ActionType>).harness.timing(n as EngineAction, ctx);
}
