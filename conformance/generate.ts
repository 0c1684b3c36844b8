import type { ScenarioV1 } from './scenario.ts';
export function generateScenarios(_n: number, _seed: number): { name: string; scenario: ScenarioV1 }[] {
  return [];
}
