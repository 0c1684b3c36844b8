/**
 * Version 1 → 2: version 2 adds a host's `listen` (server sockets) and `ipvs` (virtual
 * services) and the `connect` action, all optional. A version-1 document means the same in
 * version 2, so the migration changes nothing but the version (which the framework sets).
 * It still copies the document: a migration must not hand back its input (migrate.ts).
 */
import type { JsonObject, Migration } from './migrate.ts';

export const addLvs: Migration = {
  id: 2,
  name: 'AddListenIpvsConnect',
  up: (doc: Readonly<JsonObject>): JsonObject => ({ ...doc }),
};
