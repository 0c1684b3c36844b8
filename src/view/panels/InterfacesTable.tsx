import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { useHostView } from '../hooks/hostView.ts';

/** Interfaces with MAC, state and addresses (primary/secondary, label, scope), like `ip addr`. */
export function InterfacesTable({ host, dev }: { host: string; dev: string | null }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const view = useHostView(host);
  const segs = useApp((s) => s.scenario.segments);
  const segOf = (d: string) => Object.entries(segs ?? {}).find(([, ports]) => ports.includes(`${host}.${d}`))?.[0];
  if (!view) return null;
  return (
    <section className="panel" aria-labelledby="ifs-h">
      <h3 id="ifs-h">{t('inspector.interfaces')}</h3>
      <table className="kv ifs">
        <thead>
          <tr>
            <th scope="col">{t('inspector.dev')}</th>
            <th scope="col">{t('inspector.mac')}</th>
            <th scope="col">{t('inspector.addresses')}</th>
          </tr>
        </thead>
        <tbody>
          {view.devices.map((d) => (
            <tr key={d.name} className={d.name === dev ? 'focus-row' : undefined}>
              <th scope="row">
                {d.name === 'lo' ? (
                  d.name
                ) : (
                  <button type="button" className="link-button" onClick={() => api.getState().select({ kind: 'iface', host, dev: d.name })}>{d.name}</button>
                )}
                {!d.up ? <span className="badge badge-fail">{t('inspector.down')}</span> : null}
                {segOf(d.name) ? <div className="muted small">{t('inspector.onSegment', { seg: segOf(d.name) })}</div> : null}
              </th>
              <td><code>{d.mac}</code></td>
              <td>
                {d.addresses.length === 0 ? <span className="muted">—</span> : null}
                {d.addresses.map((a) => (
                  <div key={a.cidr}>
                    <code>{a.cidr}</code>{' '}
                    <span className="muted small">
                      {[a.secondary ? 'secondary' : a.secondary === false ? 'primary' : null, a.scope !== 'global' ? `scope ${a.scope}` : null, a.label && a.label !== d.name ? a.label : null].filter(Boolean).join(' · ')}
                    </span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
