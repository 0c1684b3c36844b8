/**
 * Autosave: the scenario is kept in localStorage after every edit and restored on the next
 * visit. A stored value that cannot be restored (not JSON, not an ARP Lab save, a scenario
 * that no longer validates, a newer format) is never thrown away: it is moved to
 * `arplab.scenario.corrupt.<timestamp>` and the app says so. If even that fails, autosave
 * stays off for the session, so the value is not overwritten either.
 *
 * Only edits are saved (`dirty` in the store): opening a link or an example does not
 * overwrite the saved work until the user changes something. Nothing is saved while a
 * lesson is open (`lesson` in the store): its scenarios are the course's, not the user's.
 */
import { formatIssue } from '../../scenario/issues.ts';
import type { LeftOut } from '../../scenario/salvage.ts';
import { canonicalScenario } from '../../scenario/serialize.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import { model } from '../../store/lazyModel.ts';

export const AUTOSAVE_KEY = 'arplab.scenario';
export const CORRUPT_PREFIX = 'arplab.scenario.corrupt.';
/** Another tab's version, kept when both tabs saved (two tabs). */
export const COPY_PREFIX = 'arplab.scenario.copy.';
/** Marks our saves, so a foreign value under the key is recognised as such. */
const APP_MARK = 'arplab-autosave';
const SAVE_FORMAT = 1;

export type StorageNoticeCode = 'restored' | 'partial' | 'corrupt' | 'foreign' | 'invalid' | 'newer' | 'unavailable' | 'full' | 'fullRestored' | 'setAsideFailed' | 'saveFailed';

export interface StorageNotice {
  code: StorageNoticeCode;
  /** Where the unreadable value was put. */
  setAside?: string;
  /** What was wrong (English, from the JSON parser or the scenario validation). */
  detail?: string;
  /** When the restored work was saved (ISO time). */
  savedAt?: string;
  /** 'partial': the parts left out (where they were) and why. */
  leftOut?: LeftOut[];
}

export interface RestoreResult {
  scenario: ScenarioV1 | null;
  notice: StorageNotice | null;
  /** false: do not write (the stored value could not be set aside, or there is no storage). */
  canSave: boolean;
}

/** localStorage, or null where it is missing or throws (privacy modes, sandboxed frames). */
export function browserStorage(): Storage | null {
  return probeStorage(() => window.localStorage).storage;
}

/**
 * Opens storage and tells whether it is full. Reading decides whether there is storage at
 * all: a full storage still holds the saved work (a probe write fails with a quota error,
 * but restoring only reads).
 */
export function probeStorage(open: () => Storage): { storage: Storage | null; full: boolean } {
  let s: Storage;
  try {
    s = open();
    s.getItem(AUTOSAVE_KEY);
  } catch {
    return { storage: null, full: false };
  }
  const probe = `${AUTOSAVE_KEY}.probe`;
  try {
    s.setItem(probe, '1');
    s.removeItem(probe);
    return { storage: s, full: false };
  } catch (e) {
    return isQuotaError(e) ? { storage: s, full: true } : { storage: null, full: false };
  }
}

/** The browser's "storage full" (names differ: Chromium/WebKit QuotaExceededError, Firefox NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
}

/** Copies `raw` to a fresh `<prefix><time>` key; returns the key, or null if it could not be written. */
export function copyAside(storage: Storage, raw: string, now: number, prefix = CORRUPT_PREFIX): string | null {
  let key = `${prefix}${now}`;
  for (let n = 2; storage.getItem(key) !== null; n++) key = `${prefix}${now}-${n}`;
  try {
    storage.setItem(key, raw);
    return storage.getItem(key) === raw ? key : null;
  } catch {
    return null;
  }
}

/** Moves `raw` to a fresh `arplab.scenario.corrupt.<time>` key; returns the key, or null if it could not be written. */
function setAside(storage: Storage, raw: string, now: number): string | null {
  const key = copyAside(storage, raw, now);
  if (key) storage.removeItem(AUTOSAVE_KEY);
  return key;
}

