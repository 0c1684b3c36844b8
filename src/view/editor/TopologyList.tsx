import { useTranslation } from 'react-i18next';
import { cidrOf } from '../../ops/names.ts';
import { segmentOf } from '../../ops/link.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { useEditorApi, useEditor } from './EditorContext.tsx';
import { clickNode } from './selection.ts';
import { isolate } from '../../i18n/displayText.ts';

/**
 * The topology as nested lists (Packet Tracer's Shift+W): every host with its kind and
 * interfaces (MAC, addresses, segment, state), every switch with its ports. Buttons select
 * a node or an interface for the inspector. Opened with Shift+W or the Topology menu.
 */
export function TopologyList() {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const open = useEditor((s) => s.listOpen);
  const s = useApp((st) => st.scenario);
  const engine = useApp((st) => st.engineInput);
  if (!open) return null;
  const macOf = (host: string, dev: string) => engine?.hosts.find((h) => h.name === host)?.interfaces.find((i) => i.name === dev)?.mac ?? '';
  const hosts = Object.entries(s.hosts);
  const segs = Object.entries(s.segments ?? {});
  return (
    <section className="topology-list" aria-labelledby="topo-list-h" data-testid="topology-list">
      <div className="topology-list-head">
        <h2 id="topo-list-h">{t('editor.list.title')}</h2>
        <button type="button" onClick={() => ed.setState({ listOpen: false })}>{t('editor.list.close')}</button>
      </div>
      <h3>{t('editor.list.hosts', { count: hosts.length })}</h3>
      {hosts.length === 0 ? <p className="muted">{t('editor.list.none')}</p> : null}
      <ul>
        {hosts.map(([name, h]) => (
          <li key={name}>
            <button type="button" className="link-button" onClick={() => clickNode(app, ed, name, false)}>
              {t('editor.list.host', { name, kind: t(`hostKind.${h.kind ?? 'host'}`) })}
            </button>
            <ul>
              {Object.entries(h.interfaces ?? {}).map(([dev, i]) => {
                const seg = segmentOf(s, `${name}.${dev}`);
                const addrs = (i.addresses ?? []).map(cidrOf).join(', ') || t('canvas.noAddress');
                return (
                  <li key={dev}>
                    <button type="button" className="link-button" onClick={() => app.getState().select({ kind: 'iface', host: name, dev })}>{isolate(dev)}</button>
                    {dev === 'lo'
                      ? `: ${addrs}`
                      : `: ${t('editor.list.iface', { mac: macOf(name, dev), addrs, seg: seg ?? t('editor.list.unattached'), state: i.state === 'down' ? t('inspector.down') : t('editor.list.up') })}`}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <h3>{t('editor.list.switches', { count: segs.length })}</h3>
      <ul>
        {segs.map(([name, ports]) => (
          <li key={name}>
            <button type="button" className="link-button" onClick={() => clickNode(app, ed, name, false)}>{isolate(name)}</button>
            {`: ${ports.length ? ports.join(', ') : t('editor.list.noPorts')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
