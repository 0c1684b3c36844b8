/**
 * The inspector's entry to "What does this change?": a button next to a sysctl or a route,
 * and the slot where the panel opens. The panel (and the engine it runs, in its own
 * worker) loads on first use, so the first page load pays only for these few lines.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplainTarget } from '../../commands/explain.ts';
import { routeObject } from '../../ops/access.ts';
import type { RouteV1 } from '../../scenario/types.ts';
import { ipRouteLine } from '../format/iproute2.ts';
import './explainButton.css';

const ExplainPanelLazy = lazy(() => import('./ExplainPanel.tsx'));

/** A compact button (for a grid row) or a labelled one (`full`). */
export function ExplainButton({ what, onClick, full = false }: { what: string; onClick: () => void; full?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={full ? 'explain-btn full' : 'explain-btn'} onClick={onClick} aria-label={t('explain.buttonAria', { what })} title={t('explain.button')}>
      {full ? t('explain.button') : 'Δ?'}
    </button>
  );
}

/** The panel for `target`, or nothing. `children` go above it (a scope picker). */
export function ExplainSlot({ target, what, onClose, children }: { target: ExplainTarget | null; what: string; onClose: () => void; children?: React.ReactNode }) {
  if (!target) return null;
  return (
    <div className="explain-slot">
      {children}
      <Suspense fallback={null}>
        <ExplainPanelLazy target={target} what={what} onClose={onClose} />
      </Suspense>
    </div>
  );
}

/** The route at `index` of the host's setup explained (when it still exists). */
export function RouteExplainSlot({ host, routes, index, onClose }: { host: string; routes: RouteV1[] | undefined; index: number | null; onClose: () => void }) {
  const r = index === null ? undefined : routes?.[index];
  if (index === null || r === undefined) return null;
  return <ExplainSlot target={{ kind: 'route', host, index }} what={ipRouteLine(routeObject(r))} onClose={onClose} />;
}
