/**
 * The CLI on the two heavy scenarios: exit 2 with the work budget's message (the limit,
 * the action, what to change) within 30 s and under 1 GB of peak RSS — never a V8 heap
 * crash. Peak RSS is the child's own, from /usr/bin/time -v ("Maximum resident set size").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { garpStorm, pingFlood } from './scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'arplab-heavy-'));
const TIME = '/usr/bin/time';

function runCli(name: string, doc: unknown) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const cmd = [process.execPath, '--import', 'tsx', 'scripts/sim.ts', file];
  const withTime = existsSync(TIME);
  const t0 = Date.now();
  const r = spawnSync(withTime ? TIME : cmd[0], withTime ? ['-v', ...cmd] : cmd.slice(1), { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  const ms = Date.now() - t0;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms, rssMB: kb / 1024 };
}

describe('CLI on a scenario beyond the work budget', () => {
  it.runIf(existsSync(TIME))('128 hosts × 1,000 arping -U -c 60: exit 2, names the limit and the action, < 30 s, < 1 GB', () => {
    const r = runCli('garp', garpStorm());
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sim: This scenario needs more than 500,000 frame deliveries \(the limit\): lower arping -c or -w on action \d+ \(on H\d+\)/m);
    expect(r.stderr).not.toMatch(/heap limit|FATAL|Allocation failed/);
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(30_000);
    expect(r.rssMB).toBeLessThan(1024);
  });

  it.runIf(existsSync(TIME))('1,000 × ping -c 1000 -i 0: exit 2, names the limit and the action, < 30 s, < 1 GB', () => {
    const r = runCli('flood', pingFlood());
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sim: This scenario needs more than [\d,]+ (frame deliveries|trace events) \(the limit\): lower ping -c or raise -i on action \d+ \(on A\)/m);
    expect(r.stderr).not.toMatch(/heap limit|FATAL|Allocation failed/);
    expect(r.ms).toBeLessThan(30_000);
    expect(r.rssMB).toBeLessThan(1024);
  });
});
