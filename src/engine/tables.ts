/**
 * The engine's tables and error type, without the engine: what the main thread (the UI, the
 * scenario format) reads from the engine while the simulation itself runs in a Web Worker
 * (view/sim/). Importing src/engine/index.ts for these would put the whole engine in the
 * app's first load (issue 15's budget, config/jsBudget.ts); the modules named here hold data
 * and small helpers only. Everything here is also exported by index.ts.
 */
export { BudgetError, DEFAULT_BUDGET, NO_BUDGET, type BudgetExceeded, type BudgetLimit, type SimProgress, type WorkBudget } from './sim/budget.ts';
export { CONF_KNOBS, INT_MAX, INT_MIN, KNOB_NAMES, actsAs, describeSetting, isKnob, knobDef, type Knob, type KnobDef, type Combine } from './host/conf.ts';
export { DECISIONS, ALSO_REASONS, NEIGH_CAUSES } from './trace.ts';
export { reviveTraceLog, TraceLog, ReceivedTraceLog, traceLogPart, writeTraceLogPart, newPartCursor, partBuffers, type TraceLogPart, type PartCursor } from './sim/traceLog.ts';
