/**
 * The editor's forms, loaded on first use (not part of the first load: README "First load"):
 * a host's Configure tab and a segment's editor, shown only when one is selected.
 */
import { loadedOnUse } from '../loadedOnUse.tsx';

export const HostEditorSlot = loadedOnUse(() => import('./HostEditor.tsx').then((m) => m.HostEditor));
export const SegmentEditorSlot = loadedOnUse(() => import('./SegmentEditor.tsx').then((m) => m.SegmentEditor));
