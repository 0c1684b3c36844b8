import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { autoLayout, deleteTargetOf, requestDelete, requestReplace } from './commands.ts';
import { useEditor, useEditorApi } from './EditorContext.tsx';
import { selectedNodes } from './selection.ts';
import { perObject } from '../hooks/perObject.ts';
import { useShownAfter } from '../hooks/useShownAfter.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';

/** A layout shorter than this shows no status (a small topology is laid out in a blink). */
const SHOW_AFTER_MS = 250;

const nodeCount = perObject((scn: ScenarioV1) => Object.keys(scn.hosts).length + Object.keys(scn.segments ?? {}).length);

/**
 * Topology commands in the side panel: new, example, clear, auto-layout (with its progress
 * and Cancel while its worker runs), list view, and the selection's delete.
 */
export function TopologyMenu() {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const listOpen = useEditor((s) => s.listOpen);
  const multi = useEditor((s) => s.multi);
  const count = useApp((s) => selectedNodes(s, multi).length);
  const nodes = useApp((s) => nodeCount(s.scenario));
  const layout = useEditor((s) => s.layout);
  const shown = useShownAfter(layout !== null, SHOW_AFTER_MS);
  const layoutButton = useRef<HTMLButtonElement>(null);
  // Cancel had the focus and is gone with the status (the layout ended): back to Auto-layout.
  const running = layout !== null;
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running && document.activeElement === document.body) layoutButton.current?.focus({ preventScroll: true });
    wasRunning.current = running;
  }, [running]);
  return (
    <section className="topology-menu" aria-labelledby="topo-h">
      <h2 id="topo-h">{t('editor.menu.title')}</h2>
      <div className="topology-buttons">
        <button type="button" onClick={() => requestReplace(app, ed, 'new')} data-testid="topo-new">{t('editor.menu.new')}</button>
        <button type="button" onClick={() => requestReplace(app, ed, 'example')}>{t('editor.menu.example')}</button>
        <button type="button" onClick={() => requestReplace(app, ed, 'clear')} disabled={nodes === 0}>{t('editor.menu.clear')}</button>
        {/* Stays focusable while it runs (aria-disabled, not disabled): a key press must not lose the focus. */}
        <button
          type="button"
          ref={layoutButton}
          onClick={() => autoLayout(app, ed)}
          disabled={nodes < 2}
          aria-disabled={running || undefined}
          title={t('editor.menu.layoutHint')}
        >
          {t('editor.menu.layout')}
        </button>
        <button type="button" aria-pressed={listOpen} onClick={() => ed.setState({ listOpen: !listOpen })} title="Shift+W">{t('editor.menu.list')}</button>
      </div>
      {layout && shown ? (
        <div className="layout-status" role="status" data-testid="layout-status">
          <span>{t('editor.menu.layoutRunning', { done: layout.done, total: layout.total ?? '…' })}</span>
          <progress max={layout.total ?? 1} value={layout.done} aria-label={t('editor.menu.layoutProgress')} />
          <button type="button" onClick={layout.cancel} data-testid="layout-cancel">{t('editor.menu.layoutCancel')}</button>
        </div>
      ) : null}
      {count > 1 ? (
        <p className="selection-bar" data-testid="selection-bar">
          {t('editor.menu.selected', { count })}{' '}
          <button type="button" onClick={() => requestDelete(app, ed, deleteTargetOf(app, ed))}>{t('editor.menu.deleteSelected')}</button>
        </p>
      ) : null}
      <p className="muted small">{t('editor.menu.hint')}</p>
    </section>
  );
}
