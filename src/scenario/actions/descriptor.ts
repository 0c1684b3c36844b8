/**
 * What one action type is, in one place: its format-v1 fields (zod), the engine input it
 * becomes, the hosts and devices it names, how random ones are built,
 * the command line it is (printed and parsed back), and how the conformance harness runs it
 * on a real kernel and how long that may take.
 *
 * Layering. Descriptors live in src/scenario because most of a descriptor is about the
 * format; they import no store, view or conformance code. The engine may import nothing
 * outside src/engine, so it cannot read this registry: it keeps its own table of runner
 * functions (engine/sim/runners.ts, typed so that every engine action type has exactly one)
 * and dispatches by action type itself. Descriptors hold no engine values, so the app's first
 * load does not carry the engine (it runs in a Web Worker). The registry test checks that the
 * two tables name the same types.
 *
 * Random actions are built from plain numbers (`ArbChoice`) that scenario/arbitrary.ts draws
 * with fast-check, so a descriptor does not pull fast-check into the app's bundle and
 * shrinking still works on the numbers.
 */
import type { z } from 'zod';
import type { Action, ActionType } from '../../engine/index.ts';
import type { Problem } from '../messages.ts';
import type { RouteV1 } from '../types.ts';

export type EngineAction<T extends ActionType = ActionType> = Extract<Action, { type: T }>;
export type Path = (string | number)[];

/** A line parsed back into a format-v1 action, or the error the real tool would print. */
export type ParseResult = { ok: true; action: { type: ActionType } & Record<string, unknown> } | { ok: false; error: string };

/** What validation of one action may look at (crossRefs.ts provides it; paths are relative to the action). */
export interface CheckCtx {
  report(path: Path, p: Problem): void;
  /** `host` or `hosts`: the existing hosts the action runs on (reports unknown, both, none, empty). */
  targets(a: { host?: string; hosts?: string[] }): string[];
  /** Does the host exist? (reports it at `host` when not) */
  hostRef(host: string): boolean;
  /** Does the host have this device? (reports it at `path` when not) */
  dev(host: string, dev: string, path: Path): boolean;
  devs(host: string): string[];
  sysctls(host: string, set: Record<string, number>, path: Path): void;
  route(host: string, route: RouteV1, adding: boolean, path: Path): void;
}

/** A host of a random scenario, as the arbitrary built it. */
export interface ArbHost {
  name: string;
  /** Non-lo interfaces (eth0 first). */
  ifaces: string[];
  /** Every device, lo included. */
  devs: string[];
  /** Own IPv4 addresses. */
  addrs: string[];
}

/** Random numbers for one action (drawn by fast-check; shrinking works on them). */
export interface ArbChoice {
  a: number;
  b: number;
  c: number;
  d: number;
}

export interface ArbSubnet {
  network: string;
  prefix: number;
  addr(n: number): string;
}

export interface ArbCtx {
  /** The host the action runs on. */
  host: ArbHost;
  /** Some hosts (at least `host`), for actions that take `hosts`. */
  some(): string[];
  /** Addresses worth aiming at: every host's, plus a few nobody has. */
  pool: readonly string[];
  subnets: readonly ArbSubnet[];
  vip: string;
  metrics: readonly number[];
  /** A valid sysctl assignment for these devices, from four numbers. */
  sysctl(choice: { family: number; scope: number; knob: number; value: number }, devs: readonly string[]): [string, number];
}

// ---------------------------------------------------------------- conformance timing

export interface Span {
  lo: number;
  hi: number;
}

/** Something that may happen between a and b seconds after its action starts. */
export interface Ev {
  a: number;
  b: number;
  /**
   * An administrative change (sysctl, route, address, flush of some hosts, static entry):
   * it must not coincide with other events, but it is no neighbour update from a frame,
   * so locktime does not apply to it.
   */
  admin?: boolean;
}

/** A way the action may end: how long it runs, and whether it failed (ping). */
export interface Outcome extends Span {
  failed?: boolean;
}

export interface Profile {
  /** How long the action may run: one span per outcome the kernel may choose. */
  outcomes: Outcome[];
  /** What the action may cause, for a given outcome. */
  events: (o: Outcome) => Ev[];
  /** When, for a given outcome, the action may leave a resolution pending (see `deletes`). */
  holds?: (o: Outcome) => Ev[];
  /** Creates or confirms entries: REACHABLE ones expire 15 s or more later. */
  anchor?: boolean;
  /** Flushes every host's dynamic entries: no pending timer survives it. */
  reset?: boolean;
  /**
   * Deletes entries (flush, neigh del, MAC change). Deleting an INCOMPLETE entry that holds
   * queued packets sends ICMP errors for them, which may need a resolution of their own,
   * depending on the random order in which a flush walks the hash table: so such actions
   * wait until no resolution can be pending.
   */
  deletes?: boolean;
}

/**
 * The neighbour parameters a scenario uses (net.ipv4.neigh.IFACE.*), as the union over its
 * hosts and over time: every value that may be in force somewhere. Defaults: the kernel's.
 */
export interface NeighTiming {
  /** retrans_time values (s). */
  retrans: number[];
  /** Largest mcast_solicit + app_solicit: how many retransmission intervals a resolution lasts. */
  resolveProbes: number;
  /** Largest ucast_solicit + app_solicit: probes of an entry in PROBE. */
  reprobes: number;
  /** delay_first_probe_time values (s). */
  delay: number[];
  /** locktime values (s). */
  locktime: number[];
  /** Smallest base_reachable_time (s): REACHABLE lasts at least half of it. */
  baseReachableMin: number;
}

export const KERNEL_NEIGH: NeighTiming = { retrans: [1], resolveProbes: 3, reprobes: 3, delay: [5], locktime: [1], baseReachableMin: 30 };

