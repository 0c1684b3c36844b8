import './lvs.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ipvsadmLn, ipvsadmLnc } from '../../engine/index.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { ipvsTableAt } from './ipvsAt.ts';

/**
 * A director's `ipvsadm -Ln` and `ipvsadm -Lnc` at the playback position, printed by the
 * engine's own printers (tools/ipvsadm.ts). The engine records each director's tables at
 * the end of every step, so the view shows the last step the cursor has completed. The
 * blocks scroll sideways (ipvsadm's columns), so they take the keyboard focus.
 */
export function IpvsadmView({ host }: { host: string }) {
  const { t } = useTranslation();
  const sim = useApp((s) => s.sim);
  const cursor = useApp((s) => s.cursor);
  const at = useMemo(() => (sim ? ipvsTableAt(sim, cursor, host) : null), [sim, cursor, host]);
  if (!at) return null;
  const ln = ipvsadmLn(at.table);
  const lnc = ipvsadmLnc(at.table);
  return (
    <section className="panel ipvsadm" aria-labelledby="ipvsadm-h" data-testid="ipvsadm" data-step={at.step}>
      <h3 id="ipvsadm-h">
        {t('lvs.ipvsadm.title')} <span className="muted small">{at.step === 0 ? t('lvs.ipvsadm.before') : t('lvs.ipvsadm.after', { n: at.step })}</span>
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
