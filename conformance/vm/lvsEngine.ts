/**
 * The engine's side of a VM scenario, LVS (format v2) or ARP (v1): the document goes
 * through the app's own loader (`loadScenario`: migration, the format's schema and
 * cross-reference checks, normalisation with the format's defaults), so the VM compares
 * what a user who opens the same file runs. A document the app would refuse is an error
 * here too, never simulated through a side door.
 */
import { loadScenario, formatIssue } from '../../src/scenario/load.ts';
import { simulate, type EngineScenario, type SimResult } from '../../src/engine/index.ts';

export function engineInput(doc: unknown): EngineScenario {
  const r = loadScenario(doc);
  if (!r.ok) throw new Error(`not a valid scenario: ${r.issues.map((i) => formatIssue(i)).join('; ')}`);
  return r.engine;
}

export function simulateScenario(doc: unknown): SimResult {
  return simulate(engineInput(doc));
}
