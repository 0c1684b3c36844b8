/**
 * Boots the guest once for a job: QEMU with plain emulation (`-accel tcg`: a KVM guest hung
 * right after "Probing EDD" on this machine), one CPU, 1 GiB, no display, no reboot. The
 * job folder (read-only) holds guest.sh, which the initramfs runs in a chroot of this
 * machine's root; results come back through the out folder (read-write). The whole boot
 * is bounded: past its deadline QEMU is killed (by its pid) and the run says so.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { track } from '../exec.ts';
import type { GuestImage } from './image.ts';

export interface BootResult {
  /** QEMU's exit code (null when killed). */
  code: number | null;
  timedOut: boolean;
  seconds: number;
  /** The guest's console (kernel messages and the job's stderr), also in out/console.txt. */
  console: string;
}

export interface BootOptions {
  image: GuestImage;
  jobDir: string;
  outDir: string;
  timeoutMs: number;
  log?: (line: string) => void;
}

export function qemuArgs(o: BootOptions): string[] {
  const share = (path: string, tag: string, ro: boolean) =>
    ['-virtfs', `local,path=${path},mount_tag=${tag},security_model=none${ro ? ',readonly=on' : ''},multidevs=remap`];
  return [
    'qemu-system-x86_64', '-accel', 'tcg', '-cpu', 'max', '-m', '1024', '-smp', '1',
    '-nographic', '-no-reboot', '-nodefaults', '-serial', 'stdio',
    '-kernel', o.image.vmlinuz, '-initrd', o.image.initrd,
    '-append', 'console=ttyS0 panic=-1 quiet loglevel=3',
    ...share('/', 'hostroot', true),
    ...share(o.image.modules, 'hostmods', true),
    ...share(o.outDir, 'out', false),
    ...share(o.jobDir, 'job', true),
  ];
}

export function bootVm(o: BootOptions): Promise<BootResult> {
  const t0 = Date.now();
  const argv = qemuArgs(o);
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    const file = createWriteStream(join(o.outDir, 'console.txt'));
    let text = '';
    let partial = '';
    const onData = (b: Buffer) => {
      const s = b.toString('utf8');
      file.write(s);
      if (text.length < 1_000_000) text += s;
      partial += s;
      const lines = partial.split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) o.log?.(l.replace(/\r/g, ''));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs);
    child.on('error', (e) => onData(Buffer.from(`qemu: ${e.message}\n`)));
    child.on('close', (code) => {
      clearTimeout(timer);
      file.end();
      resolve({ code, timedOut, seconds: (Date.now() - t0) / 1000, console: text });
    });
  });
}
