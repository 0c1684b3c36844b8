/** The engine's public API (its tables alone, without the engine: tables.ts). */
export * from './tables.ts';
export { simulate, Simulation, CMD_START, type SimulateOptions } from './sim/run.ts';
export { inspectHosts, hostViewsOf, viewHost, type HostView, type DeviceView, type RouteView, type KnobView, type AddrView } from './sim/inspect.ts';
export { KERNEL_TRANSITIONS, kernelCanMake, edgeOf } from './neigh/transitions.ts';
export type * from './trace.ts';
export type * from './input.ts';
export { ipvsadmLn, ipvsadmLnc } from './tools/ipvsadm.ts';
export { worldAtEvent, ipvsTableIn } from './sim/haltAt.ts';
export { ACTION_RUNNERS, type ActionRunner, type ActionOutcome } from './sim/runners.ts';
/** Lower level, for the benchmark: a world built from a scenario, and ping processes started on it directly. */
export { buildWorld } from './sim/build.ts';
export { PingSession } from './tools/ping.ts';
export { routeGet, type RouteGetQuery, type RouteGetAnswer } from './tools/routeGet.ts';