/** Reads the saved scenario at startup (never throws). */
export function restoreAutosave(storage: Storage | null, now: number = Date.now()): RestoreResult {
  if (!storage) return { scenario: null, notice: { code: 'unavailable' }, canSave: false };
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { scenario: null, notice: { code: 'unavailable' }, canSave: false };
  }
  if (raw === null) return { scenario: null, notice: null, canSave: true };
  const reject = (code: StorageNoticeCode, detail: string): RestoreResult => {
    const key = setAside(storage, raw, now);
    return key
      ? { scenario: null, notice: { code, setAside: key, detail }, canSave: true }
      : { scenario: null, notice: { code: 'setAsideFailed', detail }, canSave: false };
  };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    return reject('corrupt', e instanceof Error ? e.message : String(e));
  }
  if (typeof doc !== 'object' || doc === null || (doc as { app?: unknown }).app !== APP_MARK) {
    return reject('foreign', raw.length > 80 ? `${raw.slice(0, 77)}…` : raw);
  }
  const env = doc as { format?: unknown; savedAt?: unknown; scenario?: unknown };
  if (typeof env.format === 'number' && env.format > SAVE_FORMAT) return reject('newer', `save format ${env.format}`);
  const r = model().loadWhatIsValid(env.scenario);
  if (!r.ok) {
    const first = r.issues[0];
    const code = first?.code === 'versionTooNew' ? 'newer' : 'invalid';
    return reject(code, first ? formatIssue(first) : 'invalid');
  }
  const savedAt = typeof env.savedAt === 'string' ? { savedAt: env.savedAt } : {};
  if (r.leftOut.length === 0) return { scenario: r.scenario, notice: { code: 'restored', ...savedAt }, canSave: true };
  // Some parts did not validate: the rest is restored, the stored value is kept as it was
  // under its own key (offered for download), and what was restored becomes the save, so
  // a reload restores it too.
  const { leftOut } = r;
  const key = copyAside(storage, raw, now);
  if (!key) return { scenario: r.scenario, notice: { code: 'setAsideFailed', detail: leftOut.map((l) => `${l.path}: ${formatIssue(l.reason)}`).join('; ') }, canSave: false };
  saveScenario(storage, r.scenario, now);
  return { scenario: r.scenario, notice: { code: 'partial', setAside: key, leftOut, ...savedAt }, canSave: true };
}

/** The scenario of a save written by ARP Lab (another tab's), and when it was saved; null if it is not one that loads. */
export function scenarioOfSave(raw: string): { scenario: ScenarioV1; savedAt?: string } | null {
  try {
    const env = JSON.parse(raw) as { app?: unknown; format?: unknown; savedAt?: unknown; scenario?: unknown };
    if (env?.app !== APP_MARK || (typeof env.format === 'number' && env.format > SAVE_FORMAT)) return null;
    const r = model().loadWhatIsValid(env.scenario);
    if (!r.ok) return null;
    return { scenario: r.scenario, ...(typeof env.savedAt === 'string' ? { savedAt: env.savedAt } : {}) };
  } catch {
    return null;
  }
}

/** Writes the scenario; returns false when the browser refused (quota). */
export function saveScenario(storage: Storage, s: ScenarioV1, now: number = Date.now()): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ app: APP_MARK, format: SAVE_FORMAT, savedAt: new Date(now).toISOString(), scenario: canonicalScenario(s) }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves after every edit (when a drag ends, not during it) and when the page is hidden.
 * `onFail` is called once if the browser refuses to store it.
 */
export function attachAutosave(store: AppStore, storage: Storage, onFail: () => void = () => {}, beforeSave: () => void = () => {}): () => void {
  let saved: ScenarioV1 | null = null;
  let failed = false;
  const flush = () => {
    const st = store.getState();
    // During a lesson the scenario on screen is the lesson's: the saved work stays as it was.
    if (!st.dirty || st.gestureBase !== null || st.scenario === saved || st.lesson) return;
    beforeSave();
    if (saveScenario(storage, st.scenario)) {
      saved = st.scenario;
    } else if (!failed) {
      failed = true;
      onFail();
    }
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario || s.gestureBase !== prev.gestureBase || s.dirty !== prev.dirty || s.lesson !== prev.lesson) flush();
  });
  const onHide = () => flush();
  window.addEventListener('pagehide', onHide);
  return () => {
    unsub();
    window.removeEventListener('pagehide', onHide);
  };
}
