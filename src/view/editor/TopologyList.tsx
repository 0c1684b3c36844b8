import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { cidrOf } from '../../ops/names.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import type { ScenarioHost } from '../../scenario/types.ts';
import { useProgressive } from '../hooks/useProgressive.ts';
import type { EditorStore } from './editorStore.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { useEditorApi, useEditor } from './EditorContext.tsx';
import { clickNode } from './selection.ts';
import { isolate } from '../../i18n/displayText.ts';

/**
 * The topology as nested lists (Packet Tracer's Shift+W): every host with its kind and
 * interfaces (MAC, addresses, segment, state), every switch with its ports. Buttons select
 * a node or an interface for the inspector. Opened with Shift+W or the Topology menu.
 * A thousand hosts are listed a few hundred per animation frame (their ~7,000 elements and
 * translated phrases mounted at once were a 220 ms task), each host a memoised row.
 */
export function TopologyList() {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const open = useEditor((s) => s.listOpen);
  const s = useApp((st) => st.scenario);
  const engine = useApp((st) => st.engineInput);
  // Per host, its interfaces' MACs as the engine gives them (generated ones included), and per port its segment.
  const macs = useMemo(() => new Map(engine?.hosts.map((h) => [h.name, Object.fromEntries(h.interfaces.map((i) => [i.name, i.mac]))]) ?? []), [engine]);
  const segOfPort = useMemo(() => {
    const m = new Map<string, string>();
    for (const [name, ports] of Object.entries(s.segments ?? {})) for (const p of ports) if (!m.has(p)) m.set(p, name);
    return m;
  }, [s.segments]);
  const hosts = Object.entries(s.hosts);
  const shown = useProgressive(open ? hosts.length : 0, HOSTS_PER_FRAME);
  if (!open) return null;
  const segs = Object.entries(s.segments ?? {});
  return (
    <section className="topology-list" aria-labelledby="topo-list-h" data-testid="topology-list">
      <div className="topology-list-head">
        <h2 id="topo-list-h">{t('editor.list.title')}</h2>
        <button type="button" onClick={() => ed.setState({ listOpen: false })}>{t('editor.list.close')}</button>
      </div>
      <h3>{t('editor.list.hosts', { count: hosts.length })}</h3>
      {shown < hosts.length ? <p className="muted" role="status">{t('editor.list.listing', { shown, count: hosts.length })}</p> : null}
      {hosts.length === 0 ? <p className="muted">{t('editor.list.none')}</p> : null}
      <ul>
        {hosts.slice(0, shown).map(([name, h]) => (
          <HostRow key={name} name={name} h={h} macs={macs.get(name)} segOfPort={segOfPort} t={t} app={app} ed={ed} />
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

/** Hosts added to the list per animation frame while it opens. */
const HOSTS_PER_FRAME = 150;

/** One host with its interfaces; re-rendered only when that host, its MACs, the segments or the language change. */
const HostRow = memo(function HostRow({ name, h, macs, segOfPort, t, app, ed }: {
  name: string;
  h: ScenarioHost;
  macs: Record<string, string> | undefined;
  segOfPort: Map<string, string>;
  t: TFunction;
  app: AppStore;
  ed: EditorStore;
}) {
  return (
    <li>
      <button type="button" className="link-button" onClick={() => clickNode(app, ed, name, false)}>
        {t('editor.list.host', { name, kind: t(`hostKind.${h.kind ?? 'host'}`) })}
      </button>
      <ul>
        {Object.entries(h.interfaces ?? {}).map(([dev, i]) => {
          const seg = segOfPort.get(`${name}.${dev}`);
          const addrs = (i.addresses ?? []).map(cidrOf).join(', ') || t('canvas.noAddress');
          return (
            <li key={dev}>
              <button type="button" className="link-button" onClick={() => app.getState().select({ kind: 'iface', host: name, dev })}>{isolate(dev)}</button>
              {dev === 'lo'
                ? `: ${addrs}`
                : `: ${t('editor.list.iface', { mac: macs?.[dev] ?? '', addrs, seg: seg ?? t('editor.list.unattached'), state: i.state === 'down' ? t('inspector.down') : t('editor.list.up') })}`}
            </li>
          );
        })}
      </ul>
    </li>
  );
});
