/**
 * Paste a config into a host (issue 13 part 6): the text is applied to the host's setup line
 * by line through the console (src/commands/pasteConfig.ts) and every line is listed with its
 * mark — applied, changed nothing in this scenario (with why), refused, not understood.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { combineText } from '../../commands/explain.ts';
import { pasteConfig, type Mark, type NoEffect } from '../../commands/pasteConfig.ts';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import { storeBackend } from './storeBackend.ts';

export function PasteConfig({ host, onClose }: { host: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const [text, setText] = useState('');
  const [marks, setMarks] = useState<Mark[] | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    try {
      setMarks(await pasteConfig(storeBackend(api, host), text));
    } finally {
      setBusy(false);
    }
  };
  const count = (f: (m: Mark) => boolean) => marks?.filter(f).length ?? 0;
  return (
    <div className="console-paste" data-testid="paste-config">
      <h3>{t('console.pasteTitle', { host })}</h3>
      <p className="muted">{t('console.pasteHelp')}</p>
      <textarea aria-label={t('console.pasteLabel')} value={text} onChange={(e) => setText(e.target.value)} rows={8} spellCheck={false} />
      <div className="console-paste-buttons">
        <button type="button" className="primary" disabled={busy || text.trim() === ''} onClick={() => void apply()}>{t('console.apply', { host })}</button>
        <button type="button" onClick={onClose}>{t('console.back')}</button>
      </div>
      {marks ? (
        <>
          <p role="status">{t('console.summary', { applied: count((m) => m.status === 'applied'), none: count((m) => m.status === 'no-effect'), bad: count((m) => m.status === 'refused' || m.status === 'not-understood') })}</p>
          <ol className="paste-marks">
            {marks.map((m) => (
              <li key={m.line} value={m.line} data-status={m.status}>
                <span className={`mark mark-${m.status}`}>{t(`console.status.${m.status}`)}</span> <code>{m.text.trim()}</code>
                {m.command ? <span className="muted"> — {t('console.readAs')} <code>{m.command}</code></span> : null}
                {m.reason ? <p className="mark-why">{reasonText(m.reason, t)}</p> : m.why ? <pre className="mark-why">{m.why}</pre> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

/** A line that changed nothing, said in the page's language (the tools' own errors stay as they print them). */
function reasonText(r: NoEffect, t: ReturnType<typeof useTranslation>['t']): string {
  if (r.kind !== 'knob') return t(`console.noEffect.${r.kind}`);
  const w = r.why;
  if (w.kind === 'unread') return t('explain.whyNothing.unread', { knob: w.knob, host: r.host });
  const devs = w.devs.map((d) => t('console.noEffect.devDecisions', { dev: d.dev, count: d.decisions })).join(t('console.noEffect.listSep'));
  return t(`explain.whyNothing.${w.kind}`, { knob: w.knob, devs, scope: w.scope, rule: combineText(w.combine, w.devs[0].dev) });
}
