import { lazy, startTransition, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryEntry } from '../../examples/gallery/index.ts';
import type { ShareLinkResult } from '../../scenario/codec/url.ts';
import { readSharePayload } from '../../scenario/codec/fragment.ts';
import type { LeftOut } from '../../scenario/salvage.ts';
import type { ScenarioIssue } from '../../scenario/issues.ts';
import { MAX_TEXT_CHARS } from '../../scenario/limits.ts';
import { model } from '../../store/lazyModel.ts';
import { browserStorage, copyAside } from '../editor/autosave.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { heldView } from '../../store/heldView.ts';
import { StoreProvider, useAppStoreApi } from '../../store/StoreContext.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DropZone } from './DropZone.tsx';
import { LoadGenerationContext } from './loadGeneration.ts';
import { Notice, type NoticeData } from './Notice.tsx';
import { hasUnsavedEdits, openScenario, type ApplyWarning } from './openScenario.ts';
import { ShareContext, type ShareActions } from './shareContext.ts';
import { isStartingExample, scenarioTitle } from './scenarioTitle.ts';
import { readLocationLink } from './shareLink.ts';
import { openLinkOffThread, takeOpenedLink } from './openLink.ts';
import { openOffThread } from './openOffThread.ts';
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
    return model().sameScenario(a, b);
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
  /** Parts of the link or file that did not validate and were left out, and the text as it was. */
  partial?: { leftOut: LeftOut[]; original: string };
}

