import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { capturedFrames } from '../../export/index.ts';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import { copyText } from './copyText.ts';
import { Dialog } from './Dialog.tsx';
import { downloadBlob } from './download.ts';
import { diagramPngFile, diagramSvgFile, ExportError, PNG_SCALE, pcapBlob, scenarioBlob } from './exports.ts';
import { currentView } from './openScenario.ts';
import { scenarioTitle } from './scenarioTitle.ts';
import { clampEmbedSize, embedSnippet, embedUrl, LINK_WARN_CHARS, shareUrl } from './shareLink.ts';

type CopyState = 'idle' | 'copied' | 'failed';
type FileStatus = { kind: 'info' | 'error'; text: string } | null;

/**
 * Share and export. Opening it copies the link (one click on Share); the dialog shows the
 * link and its length, warns above ~8,000 characters and offers the file instead, gives
 * the embed code, and downloads the scenario, the diagram and the capture.
 */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const api = useAppStoreApi();
  // The state when Share was pressed: the link does not follow a playback running behind.
  const [snap] = useState(() => api.getState());
  const [position, setPosition] = useState(true);
  const [looks, setLooks] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [embedCopy, setEmbedCopy] = useState<CopyState>('idle');
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(500);
  const [arpOnly, setArpOnly] = useState(false);
  const [status, setStatus] = useState<FileStatus>(null);
  const [busy, setBusy] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);
  const embedRef = useRef<HTMLTextAreaElement>(null);
  const ids = { link: useId(), len: useId(), warn: useId(), embed: useId(), w: useId(), h: useId(), files: useId() };

  const view = useMemo(() => currentView(snap, { position, looks }), [snap, position, looks]);
  const link = useMemo(() => shareUrl(location.href, snap.scenario, view), [snap, view]);
  const tooLong = link.length > LINK_WARN_CHARS;
  const title = scenarioTitle(snap.scenario, snap.lang, t);
  const selectedHost = snap.selection && (snap.selection.kind === 'host' || snap.selection.kind === 'iface') ? snap.selection.host : null;
  const snippet = useMemo(
    () => embedSnippet(embedUrl(location.href, snap.scenario, view), width, height, t('share.shareDialog.embedTitle', { title })),
    [snap, view, width, height, t, title],
  );
  const frames = useMemo(() => (snap.sim ? capturedFrames(snap.sim, { only: arpOnly ? 'arp' : 'all' }).length : 0), [snap, arpOnly]);
  const fmt = (n: number) => n.toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en');

  const copyLink = async (text: string) => {
    setCopy((await copyText(text, linkRef.current)) ? 'copied' : 'failed');
  };
  // One click: the Share button opens this dialog, which copies the link at once.
  const initialLink = useRef(link);
  useEffect(() => {
    let live = true;
    void copyText(initialLink.current, linkRef.current).then((ok) => {
      if (live) setCopy(ok ? 'copied' : 'failed');
    });
    return () => {
      live = false;
    };
  }, []);

  const failed = (e: unknown) =>
    setStatus({ kind: 'error', text: t('share.shareDialog.exportFailed', { detail: e instanceof ExportError ? t(`share.shareDialog.${e.key}`) : e instanceof Error ? e.message : String(e) }) });
  const save = (make: () => { blob: Blob; name: string }) => {
    try {
      const f = make();
      downloadBlob(f.blob, f.name);
      setStatus({ kind: 'info', text: t('share.shareDialog.downloaded', { name: f.name }) });
    } catch (e) {
      failed(e);
    }
  };
  /** A diagram that takes a while (a large topology): the status says so first, and the page paints it before the work starts. */
  const saveDiagram = async (working: string, make: () => Promise<{ blob: Blob; name: string; width?: number; height?: number; scale?: number }>) => {
    setBusy(true);
    setStatus({ kind: 'info', text: working });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    try {
      const f = await make();
      downloadBlob(f.blob, f.name);
      // A bitmap too large for the browser was drawn at a lower scale: say so, with its size.
      setStatus({
        kind: 'info',
        text: f.scale !== undefined && f.scale < PNG_SCALE
          ? t('share.shareDialog.downloadedSmaller', { name: f.name, width: fmt(f.width ?? 0), height: fmt(f.height ?? 0), scale: f.scale.toFixed(2), full: PNG_SCALE })
          : t('share.shareDialog.downloaded', { name: f.name }),
      });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('share.shareDialog.title')} onClose={onClose} className="share-main" initialFocus={linkRef} testId="share-dialog">
      <section className="share-section" aria-labelledby={`${ids.link}-h`}>
        <h3 id={`${ids.link}-h`}>{t('share.shareDialog.linkHeading')}</h3>
        <div className="share-row">
          <label className="sr-only" htmlFor={ids.link}>{t('share.shareDialog.linkLabel')}</label>
          <input
            id={ids.link}
            ref={linkRef}
            className="share-link"
            type="text"
            readOnly
            value={link}
            aria-describedby={`${ids.len}${tooLong ? ` ${ids.warn}` : ''}`}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="share-link"
          />
          <button type="button" className="primary" onClick={() => void copyLink(link)}>{t('share.shareDialog.copy')}</button>
        </div>
        <p className="share-status" role="status">
          <span id={ids.len} data-testid="share-length">{t('share.shareDialog.length', { n: fmt(link.length) })}</span>
          {copy === 'copied' ? <span className="share-ok"> · {t('share.shareDialog.copied')}</span> : null}
          {copy === 'failed' ? <span className="share-bad"> · {t('share.shareDialog.copyFailed')}</span> : null}
        </p>
        {tooLong ? (
          <div className="share-warn" id={ids.warn} data-testid="share-too-long">
            <p>{t('share.shareDialog.tooLong', { n: fmt(link.length), max: fmt(LINK_WARN_CHARS) })}</p>
            <button type="button" onClick={() => save(() => scenarioBlob(snap.scenario))}>{t('share.shareDialog.downloadInstead')}</button>
          </div>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={position} onChange={(e) => { setPosition(e.target.checked); setCopy('idle'); }} />
          {selectedHost === null
            ? t('share.shareDialog.includePosition', { at: snap.cursor })
            : t('share.shareDialog.includePositionHost', { at: snap.cursor, host: selectedHost })}
        </label>
        <label className="check">
          <input type="checkbox" checked={looks} onChange={(e) => { setLooks(e.target.checked); setCopy('idle'); }} />
          {t('share.shareDialog.includeLooks', { lang: snap.lang === 'zh' ? '简体中文' : 'English', theme: t(`share.shareDialog.${snap.theme}`) })}
        </label>
        <p className="muted small">{t('share.shareDialog.privacy')}</p>
      </section>

      <section className="share-section" aria-labelledby={`${ids.embed}-h`}>
        <h3 id={`${ids.embed}-h`}>{t('share.shareDialog.embedHeading')}</h3>
        <p className="muted small">{t('share.shareDialog.embedHint')}</p>
        <div className="share-row">
          <label className="field" htmlFor={ids.w}>
            {t('share.shareDialog.width')}
            <input id={ids.w} type="number" min={200} max={4000} step={10} value={width} onChange={(e) => setWidth(clampEmbedSize(Number(e.target.value), 800))} />
          </label>
          <label className="field" htmlFor={ids.h}>
            {t('share.shareDialog.height')}
            <input id={ids.h} type="number" min={200} max={4000} step={10} value={height} onChange={(e) => setHeight(clampEmbedSize(Number(e.target.value), 500))} />
          </label>
        </div>
        <label className="sr-only" htmlFor={ids.embed}>{t('share.shareDialog.embedCode')}</label>
        <textarea id={ids.embed} ref={embedRef} className="share-embed" readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} data-testid="embed-code" />
        <div className="share-row">
          <button type="button" onClick={async () => setEmbedCopy((await copyText(snippet, embedRef.current)) ? 'copied' : 'failed')}>{t('share.shareDialog.copyEmbed')}</button>
          <span role="status" className="small">
            {embedCopy === 'copied' ? <span className="share-ok">{t('share.shareDialog.embedCopied')}</span> : null}
            {embedCopy === 'failed' ? <span className="share-bad">{t('share.shareDialog.copyFailed')}</span> : null}
          </span>
        </div>
      </section>

      <section className="share-section" aria-labelledby={`${ids.files}-h`}>
        <h3 id={`${ids.files}-h`}>{t('share.shareDialog.filesHeading')}</h3>
        <div className="share-row share-files">
          <button type="button" onClick={() => save(() => scenarioBlob(snap.scenario))} data-testid="export-json">{t('share.shareDialog.exportJson')}</button>
          <button type="button" onClick={() => void saveDiagram(t('share.shareDialog.workingSvg'), async () => diagramSvgFile(snap.scenario))} disabled={busy} data-testid="export-svg">{t('share.shareDialog.exportSvg')}</button>
          <button type="button" onClick={() => void saveDiagram(t('share.shareDialog.working'), () => diagramPngFile(snap.scenario))} disabled={busy} data-testid="export-png">{t('share.shareDialog.exportPng')}</button>
          <button type="button" onClick={() => snap.sim && save(() => pcapBlob(snap.scenario, snap.sim!, arpOnly ? 'arp' : 'all'))} disabled={!snap.sim || frames === 0} data-testid="export-pcap">
            {t('share.shareDialog.exportPcap')}
          </button>
          <label className="check">
            <input type="checkbox" checked={arpOnly} onChange={(e) => setArpOnly(e.target.checked)} />
            {t('share.shareDialog.arpOnly')}
          </label>
        </div>
        {snap.sim && frames === 0 ? <p className="muted small">{t('share.shareDialog.noFrames')}</p> : null}
        <p className="muted small">{t('share.shareDialog.filesHint')}</p>
        <p className={`share-file-status${status?.kind === 'error' ? ' share-bad' : ''}`} role="status" data-testid="export-status">{status?.text ?? ''}</p>
      </section>
    </Dialog>
  );
}
