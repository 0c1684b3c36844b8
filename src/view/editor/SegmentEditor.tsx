import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nameTaken } from '../../ops/names.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { requestDelete } from './commands.ts';
import { useEditorApi } from './EditorContext.tsx';
import { IssueList } from './IssueList.tsx';
import { useEdit } from './useEdit.ts';

function SegmentEditorBody({ segment }: { segment: string }) {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const ports = useApp((s) => s.scenario.segments?.[segment]);
  const [name, setName] = useState(segment);
  const { apply, issues, fail, clear } = useEdit();
  if (!ports) return null;
  const rename = (e: FormEvent) => {
    e.preventDefault();
    const to = name.trim();
    if (to === segment) return;
    if (nameTaken(app.getState().scenario, to)) {
      fail(t('editor.errors.nameTaken', { name: to }));
      return;
    }
    if (apply({ type: 'renameSegment', from: segment, to })) app.getState().select({ kind: 'segment', segment: to });
  };
  return (
    <section className="panel edit-panel" aria-labelledby="edit-seg-h" data-testid="segment-editor">
      <h3 id="edit-seg-h">{t('editor.segment.title')}</h3>
      <form className="edit-row" onSubmit={rename}>
        <label className="field">
          <span>{t('editor.segment.name')}</span>
          <input value={name} onChange={(e) => { setName(e.target.value); clear(); }} spellCheck={false} aria-invalid={issues.length > 0} data-testid="segment-name" />
        </label>
        <button type="submit" disabled={name.trim() === segment}>{t('editor.host.rename')}</button>
        <button type="button" className="danger" onClick={() => requestDelete(app, ed, { hosts: [], segments: [segment] })}>{t('editor.segment.delete')}</button>
      </form>
      <IssueList issues={issues} />
      {ports.length ? (
        <ul className="seg-ports">
          {ports.map((p) => (
            <li key={p}>
              <code>{p}</code>
              <button type="button" onClick={() => apply({ type: 'detachPort', segment, port: p })} aria-label={t('editor.segment.detachAria', { port: p, segment })}>{t('editor.segment.detach')}</button>
            </li>
          ))}
        </ul>
      ) : <p className="muted small">{t('editor.segment.empty')}</p>}
    </section>
  );
}

/** Rename a switch, detach its ports, delete it (its interfaces stay on their hosts). */
export function SegmentEditor({ segment }: { segment: string }) {
  return <SegmentEditorBody key={segment} segment={segment} />;
}