/** The file name for the original of `source` when parts of it were left out. */
const originalName = (source: Source) =>
  source.kind === 'file' ? source.name.replace(/(\.json)?$/i, '.original.json') : 'arplab-link.original.json';

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
  /** The view of the store the app is drawn from: held while an opened scenario is drawn (heldView.ts). */
  const [view, setView] = useState(() => heldView(api));
  // A view handed to a transition is held until React has committed it: then it passes on
  // what changed meanwhile (the simulation's progress), as small updates — in a task of its
  // own, not in the commit's (whose effects, for 1,001 hosts, are tens of milliseconds already).
  useEffect(() => {
    const id = window.setTimeout(() => view.release(), 0);
    return () => window.clearTimeout(id);
  }, [view]);
  /** Opens asked for (a file, a Gallery entry): only the last one's answer from the worker is used. */
  const asked = useRef(0);
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
    // The app keeps drawing what it had while the new scenario goes into the store, and is
    // then redrawn around it as a transition, in slices (as the page's own link is drawn):
    // for the 1,001-host data centre that redrawing was one task of 150–250 ms.
    view.hold();
    const warnings = [...p.warnings, ...openScenario(api, p.scenario, p.view)];
    baseline.current = api.getState().scenario;
    linked.current = p.source.kind === 'link' ? baseline.current : null;
    startTransition(() => {
      setView(heldView(api, true));
      setLoads((n) => n + 1);
    });
    const lines: string[] = [];
    if (!p.quiet) lines.push(tr('share.notice.undoHint'));
    if (warnings.length) lines.push(`${tr('share.notice.viewIgnored')} ${warnings.map(viewWarningText).join('; ')}.`);
    const lang = api.getState().lang;
    const title = scenarioTitle(p.scenario, lang, i18n.getFixedT(lang));
    if (p.partial?.leftOut.length) {
      // Never silently: what was left out is listed, and the original is kept (in this
      // browser's storage when it has room, always in memory for the Download button).
      const { leftOut, original } = p.partial;
      const storage = browserStorage();
      const key = storage ? copyAside(storage, original, Date.now()) : null;
      setNotice({
        kind: 'warning',
        title: tr('share.notice.partial', { title, count: leftOut.length }),
        lines: [tr('share.notice.partialBody')],
        items: leftOut.map((l) => model().leftOutText(lang, l)),
        footer: [key ? tr('share.notice.partialKept', { key }) : tr('share.notice.partialKeptHere'), ...lines],
        download: { name: originalName(p.source), text: original, label: tr('share.notice.download') },
      });
    } else if (!p.quiet || warnings.length) {
      setNotice({ kind: 'info', title: tr('share.notice.opened', { title }), lines });
    } else {
      setNotice(null);
    }
  }, [api, view, i18n, tr, viewWarningText]);

  /** Opens now, or asks first when that would replace unsaved edits. */
  const request = useCallback((p: PendingLoad) => {
    if (!embed && hasUnsavedEdits(api.getState(), baseline.current)) setPending(p);
    else load(p);
  }, [api, embed, load]);

  const details = (issues: ScenarioIssue[]): string[] => {
    const lang = api.getState().lang;
    const list = issues.slice(0, MAX_DETAILS).map((i) => model().formatIssueIn(lang, i));
    if (issues.length > MAX_DETAILS) list.push(tr('share.notice.more', { count: issues.length - MAX_DETAILS }));
    return list;
  };

  const linkError = (r: Extract<ShareLinkResult, { ok: false }>): NoticeData => {
    const lang = api.getState().lang;
    // The codec's own sentence (it names the exact problem), in the UI's language; a
    // scenario that does not validate at all lists its problems under Details.
    const invalid = r.code === 'linkInvalid';
    const sentence = lang === 'en' || !invalid ? model().issueMessage(lang, r).text : tr('share.linkErrors.linkInvalid');
    const headline = lang === 'en' ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` : sentence.replace(/[。.]?$/, '。');
    return {
      kind: 'error',
      title: tr('share.notice.linkError'),
      lines: [headline, tr('share.notice.keptWork')],
      details: invalid ? details(r.issues) : [],
    };
  };

  /**
   * Reads the address's fragment; does nothing if it holds no scenario or was handled already.
   * The link is decoded and validated off the page's thread (openLink.ts): main.tsx has done
   * so for the page's own link before the first render; a link pasted later opens when the
   * worker answers.
   */
  const handleLocation = useCallback((initial: boolean) => {
    const hash = window.location.hash;
    if (hash === handledHash.current) return;
    handledHash.current = hash;
    if (readSharePayload(hash) === null) return;
    const opened = takeOpenedLink(hash);
    if (opened) openFound(readLocationLink(hash, opened), initial);
    else void openLinkOffThread(hash).then(() => {
      if (handledHash.current === hash) openFound(readLocationLink(hash, takeOpenedLink(hash)), initial);
    });
    // openFound changes with the language only; it reads the store fresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const openFound = (found: ReturnType<typeof readLocationLink>, initial: boolean) => {
    if (found.kind === 'none') return;
    if (!found.result.ok) {
      setNotice(linkError(found.result));
      return;
    }
    // On start, a link that replaces restored work says so (Undo brings the work back); one
    // that replaces the starting example, or the same scenario, needs no word.
    const current = api.getState().scenario;
    const quiet = initial && (isStartingExample(current) || sameMeaning(current, found.result.scenario));
    const { scenario, leftOut, original } = found.result;
    request({ scenario, view: found.view.view, warnings: found.view.warnings, source: { kind: 'link' }, quiet, partial: { leftOut, original } });
  };

  // Before the first paint: a link opens without showing the default scenario first.
  useLayoutEffect(() => {
    handleLocation(true);
  }, [handleLocation]);
  // The page's own link is opened before the app is drawn: the scenario the app started with
  // is never drawn only to be replaced (for a heavy link that was half a second of wasted
  // work), and the linked one is drawn as a transition, which React renders in slices that
  // leave the page free between them (128 hosts at once were one task of a second).
  const [drawApp, setDrawApp] = useState(() => readSharePayload(window.location.hash) === null);
  useEffect(() => {
    if (!drawApp) startTransition(() => setDrawApp(true));
  }, [drawApp]);
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
    const n = ++asked.current;
    const r = await openOffThread({ kind: 'file', text }, async () => model().openScenarioFile(text));
    if (n !== asked.current) return;
    if (!r.ok) {
      const [first, ...rest] = r.issues;
      fail([first ? model().formatIssueIn(api.getState().lang, first) : ''], details(rest));
      return;
    }
    const extra = files.length > 1 ? [tr('share.drop.onlyOne', { name })] : [];
    request({ scenario: r.scenario, view: null, warnings: [], source: { kind: 'file', name }, quiet: false, partial: { leftOut: r.leftOut, original: text } });
    if (extra.length) setNotice((n) => (n ? { ...n, lines: [...(n.lines ?? []), ...extra] } : n));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, tr]);

  // Generated (the data centre) and validated in a worker: 1,001 hosts were ~40 ms of the click's task.
  const openGalleryEntry = async (entry: GalleryEntry) => {
    setDialog(null);
    const n = ++asked.current;
    const r = await openOffThread({ kind: 'gallery', id: entry.id }, async () => model().loadScenario(entry.scenario));
    if (n !== asked.current) return;
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
      <StoreProvider store={api} view={view.store}>
        <LoadGenerationContext.Provider value={loads}>{drawApp ? children : null}</LoadGenerationContext.Provider>
      </StoreProvider>
      {notice ? <Notice notice={notice} onDismiss={dismiss} /> : null}
      {embed ? null : <DropZone onFiles={actions.openFiles} />}
      <Suspense fallback={null}>
        {dialog === 'share' ? <ShareDialog onClose={() => setDialog(null)} /> : null}
        {dialog === 'gallery' ? <GalleryDialog onClose={() => setDialog(null)} onOpen={(e) => void openGalleryEntry(e)} /> : null}
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
