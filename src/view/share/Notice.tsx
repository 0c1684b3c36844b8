import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ShownText } from '../ShownText.tsx';
import { useClearOfNodes } from '../hooks/clearOfNodes.ts';
import { downloadBlob } from './download.ts';

/** A message about opening a link or a file: what went wrong (kept until dismissed) or what was opened. */
export interface NoticeData {
  /** warning: something was opened, but not all of it (kept until dismissed). */
  kind: 'error' | 'info' | 'warning';
  title: string;
  lines?: string[];
  /** A list shown in full (the parts left out of a scenario, each with its reason). */
  items?: string[];
  /** Lines after the list. */
  footer?: string[];
  /** A file to offer (the original of a link or file that was opened in part). */
  download?: { name: string; text: string; label: string };
  /** Longer technical details (each problem of an invalid scenario), folded. */
  details?: string[];
}

/** Info notices disappear by themselves after this long; errors stay until dismissed. */
const INFO_MS = 9000;

export function Notice({ notice, onDismiss }: { notice: NoticeData; onDismiss(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const place = useClearOfNodes(ref, notice);
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const id = setTimeout(onDismiss, INFO_MS);
    return () => clearTimeout(id);
  }, [notice, onDismiss]);
  return (
    <div ref={ref} style={place} className={`share-notice share-notice-${notice.kind}`} role={notice.kind === 'info' ? 'status' : 'alert'} data-testid="share-notice" data-kind={notice.kind}>
      <div className="share-notice-text">
        <p className="share-notice-title"><ShownText text={notice.title} /></p>
        {notice.lines?.map((l, i) => <p key={i}><ShownText text={l} /></p>)}
        {notice.items?.length ? (
          <ul className="share-notice-items" data-testid="share-notice-items">
            {notice.items.map((d, i) => <li key={i}><ShownText text={d} /></li>)}
          </ul>
        ) : null}
        {notice.footer?.map((l, i) => <p key={`f${i}`}><ShownText text={l} /></p>)}
        {notice.details?.length ? (
          <details>
            <summary>{t('share.notice.details')}</summary>
            <ul>
              {notice.details.map((d, i) => <li key={i}><ShownText text={d} /></li>)}
            </ul>
          </details>
        ) : null}
      </div>
      {notice.download ? <button type="button" onClick={() => downloadBlob(new Blob([notice.download!.text], { type: 'application/json' }), notice.download!.name)}>{notice.download.label}</button> : null}
      <button type="button" onClick={onDismiss}>{t('share.notice.dismiss')}</button>
    </div>
  );
}
