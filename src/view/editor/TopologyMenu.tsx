import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { autoLayout, deleteTargetOf, requestDelete, requestReplace } from './commands.ts';
import { useEditor, useEditorApi } from './EditorContext.tsx';
import { selectedNodes } from './selection.ts';
import { perObject } from '../hooks/perObject.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';

const nodeCount = perObject((scn: ScenarioV1) => Object.keys(scn.hosts).length + Object.keys(scn.segments ?? {}).length);

/** Topology commands in the side panel: new, example, clear, auto-layout, list view, and the selection's delete. */
export function TopologyMenu() {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const listOpen = useEditor((s) => s.listOpen);
  const multi = useEditor((s) => s.multi);
  const count = useApp((s) => selectedNodes(s, multi).length);
  const nodes = useApp((s) => nodeCount(s.scenario));
  return (
    <section className="topology-menu" aria-labelledby="topo-h">
      <h2 id="topo-h">{t('editor.menu.title')}</h2>
      <div className="topology-buttons">
        <button type="button" onClick={() => requestReplace(app, ed, 'new')} data-testid="topo-new">{t('editor.menu.new')}</button>
        <button type="button" onClick={() => requestReplace(app, ed, 'example')}>{t('editor.menu.example')}</button>
        <button type="button" onClick={() => requestReplace(app, ed, 'clear')} disabled={nodes === 0}>{t('editor.menu.clear')}</button>
        <button type="button" onClick={() => void autoLayout(app, ed)} disabled={nodes < 2} title={t('editor.menu.layoutHint')}>{t('editor.menu.layout')}</button>
        <button type="button" aria-pressed={listOpen} onClick={() => ed.setState({ listOpen: !listOpen })} title="Shift+W">{t('editor.menu.list')}</button>
      </div>
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
