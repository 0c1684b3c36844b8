import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import twoNic from './examples/twoNic.json';
import { createI18n, detectLang, loadZh } from './i18n/index.ts';
import { loadZhFont } from './i18n/zhFont.ts';
import { loadGalleryTitles } from './view/share/galleryTitles.ts';
import type { ScenarioV1 } from './scenario/types.ts';
import { createAppStore } from './store/createAppStore.ts';
import { StoreProvider } from './store/StoreContext.tsx';
import type { Lang, Theme } from './store/types.ts';
import { App } from './view/App.tsx';
import { workerSimulator } from './view/sim/workerSimulator.ts';
import { startEditor } from './view/editor/startup.ts';
import { installBridge } from './view/bridge.ts';
import { enterLessons, lessonFromUrl } from './view/lessons/session.ts';
import { EmbedApp } from './view/share/EmbedApp.tsx';
import { ShareRoot } from './view/share/ShareRoot.tsx';
import { isEmbedUrl } from './view/share/shareLink.ts';
import { openLinkOffThread } from './view/share/openLink.ts';
import { readSharePayload } from './scenario/codec/fragment.ts';
import { loadModel } from './store/lazyModel.ts';
import './app.css';

// The scenario model (validation, checked edits, codecs: store/lazyModel.ts) is not part of the
// first load; it is fetched now, while the rest of this module runs, and awaited before the
// saved work is restored (restoring validates it) and anything is shown.
const modelLoading = loadModel();

// URL options (for tests and sharing a view): ?lang=zh&theme=dark&animate=0&speed=2
const params = new URLSearchParams(location.search);
const media = (q: string) => window.matchMedia?.(q).matches ?? false;
const lang: Lang = params.get('lang') === 'zh' || params.get('lang') === 'en' ? (params.get('lang') as Lang) : detectLang(navigator.languages);
const theme: Theme = params.get('theme') === 'dark' || params.get('theme') === 'light' ? (params.get('theme') as Theme) : media('(prefers-color-scheme: dark)') ? 'dark' : 'light';
const animate = params.get('animate') === '0' ? false : params.get('animate') === '1' ? true : !media('(prefers-reduced-motion: reduce)');
const speed = Number(params.get('speed') ?? 1) || 1;
// embed.html (or ?embed=1): diagram and playback only, for blog posts and slides (scenario in the #s= fragment).
const embed = isEmbedUrl(location.href);

// A Chinese first screen waits for its strings (loaded only for Chinese: i18n/zhStrings.ts),
// its font (see i18n/zhFont.ts) and the gallery's Chinese titles, fetched alongside the model;
// an English one loads the gallery in the background (view/share/galleryTitles.ts).
const zhLoading = lang === 'zh' ? Promise.all([loadZh(), loadZhFont(), loadGalleryTitles()]) : null;
if (!zhLoading) void loadGalleryTitles();
// A link in the address is decoded and validated in a worker meanwhile (openLink.ts), so that
// opening a heavy link is no long task here.
const openingLink = readSharePayload(location.hash) !== null ? openLinkOffThread(location.hash) : null;
await modelLoading;

// The topology editor: autosaved work (if any) is the starting scenario; a #s= link opened
// by ShareRoot replaces it on screen but not in storage until the user edits.
const editor = embed ? null : startEditor();
const store = createAppStore({ scenario: editor?.scenario ?? (twoNic as ScenarioV1), simulator: workerSimulator(), lang, theme, animate, speed });
editor?.attach(store);
installBridge(store);
// A lesson link (?lesson=ID&step=N): the lesson opens over the restored work, which it keeps.
const lessonLink = embed ? null : lessonFromUrl(location.href);
if (lessonLink) enterLessons(store, lessonLink);
await Promise.all([zhLoading, openingLink]);
const i18n = createI18n(lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <ShareRoot embed={embed}>{embed ? <EmbedApp /> : <App editor={editor?.store} />}</ShareRoot>
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);
// The app's scripts have run: what follows (opening a link, simulating) must never block the
// page for long; e2e/heavy.spec.ts measures main-thread tasks from this mark on.
performance.mark('arplab:started');
