/** The engine's public API. */
export { simulate, Simulation, CMD_START, type SimulateOptions } from './sim/run.ts';
export { inspectHosts, viewHost, type HostView, type DeviceView, type RouteView, type KnobView, type AddrView } from './sim/inspect.ts';
export { CONF_KNOBS, KNOB_NAMES, describeSetting, type Knob } from './host/conf.ts';
export { LEGAL_TRANSITIONS } from './neigh/entry.ts';
export type * from './trace.ts';
export type * from './input.ts';
