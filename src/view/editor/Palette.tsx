import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import { PALETTE_KINDS, type PaletteKind } from '../../ops/templates.ts';
import { addItem, freeSpot } from './commands.ts';
import { useEditor, useEditorApi } from './EditorContext.tsx';
import { beginPaletteDrag, toCanvas } from './gestures.ts';
import { KindIcon } from './KindIcon.tsx';

/**
 * The palette, on the canvas's left edge: drag an item onto the canvas to add it there, or
 * click it (Enter) to add it in the middle of the view.
 */
export function Palette() {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const addInView = (kind: PaletteKind, button: HTMLElement) => {
    const svg = button.closest('.center')?.querySelector('svg.canvas');
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    addItem(app, ed, kind, freeSpot(ed.getState().geometry, toCanvas(app, svg, r.left + r.width / 2, r.top + r.height / 2)));
  };
  return (
    <div className="palette" role="toolbar" aria-label={t('editor.palette.label')} aria-orientation="vertical" data-testid="palette">
      <p className="palette-title" aria-hidden="true">{t('editor.palette.title')}</p>
      {PALETTE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="palette-item"
          data-palette={kind}
          title={t(`editor.palette.hint.${kind}`)}
          aria-label={t('editor.palette.add', { what: t(`editor.palette.kind.${kind}`) })}
          onPointerDown={(e) => beginPaletteDrag(e, kind, app, ed)}
          onClick={(e) => addInView(kind, e.currentTarget)}
        >
          <KindIcon kind={kind} />
          <span>{t(`editor.palette.kind.${kind}`)}</span>
        </button>
      ))}
    </div>
  );
}

/** The palette item following the pointer while it is dragged. */
export function PaletteGhost() {
  const { t } = useTranslation();
  const ghost = useEditor((s) => s.ghost);
  if (!ghost) return null;
  return (
    <div className={`palette-ghost${ghost.over ? ' over' : ''}`} style={{ left: ghost.clientX, top: ghost.clientY }} aria-hidden="true" data-testid="palette-ghost">
      <KindIcon kind={ghost.kind} size={28} />
      <span>{t(`editor.palette.kind.${ghost.kind}`)}</span>
    </div>
  );
}
