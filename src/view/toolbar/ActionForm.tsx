import { useRef, useState, type FormEvent } from 'react';
import type { ActionV1 } from '../../scenario/types.ts';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { model } from '../../store/lazyModel.ts';
import type { FormField } from '../../scenario/actions/descriptor.ts';
import { IssueList } from '../editor/IssueList.tsx';
import type { ScenarioIssue } from '../../scenario/issues.ts';
import { actionFromDraft, draftForHost, draftFromAction, emptyDraft, formFields, formTypes, type Draft, type DraftType } from './actionDraft.ts';
import { isolate } from '../../i18n/displayText.ts';
import { perObject } from '../hooks/perObject.ts';
import type { EngineScenario } from '../../engine/index.ts';

/**
 * Runs a command, or edits an action of the list: the types and fields come from the action
 * descriptors' `form` (scenario/actions/).
 */
export function ActionForm() {
  const editing = useApp((s) => s.editingAction);
  const action = useApp((s) => (s.editingAction === null ? undefined : s.scenario.actions?.[s.editingAction]));
  // A new form (and draft) for each action edited; an action the form has no fields for is edited as its command line.
  if (action && editing !== null && !formTypes().includes(action.type)) return <ActionLineForm key={editing} editing={editing} action={action} />;
  return <ActionFormBody key={editing ?? 'new'} editing={action ? editing : null} action={action} />;
}

/** Format fields every action may carry besides its command (settle, expect, notes…): kept when the line is edited. */
function commonOf(a: ActionV1): Partial<ActionV1> {
  return Object.fromEntries(model().COMMON_FIELDS.filter((k) => k !== 'type' && Object.hasOwn(a, k)).map((k) => [k, a[k]])) as Partial<ActionV1>;
}

/**
 * Edits an action without form fields (sysctl, ip route, ip addr…) as the line it prints as
 * (`R1$ sysctl -w …`), parsed back by its descriptor — the console's path: what the line
 * says is what runs. A bad line shows the tool's error and changes nothing.
 */
