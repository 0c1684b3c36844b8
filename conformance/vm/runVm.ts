/**
 * Records a batch of scenarios on the VM's kernel in one boot: bundles the recorder
 * (guestMain.ts) with esbuild, writes the job (guest.sh, batch.json, the client and server
 * scripts), boots (boot.ts), reads back one record per run, and removes the job and out
 * folders. Timing per phase is reported (boot, per scenario, whole batch).
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunRecord } from '../record.ts';
import { bootVm } from './boot.ts';
import type { BatchRun } from './guestMain.ts';
import { prepareImage, VM_DIR, writeExecutable, type GuestImage } from './image.ts';

export interface VmBatchResult {
  image: GuestImage;
  /** The guest's tool versions (kernel = its uname -r). */
  versions: Record<string, string>;
  records: Map<string, RunRecord>;
  bootSeconds: number;
  /** Seconds from power-on to the job's first line (kernel boot, 9p root, node start-up). */
  startSeconds: number | null;
  timedOut: boolean;
  console: string;
}

/**
 * Modules the job loads itself: the kernel's autoloader calls the initramfs's modprobe,
 * which cannot see the guest's module tree from inside the chroot.
 */
const GUEST_MODULES = ['bridge', 'veth', 'ip_vs', 'ip_vs_rr', 'ip_vs_wrr', 'ip_vs_lc', 'ip_vs_wlc', 'ip_vs_sh', 'ip_vs_dh', 'ip_vs_sed', 'ip_vs_nq', 'ip_vs_mh', 'ipip', 'tunnel4', 'nf_conntrack'];

function guestScript(): string {
  return `#!/bin/sh
# The VM conformance job (conformance/vm/runVm.ts writes it).
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp ARPLAB_CONFORMANCE_SLOW=10 ARPLAB_CAPTURE=in
for m in ${GUEST_MODULES.join(' ')}; do modprobe $m || echo "guest: modprobe $m failed" >&2; done
echo "guest: start $(cat /proc/uptime)" >&2
${process.execPath} /tmp/job/guest.mjs
echo "guest: end rc=$?" >&2
sync
`;
}

export async function recordInVm(runs: BatchRun[], o: { timeoutS: number; log: (m: string) => void }): Promise<VmBatchResult> {
  const image = await prepareImage(o.log);
  mkdirSync(VM_DIR, { recursive: true });
  const work = mkdtempSync(join(VM_DIR, 'run-'));
  const job = join(work, 'job');
  const out = join(work, 'out');
  mkdirSync(join(job, 'guest'), { recursive: true });
  mkdirSync(out);
  try {
    await build({
      entryPoints: [resolve(import.meta.dirname, 'guestMain.ts')],
      bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(job, 'guest.mjs'), logLevel: 'error',
    });
    for (const f of ['client.mjs', 'server.mjs']) copyFileSync(resolve(import.meta.dirname, 'guest', f), join(job, 'guest', f));
    writeExecutable(join(job, 'guest.sh'), guestScript());
    writeFileSync(join(job, 'batch.json'), JSON.stringify({ runs }));
    let startSeconds: number | null = null;
    const t0 = Date.now();
    const boot = await bootVm({
      image, jobDir: job, outDir: out, timeoutMs: o.timeoutS * 1000,
      log: (l) => {
        if (l.startsWith('guest: start')) startSeconds = (Date.now() - t0) / 1000;
        if (/(guest|init|vm):/.test(l)) o.log(`vm: ${l}`);
      },
    });
    const records = new Map<string, RunRecord>();
    for (const r of runs) {
      const f = join(out, `${r.key}.json`);
      if (existsSync(f)) records.set(r.key, JSON.parse(readFileSync(f, 'utf8')) as RunRecord);
    }
    const vf = join(out, 'versions.json');
    const versions = existsSync(vf) ? (JSON.parse(readFileSync(vf, 'utf8')) as Record<string, string>) : { kernel: image.version };
    versions.kernel_package = `linux-image-${image.version} ${image.packageVersion}`;
    versions.vm = 'qemu tcg -cpu max -smp 1 -m 1024';
    return { image, versions, records, bootSeconds: boot.seconds, startSeconds, timedOut: boot.timedOut, console: boot.console };
  } finally {
    rmSync(work, { recursive: true, force: true });
    // Old runs cut short by a crash of this process.
    for (const d of readdirSync(VM_DIR)) if (d.startsWith('run-') && join(VM_DIR, d) !== work) rmSync(join(VM_DIR, d), { recursive: true, force: true });
  }
}
