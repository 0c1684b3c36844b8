import { useState, type FormEvent } from 'react';
import type { ActionV1 } from '../../scenario/types.ts';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { actionFromDraft, draftFromAction, emptyDraft, type Draft, type DraftType } from './actionDraft.ts';

const TYPES: DraftType[] = ['ping', 'arping', 'flush', 'wait'];

/** Runs a command: ping, arping (-I -s -c -D -U -A), flush, wait; or edits an action of the list. */
export function ActionForm() {
  const editing = useApp((s) => s.editingAction);
  const action = useApp((s) => (s.editingAction === null ? undefined : s.scenario.actions?.[s.editingAction]));
  // A new form (and draft) for each action edited.
  return <ActionFormBody key={editing ?? 'new'} editing={action ? editing : null} action={action} />;
}

function ActionFormBody({ editing, action }: { editing: number | null; action: ActionV1 | undefined }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const hostsKey = useApp((s) => Object.keys(s.scenario.hosts).join('\u0000'));
  const hosts = hostsKey ? hostsKey.split('\u0000') : [];
  const ifacesKey = useApp((s) => s.engineInput?.hosts.map((h) => `${h.name}:${h.interfaces.map((i) => i.name).join(',')}`).join(';') ?? '');
  const [draft, setDraft] = useState<Draft>(() => (action ? draftFromAction(action, hosts[0] ?? '') : emptyDraft(hosts[hosts.length - 1] ?? '')));
  const [error, setError] = useState<string | null>(null);

  const ifaces = ifacesKey.split(';').find((x) => x.startsWith(`${draft.host}:`))?.split(':')[1]?.split(',').filter(Boolean) ?? [];
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = actionFromDraft(draft, hosts);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const st = api.getState();
    if (editing !== null) {
      st.dispatch({ type: 'updateAction', index: editing, action: r.action });
      st.setEditingAction(null);
      return;
    }
    const index = st.scenario.actions?.length ?? 0;
    st.dispatch({ type: 'addAction', action: r.action });
    api.getState().runStep(index + 1);
  };

  const field = (name: keyof Draft, label: string, extra: Record<string, string> = {}) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={String(draft[name])}
        onChange={(e) => set({ [name]: e.target.value } as Partial<Draft>)}
        aria-invalid={error === name || (error === 'target' && name === 'target')}
        {...extra}
      />
    </label>
  );

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="action-form-h">
      <h2 id="action-form-h">{editing !== null ? t('form.editTitle', { n: editing + 1 }) : t('form.title')}</h2>
      <div className="form-row">
        <label className="field">
          <span>{t('form.command')}</span>
          <select value={draft.type} onChange={(e) => set({ type: e.target.value as DraftType })}>
            {TYPES.map((ty) => (
              <option key={ty} value={ty}>{ty}</option>
            ))}
          </select>
        </label>
        {draft.type !== 'wait' ? (
          <label className="field">
            <span>{t('form.host')}</span>
            <select value={draft.host} onChange={(e) => set({ host: e.target.value })}>
              {hosts.map((h) => (
                <option key={h} value={h}>{h}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {draft.type === 'ping' || draft.type === 'arping' ? (
        <>
          <div className="form-row">
            {field('target', t(draft.type === 'ping' ? 'form.destination' : 'form.target'), { placeholder: '192.168.100.36', inputMode: 'decimal', spellCheck: 'false' })}
            {field('count', '-c', { inputMode: 'numeric', size: '3' })}
          </div>
          <div className="form-row">
            <label className="field">
              <span>-I</span>
              <select value={draft.iface} onChange={(e) => set({ iface: e.target.value })} aria-invalid={error === 'iface'}>
                {draft.type === 'ping' ? <option value="">{t('form.auto')}</option> : <option value="">{t('form.choose')}</option>}
                {ifaces.map((i) => (
                  <option key={i} value={i}>{i}</option>
                ))}
              </select>
            </label>
            {draft.type === 'arping' ? field('src', '-s', { placeholder: t('form.srcAuto'), spellCheck: 'false' }) : null}
          </div>
          {draft.type === 'arping' ? (
            <fieldset className="flags">
              <legend>{t('form.flags')}</legend>
              {(['D', 'U', 'A'] as const).map((f) => (
                <label key={f} title={t(`form.flag${f}`)}>
                  <input type="checkbox" checked={draft[f]} onChange={(e) => set({ [f]: e.target.checked } as Partial<Draft>)} />-{f}
                  <span className="flag-hint">{t(`form.flag${f}`)}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
        </>
      ) : null}
      {draft.type === 'flush' ? (
        <label className="check">
          <input type="checkbox" checked={draft.allHosts} onChange={(e) => set({ allHosts: e.target.checked })} />
          {t('form.allHosts')}
        </label>
      ) : null}
      {draft.type === 'wait' ? field('seconds', t('form.seconds'), { inputMode: 'decimal', size: '5' }) : null}
      {error ? <p className="form-error" role="alert">{t(`form.errors.${error}`)}</p> : null}
      <div className="form-row">
        <button type="submit" className="primary">{editing !== null ? t('form.update') : t('form.addRun')}</button>
        {editing !== null ? (
          <button type="button" onClick={() => api.getState().setEditingAction(null)}>{t('form.cancel')}</button>
        ) : null}
      </div>
    </form>
  );
}
