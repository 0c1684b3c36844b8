import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.tsx';

/** "Replace the current scenario?": asked before a link, file or gallery entry replaces unsaved edits. */
export function ConfirmDialog({ title, what, onConfirm, onCancel }: { title: string; what: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const keep = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  return (
    <Dialog title={t('share.confirm.title')} onClose={onCancel} role="alertdialog" describedBy={bodyId} initialFocus={keep} className="confirm-dialog" testId="confirm-dialog">
      <div id={bodyId} className="confirm-text">
        <p>{t('share.confirm.body', { title, what })}</p>
        <p className="muted">{t('share.confirm.undoHint')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" ref={keep} onClick={onCancel}>{t('share.confirm.keep')}</button>
        <button type="button" className="primary" onClick={onConfirm}>{t('share.confirm.replace')}</button>
      </div>
    </Dialog>
  );
}
