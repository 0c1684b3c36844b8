import { useTranslation } from 'react-i18next';
import { Canvas } from './canvas/Canvas.tsx';
import { ConsoleDock } from './console/ConsoleDock.tsx';
import { EditorProvider } from './editor/EditorContext.tsx';
import { EditorNotices, EditorOverlays } from './editor/EditorOverlays.tsx';
import type { EditorStore } from './editor/editorStore.ts';
import { Palette } from './editor/Palette.tsx';
import { TopologyList } from './editor/TopologyList.tsx';
import { TopologyMenu } from './editor/TopologyMenu.tsx';
import { ActionList } from './panels/ActionList.tsx';
import { LvsBarSlot } from './lvs/lazy.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { LessonSlot } from './lessons/LessonsButton.tsx';
import { usePlayback } from './playback/usePlayback.ts';
import { EventList } from './timeline/EventList.tsx';
import { TimelineBar } from './timeline/TimelineBar.tsx';
import { SimStatus } from './sim/SimStatus.tsx';
import { ActionForm } from './toolbar/ActionForm.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { useApp } from '../store/StoreContext.tsx';
import { useDocumentSync } from './useDocumentSync.ts';
import { useShortcuts } from './useShortcuts.ts';

/**
 * The app shell: toolbar, commands on the left, canvas, inspector, timeline and events below.
 * `editor`: the topology editor's store (main.tsx creates it with the autosave restore).
 */
export function App({ editor }: { editor?: EditorStore } = {}) {
  const { t } = useTranslation();
  useDocumentSync();
  useShortcuts();
  usePlayback();
  const lesson = useApp((s) => s.lesson);
  return (
    <EditorProvider store={editor}>
    <div className={`app${lesson ? ' lesson-mode' : ''}${lesson?.trainer ? ' trainer' : ''}`}>
      <a className="skip-link" href="#canvas-main">{t('app.skip')}</a>
      <Toolbar />
      <nav className="side" aria-label={t('app.commands')}>
        <LessonSlot />
        <TopologyMenu />
        <ActionForm />
        <ActionList />
      </nav>
      <main id="canvas-main" className="center" tabIndex={-1}>
        <Canvas />
        <SimStatus />
        <LvsBarSlot />
        <Palette />
        <TopologyList />
        <EditorNotices />
      </main>
      <Inspector />
      <footer className="bottom">
        <TimelineBar />
        <EventList />
      </footer>
    </div>
    <ConsoleDock />
    <EditorOverlays />
    </EditorProvider>
  );
}
