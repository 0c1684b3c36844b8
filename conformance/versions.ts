/** The kernel and tool versions a record was made with (the record's `versions`). */
import { release } from 'node:os';
import { run } from './exec.ts';

export async function toolVersions(): Promise<Record<string, string>> {
  const first = async (argv: string[]) => {
    const r = await run(argv, 5000);
    return (r.stdout || r.stderr).trim().split('\n')[0] ?? '';
  };
  const [iproute2, arping, ping, tcpdump] = await Promise.all([
    first(['ip', '-V']),
    first(['arping', '-V']),
    first(['ping', '-V']),
    first(['tcpdump', '--version']),
  ]);
  return { kernel: release(), iproute2, arping, ping, tcpdump };
}
