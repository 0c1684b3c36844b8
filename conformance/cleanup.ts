/**
 * Everything a run creates is removed again, also when it fails or is interrupted.
 *
 * Namespaces are the only kernel objects the runner creates outside of them: bridges,
 * veth pairs, addresses, routes and neighbour entries all live inside a namespace and go
 * with it. So the registry holds namespace names; deleting them, after stopping the
 * processes we started inside, removes all of it.
 */
import { spawnSync } from 'node:child_process';
import { killAllTracked, run } from './exec.ts';

const created = new Set<string>();

export const NAME_PREFIX = 'arplab-';

function assertOurs(name: string): void {
  // The one guard that keeps this program from ever touching a namespace it did not make.
  if (!name.startsWith(NAME_PREFIX)) throw new Error(`refusing to manage namespace "${name}": not ${NAME_PREFIX}*`);
}

/** Call before `ip netns add`, so a half-made namespace is still cleaned up. */
export function registerNamespace(name: string): void {
  assertOurs(name);
  created.add(name);
}

export function registeredNamespaces(): string[] {
  return [...created];
}

/** Deletes namespaces of this run (the caller has stopped its processes inside them). */
export async function deleteNamespaces(names: string[]): Promise<string[]> {
  const errors: string[] = [];
  await Promise.all(
    names.map(async (n) => {
      assertOurs(n);
      const r = await run(['ip', 'netns', 'del', n], 10_000);
      if (r.code !== 0 && !/No such file/.test(r.stderr)) errors.push(`${n}: ${r.stderr.trim()}`);
      created.delete(n);
    }),
  );
  return errors;
}

let cleaning = false;

/**
 * Synchronous last resort for signal handlers and process exit. Namespace names go first
 * (one quick unmount each), so that even if this process is killed half-way, little is
 * left; then the processes we started are stopped, which frees the namespaces themselves.
 */
export function emergencyCleanup(): void {
  if (cleaning) return;
  cleaning = true;
  for (const n of created) {
    const r = spawnSync('ip', ['netns', 'del', n], { timeout: 5000, stdio: 'pipe', encoding: 'utf8' });
    if (r.status !== 0) process.stderr.write(`conformance: could not delete namespace ${n}: ${(r.stderr || String(r.error ?? r.signal)).trim()}\n`);
  }
  created.clear();
  killAllTracked();
}

let installed = false;

/** SIGINT/SIGTERM/SIGHUP and exit handlers: stop our processes, delete our namespaces. */
export function installCleanupHandlers(log: (msg: string) => void): void {
  if (installed) return;
  installed = true;
  const onSignal = (sig: NodeJS.Signals) => {
    if (cleaning) return; // a second signal (tsx relays the first one) changes nothing
    log(`conformance: ${sig}: stopping processes and removing namespaces of this run`);
    emergencyCleanup();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', () => {
    if (created.size > 0) emergencyCleanup();
  });
}
