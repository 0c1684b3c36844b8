import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Element to focus first (by default the first focusable element after the close button). */
  initialFocus?: React.RefObject<HTMLElement | null>;
  /** The role: 'alertdialog' for a question that needs an answer. */
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  testId?: string;
}

/**
 * A modal dialog on the native <dialog> element (the rest of the page is inert while it is
 * open): labelled by its heading, Escape closes it, Tab cycles inside it, and the focus goes
 * back to where it was when it closes. Keys typed inside do not reach the app's shortcuts.
 */
export function Dialog({ title, onClose, children, className, initialFocus, role = 'dialog', describedBy, testId }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dlg = ref.current;
    if (!dlg) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dlg.showModal === 'function') {
      if (!dlg.open) dlg.showModal();
    } else {
      dlg.setAttribute('open', '');
    }
    const first = initialFocus?.current ?? dlg.querySelector<HTMLElement>(`.dialog-body ${FOCUSABLE}`) ?? dlg.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    // Escape (the dialog's cancel) and any other close: tell the owner, which unmounts us.
    // A `close` event is queued as a task, so it can arrive after the dialog was opened again:
    // React's StrictMode (npm start) runs this effect, its cleanup (which closes the dialog)
    // and the effect again, and the first close's event then reaches this second listener.
    // Only a dialog that is still closed when the event arrives was closed by the user.
    const onNativeClose = () => {
      if (!dlg.open) onCloseRef.current();
    };
    dlg.addEventListener('close', onNativeClose);
    return () => {
      dlg.removeEventListener('close', onNativeClose);
      if (dlg.open && typeof dlg.close === 'function') dlg.close();
      if (opener?.isConnected) opener.focus();
    };
    // Opened once per mount: the owner mounts the dialog to open it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // The app's single-key shortcuts (space, ",", ".") must not act behind the dialog.
    e.stopPropagation();
    if (e.key === 'Escape' && typeof ref.current?.showModal !== 'function') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`share-dialog ${className ?? ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog-close" onClick={onClose} aria-label={t('share.dialog.close')} title={t('share.dialog.close')}>×</button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
