/** What the toolbar (and anything else in the app) can ask of the share layer (ShareRoot). */
import { createContext, useContext } from 'react';

export interface ShareActions {
  /** Embed mode (`?embed=1`): no editing, no dialogs. */
  embed: boolean;
  /** Copies a link to the current scenario and opens the share and export dialog. */
  openShare(): void;
  openGallery(): void;
  /** Opens scenario files (from the file input or a drop); only the first is read. */
  openFiles(files: File[]): void;
}

export const ShareContext = createContext<ShareActions | null>(null);

/** The share actions, or null outside ShareRoot (e.g. a component rendered alone in a test). */
export function useShare(): ShareActions | null {
  return useContext(ShareContext);
}
