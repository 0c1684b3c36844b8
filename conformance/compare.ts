/**
 * What "agrees with the kernel" means: the oracle's definition (its README and
 * tools/conform.js), copied here so the project holds it on its own.
 *
 * A step agrees when all three hold:
 *   ok      ping/arping success, where the kernel recorded true or false;
 *   neigh   every host's table as the set of "ip dev lladdr STATE" (NOARP entries left out);
 *   frames  the ARP frames sent during the step, as a multiset of
 *           "from op eth_dst sha spa tha tpa" (times and order are not compared: the
 *           neighbour tables already show who answered first).
 */

interface NeighLike {
  ip: string;
  dev: string;
  lladdr?: string | null;
  state: unknown;
}

interface FrameLike {
  from: string;
  op: unknown;
  eth_dst: string;
  sha: string;
  spa: string;
  tha: string;
  tpa: string;
}

export interface StepLike {
  i: number;
  type?: string | null;
  ok?: boolean | null;
  neigh?: Record<string, (NeighLike | null)[] | null> | null;
  frames?: FrameLike[] | null;
}

export type Aspect = 'ok' | 'neigh' | 'frames' | 'missing';

export interface StepDiff {
  aspect: Aspect;
  host?: string;
  /** What the kernel shows that the other side does not (for ok: the kernel's value). */
  kernel: unknown;
  /** What the other side shows that the kernel does not. */
  other: unknown;
}

/** Each host's table as sorted "ip dev lladdr STATE" lines, NOARP left out. */
export function canonNeigh(neigh: StepLike['neigh']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [h, list] of Object.entries(neigh ?? {})) {
    out[h] = (list ?? [])
      .filter((e): e is NeighLike => !!e && String(e.state).toUpperCase() !== 'NOARP')
      .map((e) => `${e.ip} ${e.dev} ${e.lladdr ?? 'null'} ${String(e.state).toUpperCase()}`)
      .sort();
  }
  return out;
}

export function canonFrames(frames: StepLike['frames']): string[] {
  return (frames ?? []).map((f) => `${f.from} ${String(f.op)} ${f.eth_dst} ${f.sha} ${f.spa} ${f.tha} ${f.tpa}`).sort();
}

/** Multiset difference: what only a has, what only b has (with multiplicity). */
export function multisetDiff(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  for (const x of b) count.set(x, (count.get(x) ?? 0) - 1);
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  for (const [x, n] of count) {
    for (let i = 0; i < n; i++) onlyA.push(x);
    for (let i = 0; i < -n; i++) onlyB.push(x);
  }
  return { onlyA, onlyB };
}

/**
 * Compares a kernel step with a simulated (or another kernel's) step with the same index.
 * `skip` leaves aspects out (the oracle's list of unstable steps uses it).
 */
export function compareStep(k: StepLike, s: StepLike | undefined, skip: ReadonlySet<Aspect> = new Set()): StepDiff[] {
  if (!s) return [{ aspect: 'missing', kernel: `step ${k.i}`, other: 'no such step' }];
  const diffs: StepDiff[] = [];
  if (!skip.has('ok') && (k.ok === true || k.ok === false) && (k.type === 'ping' || k.type === 'arping')) {
    if (s.ok !== k.ok) diffs.push({ aspect: 'ok', kernel: k.ok, other: s.ok });
  }
  if (!skip.has('neigh')) {
    const kn = canonNeigh(k.neigh);
    const sn = canonNeigh(s.neigh);
    for (const h of new Set([...Object.keys(kn), ...Object.keys(sn)])) {
      const a = kn[h] ?? [];
      const b = sn[h] ?? [];
      if (a.join('|') !== b.join('|')) diffs.push({ aspect: 'neigh', host: h, kernel: a, other: b });
    }
  }
  if (!skip.has('frames')) {
    const { onlyA, onlyB } = multisetDiff(canonFrames(k.frames), canonFrames(s.frames));
    if (onlyA.length || onlyB.length) diffs.push({ aspect: 'frames', kernel: onlyA, other: onlyB });
  }
  return diffs;
}

/** One line, as conform.js prints a difference. */
export function describeDiff(d: StepDiff, otherName = 'simulator'): string {
  const show = (x: unknown) => (Array.isArray(x) ? (x.length ? x.join('; ') : '(none)') : String(x));
  return `${d.aspect}${d.host ? ` ${d.host}` : ''}: kernel [${show(d.kernel)}] vs ${otherName} [${show(d.other)}]`;
}

/**
 * A difference laid out in two columns, kernel left, the other side right. For tables,
 * the entries both sides share are left out, so what differs lines up.
 */
export function sideBySide(d: StepDiff, otherName = 'engine', indent = '    '): string {
  const lines = (x: unknown): string[] => (Array.isArray(x) ? (x.length ? x.map(String) : ['(none)']) : [String(x)]);
  let left = lines(d.kernel);
  let right = lines(d.other);
  if (d.aspect === 'neigh') {
    const common = new Set(left.filter((x) => right.includes(x)));
    left = left.filter((x) => !common.has(x));
    right = right.filter((x) => !common.has(x));
    if (left.length === 0) left = ['(nothing else)'];
    if (right.length === 0) right = ['(nothing else)'];
  }
  const title = `${d.aspect}${d.host ? ` ${d.host}` : ''}${d.aspect === 'frames' ? ' (only on one side)' : ''}`;
  const width = Math.min(64, Math.max(6, ...left.map((l) => l.length)));
  const out = [`${indent}${title}`, `${indent}  ${'kernel'.padEnd(width)} | ${otherName}`];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    out.push(`${indent}  ${(left[i] ?? '').padEnd(width)} | ${right[i] ?? ''}`);
  }
  return out.join('\n');
}

export interface RunComparison {
  agree: number;
  total: number;
  /** Steps with aspects left out as known unstable (still counted unless all three are). */
  unstable: number;
  first: { step: StepLike & { desc?: string }; diffs: StepDiff[] } | null;
  /** Every differing step, for --verbose. */
  differing: { step: StepLike & { desc?: string }; diffs: StepDiff[] }[];
}

/**
 * Compares every kernel step of a run with the other side's step of the same index.
 * `skipOf(i)` names aspects of step i known to be unstable on the kernel (conform.js's
 * --unstable): they are not compared, and a step with all three left out is not counted.
 */
export function compareRun(
  kernelSteps: (StepLike & { desc?: string })[],
  otherSteps: StepLike[],
  skipOf: (i: number) => ReadonlySet<Aspect> = () => new Set(),
): RunComparison {
  const byIndex = new Map(otherSteps.map((s) => [s.i, s]));
  const res: RunComparison = { agree: 0, total: 0, unstable: 0, first: null, differing: [] };
  for (const k of kernelSteps) {
    const skip = skipOf(k.i);
    if (skip.size > 0) res.unstable++;
    if (skip.size >= 3) continue;
    res.total++;
    const diffs = compareStep(k, byIndex.get(k.i), skip);
    if (diffs.length === 0) res.agree++;
    else {
      const d = { step: k, diffs };
      res.differing.push(d);
      res.first ??= d;
    }
  }
  return res;
}
