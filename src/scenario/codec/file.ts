/**
 * Scenario files: the interchange format is the canonical JSON, indented, with a final
 * newline, so that files diff well and people can edit them. Import goes through
 * loadScenarioText (syntax errors with line and column, then migrate, validate, normalise).
 */
import { loadScenarioText, type LoadResult } from '../load.ts';
import { loadWhatIsValidText, type SalvageResult } from '../salvage.ts';
import { canonicalScenario } from '../serialize.ts';
import type { ScenarioV1 } from '../types.ts';

export const SCENARIO_FILE_TYPE = 'application/json';
export const SCENARIO_FILE_EXTENSION = '.json';

/** Pretty canonical JSON, ending with a newline. */
export function exportScenarioFile(s: ScenarioV1): string {
  return `${JSON.stringify(canonicalScenario(s), null, 2)}\n`;
}

/** Reads a scenario file's text. Never throws. */
export function importScenarioFile(text: string): LoadResult {
  return loadScenarioText(text);
}

/**
 * Reads a scenario file's text as the app opens it: the parts that are valid, and the ones
 * left out with the reason (salvage.ts). Text that is not JSON is refused whole. Never throws.
 */
export function openScenarioFile(text: string): SalvageResult {
  return loadWhatIsValidText(text);
}

/** A file name from the title: "ARP flux: two NICs" → "arp-flux-two-nics.json". */
export function scenarioFileName(s: ScenarioV1): string {
  const slug = (s.title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}${SCENARIO_FILE_EXTENSION}`;
}
