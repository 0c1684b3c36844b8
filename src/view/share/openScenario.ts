/**
 * Putting a validated scenario (from a link, a file or the gallery) into the store, and the
 * "would this replace unsaved edits?" test. The scenario is loaded with the `replaceScenario`
 * op, so it is one undo step: Ctrl+Z brings back the work it replaced.
 */
import { serializeScenario } from '../../scenario/serialize.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import type { AppState } from '../../store/types.ts';
import type { LinkView, ViewWarning } from './viewParams.ts';

/**
 * Does the current scenario hold edits that loading another one would replace? The editor's
 * autosave may expose a boolean `dirty` flag on the store; without one, any difference
 * (layout included) from the scenario last loaded counts.
 */
export function hasUnsavedEdits(state: AppState, baseline: ScenarioV1): boolean {
  const flag = (state as unknown as { dirty?: unknown }).dirty;
  if (typeof flag === 'boolean') return flag;
  if (state.scenario === baseline) return false;
  return serializeScenario(state.scenario) !== serializeScenario(baseline);
}

/** Problems with a link's view found once the scenario is known (a host that is not in it). */
export type ApplyWarning = ViewWarning | { code: 'viewNoHost'; host: string };

/**
 * Loads `scenario` (already validated) as one undoable step, starts at the beginning of the
 * trace, then applies the link's view: language, theme, speed, playback position, selection.
 */
export function openScenario(api: AppStore, scenario: ScenarioV1, view: LinkView | null = null): ApplyWarning[] {
  const warnings: ApplyWarning[] = [];
  const st = () => api.getState();
  st().pause();
  st().setEditingAction(null);
  st().select(null);
  st().dispatch({ type: 'replaceScenario', scenario });
  // The trace comes from the simulator (a worker): start at its beginning once it is there,
  // without a "what changed" list (another scenario is not an edit of this one).
  const atStart = () => {
    st().dismissChanges();
    st().reset();
  };
  atStart();
  st().afterSim(atStart);
  if (!view) return warnings;
  if (view.lang) st().setLang(view.lang);
  if (view.theme) st().setTheme(view.theme);
  if (view.speed !== undefined) st().setSpeed(view.speed);
  if (view.at !== undefined) {
    const wanted = view.at;
    st().afterSim(() => {
      const { vt } = st().timeline;
      const at = Math.min(wanted, vt.length);
      // The same position "one event forward" reaches: `at` events applied, time of the last one.
      api.setState({ cursor: at, vtime: at > 0 ? vt[at - 1] : 0, playing: false, stopAt: null, jumpAcc: 0 });
    });
  }
  if (view.host !== undefined) {
    if (Object.hasOwn(scenario.hosts, view.host)) st().select({ kind: 'host', host: view.host });
    else warnings.push({ code: 'viewNoHost', host: view.host });
  }
  return warnings;
}

/** The view to put in a link for the current state: position and selected host (and, if asked, language and theme). */
export function currentView(state: AppState, options: { position: boolean; looks: boolean }): LinkView {
  const view: LinkView = {};
  if (options.position) {
    if (state.cursor > 0) view.at = state.cursor;
    const sel = state.selection;
    if (sel && (sel.kind === 'host' || sel.kind === 'iface')) view.host = sel.host;
    if (state.speed !== 1) view.speed = state.speed;
  }
  if (options.looks) {
    view.lang = state.lang;
    view.theme = state.theme;
  }
  return view;
}
