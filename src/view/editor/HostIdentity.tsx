import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostKind } from '../../engine/index.ts';
import { nameTaken } from '../../ops/names.ts';
import { HOST_KIND_OPTIONS } from '../../ops/templates.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { duplicate, requestDelete } from './commands.ts';
import { useEditorApi } from './EditorContext.tsx';
import { IssueList } from './IssueList.tsx';
import { useEdit } from './useEdit.ts';

/** Name (renaming updates segments, actions and layout), kind, duplicate, delete. */
export function HostIdentity({ host }: { host: string }) {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const kind = useApp((s) => s.scenario.hosts[host]?.kind ?? 'host');
  const [name, setName] = useState(host);
  const { apply, issues, fail, clear } = useEdit();
  const rename = (e: FormEvent) => {
    e.preventDefault();
    const to = name.trim();
    if (to === host) return;
    if (nameTaken(app.getState().scenario, to)) {
      fail(t('editor.errors.nameTaken', { name: to }));
      return;
    }
    if (apply({ type: 'renameHost', from: host, to })) app.getState().select({ kind: 'host', host: to });
  };
  return (
    <section className="panel edit-panel" aria-labelledby="edit-host-h">
      <h3 id="edit-host-h">{t('editor.host.title')}</h3>
      <form className="edit-row" onSubmit={rename}>
        <label className="field">
          <span>{t('editor.host.name')}</span>
          <input value={name} onChange={(e) => { setName(e.target.value); clear(); }} spellCheck={false} aria-invalid={issues.length > 0} data-testid="host-name" />
        </label>
        <button type="submit" disabled={name.trim() === host}>{t('editor.host.rename')}</button>
        <label className="field">
          <span>{t('editor.host.kind')}</span>
          <select value={kind} onChange={(e) => apply({ type: 'setHostKind', host, kind: e.target.value === 'host' ? null : (e.target.value as HostKind) })}>
            {HOST_KIND_OPTIONS.map((k) => <option key={k} value={k}>{t(`hostKind.${k}`)}</option>)}
          </select>
        </label>
      </form>
      <IssueList issues={issues} />
      <div className="edit-row">
        <button type="button" onClick={() => duplicate(app, ed, host)}>{t('editor.host.duplicate')}</button>
        <button type="button" className="danger" onClick={() => requestDelete(app, ed, { hosts: [host], segments: [] })}>{t('editor.host.delete')}</button>
      </div>
    </section>
  );
}
