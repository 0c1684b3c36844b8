/**
 * How each action runs in the simulation: one runner per engine action type. The mapped
 * type makes a missing or extra type a compile error. The action descriptors
 * (src/scenario/actions/) point at these runners through src/engine/index.ts; the engine
 * itself never reads the descriptors (it imports nothing outside src/engine).
 */
import type { Action, ActionType, AnyAction } from '../input.ts';
import type { ConnectionRecord } from '../trace.ts';
import { ConnectSession } from '../tools/connect.ts';
import type { Host } from '../host/model.ts';
import { PingSession, type ToolRun } from '../tools/ping.ts';
import { ArpingSession } from '../tools/arping.ts';
import { PackitSession } from '../tools/packit.ts';
import { addAddress, delAddress, linkSet, neighAdd, neighDel, neighFlush, routeCmd, writeSysctl } from '../tools/admin.ts';
import type { World } from './world.ts';

/**
 * A tool still running after this long is interrupted as with Ctrl-C (arping without -c
 * or -w never exits by itself).
 */
export const TOOL_LIMIT = 60_000_000;

export interface ActionOutcome {
  ok: boolean | null;
  rc?: number;
  output?: string[];
  /** Every connection of a connect step. */
  connections?: ConnectionRecord[];
  error?: string;
}

/** What a runner may need from the simulation besides the world. */
export interface RunEnv {
  /** The time a command takes to start (sim/run.ts CMD_START): for actions that run one command per host. */
  cmdStart: number;
}

export type ActionRunner<A extends Action = Action> = (w: World, a: A, env: RunEnv) => ActionOutcome;

const missing = (name: string): ActionOutcome => ({ ok: null, error: `no host "${name}"` });
const noDev = (dev: string): ActionOutcome => ({ ok: null, error: `Cannot find device "${dev}"` });

function tool(w: World, t: ToolRun): ActionOutcome {
  w.runWhile(() => !t.done, w.now + TOOL_LIMIT);
  if (!t.done) t.interrupt();
  return { ok: t.ok, rc: t.rc, output: t.lines };
}

/** An administrative command: its errors (as the tool prints them), joined. */
function admin(errors: (string | null)[]): ActionOutcome {
  const errs = errors.filter((e): e is string => !!e);
  return errs.length ? { ok: null, error: errs.join('; ') } : { ok: null };
}

/** Runs `f` on the named host, or reports that it does not exist. */
function onHost(w: World, name: string, f: (h: Host) => ActionOutcome): ActionOutcome {
  const h = w.hosts.get(name);
  return h ? f(h) : missing(name);
}

/** Runs `f` on every named host in turn; stops at the first that does not exist. */
function onHosts(w: World, names: string[], f: (h: Host, k: number) => (string | null)[]): ActionOutcome {
  const errs: (string | null)[] = [];
  for (const [k, name] of names.entries()) {
    const h = w.hosts.get(name);
    if (!h) return missing(name);
    errs.push(...f(h, k));
  }
  return admin(errs);
}

export const ACTION_RUNNERS: { [K in ActionType]: ActionRunner<Extract<Action, { type: K }>> } = {
  ping: (w, a) => onHost(w, a.host, (h) => tool(w, new PingSession(w, h, a))),
  arping: (w, a) => onHost(w, a.host, (h) => tool(w, new ArpingSession(w, h, a))),
  packit_arp: (w, a) => onHost(w, a.host, (h) => tool(w, new PackitSession(w, h, a))),
  // One `ip neigh flush` per host, one after another in the listed order, each a new
  // command that takes its start time: frames a flush provokes (an ICMP error, a new
  // resolution) reach the next hosts before their flush runs.
  flush: (w, a, env) => onHosts(w, a.hosts, (h, k) => {
    if (k > 0) w.runUntil(w.now + env.cmdStart);
    return [neighFlush(w, h, a.dev)];
  }),
  sysctl: (w, a) => onHosts(w, a.hosts, (h) => a.set.map(([k, v]) => writeSysctl(w, h, k, v))),
  neigh_add: (w, a) => onHost(w, a.host, (h) => admin([neighAdd(w, h, a.ip, a.dev, a.lladdr, a.nud)])),
  neigh_del: (w, a) => onHost(w, a.host, (h) => admin([neighDel(w, h, a.ip, a.dev)])),
  route: (w, a) => onHost(w, a.host, (h) => admin([routeCmd(h, a.op, a.route)])),
  addr: (w, a) => onHost(w, a.host, (h) => {
    const d = h.dev(a.dev);
    if (!d) return noDev(a.dev);
    return admin([a.op === 'add' ? addAddress(h, d, a.addr) : delAddress(w, h, d, a.addr.cidr)]);
  }),
  link: (w, a) => onHost(w, a.host, (h) => {
    const d = h.dev(a.dev);
    if (!d) return noDev(a.dev);
    return admin([linkSet(w, h, d, a.mac, a.state)]);
  }),
  wait: (w, a) => {
    w.runUntil(w.now + Math.round(a.seconds * 1e6));
    return { ok: null };
  },
  snapshot: () => ({ ok: null }),
  connect: (w, a) => onHost(w, a.host, (h) => {
    const s = new ConnectSession(w, h, a);
    return { ...tool(w, s), connections: s.records };
  }),
};

/** Runs one action to completion (a tool until it exits). */
export function runAction(w: World, a: AnyAction, env: RunEnv): ActionOutcome {
  return (ACTION_RUNNERS[a.type] as ActionRunner)(w, a, env);
}
