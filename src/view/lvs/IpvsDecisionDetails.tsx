import { useTranslation } from 'react-i18next';
import type { DecisionEvent } from '../../engine/index.ts';
import { schedRows } from './connections.ts';

/**
 * Under an IPVS scheduling decision in the why-panel: every real server of the service as
 * the scheduler saw it (weight, active and inactive connections, in the kernel's list
 * order), the chosen one marked; the decision's sentence already names the winner's
 * overhead, wrr's current weight or sh/dh's hash bucket.
 */
export function IpvsDecisionDetails({ d }: { d: DecisionEvent }) {
  const { t } = useTranslation();
  if (d.rule !== 'ip_vs.schedule') return null;
  const rows = schedRows(d);
  if (rows.length === 0) return null;
  return (
    <table className="kv ipvs-sched" data-testid="ipvs-sched">
      <caption className="muted small">{t('lvs.sched.title', { scheduler: d.params.scheduler ?? '' })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lvs.sched.rs')}</th>
          <th scope="col">{t('lvs.sched.weight')}</th>
          <th scope="col">{t('lvs.sched.active')}</th>
          <th scope="col">{t('lvs.sched.inactive')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.rs} className={r.chosen ? 'chosen' : undefined} data-rs={r.rs} data-chosen={r.chosen}>
            <th scope="row"><code>{r.rs}</code>{r.chosen ? <span className="badge verdict-choose">{t('lvs.sched.chosen')}</span> : null}</th>
            <td>{r.weight ?? '–'}</td>
            <td>{r.active ?? '–'}</td>
            <td>{r.inactive ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
