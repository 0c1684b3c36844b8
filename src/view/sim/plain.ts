/**
 * A SimResult as JSON, its events as a plain array whatever holds them (the engine's
 * compact log, or the array a streamed run is assembled into): what "byte-identical" compares.
 */
import type { SimResult } from '../../engine/index.ts';

export const plain = (sim: SimResult): string => JSON.stringify({ ...sim, events: sim.events.slice() });
