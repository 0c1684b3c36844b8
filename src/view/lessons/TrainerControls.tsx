/**
 * Trainer mode's controls: PageUp/PageDown (what presentation clickers send) step through
 * question → answer → task → next step, and a spotlight dims every host but the one
 * selected on the drawing (or, for a selected frame, its sender and receivers).
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';

/** 0: the question (answers hidden), 1: the answer (the run plays), 2: the task. */
export type Stage = 0 | 1 | 2;

export function useTrainerKeys(on: boolean, advance: (dir: 1 | -1) => void): void {
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
      const el = e.target as HTMLElement | null;
      // A text field keeps its own PageUp/PageDown.
      if (el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text' && !el.hasAttribute('readonly')))) return;
      e.preventDefault();
      advance(e.key === 'PageDown' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on, advance]);
}

/** The hosts the spotlight keeps lit for the current selection, or null for none. */
function useSpotHosts(): string[] | null {
  const sel = useApp((s) => s.selection);
  const timeline = useApp((s) => s.timeline);
  return useMemo(() => {
    if (!sel) return null;
    if (sel.kind === 'host' || sel.kind === 'iface') return [sel.host];
    if (sel.kind === 'frame') {
      const i = timeline.flightIndex[sel.frameId];
      const f = i === undefined ? undefined : timeline.flights[i];
      return f ? [...new Set([f.host, ...f.deliveries.map((d) => d.host)])] : null;
    }
    return null;
  }, [sel, timeline]);
}

export function Spotlight() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const hosts = useSpotHosts();
  const sel = useApp((s) => s.selection);
  const scenario = useApp((s) => s.scenario);
  useEffect(() => {
    const root = document.querySelector('.app');
    if (!hosts) {
      root?.classList.remove('spotlight-on');
      return;
    }
    root?.classList.add('spotlight-on');
    // Marked by attribute, compared as data: no selector is built from a host name.
    for (const el of document.querySelectorAll<SVGGElement>('#canvas-main g.host')) {
      el.toggleAttribute('data-spot', hosts.includes(el.dataset.host ?? ''));
    }
    return () => {
      root?.classList.remove('spotlight-on');
      for (const el of document.querySelectorAll('#canvas-main g.host[data-spot]')) el.removeAttribute('data-spot');
    };
  }, [hosts, scenario]);
  if (!hosts || !sel) return null;
  const what = sel.kind === 'frame' ? `#${sel.frameId} (${hosts.join(', ')})` : hosts[0];
  return (
    <p className="spotlight-note" data-testid="spotlight">
      {t('lessons.spotlight', { what })}{' '}
      <button type="button" onClick={() => api.getState().select(null)}>{t('lessons.clearSpotlight')}</button>
    </p>
  );
}
