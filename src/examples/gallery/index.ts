/** Ready scenarios of the article's experiments, each reproducing one recorded kernel run. */
import { GALLERY } from './entries.ts';
import type { GalleryEntry } from './types.ts';

export { GALLERY };
export type { GalleryEntry, LocalizedText, RpFilter } from './types.ts';

/** The entry with this id, or undefined (e.g. for an id from an old URL). */
export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.id === id);
}
