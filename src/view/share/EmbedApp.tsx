import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';
import { Canvas } from '../canvas/Canvas.tsx';
import { usePlayback } from '../playback/usePlayback.ts';
import { SimStatus } from '../sim/SimStatus.tsx';
import { TimelineBar } from '../timeline/TimelineBar.tsx';
import { useDocumentSync } from '../useDocumentSync.ts';
import { useShortcuts } from '../useShortcuts.ts';
import { scenarioTitle } from './scenarioTitle.ts';
import { fullAppUrl } from './shareLink.ts';

/**
 * Embed mode (embed.html), for blog posts and slides: the diagram and the playback controls
 * only, with the scenario's title and a link that opens it in the full app.
 */
export function EmbedApp() {
  const { t } = useTranslation();
  useDocumentSync();
  useShortcuts();
  usePlayback();
  const scenario = useApp((s) => s.scenario);
  const lang = useApp((s) => s.lang);
  return (
    <div className="embed" data-testid="embed">
      <header className="embed-head">
        <span className="embed-title">{scenarioTitle(scenario, lang, t)}</span>
        <a className="embed-open" href={fullAppUrl(window.location.href)} target="_blank" rel="noopener noreferrer" aria-label={t('share.embed.openAria')}>
          {t('share.embed.open')}
        </a>
      </header>
      <main className="embed-canvas" aria-label={t('share.embed.label')}>
        <Canvas />
        <SimStatus />
      </main>
      <footer className="embed-controls">
        <TimelineBar />
      </footer>
    </div>
  );
}
