/**
 * The guest the VM conformance boots: Debian's packaged kernel (it has IPVS and IPIP as
 * modules, this machine's kernel has neither) and a busybox initramfs that mounts this
 * machine's root filesystem read-only over 9p under a tmpfs overlay, so the guest runs
 * the machine's own ip, ipvsadm, tcpdump and node against the guest's kernel.
 *
 * Everything is cached in conformance/.vm/ (gitignored): the kernel package is fetched
 * once with `apt-get download`, unpacked with `dpkg -x`, indexed with `depmod`, and the
 * initramfs is packed from busybox-static and the virtio/9p/overlay modules. The steps
 * and their reasons: conformance/README.md, "The VM".
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from '../exec.ts';

export const VM_DIR = resolve(import.meta.dirname, '..', '.vm');

/** Host packages the VM needs (installed by apt when missing, as root). */
const PACKAGES: [cmd: string, pkg: string][] = [
  ['qemu-system-x86_64', 'qemu-system-x86'],
  ['depmod', 'kmod'],
  ['ipvsadm', 'ipvsadm'],
];
/** busybox-static, not busybox: the initramfs has no libc. */
const BUSYBOX = '/bin/busybox';

/** Loaded in this order by the initramfs: virtio transport, then 9p, then overlayfs. */
export const INITRAMFS_MODULES = [
  'virtio_ring', 'virtio', 'virtio_pci_modern_dev', 'virtio_pci_legacy_dev', 'virtio_pci',
  'netfs', 'fscache', '9pnet', '9pnet_virtio', '9p', 'overlay',
];

export interface GuestImage {
  /** uname -r of the guest kernel, e.g. 6.1.0-57-amd64. */
  version: string;
  /** The Debian package version, e.g. 6.1.192-3. */
  packageVersion: string;
  vmlinuz: string;
  initrd: string;
  /** /lib/modules/VERSION of the unpacked package (shared with the guest). */
  modules: string;
}

type Log = (msg: string) => void;

async function sh(argv: string[], timeoutMs: number, cwd?: string): Promise<string> {
  const r = await run(cwd ? ['sh', '-c', `cd "$1" && shift && exec "$@"`, 'sh', cwd, ...argv] : argv, timeoutMs);
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.timedOut ? 'timed out' : (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' / ')}`);
  return r.stdout;
}

const has = async (cmd: string) => (await run(['sh', '-c', `command -v ${cmd}`], 5000)).code === 0;

/** Why the VM cannot be prepared here, or null. Installs missing packages when root. */
export async function vmPreflight(log: Log, install = true): Promise<string | null> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `not x86-64 Linux (${process.platform}/${process.arch})`;
  if (process.getuid?.() !== 0) return 'not running as root';
  if (!(await has('apt-get'))) return 'no apt-get (the guest kernel is a Debian package)';
  const missing: string[] = [];
  for (const [cmd, pkg] of PACKAGES) if (!(await has(cmd))) missing.push(pkg);
  if (!(await isStaticBusybox())) missing.push('busybox-static');
  if (missing.length && install) {
    log(`vm: apt-get install ${missing.join(' ')}`);
    const r = await run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing], 600_000);
    if (r.code !== 0) return `apt-get install ${missing.join(' ')} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0]}`;
    return vmPreflight(log, false);
  }
  if (missing.length) return `missing packages: ${missing.join(', ')}`;
  return null;
}

async function isStaticBusybox(): Promise<boolean> {
  if (!existsSync(BUSYBOX)) return false;
  // A static ELF has no interpreter: ldd says so.
  const r = await run(['ldd', BUSYBOX], 5000);
  return /not a dynamic executable|statically linked/.test(r.stdout + r.stderr);
}

/** The kernel package `linux-image-amd64` depends on now (Debian's current kernel). */
export async function currentKernelPackage(): Promise<string> {
  const out = await sh(['apt-cache', 'depends', 'linux-image-amd64'], 30_000);
  const m = /Depends:\s*(linux-image-[\w.+-]+)/.exec(out);
  if (!m) throw new Error(`apt-cache depends linux-image-amd64: no kernel package in: ${out.trim()}`);
  return m[1]!;
}

/** Fetches, unpacks and indexes the kernel and packs the initramfs, unless cached. */
export async function prepareImage(log: Log, pkg?: string): Promise<GuestImage> {
  const name = pkg ?? (await currentKernelPackage());
  const version = name.replace(/^linux-image-/, '');
  const dir = join(VM_DIR, version);
  const root = join(dir, 'root');
  const vmlinuz = join(root, 'boot', `vmlinuz-${version}`);
  const modules = join(root, 'lib', 'modules', version);
  const initrd = join(dir, 'initrd.gz');
  mkdirSync(dir, { recursive: true });
  let deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
  if (!existsSync(vmlinuz) || !existsSync(join(modules, 'modules.dep'))) {
    if (!deb) {
      log(`vm: apt-get download ${name}`);
      // apt's _apt user cannot write to a root-owned folder: download as root (the warning is harmless).
      await sh(['apt-get', 'download', '-q', name], 300_000, dir);
      deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
      if (!deb) throw new Error(`apt-get download ${name} wrote no .deb`);
    }
    log(`vm: dpkg -x ${deb}; depmod ${version}`);
    rmSync(root, { recursive: true, force: true });
    await sh(['dpkg', '-x', join(dir, deb), root], 300_000);
    await sh(['depmod', '-b', root, version], 120_000);
  }
  if (!existsSync(initrd)) {
    log('vm: packing the initramfs');
    await packInitramfs(modules, initrd);
  }
  const packageVersion = /_([^_]+)_amd64\.deb$/.exec(deb ?? '')?.[1] ?? '';
  return { version, packageVersion, vmlinuz, initrd, modules };
}

/**
 * The initramfs: busybox, the modules to reach the 9p root, and /init
 * (vm/initramfs-init.sh). It mounts the shares and runs the job in a chroot.
 */
async function packInitramfs(modules: string, out: string): Promise<void> {
  const tmp = `${out}.d`;
  rmSync(tmp, { recursive: true, force: true });
  for (const d of ['bin', 'mods', 'proc', 'sys', 'dev']) mkdirSync(join(tmp, d), { recursive: true });
  copyFileSync(BUSYBOX, join(tmp, 'bin', 'busybox'));
  chmodSync(join(tmp, 'bin', 'busybox'), 0o755);
  const found = await sh(['find', modules, '-name', '*.ko*'], 60_000);
  const byName = new Map(found.split('\n').filter(Boolean).map((p) => [p.split('/').at(-1)!.replace(/\.ko(\.\w+)?$/, ''), p]));
  for (const m of INITRAMFS_MODULES) {
    const p = byName.get(m) ?? byName.get(m.replace(/_/g, '-'));
    if (!p) throw new Error(`module ${m} not in ${modules}`);
    if (!p.endsWith('.ko')) throw new Error(`module ${p} is compressed; busybox insmod needs .ko`);
    copyFileSync(p, join(tmp, 'mods', `${m}.ko`));
  }
  copyFileSync(resolve(import.meta.dirname, 'initramfs-init.sh'), join(tmp, 'init'));
  chmodSync(join(tmp, 'init'), 0o755);
  await sh(['sh', '-c', `cd "${tmp}" && find . | /bin/busybox cpio -o -H newc 2>/dev/null | gzip -1 > "${out}.part" && mv "${out}.part" "${out}"`], 120_000);
  rmSync(tmp, { recursive: true, force: true });
}

/** Writes a file and makes it executable. */
export function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}