function ActionLineForm({ editing, action }: { editing: number; action: ActionV1 }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const [line, setLine] = useState(() => model().printScenarioAction(action));
  const focused = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ScenarioIssue[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = model().parseActionLine(line);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const next = { ...commonOf(action), ...(r.action as unknown as ActionV1) } as ActionV1;
    const st = api.getState();
    const refused = st.dispatch({ type: 'updateAction', index: editing, action: next }, { quiet: true });
    if (refused.length) {
      setIssues(refused);
      return;
    }
    st.setEditingAction(null);
  };
  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="action-form-h">
      <h2 id="action-form-h">{t('form.editTitle', { n: editing + 1 })}</h2>
      <p className="muted small">{t('form.lineHelp', { cmd: action.type })}</p>
      <label className="field field-line">
        <span>{t('form.lineLabel')}</span>
        <textarea
          ref={(el) => {
            // ✎ (a click or Enter on it) puts the keyboard in the line, once.
            if (el && !focused.current) {
              focused.current = true;
              // The whole form in view (its title and help), not just the line scrolled to the panel's edge.
              el.focus({ preventScroll: true });
              el.form?.scrollIntoView({ block: 'nearest' });
            }
          }}
          value={line}
          rows={3}
          spellCheck="false"
          aria-invalid={error !== null}
          onChange={(e) => {
            setLine(e.target.value.replace(/\r?\n/g, ' '));
            setError(null);
            setIssues([]);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </label>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <IssueList issues={issues} />
      <div className="form-row">
        <button type="submit" className="primary">{t('form.update')}</button>
        <button type="button" onClick={() => api.getState().setEditingAction(null)}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}

/** The hosts' names, and each host's interfaces, as strings (selectors compare them by value). */
const hostNamesKey = perObject((hosts: Record<string, unknown>) => Object.keys(hosts).join('\u0000'));
const interfacesKey = perObject((input: EngineScenario) => input.hosts.map((h) => `${h.name}:${h.interfaces.map((i) => i.name).join(',')}`).join(';'));

function ActionFormBody({ editing, action }: { editing: number | null; action: ActionV1 | undefined }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const hostsKey = useApp((s) => hostNamesKey(s.scenario.hosts));
  const hosts = hostsKey ? hostsKey.split('\u0000') : [];
  const ifacesKey = useApp((s) => (s.engineInput ? interfacesKey(s.engineInput) : ''));
  // "On host" starts at the selected host (else the first), and follows the selection until
  // the user picks a host in the form.
  const selected = useApp((s) => (s.selection && 'host' in s.selection && s.selection.host && Object.hasOwn(s.scenario.hosts, s.selection.host) ? s.selection.host : null));
  const ifacesOf = (host: string) => ifacesKey.split(';').find((x) => x.startsWith(`${host}:`))?.split(':')[1]?.split(',').filter(Boolean) ?? [];
  const [draft, setDraft] = useState<Draft>(() => (action ? draftFromAction(action, hosts[0] ?? '') : emptyDraft(selected ?? hosts[0] ?? '')));
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ScenarioIssue[]>([]);
  const [followed, setFollowed] = useState({ selected, touched: action !== undefined });
  if (!followed.touched && selected !== followed.selected) {
    setFollowed({ selected, touched: false });
    if (selected) setDraft((d) => draftForHost(d, selected, ifacesOf(selected)));
  }
  // The host's interfaces changed (an edit, undo), or the host went away: re-check the draft.
  const host = hosts.includes(draft.host) ? draft.host : (selected ?? hosts[0] ?? '');
  const ifaces = ifacesOf(host);
  // (Only once the interfaces are known: the engine input exists when the scenario is valid.)
  const current = ifacesKey ? draftForHost(draft, host, ifaces) : draft;
  if (current !== draft) setDraft(current);

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch };
      return patch.host !== undefined && ifacesKey ? draftForHost(next, patch.host, ifacesOf(patch.host)) : next;
    });
    if (patch.host !== undefined) setFollowed((f) => ({ ...f, touched: true }));
    setError(null);
    setIssues([]);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = actionFromDraft(current, hosts);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    // Through the checked dispatch: an action the scenario's validation refuses (an
    // interface or source address the host does not have…) is not added; the form says why.
    const st = api.getState();
    const op = editing !== null ? ({ type: 'updateAction', index: editing, action: r.action } as const) : ({ type: 'addAction', action: r.action } as const);
    const index = st.scenario.actions?.length ?? 0;
    const refused = st.dispatch(op, { quiet: true });
    if (refused.length) {
      setIssues(refused);
      return;
    }
    if (editing !== null) {
      st.setEditingAction(null);
      return;
    }
    // The new trace comes from the simulator (a worker): play the step once it is there.
    api.getState().afterSim(() => api.getState().runStep(index + 1));
  };

  const fields = formFields(draft.type);
  const value = (key: string) => draft.values[key];
  const setValue = (key: string, v: string | boolean) => set({ values: { ...draft.values, [key]: v } });
  const label = (f: FormField) => (f.option && f.label ? `${f.option} ${t(`form.${f.label}`)}` : f.option ?? t(`form.${f.label ?? f.key}`));
  const invalid = (f: FormField) => error !== null && error === (f.error ?? f.key);

  /** A text box, a number box, a choice or the host's interfaces, as the descriptor's field says. */
  const input = (f: FormField) => {
    if (f.input === 'iface') {
      return (
        <label className="field" key={f.key}>
          <span>{label(f)}</span>
          <select value={String(value(f.key) ?? '')} onChange={(e) => setValue(f.key, e.target.value)} aria-invalid={invalid(f)}>
            <option value="">{t(`form.${f.empty ?? 'auto'}`)}</option>
            {ifaces.map((i) => (
              <option key={i} value={i}>{isolate(i)}</option>
            ))}
          </select>
        </label>
      );
    }
    if (f.input === 'choice') {
      return (
        <label className="field" key={f.key}>
          <span>{label(f)}</span>
          <select value={String(value(f.key) ?? '')} onChange={(e) => setValue(f.key, e.target.value)} aria-invalid={invalid(f)}>
            {f.choices?.map((c) => (
              <option key={c.value} value={String(c.value)}>{t(`form.${c.label}`)}</option>
            ))}
          </select>
        </label>
      );
    }
    const number = f.input === 'number';
    return (
      <label className="field" key={f.key}>
        <span>{label(f)}</span>
        <input
          value={String(value(f.key) ?? '')}
          onChange={(e) => setValue(f.key, e.target.value)}
          aria-invalid={invalid(f)}
          inputMode={number ? (f.whole ? 'numeric' : 'decimal') : f.input === 'mac' ? 'text' : 'decimal'}
          spellCheck="false"
          {...(number ? { size: f.whole ? 3 : 5 } : {})}
          {...(f.placeholder ? { placeholder: f.placeholder } : f.empty ? { placeholder: t(`form.${f.empty}`) } : {})}
        />
      </label>
    );
  };
  const boxes = fields.filter((f) => f.input !== 'flag' && f.input !== 'allHosts');
  const flags = fields.filter((f) => f.input === 'flag');
  const checks = fields.filter((f) => f.input === 'allHosts');

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="action-form-h">
      <h2 id="action-form-h">{editing !== null ? t('form.editTitle', { n: editing + 1 }) : t('form.title')}</h2>
      <div className="form-row">
        <label className="field">
          <span>{t('form.command')}</span>
          <select value={draft.type} onChange={(e) => set({ type: e.target.value as DraftType })}>
            {formTypes().map((ty) => (
              <option key={ty} value={ty}>{ty}</option>
            ))}
          </select>
        </label>
        {model().ACTIONS[draft.type].hosts !== 'none' ? (
          <label className="field">
            <span>{t('form.host')}</span>
            <select value={host} onChange={(e) => set({ host: e.target.value })}>
              {hosts.map((h) => (
                <option key={h} value={h}>{isolate(h)}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {boxes.length ? <div className="form-row">{boxes.map(input)}</div> : null}
      {flags.length ? (
        <fieldset className="flags">
          <legend>{t('form.flags', { cmd: draft.type })}</legend>
          {flags.map((f) => (
            <label key={f.key} title={f.hint ? t(`form.${f.hint}`) : undefined}>
              <input type="checkbox" checked={value(f.key) === true} onChange={(e) => setValue(f.key, e.target.checked)} />{label(f)}
              {f.hint ? <span className="flag-hint">{t(`form.${f.hint}`)}</span> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      {checks.map((f) => (
        <label className="check" key={f.key}>
          <input type="checkbox" checked={value(f.key) === true} onChange={(e) => setValue(f.key, e.target.checked)} />
          {label(f)}
        </label>
      ))}
      {error ? <p className="form-error" role="alert">{t(`form.errors.${error}`)}</p> : null}
      <IssueList issues={issues} />
      <div className="form-row">
        <button type="submit" className="primary">{editing !== null ? t('form.update') : t('form.addRun')}</button>
        {editing !== null ? (
          <button type="button" onClick={() => api.getState().setEditingAction(null)}>{t('form.cancel')}</button>
        ) : null}
      </div>
    </form>
  );
}
