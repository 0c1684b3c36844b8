/**
 * Named, sequential, pure migrations of the scenario document (tldraw's pattern): each
 * migration turns version `id - 1` into version `id`. Ids increase by exactly 1 from the first
 * version; `validateMigrations` checks that, and `defineMigrations` refuses a broken list.
 * A migration gets a document it must not mutate and returns a new one; the framework sets
 * `version` on the result.
 */
import { msg } from '../messages.ts';
import { issueOf, type ScenarioIssue } from '../issues.ts';

export type JsonObject = { [key: string]: unknown };

export interface Migration {
  /** The version this migration produces. */
  readonly id: number;
  /** A name that says what changed, e.g. "SplitSysctlsPerIface". */
  readonly name: string;
  /** Pure: must not mutate `doc`. */
  up(doc: Readonly<JsonObject>): JsonObject;
}

export interface MigrationSequence {
  /** The oldest version this app reads (the format's first version). */
  readonly firstVersion: number;
  /** The newest version: what `migrate` returns. */
  readonly currentVersion: number;
  readonly migrations: readonly Migration[];
}

/** Problems with a migration list (empty when sound). */
export function validateMigrations(firstVersion: number, migrations: readonly Migration[]): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(firstVersion) || firstVersion < 1) problems.push(`first version ${firstVersion} is not a whole number ≥ 1`);
  const names = new Set<string>();
  migrations.forEach((m, i) => {
    const want = firstVersion + i + 1;
    if (m.id !== want) problems.push(`migration "${m.name}" has id ${m.id}, expected ${want} (ids increase by exactly 1)`);
    if (!m.name) problems.push(`migration ${m.id} has no name`);
    if (names.has(m.name)) problems.push(`migration name "${m.name}" is used twice`);
    names.add(m.name);
  });
  return problems;
}

export function defineMigrations(firstVersion: number, migrations: readonly Migration[]): MigrationSequence {
  const problems = validateMigrations(firstVersion, migrations);
  if (problems.length) throw new Error(`invalid scenario migrations: ${problems.join('; ')}`);
  return { firstVersion, currentVersion: firstVersion + migrations.length, migrations };
}

export type MigrateResult =
  | { ok: true; doc: JsonObject; fromVersion: number; applied: string[] }
  | { ok: false; issues: ScenarioIssue[] };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Brings a parsed document to the current version. `version` absent means the first version.
 * Rejects non-objects, versions that are not whole numbers ≥ 1, and versions newer than this
 * app knows. Never mutates `doc`; returns it unchanged (same object) when no migration applies.
 */
export function migrate(doc: unknown, seq: MigrationSequence): MigrateResult {
  if (!isObject(doc)) return { ok: false, issues: [issueOf([], msg('notObject', doc))] };
  const raw = doc.version;
  const version = raw === undefined ? seq.firstVersion : raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < seq.firstVersion) {
    return { ok: false, issues: [issueOf(['version'], msg('versionNotNumber', raw))] };
  }
  if (version > seq.currentVersion) {
    return { ok: false, issues: [issueOf(['version'], msg('versionTooNew', version, seq.currentVersion))] };
  }
  let out: JsonObject = doc;
  const applied: string[] = [];
  for (const m of seq.migrations) {
    if (m.id <= version) continue;
    try {
      out = { ...m.up(out), version: m.id };
    } catch (e) {
      return { ok: false, issues: [issueOf([], msg('migrationFailed', m.name, e instanceof Error ? e.message : String(e)))] };
    }
    applied.push(m.name);
  }
  return { ok: true, doc: out, fromVersion: version, applied };
}
