/**
 * The scenario model (model.ts) is loaded with import(), not with the page: code on the first
 * screen names it only as a type and calls `model()`. main.tsx awaits `loadModel()` before it
 * creates the store and renders, so everything that runs once the app is on screen (the
 * store's checked edits, printing actions, opening files and links) finds it loaded. Unit
 * tests load it in their setup (test/setupModel.ts).
 */
import type * as Model from './model.ts';

export type ScenarioModel = typeof Model;

let loaded: ScenarioModel | null = null;
let loading: Promise<ScenarioModel> | null = null;

/** Loads the model (once). */
export function loadModel(): Promise<ScenarioModel> {
  loading ??= import('./model.ts').then((m) => (loaded = m));
  return loading;
}

/** The loaded model; throws when used before `loadModel()` finished — a bug in the start-up order. */
export function model(): ScenarioModel {
  if (!loaded) throw new Error('the scenario model is used before loadModel() finished (main.tsx awaits it before the first render)');
  return loaded;
}
