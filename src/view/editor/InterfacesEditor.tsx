import { useTranslation } from 'react-i18next';
import type { InterfaceV1 } from '../../scenario/types.ts';
import { freshMac, nextIfName, usedMacs } from '../../ops/names.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { InterfaceCard } from './InterfaceCard.tsx';
import { IssueList } from './IssueList.tsx';
import { useEdit } from './useEdit.ts';

/** The host's interfaces as the scenario writes them (lo first for its VIPs), and "add interface". */
export function InterfacesEditor({ host, dev }: { host: string; dev: string | null }) {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ifs = useApp((s) => s.scenario.hosts[host]?.interfaces);
  const { apply, issues } = useEdit();
  const entries = Object.entries(ifs ?? {});
  const list: [string, InterfaceV1][] = entries.some(([d]) => d === 'lo') ? entries : [...entries, ['lo', {}]];
  const add = () => {
    const s = app.getState().scenario;
    const h = s.hosts[host];
    const name = nextIfName(h);
    const mac = freshMac(usedMacs(s), Object.keys(s.hosts).indexOf(host), Object.keys(h.interfaces ?? {}).length);
    if (apply({ type: 'addInterface', host, dev: name, iface: { mac } })) app.getState().select({ kind: 'iface', host, dev: name });
  };
  return (
    <section className="panel edit-panel" aria-labelledby="edit-ifs-h">
      <h3 id="edit-ifs-h">{t('editor.iface.title')}</h3>
      <ul className="iface-list">
        {list.map(([d, i]) => (
          <InterfaceCard key={`${d}:${i.mac ?? ''}`} host={host} dev={d} iface={i} focus={d === dev} />
        ))}
      </ul>
      <div className="edit-row">
        <button type="button" onClick={add}>{t('editor.iface.add')}</button>
      </div>
      <IssueList issues={issues} />
    </section>
  );
}
