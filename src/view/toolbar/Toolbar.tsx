import { useTranslation } from 'react-i18next';
import { LANGS } from '../../i18n/index.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import type { Lang } from '../../store/types.ts';
import { ConsoleButton } from '../console/ConsoleDock.tsx';
import { LessonsButton } from '../lessons/LessonsButton.tsx';
import { ShareButtons } from '../share/ShareButtons.tsx';

/** Top bar: title, undo/redo, language, theme, motion. */
export function Toolbar() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const lang = useApp((s) => s.lang);
  const theme = useApp((s) => s.theme);
  const animate = useApp((s) => s.animate);
  const opError = useApp((s) => s.opError);
  const st = () => api.getState();
  return (
    <header className="toolbar">
      <h1>
        ARP Lab <span className="subtitle">{t('app.subtitle')}</span>
      </h1>
      {opError ? <p className="form-error" role="alert">{opError}</p> : null}
      <div className="toolbar-buttons" role="toolbar" aria-label={t('toolbar.label')}>
        <LessonsButton />
        <ShareButtons />
        <ConsoleButton />
        <button type="button" onClick={() => st().undo()} disabled={!canUndo} title={`${t('toolbar.undo')} (Ctrl+Z)`}>↶ {t('toolbar.undo')}</button>
        <button type="button" onClick={() => st().redo()} disabled={!canRedo} title={`${t('toolbar.redo')} (Ctrl+Shift+Z)`}>↷ {t('toolbar.redo')}</button>
        <label>
          <span className="sr-only">{t('toolbar.language')}</span>
          <select value={lang} onChange={(e) => st().setLang(e.target.value as Lang)} aria-label={t('toolbar.language')} data-testid="lang">
            {LANGS.map((l) => (
              <option key={l} value={l}>{l === 'en' ? 'English' : '简体中文'}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => st().setTheme(theme === 'dark' ? 'light' : 'dark')} aria-pressed={theme === 'dark'} data-testid="theme">
          {theme === 'dark' ? '☾' : '☀'} {t('toolbar.dark')}
        </button>
        <button type="button" onClick={() => st().setAnimate(!animate)} aria-pressed={!animate}>
          {t('toolbar.reducedMotion')}
        </button>
      </div>
    </header>
  );
}