export interface TimingCtx {
  /** Some host answers for others (proxy_arp): its replies to broadcasts come 0–0.8 s late. */
  proxy: boolean;
  allHosts: string[];
  /** Neighbour parameters in use (the kernel's when absent). */
  neigh?: NeighTiming;
}

/** How the conformance harness runs an action's command on a real kernel. */
export interface Harness<T extends ActionType> {
  /** What the tool's output says: ping/arping set ok and counts; ip commands set rc. */
  kind: 'ping' | 'arping' | 'ip' | 'quiet' | 'none' | 'connect';
  /**
   * The printed line is a shell line (a pipe, a loop): the harness runs it as
   * `sh -c LINE` instead of as words.
   */
  shell?: boolean;
  /**
   * Output-format flags the harness adds to the printed command (ping -n, sysctl -q): they
   * change what the tool prints, not what it does on the network.
   */
  quietFlags?: string[];
  /** How long the command may run before the harness gives up on it. */
  timeoutMs(a: EngineAction<T>): number;
  /**
   * Run the hosts' commands one after another instead of at once: a flush on one host sends
   * frames (ICMP errors, new resolutions) that change the tables of the next one, so the
   * order must be the one the scenario lists (the engine flushes them in that order too).
   */
  sequential?: boolean;
  /** `wait`: the harness sleeps instead of running a command. */
  sleep?(a: EngineAction<T>): number;
  timing(a: EngineAction<T>, ctx: TimingCtx): Profile;
}

/**
 * One field of the toolbar's "Run a command" form (view/toolbar/actionDraft.ts): which
 * format field it fills and how it is entered. Labels and errors are i18n keys under
 * `form.` and `form.errors.` (src/i18n); an option's label is the option itself (`-c`).
 */
export interface FormField {
  key: string;
  /**
   * A text box (address, MAC or number), one of a few numbers (`choices`), the host's
   * interfaces, a checkbox, or "on every host".
   */
  input: 'address' | 'mac' | 'number' | 'choice' | 'iface' | 'flag' | 'allHosts';
  /**
   * The command-line option it is, shown as its label; or an i18n key under `form.`; with
   * both, the option and what it means (`-x sender IP`: packit's letters say little).
   */
  option?: string;
  label?: string;
  /** A choice's values, each with its i18n key under `form.` (packit's -A 1 request, 2 reply). */
  choices?: readonly { value: number; label: string }[];
  /** i18n key under `form.` for a checkbox's explanation. */
  hint?: string;
  /** i18n key under `form.errors.` when the value is wrong. */
  error?: string;
  required?: boolean;
  /** What a new form holds, and what a blank box means. */
  initial?: string;
  /** Numbers: bounds (`above`: exclusive lower bound), whole numbers only. */
  min?: number;
  above?: number;
  max?: number;
  whole?: boolean;
  /** Left out of the action when it has this value (ping's -c 1 is ping's default). */
  omit?: number;
  /** What leaving it empty means (i18n key under `form.`: auto, choose, srcAuto). */
  empty?: string;
  placeholder?: string;
}

/** Format-v1 fields every action has (not part of its command line). */
export const COMMON_FIELDS = ['type', 'settle', 'id', 'article', 'note', 'expect', 'rp_filter_values', 'rp_filter_fixed'] as const;

export interface ActionDescriptor<T extends ActionType, S extends z.ZodType = z.ZodType> {
  type: T;
  /** Format-v1 fields (a strict object with `type`). */
  schema: S;
  /** `host` (one), `hosts` (one or more, or `host`), or none (wait, snapshot). */
  hosts: 'one' | 'many' | 'none';
  /** Format v1 → the engine's input, with the contract's defaults. */
  normalize(a: z.output<S>): EngineAction<T>;
  /** Checks that need the whole scenario (hosts and devices it names, sysctl keys, routes). */
  check(a: z.output<S>, ctx: CheckCtx): void;
  /**
   * Devices the action names on its host(s) (its interface, device, route device, the
   * device of a per-device sysctl key), for renames and removals.
   */
  devs(a: z.output<S>): string[];
  /** The action with device `from` renamed to `to` everywhere it names it. */
  renameDev(a: z.output<S>, from: string, to: string): z.output<S>;
  /**
   * The action once device `dev` is gone: unchanged when it does not name it, null when it
   * cannot run without it; sysctl drops only the keys of that device.
   */
  withoutDev?(a: z.output<S>, dev: string): z.output<S> | null;
  /** A valid random action from four numbers (see ArbCtx). */
  arbitrary(c: ArbChoice, ctx: ArbCtx): z.output<S>;
  /**
   * The command line that runs, as a Linux user types it (without the host prompt): every
   * option the engine applies is written out, including its defaults where the real tool's
   * differ (ping -c 1 -W 1).
   */
  print(a: EngineAction<T>): string;
  /**
   * The first words of the command line (`['ip', 'route']`); the registry picks the
   * descriptor by them after expanding `ip`'s abbreviations.
   */
  command: readonly string[];
  /** Other first words its lines may start with (connect: `echo hello | nc`, `for`). */
  also?: readonly (readonly string[])[];
  /**
   * A command line (split into words, `command` included) back into a format-v1 action run
   * on `hosts`. Errors are worded like the real tool's.
   */
  parse(words: string[], hosts: string[]): ParseResult;
  /**
   * Engine defaults the printed line writes out (ping's count and -W): filled in on both
   * sides before a round trip is compared.
   */
  defaults?: Partial<EngineAction<T>>;
  /** The fields of the toolbar's command form, for the types it offers. */
  form?: readonly FormField[];
  harness: Harness<T>;
}
