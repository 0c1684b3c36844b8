import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryEntry } from '../../examples/gallery/index.ts';
import { readSharePayload, type ShareLinkResult } from '../../scenario/codec/url.ts';
import { sameScenario } from '../../scenario/compare.ts';
import { importScenarioFile } from '../../scenario/codec/file.ts';
import { formatIssue, loadScenario, MAX_TEXT_CHARS, type ScenarioIssue } from '../../scenario/load.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DropZone } from './DropZone.tsx';
import { LoadGenerationContext } from './loadGeneration.ts';
import { Notice, type NoticeData } from './Notice.tsx';
import { hasUnsavedEdits, openScenario, type ApplyWarning } from './openScenario.ts';
import { ShareContext, type ShareActions } from './shareContext.ts';
import { isStartingExample, scenarioTitle } from './scenarioTitle.ts';
import { readLocationLink } from './shareLink.ts';
import type { LinkView } from './viewParams.ts';
import './share.css';

// Loaded when first opened (not part of the first load: see README, "First load"): the share
// dialog brings the exports (SVG, PNG, pcap), the gallery dialog its previews.
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
const GalleryDialog = lazy(() => import('./GalleryDialog.tsx').then((m) => ({ default: m.GalleryDialog })));

/** Largest scenario file read (bytes); loadScenarioText then checks characters. */
export const MAX_FILE_BYTES = MAX_TEXT_CHARS;
const sameMeaning = (a: ScenarioV1, b: ScenarioV1) => {
  try {
    return sameScenario(a, b);
  } catch {
    return false;
  }
};

/** Problems listed in a notice; the rest are counted. */
const MAX_DETAILS = 8;

type Source = { kind: 'link' } | { kind: 'file'; name: string } | { kind: 'gallery'; name: string };
interface PendingLoad {
  scenario: ScenarioV1;
  view: LinkView | null;
  /** Warnings about the view found while reading the link. */
  warnings: ApplyWarning[];
  source: Source;
  /** No "Opened …" notice, only warnings (a link opened with the page, over the starting example). */
  quiet: boolean;
}

/**
 * The share layer around the app: opens `#s=` links (on start and on `hashchange`), files
 * (file input, drag and drop) and gallery entries; asks before replacing unsaved edits;
 * shows what went wrong when a link or file cannot be opened, leaving the current work as
 * it was; hosts the share and gallery dialogs.
 */
