import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';
import { useEditor } from '../editor/EditorContext.tsx';
import { HostEditorSlot } from '../editor/lazy.tsx';
import { InspectorTabs } from '../editor/InspectorTabs.tsx';
import { InterfacesTable } from './InterfacesTable.tsx';
import { NeighTable } from './NeighTable.tsx';
import { RoutesTable } from './RoutesTable.tsx';
import { SysctlGrid } from './SysctlGrid.tsx';
import { IpvsadmSlot } from '../lvs/lazy.tsx';

/** A host (or one of its interfaces): addresses, routes, sysctls, neighbour table. */
export function HostInspector({ host, dev }: { host: string; dev: string | null }) {
  const { t } = useTranslation();
  const exists = useApp((s) => host in s.scenario.hosts);
  const tab = useEditor((s) => s.tab);
  const openConsole = useApp((s) => s.openConsole);
  if (!exists) return <p className="muted">{t('inspector.gone', { host })}</p>;
  return (
    <div className="host-inspector">
      <h2 className="inspector-title">{dev ? t('inspector.ifaceTitle', { host, dev }) : t('inspector.hostTitle', { host })}</h2>
      <button type="button" className="open-console" onClick={() => openConsole(host)} data-testid="inspector-console">⌨ {t('console.openHost', { host })}</button>
      <InspectorTabs />
      {tab === 'config' ? (
        <HostEditorSlot host={host} dev={dev} />
      ) : (
        <>
          <IpvsadmSlot host={host} />
          <InterfacesTable host={host} dev={dev} />
          <SysctlGrid host={host} dev={dev} />
          <RoutesTable host={host} />
          <NeighTable host={host} dev={dev} />
        </>
      )}
    </div>
  );
}
