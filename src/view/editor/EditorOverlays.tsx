import { useEffect, useRef } from 'react';
import './editor.css';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { model } from '../../store/lazyModel.ts';
import { Dialog } from '../share/Dialog.tsx';
import { deleteTargetOf, performDelete, performReplace, requestDelete } from './commands.ts';
import { useEditor, useEditorApi } from './EditorContext.tsx';
import { dismissNotice, type Notice } from './editorStore.ts';
import { IssueList } from './IssueList.tsx';
import { PaletteGhost } from './Palette.tsx';
import { removedText } from './removedText.ts';
import { useClearOfNodes } from '../hooks/clearOfNodes.ts';

const editable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName));

/** Delete (and Backspace) deletes the selection; Shift+W toggles the list view. */
function useEditorKeys() {
  const app = useAppStoreApi();
  const ed = useEditorApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || editable(e.target)) return;
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        const target = deleteTargetOf(app, ed);
        if (!target) return;
        e.preventDefault();
        requestDelete(app, ed, target);
      } else if ((e.key === 'W' || e.key === 'w') && e.shiftKey) {
        e.preventDefault();
        ed.setState((s) => ({ listOpen: !s.listOpen }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app, ed]);
}

/** Info notices go away by themselves after this long; errors stay until dismissed or replaced. */
const INFO_MS = 6000;

function NoticeItem({ n }: { n: Notice }) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.lang);
  const ed = useEditorApi();
  useEffect(() => {
    if (n.tone !== 'info' || n.sticky) return;
    const id = setTimeout(() => dismissNotice(ed, n.id), INFO_MS);
    return () => clearTimeout(id);
  }, [ed, n]);
  const download = () => {
    const raw = n.setAside ? window.localStorage.getItem(n.setAside) : null;
    if (raw === null) return;
    const url = URL.createObjectURL(new Blob([raw], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${n.setAside}.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className={`edit-notice edit-notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="edit-notice" data-key={n.key}>
      <div className="edit-notice-text">
        <p>{t(`editor.${n.key}`, n.params)}</p>
        {n.issues ? <IssueList issues={n.issues} /> : null}
        {n.leftOut ? <IssueList issues={n.leftOut.map((l) => model().leftOutText(lang, l))} /> : null}
      </div>
      {n.choices?.map((c) => (
        <button type="button" key={c.label} onClick={() => { dismissNotice(ed, n.id); c.run(); }}>{t(`editor.${c.label}`)}</button>
      ))}
      {n.setAside ? <button type="button" onClick={download}>{t('editor.storage.download')}</button> : null}
      <button type="button" onClick={() => dismissNotice(ed, n.id)} aria-label={t('editor.dismissAria')}>{t('editor.dismiss')}</button>
    </div>
  );
}

/** Editor messages, at the top of the canvas between the palette and the zoom buttons. */
export function EditorNotices() {
  const notices = useEditor((s) => s.notices);
  const ref = useRef<HTMLDivElement>(null);
  const place = useClearOfNodes(ref, notices);
  if (!notices.length) return null;
  return (
    <div ref={ref} style={place} className="edit-notices">
      {notices.map((n) => <NoticeItem key={n.id} n={n} />)}
    </div>
  );
}

function ConfirmEdit() {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const c = useEditor((s) => s.confirm);
  const keep = useRef<HTMLButtonElement>(null);
  if (!c) return null;
  const close = () => ed.setState({ confirm: null });
  const isDelete = c.kind === 'delete';
  const ok = () => {
    if (c.kind === 'delete') {
      ed.setState({ confirm: null });
      if (c.op) performDelete(app, ed, c.op, c.names);
    } else {
      performReplace(app, ed, c.kind, c.op, c.open);
    }
  };
  return (
    <Dialog
      title={isDelete ? t('editor.confirm.deleteTitle', { names: c.names.join(', ') }) : t(`editor.confirm.${c.kind}Title`)}
      onClose={close}
      role="alertdialog"
      initialFocus={keep}
      className="edit-confirm-dialog"
      testId="edit-confirm"
    >
      <div className="confirm-body">
        {isDelete ? (
          <>
            <p>{t('editor.confirm.deleteAlso')}</p>
            <ul className="removed-list">
              {c.removed.map((r, i) => <li key={i}>{removedText(t, r)}</li>)}
            </ul>
          </>
        ) : (
          <p>{t(`editor.confirm.${c.kind}Body`)}</p>
        )}
        <p className="muted">{t('editor.confirm.undoHint')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" ref={keep} onClick={close}>{t('editor.confirm.cancel')}</button>
        <button type="button" className="primary" onClick={ok}>{isDelete ? t('editor.confirm.delete') : t(`editor.confirm.${c.kind}`)}</button>
      </div>
    </Dialog>
  );
}

/** What the editor draws above the app: the dragged palette item, confirmations; and its keys. */
export function EditorOverlays() {
  useEditorKeys();
  return (
    <>
      <PaletteGhost />
      <ConfirmEdit />
    </>
  );
}

