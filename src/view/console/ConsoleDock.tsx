/**
 * Where the consoles appear: nothing until one is opened, then the lazily loaded panel
 * (xterm.js and the commands are a chunk of their own).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';
import { perObject } from '../hooks/perObject.ts';

const ConsolePanel = lazy(() => import('./ConsolePanel.tsx'));

export function ConsoleDock() {
  const { t } = useTranslation();
  const open = useApp((s) => s.consoles.length > 0);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="console-dock-loading" role="status">{t('console.loading')}</p>}>
      <ConsolePanel />
    </Suspense>
  );
}

const firstHost = perObject((hosts: Record<string, unknown>) => Object.keys(hosts)[0] ?? null);

/** The toolbar's button: a console on the selected host (or the first host). */
export function ConsoleButton() {
  const { t } = useTranslation();
  const target = useApp((s) => {
    const sel = s.selection;
    if (sel && (sel.kind === 'host' || sel.kind === 'iface')) return sel.host;
    return firstHost(s.scenario.hosts);
  });
  const open = useApp((s) => s.openConsole);
  if (!target) return null;
  return (
    <button type="button" onClick={() => open(target)} aria-label={`${t('console.openAria')} (${target})`} data-testid="open-console">
      ⌨ {t('console.open')}
    </button>
  );
}
