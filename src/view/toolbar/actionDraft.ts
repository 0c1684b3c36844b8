/**
 * The command form's state and its conversion to a scenario action (format v1), kept apart
 * from the component so it can be tested and reused by the console later. The form offers
 * the action types whose descriptor has a `form` (scenario/actions/), with the fields it
 * lists; the action it builds is checked with the descriptor's own schema.
 */
import type { ActionType } from '../../engine/index.ts';
import { COMMON_FIELDS, type FormField } from '../../scenario/actions/descriptor.ts';
import type { ActionV1 } from '../../scenario/types.ts';
import { model } from '../../store/lazyModel.ts';

export type DraftType = ActionType;

// The descriptors come with the scenario model (store/lazyModel.ts), loaded before the first
// render: what is read from them is computed on first use, not when this module loads.
let formTypesOnce: readonly DraftType[] | null = null;
let ifaceKeysOnce: ReadonlySet<string> | null = null;

/** The types the form offers, in the format's order. */
export const formTypes = (): readonly DraftType[] => (formTypesOnce ??= model().ACTION_TYPES.filter((t) => model().ACTIONS[t].form));

export const formFields = (type: DraftType): readonly FormField[] => model().ACTIONS[type].form ?? [];

/** The draft's keys whose value is an interface of the draft's host (-I). */
const ifaceKeys = (): ReadonlySet<string> =>
  (ifaceKeysOnce ??= new Set(formTypes().flatMap((t) => formFields(t).filter((f) => f.input === 'iface').map((f) => f.key))));

export interface Draft {
  type: DraftType;
  host: string;
  /** What the boxes hold, by format field (shared by the types: a target stays when the type changes). */
  values: Record<string, string | boolean>;
  /** The action being edited: the fields the form does not show are kept as they were. */
  base?: ActionV1;
}

function initialValues(): Record<string, string | boolean> {
  const v: Record<string, string | boolean> = {};
  for (const t of formTypes()) for (const f of formFields(t)) v[f.key] ??= f.input === 'flag' || f.input === 'allHosts' ? false : (f.initial ?? '');
  return v;
}

export function emptyDraft(host: string, type: DraftType = formTypes()[0]): Draft {
  return { type, host, values: initialValues() };
}

export function draftFromAction(a: ActionV1, fallbackHost: string): Draft {
  const host = typeof a.host === 'string' ? a.host : Array.isArray(a.hosts) ? String(a.hosts[0] ?? fallbackHost) : fallbackHost;
  if (!formTypes().includes(a.type)) return emptyDraft(host);
  const values = initialValues();
  for (const f of formFields(a.type)) {
    const v = a[f.key];
    if (f.input === 'flag') values[f.key] = v === true;
    else if (f.input === 'allHosts') values[f.key] = Array.isArray(a.hosts) && a.hosts.length > 1;
    else if (v !== undefined && v !== null) values[f.key] = String(v);
  }
  return { type: a.type, host, values, base: a };
}

export type DraftResult = { ok: true; action: ActionV1 } | { ok: false; error: string };

const HOST_FIELDS = new Set(['type', 'host', 'hosts']);

/** A number box's value, or null when it is out of the field's bounds. */
function numberOf(f: FormField, text: string): number | null {
  const n = Number(text);
  if (!Number.isFinite(n) || (f.whole && !Number.isInteger(n))) return null;
  if ((f.min !== undefined && n < f.min) || (f.above !== undefined && n <= f.above) || (f.max !== undefined && n > f.max)) return null;
  return n;
}

/** Builds the action, or names the field that is wrong (an i18n key under `form.errors`). */
export function actionFromDraft(d: Draft, hosts: string[]): DraftResult {
  const desc = model().ACTIONS[d.type];
  const fields = formFields(d.type);
  const out: Record<string, unknown> = { type: d.type };
  if (desc.hosts === 'one') out.host = d.host;
  if (desc.hosts === 'many') out.hosts = [d.host];
  const wrong = (f: FormField): DraftResult => ({ ok: false, error: f.error ?? f.key });
  for (const f of fields) {
    const v = d.values[f.key];
    if (f.input === 'flag') {
      if (v === true) out[f.key] = true;
      continue;
    }
    if (f.input === 'allHosts') {
      out.hosts = v === true ? hosts : [d.host];
      continue;
    }
    const text = (typeof v === 'string' ? v.trim() : '') || (f.initial ?? '');
    if (text === '') {
      if (f.required) return wrong(f);
      continue;
    }
    if (f.input === 'number') {
      const n = numberOf(f, text);
      if (n === null) return wrong(f);
      if (n !== f.omit) out[f.key] = n;
    } else if (f.input === 'choice') {
      const c = f.choices?.find((x) => String(x.value) === text);
      if (!c) return wrong(f);
      out[f.key] = c.value;
    } else if (f.input === 'mac') {
      // As the tools print MACs (and packit's parser stores them): lower case.
      out[f.key] = text.toLowerCase();
    } else {
      out[f.key] = text;
    }
  }
  // What the form does not show stays as it was: the edited action's other options (of the
  // same type) and its step fields (settle, notes).
  const shown = new Set(fields.map((f) => f.key));
  const kept = Object.entries(d.base ?? {}).filter(([k]) =>
    !shown.has(k) && !HOST_FIELDS.has(k) && (d.base?.type === d.type || (COMMON_FIELDS as readonly string[]).includes(k)));
  const action = { ...out, ...Object.fromEntries(kept) } as ActionV1;
  const checked = desc.schema.safeParse(action);
  if (!checked.success) {
    const key = checked.error.issues[0]?.path[0];
    const f = fields.find((x) => x.key === key);
    return { ok: false, error: f?.error ?? fields.find((x) => x.error)?.error ?? 'target' };
  }
  return { ok: true, action };
}

/**
 * The draft on another host (or the same host after its interfaces changed): an interface
 * the host does not have is cleared, so the form never shows — or submits — `-I eth1` for a
 * host without eth1. The draft itself is returned when nothing changes.
 */
export function draftForHost(d: Draft, host: string, ifaces: readonly string[]): Draft {
  const stale = Object.entries(d.values).filter(([k, v]) => ifaceKeys().has(k) && typeof v === 'string' && v !== '' && !ifaces.includes(v));
  if (host === d.host && stale.length === 0) return d;
  return { ...d, host, values: { ...d.values, ...Object.fromEntries(stale.map(([k]) => [k, ''])) } };
}
