/**
 * The kernel side of the console check: each case's scenario built in network namespaces
 * (netns.ts's Lab, names `arplab-<run id>-…`), its first `at` actions run with the real
 * tools (recorder.ts's `perform`, then the step's settle time), and each line run in the
 * host's namespace by `bash -c` (the console words a redirection's errors as bash does) as a
 * group, `{ LINE
} 2>&1`, so stdout and stderr are merged in order even when the line redirects
 * its own output (`echo 5 > /proc/…`: its error goes to the terminal, not the file), under the C
 * locale, each bounded to 5 s. The namespaces are deleted afterwards, also on failure.
 * The simulated host has no files under /etc, so each line sees /etc without sysctl.conf
 * (`sysctl -p` reads it by default): an overlay on /etc, in the mount namespace `ip netns
 * exec` makes for the line, whiteouts it; the machine's /etc is untouched.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planAction } from '../actions.ts';
import { run, sleep } from '../exec.ts';
import { Lab } from '../netns.ts';
import { perform } from '../recorder.ts';
import { DEFAULT_SETTLE, planTopology, type ScenarioV1 } from '../scenario.ts';
import type { ConsoleCase } from './cases.ts';

export interface TranscriptLine {
  cmd: string;
  /** stdout and stderr as the kernel's tools printed them, merged in order. */
  out: string;
  rc: number;
}

export interface Transcript {
  name: string;
  lines: TranscriptLine[];
}

const LINE_MS = 5000;
/** A case's bound: set-up, its actions (a ping or two) and its lines. */
const CASE_MS = 45_000;

/**
 * `sh -c` script run as root in the line's own mount namespace: $0 an empty directory for
 * the overlay's upper and work directories (on a tmpfs, since an overlay cannot have its upper
 * directory on the overlayfs a container's / often is), $1 the line.
 */
const WITHOUT_SYSCTL_CONF = [
  'mount -t tmpfs arplab "$0"',
  'mkdir "$0/upper" "$0/work"',
  'mount -t overlay arplab -o lowerdir=/etc,upperdir="$0/upper",workdir="$0/work" /etc',
  'rm -f /etc/sysctl.conf',
  'exec env -i LANG=C PATH=/usr/sbin:/usr/bin:/sbin:/bin bash -c "$1"',
].join(' && ');

export async function recordCase(root: string, c: ConsoleCase): Promise<Transcript> {
  const sc = JSON.parse(readFileSync(join(root, c.scenario), 'utf8')) as ScenarioV1;
  const ac = new AbortController();
  const deadline = setTimeout(() => ac.abort(), CASE_MS);
  const lab = new Lab(planTopology(sc), undefined, ac.signal);
  const etc = mkdtempSync(join(tmpdir(), 'arplab-etc-'));
  try {
    await lab.build();
    for (const a of (sc.actions ?? []).slice(0, c.at)) {
      await perform(lab, a, planAction(a), ac.signal);
      await sleep(1000 * (typeof a.settle === 'number' ? a.settle : DEFAULT_SETTLE));
    }
    const lines: TranscriptLine[] = [];
    for (const cmd of c.lines) {
      const r = await run(['ip', 'netns', 'exec', lab.ns(c.host), 'sh', '-c', WITHOUT_SYSCTL_CONF, etc, `{ ${cmd}
} 2>&1`], LINE_MS, undefined, ac.signal);
      if (r.timedOut) throw new Error(`${c.name}: "${cmd}" timed out`);
      lines.push({ cmd, out: r.stdout, rc: r.code ?? -1 });
    }
    return { name: c.name, lines };
  } finally {
    clearTimeout(deadline);
    await lab.destroy();
    rmSync(etc, { recursive: true, force: true });
  }
}
