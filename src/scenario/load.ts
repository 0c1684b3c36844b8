/**
 * unknown JSON → validated scenario v1 → engine input. Errors name the field and say why.
 */
import type { EngineScenario } from '../engine/input.ts';
import { normalizeScenario } from './normalize.ts';
import type { ScenarioV1 } from './types.ts';

export interface ScenarioIssue {
  /** JSON path of the offending field, e.g. "hosts.A.interfaces.eth0.mac". */
  path: string;
  message: string;
}

export type LoadResult =
  | { ok: true; scenario: ScenarioV1; engine: EngineScenario }
  | { ok: false; issues: ScenarioIssue[] };

export function loadScenario(input: unknown): LoadResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'a scenario must be a JSON object' }] };
  }
  const s = input as ScenarioV1;
  if (typeof s.hosts !== 'object' || s.hosts === null) {
    return { ok: false, issues: [{ path: 'hosts', message: 'required: an object of hosts' }] };
  }
  return { ok: true, scenario: s, engine: normalizeScenario(s) };
}
