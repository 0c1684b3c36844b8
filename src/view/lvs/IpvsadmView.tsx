import './lvs.css';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ipvsadmLn, ipvsadmLnc } from '../../engine/index.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { IpvsCursorCache, ipvsTableAtCursor } from './ipvsAt.ts';

/**
 * A director's `ipvsadm -Ln` and `ipvsadm -Lnc` at the playback cursor, printed by the
 * engine's own printers (tools/ipvsadm.ts): at a step's end the tables the engine recorded,
 * inside a step the tables as they are at the cursor (ipvsAt.ts: a connection appears when
 * the director schedules it and changes state as its packets pass; its time left counts
 * from the cursor's simulated time). The blocks scroll sideways (ipvsadm's columns), so
 * they take the keyboard focus.
 */
export function IpvsadmView({ host }: { host: string }) {
  const { t } = useTranslation();
  const sim = useApp((s) => s.sim);
  const input = useApp((s) => s.engineInput);
  const cursor = useApp((s) => s.cursor);
  const cache = useRef<IpvsCursorCache | null>(null);
  cache.current ??= new IpvsCursorCache();
  const at = useMemo(() => (sim && input ? ipvsTableAtCursor(input, sim, cursor, host, cache.current!) : null), [sim, input, cursor, host]);
  if (!at) return null;
  const ln = ipvsadmLn(at.table);
  const lnc = ipvsadmLnc(at.table);
  return (
    <section className="panel ipvsadm" aria-labelledby="ipvsadm-h" data-testid="ipvsadm" data-step={at.step} data-within={at.within ?? undefined}>
      <h3 id="ipvsadm-h">
        {t('lvs.ipvsadm.title')}{' '}
        <span className="muted small">
          {at.within !== null
            ? t('lvs.ipvsadm.during', { n: at.within, t: (at.t / 1e6).toFixed(3) })
            : at.step === 0
              ? t('lvs.ipvsadm.before')
              : t('lvs.ipvsadm.after', { n: at.step })}
        </span>
      </h3>
      <pre className="cmd ipvsadm-ln" data-ipvsadm="Ln" tabIndex={0} aria-label={`${host}# ipvsadm -Ln`}>
        <span className="prompt">{`${host}# ipvsadm -Ln`}</span>
        {'\n'}
        {ln.join('\n')}
      </pre>
      <pre className="cmd ipvsadm-lnc" data-ipvsadm="Lnc" tabIndex={0} aria-label={`${host}# ipvsadm -Lnc`}>
        <span className="prompt">{`${host}# ipvsadm -Lnc`}</span>
        {'\n'}
        {lnc.join('\n')}
      </pre>
    </section>
  );
}
