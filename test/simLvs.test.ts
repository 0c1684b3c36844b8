/**
 * `npm run -s sim` on a version-2 scenario: a connect step lists every connection (who served
 * it, through which director, the path) and every step has each director's ipvs tables; two
 * runs print byte-identical output. A version-1 share of the same document (without the v2
 * fields) still runs, and its steps carry no connections or ipvs tables.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FILE = 'src/examples/gallery/scenarios/lvs-dr-cluster.json';

function sim(file: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

interface Step { type: string | null; connections?: { server: string | null; director: string | null; result: string; path: string[] }[]; ipvs?: Record<string, { services: unknown[]; conns: { destination: string }[] }> }

describe('npm run -s sim on a version-2 scenario', () => {
  it('prints each connection and the director tables, the same every run', () => {
    const a = sim(FILE);
    expect(sim(FILE)).toBe(a);
    const steps = (JSON.parse(a) as { steps: Step[] }).steps;
    const connect = steps.find((s) => s.type === 'connect');
    expect(connect?.connections?.map((c) => [c.result, c.director, c.server])).toEqual([
      ['served', 'D', 'RS2'], ['served', 'D', 'RS1'], ['served', 'D', 'RS2'], ['served', 'D', 'RS1'],
    ]);
    expect(connect?.connections?.[0].path).toEqual(['C', 'R', 'D', 'RS2', 'R', 'C']);
    for (const s of steps.slice(1)) expect(Object.keys(s.ipvs ?? {})).toEqual(['D']);
    expect(connect?.ipvs?.D.conns.map((c) => c.destination)).toEqual(['10.0.0.12:80', '10.0.0.11:80', '10.0.0.12:80', '10.0.0.11:80']);
  }, 60_000);

  it('a version-1 document runs as before: no connections, no ipvs tables', () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { hosts: Record<string, Record<string, unknown>>; actions: { type: string }[] };
    for (const h of Object.values(doc.hosts)) {
      delete h.listen;
      delete h.ipvs;
    }
    const v1 = { ...doc, version: 1, actions: doc.actions.filter((x) => x.type !== 'connect') };
    const file = join(mkdtempSync(join(tmpdir(), 'arplab-sim-')), 'v1.json');
    writeFileSync(file, JSON.stringify(v1));
    const steps = (JSON.parse(sim(file)) as { steps: Step[] }).steps;
    expect(steps.map((s) => s.type)).toEqual([null, 'snapshot']);
    for (const s of steps) {
      expect(s.connections).toBeUndefined();
      expect(s.ipvs).toBeUndefined();
    }
  }, 60_000);
});
