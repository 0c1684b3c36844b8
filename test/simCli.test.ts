/** The CLI (npm run -s sim) on a file with a repeated key: exit 2 and the message, no output. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TWICE } from '../src/scenario/fixtures/duplicateKey.ts';

describe('sim CLI', () => {
  it('the CLI exits 2 with the message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arplab-dup-'));
    try {
      const file = join(dir, 'twice.json');
      writeFileSync(file, TWICE);
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', file], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('hosts.A: the key "A" appears twice in the same object (line 6; first on line 4)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
