import './lvs.css';
import { ConnectionsPanel } from './ConnectionsPanel.tsx';

/** The inspector with nothing selected, in an LVS scenario: the connections of every connect step (the ARP-fix switch is over the canvas). */
export function LvsOverview() {
  return (
    <div className="lvs-overview" data-testid="lvs-overview">
      <ConnectionsPanel />
    </div>
  );
}
