import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { arpFixOp, arpFixState, hasArpFix, realServers } from '../../ops/arpFix.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';

/**
 * One click between the real servers' broken and fixed ARP set-up (ops/arpFix.ts): a switch
 * that is on when every real server has the fix. Each click is one edit (one undo step);
 * "mixed" turns it on everywhere.
 */
export function ArpFixToggle() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const labelId = useId();
  const scenario = useApp((s) => s.scenario);
  const { state, n, total } = useMemo(() => {
    const rs = realServers(scenario);
    return { state: arpFixState(scenario), total: rs.length, n: rs.filter((h) => hasArpFix(scenario, h)).length };
  }, [scenario]);
  if (state === 'none') return null;
  const on = state === 'on';
  const toggle = () => {
    const s = api.getState();
    const op = arpFixOp(s.scenario, !on);
    if (op) s.dispatch(op);
  };
  return (
    <div className="lvs-fix" data-testid="arp-fix" data-state={state}>
      <span id={labelId}>{t('lvs.fix.label')}</span>
      <button type="button" role="switch" aria-checked={on} aria-labelledby={labelId} className={`switch${on ? ' on' : ''}`} onClick={toggle} title={t('lvs.fix.hint')}>
        <span className="switch-knob" aria-hidden="true" />
        <span className="switch-text">{state === 'mixed' ? t('lvs.fix.mixed', { n, total }) : t(on ? 'lvs.fix.on' : 'lvs.fix.off')}</span>
      </button>
      <span className="sr-only">{t(on ? 'lvs.fix.turnOff' : 'lvs.fix.turnOn')}</span>
    </div>
  );
}
