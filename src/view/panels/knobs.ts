import { CONF_KNOBS, KNOB_NAMES, actsAs, knobDef, type Knob } from '../../engine/tables.ts';

export { actsAs };

/**
 * The per-interface IPv4 knobs the inspector shows and edits: every knob the engine reads
 * (its table, engine/host/conf.ts), with the values that mean something (a number field
 * where any value in the range does).
 */
export const KNOBS: readonly { name: Knob; values?: readonly number[]; min: number; max: number }[] = KNOB_NAMES.map((name) => {
  const d = knobDef(name);
  return { name, values: d.values, min: d.min, max: d.max };
});

export type KnobName = keyof typeof CONF_KNOBS;

export const sysctlKey = (scope: string, knob: string) => `net.ipv4.conf.${scope}.${knob}`;
