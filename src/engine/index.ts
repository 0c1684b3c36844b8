/** The engine's public API. */
export { simulate, type SimulateOptions } from './sim/run.ts';
export type * from './trace.ts';
export type * from './input.ts';