export function ShareRoot({ embed = false, children }: { embed?: boolean; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const api = useAppStoreApi();
  const [dialog, setDialog] = useState<'share' | 'gallery' | null>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [pending, setPending] = useState<PendingLoad | null>(null);
  const [loads, setLoads] = useState(0);
  /** The scenario last opened (or the one the app started with): edits are changes from it. */
  const baseline = useRef<ScenarioV1>(api.getState().scenario);
  /** The address fragment last handled, and the scenario it opened. */
  const handledHash = useRef<string | null>(null);
  const linked = useRef<ScenarioV1 | null>(null);

  /** Text in the language the store says (it may just have been changed by a link). */
  const tr = useCallback((key: string, opts?: Record<string, unknown>) => i18n.getFixedT(api.getState().lang)(key, opts), [i18n, api]);

  const viewWarningText = useCallback((w: ApplyWarning): string => {
    switch (w.code) {
      case 'viewTooNew': return tr('share.notice.viewTooNew', { version: w.version });
      case 'viewBadVersion': return tr('share.notice.viewBadVersion', { value: w.value });
      case 'viewBadValue': return tr('share.notice.viewBadValue', { key: w.key, value: w.value });
      case 'viewNoHost': return tr('share.notice.viewNoHost', { host: w.host });
    }
  }, [tr]);

  const load = useCallback((p: PendingLoad) => {
    const warnings = [...p.warnings, ...openScenario(api, p.scenario, p.view)];
    baseline.current = api.getState().scenario;
    linked.current = p.source.kind === 'link' ? baseline.current : null;
    setLoads((n) => n + 1);
    const lines: string[] = [];
    if (!p.quiet) lines.push(tr('share.notice.undoHint'));
    if (warnings.length) lines.push(`${tr('share.notice.viewIgnored')} ${warnings.map(viewWarningText).join('; ')}.`);
    if (!p.quiet || warnings.length) {
      const lang = api.getState().lang;
      const title = scenarioTitle(p.scenario, lang, i18n.getFixedT(lang));
      setNotice({ kind: 'info', title: tr('share.notice.opened', { title }), lines });
    } else {
      setNotice(null);
    }
  }, [api, i18n, tr, viewWarningText]);

  /** Opens now, or asks first when that would replace unsaved edits. */
  const request = useCallback((p: PendingLoad) => {
    if (!embed && hasUnsavedEdits(api.getState(), baseline.current)) setPending(p);
    else load(p);
  }, [api, embed, load]);

  const details = (issues: ScenarioIssue[]): string[] => {
    const list = issues.slice(0, MAX_DETAILS).map(formatIssue);
    if (issues.length > MAX_DETAILS) list.push(tr('share.notice.more', { count: issues.length - MAX_DETAILS }));
    return list;
  };

  const linkError = (r: Extract<ShareLinkResult, { ok: false }>): NoticeData => {
    const lang = api.getState().lang;
    const known = i18n.exists(`share.linkErrors.${r.code}`);
    // English: the codec's own sentence (it names the exact problem). Other languages: a
    // translated sentence for the code, with the English one among the details.
    const headline = lang === 'en' ? `${r.message.charAt(0).toUpperCase()}${r.message.slice(1)}.` : tr(known ? `share.linkErrors.${r.code}` : 'share.linkErrors.other');
    const more = r.code === 'linkInvalid' ? details(r.issues) : [];
    return {
      kind: 'error',
      title: tr('share.notice.linkError'),
      lines: [headline, tr('share.notice.keptWork')],
      details: lang === 'en' ? more : [r.message, ...more],
    };
  };

  /** Reads the address's fragment; does nothing if it holds no scenario or was handled already. */
  const handleLocation = useCallback((initial: boolean) => {
    const hash = window.location.hash;
    if (hash === handledHash.current) return;
    handledHash.current = hash;
    const found = readLocationLink(hash);
    if (found.kind === 'none') return;
    if (!found.result.ok) {
      setNotice(linkError(found.result));
      return;
    }
    // On start, a link that replaces restored work says so (Undo brings the work back); one
    // that replaces the starting example, or the same scenario, needs no word.
    const current = api.getState().scenario;
    const quiet = initial && (isStartingExample(current) || sameMeaning(current, found.result.scenario));
    request({ scenario: found.result.scenario, view: found.view.view, warnings: found.view.warnings, source: { kind: 'link' }, quiet });
    // linkError and request change with the language only; the listener reads them fresh below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  // Before the first paint: a link opens without showing the default scenario first.
  useLayoutEffect(() => {
    handleLocation(true);
  }, [handleLocation]);
  useEffect(() => {
    const onHash = () => handleLocation(false);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [handleLocation]);

  // Once the linked scenario is edited, the address no longer describes what is on screen:
  // drop the scenario from it, so that a reload does not replace the edits with the link.
  useEffect(() => {
    if (embed) return;
    return api.subscribe((s, prev) => {
      if (s.scenario === prev.scenario || !linked.current || s.scenario === linked.current) return;
      linked.current = null;
      if (readSharePayload(window.location.hash) === null) return;
      history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}`);
      handledHash.current = '';
    });
  }, [api, embed]);

  const openFiles = useCallback(async (files: File[]) => {
    const file = files[0];
    const name = file.name;
    const fail = (lines: string[], more: string[] = []) => setNotice({ kind: 'error', title: tr('share.notice.fileError', { name }), lines: [...lines, tr('share.notice.keptWork')], details: more });
    if (file.size > MAX_FILE_BYTES) {
      fail([tr('share.notice.fileTooLarge', { size: file.size.toLocaleString(), max: MAX_FILE_BYTES.toLocaleString() })]);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      fail([tr('share.notice.fileRead', { detail: e instanceof Error ? e.message : String(e) })]);
      return;
    }
    const r = importScenarioFile(text);
    if (!r.ok) {
      const [first, ...rest] = r.issues;
      fail([first ? formatIssue(first) : ''], details(rest));
      return;
    }
    const extra = files.length > 1 ? [tr('share.drop.onlyOne', { name })] : [];
    request({ scenario: r.scenario, view: null, warnings: [], source: { kind: 'file', name }, quiet: false });
    if (extra.length) setNotice((n) => (n ? { ...n, lines: [...(n.lines ?? []), ...extra] } : n));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, tr]);

  const openGalleryEntry = (entry: GalleryEntry) => {
    setDialog(null);
    const r = loadScenario(entry.scenario);
    const name = entry.title[api.getState().lang];
    if (!r.ok) {
      setNotice({ kind: 'error', title: tr('share.notice.fileError', { name }), lines: [tr('share.notice.keptWork')], details: details(r.issues) });
      return;
    }
    request({ scenario: r.scenario, view: null, warnings: [], source: { kind: 'gallery', name }, quiet: false });
  };

  const actions = useMemo<ShareActions>(() => ({
    embed,
    openShare: () => setDialog('share'),
    openGallery: () => setDialog('gallery'),
    openFiles: (files) => void openFiles(files),
  }), [embed, openFiles]);

  const dismiss = useCallback(() => setNotice(null), []);
  const confirmWhat = (p: PendingLoad) =>
    p.source.kind === 'link' ? t('share.confirm.link') : t(`share.confirm.${p.source.kind}`, { name: p.source.name });

  return (
    <ShareContext.Provider value={actions}>
      <LoadGenerationContext.Provider value={loads}>{children}</LoadGenerationContext.Provider>
      {notice ? <Notice notice={notice} onDismiss={dismiss} /> : null}
      {embed ? null : <DropZone onFiles={actions.openFiles} />}
      <Suspense fallback={null}>
        {dialog === 'share' ? <ShareDialog onClose={() => setDialog(null)} /> : null}
        {dialog === 'gallery' ? <GalleryDialog onClose={() => setDialog(null)} onOpen={openGalleryEntry} /> : null}
      </Suspense>
      {pending ? (
        <ConfirmDialog
          title={scenarioTitle(api.getState().scenario, api.getState().lang, t)}
          what={confirmWhat(pending)}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const p = pending;
            setPending(null);
            load(p);
          }}
        />
      ) : null}
    </ShareContext.Provider>
  );
}
