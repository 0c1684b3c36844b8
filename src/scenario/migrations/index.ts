/**
 * The scenario format's migrations: version 1 is the first; 2 added LVS (listen, ipvs,
 * connect). To change the format: add `{ id: N, name: 'WhatChanged', up }` here (in its own file),
 * name the id in `MigrationIds`, bump `version` in schema.ts and types.ts, and add a fixed
 * v1 document and link to the migration tests.
 */
import { addLvs } from './addLvs.ts';
import { defineMigrations, migrate as migrateWith, type MigrateResult, type Migration } from './migrate.ts';

/** Named ids. */
export const MigrationIds = { AddListenIpvsConnect: 2 } as const satisfies Record<string, number>;

export const scenarioMigrations: readonly Migration[] = [addLvs];

export const SCENARIO_MIGRATIONS = defineMigrations(1, scenarioMigrations);

/** The format version this app writes. */
export const CURRENT_VERSION = SCENARIO_MIGRATIONS.currentVersion;

/** Brings a parsed scenario document to the current version (see migrate.ts). */
export function migrate(doc: unknown): MigrateResult {
  return migrateWith(doc, SCENARIO_MIGRATIONS);
}

export type { JsonObject, MigrateResult, Migration, MigrationSequence } from './migrate.ts';
export { defineMigrations, validateMigrations } from './migrate.ts';
