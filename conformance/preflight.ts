/**
 * Can this machine run scenarios on its kernel? Root, the tools, and a network namespace
 * that can really be made. Returns why not, or null. Installs nothing.
 */
import { NAME_PREFIX, deleteNamespaces, registerNamespace } from './cleanup.ts';
import { run } from './exec.ts';
import { newRunId } from './netns.ts';

const TOOLS: [string, string[]][] = [
  ['ip', ['-V']],
  ['bridge', ['-V']],
  ['sysctl', ['--version']],
  ['ping', ['-V']],
  ['arping', ['-V']],
  ['tcpdump', ['--version']],
];

export async function preflight(): Promise<string | null> {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root';
  const missing: string[] = [];
  for (const [tool, args] of TOOLS) {
    const r = await run([tool, ...args], 5000);
    if (r.code === null && /ENOENT/.test(r.stderr)) missing.push(tool);
  }
  if (missing.length) return `missing tools: ${missing.join(', ')}`;
  const probe = `${NAME_PREFIX}${newRunId()}-probe`;
  registerNamespace(probe);
  const r = await run(['ip', 'netns', 'add', probe], 10_000);
  await deleteNamespaces([probe]);
  if (r.code !== 0) return `ip netns does not work: ${(r.stderr || r.stdout).trim().split('\n')[0]}`;
  return null;
}
