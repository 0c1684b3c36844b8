/**
 * The scenario format's migrations. Version 1 is the first and only version, so the list is
 * empty. To change the format: add `{ id: 2, name: 'WhatChanged', up }` here (in its own file),
 * name the id in `MigrationIds`, bump `version` in schema.ts and types.ts, and add a fixed
 * v1 document and link to the migration tests.
 */
import { defineMigrations, migrate as migrateWith, type MigrateResult, type Migration } from './migrate.ts';

/** Named ids, e.g. `{ AddArpAnnounce: 2 }`. */
export const MigrationIds = {} as const satisfies Record<string, number>;

export const scenarioMigrations: readonly Migration[] = [];

export const SCENARIO_MIGRATIONS = defineMigrations(1, scenarioMigrations);

/** The format version this app writes. */
export const CURRENT_VERSION = SCENARIO_MIGRATIONS.currentVersion;

/** Brings a parsed scenario document to the current version (see migrate.ts). */
export function migrate(doc: unknown): MigrateResult {
  return migrateWith(doc, SCENARIO_MIGRATIONS);
}

export type { JsonObject, MigrateResult, Migration, MigrationSequence } from './migrate.ts';
export { defineMigrations, validateMigrations } from './migrate.ts';
