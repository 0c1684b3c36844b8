import { SysctlGrid } from '../panels/SysctlGrid.tsx';
import { HostIdentity } from './HostIdentity.tsx';
import { InterfacesEditor } from './InterfacesEditor.tsx';
import { NeighEditor } from './NeighEditor.tsx';
import { RoutesEditor } from './RoutesEditor.tsx';
import { SysctlsEditor } from './SysctlsEditor.tsx';
import { LvsEditorSlot } from '../lvs/lazy.tsx';

/** The inspector's "Configure" tab for a host: every part of its start-up configuration, editable. */
export function HostEditor({ host, dev }: { host: string; dev: string | null }) {
  return (
    <div className="host-editor" data-testid="host-editor">
      <HostIdentity key={host} host={host} />
      <InterfacesEditor host={host} dev={dev} />
      <RoutesEditor host={host} />
      <SysctlGrid host={host} dev={dev} />
      <NeighEditor host={host} />
      <SysctlsEditor host={host} />
      <LvsEditorSlot host={host} />
    </div>
  );
}
