import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, migrate, MigrationIds, SCENARIO_MIGRATIONS, scenarioMigrations } from './index.ts';
import { FORMAT_VERSION } from '../types.ts';
import { defineMigrations, migrate as migrateWith, validateMigrations, type JsonObject, type Migration } from './migrate.ts';

/** A made-up history, to test the framework on more than one step. */
const sample: Migration[] = [
  {
    id: 2,
    name: 'RenameNeighToStaticNeigh',
    up: (doc) => {
      const hosts = Object.fromEntries(Object.entries((doc.hosts ?? {}) as Record<string, JsonObject>).map(([k, h]) => {
        const { neigh, ...rest } = h;
        return [k, neigh === undefined ? rest : { ...rest, staticNeigh: neigh }];
      }));
      return { ...doc, hosts };
    },
  },
  { id: 3, name: 'AddSeed', up: (doc) => ({ ...doc, seed: doc.seed ?? 1 }) },
];
const sampleSeq = defineMigrations(1, sample);

const v1: JsonObject = {
  version: 1,
  hosts: { A: { interfaces: { eth0: { addresses: ['10.0.0.1/8'] } }, neigh: [{ ip: '10.0.0.2', dev: 'eth0' }] } },
};

describe('the registry', () => {
  it('is sound (ids increase by exactly 1 from version 1)', () => {
    expect(validateMigrations(1, scenarioMigrations)).toEqual([]);
    expect(SCENARIO_MIGRATIONS.firstVersion).toBe(1);
  });
  it('is at version 2: one migration, v1 → v2', () => {
    expect(CURRENT_VERSION).toBe(2);
    expect(CURRENT_VERSION).toBe(FORMAT_VERSION);
    expect(scenarioMigrations.map((m) => m.name)).toEqual(['AddListenIpvsConnect']);
  });
  it('names every id', () => {
    expect(Object.values(MigrationIds as Record<string, number>).sort()).toEqual(scenarioMigrations.map((m) => m.id));
  });
  it.each([...scenarioMigrations, ...sample].map((m) => [m.name, m] as const))('%s does not mutate its input', (_name, m) => {
    const doc = structuredClone(v1);
    const before = structuredClone(doc);
    m.up(doc);
    expect(doc).toEqual(before);
  });
});

describe('migrate (version 2)', () => {
  it('brings version 1 to 2 changing nothing but the version, in a new object', () => {
    const r = migrate(v1);
    expect(r).toEqual({ ok: true, doc: { ...v1, version: 2 }, fromVersion: 1, applied: ['AddListenIpvsConnect'] });
    if (r.ok) expect(r.doc).not.toBe(v1);
    expect(v1.version).toBe(1);
  });
  it('returns a version-2 document as it is', () => {
    const v2 = { ...v1, version: 2 };
    const r = migrate(v2);
    expect(r).toEqual({ ok: true, doc: v2, fromVersion: 2, applied: [] });
    if (r.ok) expect(r.doc).toBe(v2);
  });
  it('treats an absent version as 1', () => {
    const { version: _v, ...noVersion } = v1;
    const r = migrate(noVersion);
    expect(r.ok && r.fromVersion).toBe(1);
    expect(r.ok && r.doc.version).toBe(2);
  });
  it('rejects a newer version with a "newer ARP Lab" message', () => {
    const r = migrate({ ...v1, version: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ path: 'version', code: 'versionTooNew' });
      expect(r.issues[0].message).toContain('made by a newer ARP Lab');
    }
  });
  it.each([0, -1, 1.5, '1', null, true, [], {}])('rejects version %j', (version) => {
    const r = migrate({ ...v1, version });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'version', code: 'versionNotNumber' });
  });
  it.each([null, 5, 'x', [1]])('rejects a non-object (%j)', (doc) => {
    const r = migrate(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: '', code: 'notObject' });
  });
});

describe('the framework, with a sample history', () => {
  it('runs every migration from the document version, in order, and stamps the version', () => {
    const input = structuredClone(v1);
    const r = migrateWith(input, sampleSeq);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.applied).toEqual(['RenameNeighToStaticNeigh', 'AddSeed']);
    expect(r.fromVersion).toBe(1);
    expect(r.doc.version).toBe(3);
    expect(r.doc.seed).toBe(1);
    expect((r.doc.hosts as Record<string, JsonObject>).A.staticNeigh).toEqual([{ ip: '10.0.0.2', dev: 'eth0' }]);
    expect(input).toEqual(v1);
  });
  it('starts where the document is', () => {
    const r = migrateWith({ version: 2, hosts: {}, seed: 9 }, sampleSeq);
    expect(r.ok && r.applied).toEqual(['AddSeed']);
    expect(r.ok && r.doc.seed).toBe(9);
  });
  it('leaves a current document alone', () => {
    const doc = { version: 3, hosts: {} };
    const r = migrateWith(doc, sampleSeq);
    expect(r.ok && r.doc).toBe(doc);
  });
  it('rejects versions past the newest', () => {
    const r = migrateWith({ version: 4, hosts: {} }, sampleSeq);
    expect(!r.ok && r.issues[0].message).toContain('reads versions up to 3');
  });
  it('reports a migration that throws', () => {
    const seq = defineMigrations(1, [{ id: 2, name: 'Broken', up: () => { throw new Error('boom'); } }]);
    const r = migrateWith({ hosts: {} }, seq);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'migrationFailed', message: expect.stringContaining('"Broken"') });
  });
  it('never mutates the input, for any document', () => {
    const docs: unknown[] = [v1, { hosts: { A: {}, B: { neigh: [] } } }, { version: 2, hosts: {} }, { hosts: 5 }];
    for (const doc of docs) {
      const before = structuredClone(doc);
      migrateWith(doc, sampleSeq);
      expect(doc).toEqual(before);
    }
  });
});

describe('validateMigrations', () => {
  const m = (id: number, name = `M${id}`): Migration => ({ id, name, up: (d) => ({ ...d }) });
  it('accepts ids 2, 3, 4 after version 1', () => expect(validateMigrations(1, [m(2), m(3), m(4)])).toEqual([]));
  it('rejects a gap', () => expect(validateMigrations(1, [m(2), m(4)])[0]).toContain('has id 4, expected 3'));
  it('rejects a repeated id', () => expect(validateMigrations(1, [m(2), m(2, 'Other')])[0]).toContain('expected 3'));
  it('rejects ids out of order', () => expect(validateMigrations(1, [m(3), m(2)])).toHaveLength(2));
  it('rejects a first id that does not follow the first version', () => expect(validateMigrations(1, [m(1)])[0]).toContain('expected 2'));
  it('rejects a repeated name', () => expect(validateMigrations(1, [m(2, 'X'), m(3, 'X')])[0]).toContain('used twice'));
  it('rejects a missing name', () => expect(validateMigrations(1, [m(2, '')])[0]).toContain('no name'));
  it('defineMigrations throws on a broken list', () => expect(() => defineMigrations(1, [m(3)])).toThrow(/ids increase by exactly 1/));
});
