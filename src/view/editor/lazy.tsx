/**
 * The editor's forms, loaded on first use (not part of the first load: README "First load"):
 * a host's Configure tab and a segment's editor, shown only when one is selected.
 */
import { lazy, Suspense, type ComponentProps } from 'react';

const HostEditorLazy = lazy(() => import('./HostEditor.tsx').then((m) => ({ default: m.HostEditor })));
const SegmentEditorLazy = lazy(() => import('./SegmentEditor.tsx').then((m) => ({ default: m.SegmentEditor })));

export function HostEditorSlot(props: ComponentProps<typeof HostEditorLazy>) {
  return <Suspense fallback={null}><HostEditorLazy {...props} /></Suspense>;
}

export function SegmentEditorSlot(props: ComponentProps<typeof SegmentEditorLazy>) {
  return <Suspense fallback={null}><SegmentEditorLazy {...props} /></Suspense>;
}
