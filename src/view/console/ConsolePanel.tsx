/**
 * The consoles: a tab per host (opened from the toolbar or the host inspector), the terminal
 * of the active one, and where changes go (after the cursor's step, or at start). Loaded
 * lazily with xterm.js: the first page load does not pay for it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyMode } from '../../commands/session.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { PasteConfig } from './PasteConfig.tsx';
import { Terminal } from './Terminal.tsx';
import './console.css';

export default function ConsolePanel() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const consoles = useApp((s) => s.consoles);
  const active = useApp((s) => s.activeConsole);
  const hosts = useApp((s) => s.scenario.hosts);
  const [mode, setMode] = useState<ApplyMode>('cursor');
  const [pasting, setPasting] = useState(false);
  const others = Object.keys(hosts).filter((h) => !consoles.includes(h));
  const live = consoles.filter((h) => Object.hasOwn(hosts, h));
  const shown = active && live.includes(active) ? active : live[0];
  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    if (e.key === 'Delete') {
      e.preventDefault();
      api.getState().closeConsole(live[i]);
      return;
    }
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const h = live[(next + live.length) % live.length];
    api.getState().openConsole(h);
    document.getElementById(`console-tab-${h}`)?.focus();
  };
  return (
    <section className="console-dock" aria-label={t('console.region')} data-testid="console">
      <div className="console-bar">
        <div role="tablist" aria-label={t('console.tabs')} className="console-tabs">
          {live.map((h, i) => (
            <button
              key={h} type="button" role="tab" id={`console-tab-${h}`} aria-selected={h === shown} aria-controls="console-tabpanel"
              className={`console-tab${h === shown ? ' active' : ''}`} tabIndex={h === shown ? 0 : -1}
              onClick={() => api.getState().openConsole(h)} onKeyDown={(e) => onTabKey(e, i)}
            >
              {h}$
            </button>
          ))}
        </div>
        {shown ? (
          <button type="button" className="console-close" aria-label={t('console.close', { host: shown })} title={t('console.close', { host: shown })} onClick={() => api.getState().closeConsole(shown)}>×</button>
        ) : null}
        {others.length ? (
          <label className="console-add">
            <span className="sr-only">{t('console.addAria')}</span>
            <select value="" aria-label={t('console.addAria')} onChange={(e) => e.target.value && api.getState().openConsole(e.target.value)}>
              <option value="">{t('console.add')}…</option>
              {others.map((h) => <option key={h} value={h}>{h}</option>)}
            </select>
          </label>
        ) : null}
        <fieldset className="console-mode" title={t('console.modeHelp')}>
          <legend>{t('console.mode')}</legend>
          <label><input type="radio" name="console-mode" checked={mode === 'cursor'} onChange={() => setMode('cursor')} /> {t('console.modeCursor')}</label>
          <label><input type="radio" name="console-mode" checked={mode === 'start'} onChange={() => setMode('start')} /> {t('console.modeStart')}</label>
        </fieldset>
        {shown ? <button type="button" onClick={() => setPasting(!pasting)} aria-pressed={pasting}>{t('console.paste')}</button> : null}
        <button type="button" className="console-hide" onClick={() => live.forEach((h) => api.getState().closeConsole(h))}>{t('console.closeAll')}</button>
      </div>
      <div id="console-tabpanel" role="tabpanel" aria-labelledby={shown ? `console-tab-${shown}` : undefined} className="console-body">
        {/* Every open terminal stays mounted (its screen and history kept); only the active one shows. */}
        {pasting && shown ? <PasteConfig host={shown} onClose={() => setPasting(false)} /> : null}
        {live.map((h) => (
          <div key={h} className="console-slot" hidden={h !== shown || pasting}>
            <Terminal host={h} mode={mode} active={h === shown} />
          </div>
        ))}
      </div>
    </section>
  );
}
