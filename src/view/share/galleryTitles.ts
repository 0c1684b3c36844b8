/**
 * The gallery's titles in both languages, for scenarioTitle. The gallery (its scenarios are
 * most of its size) is not part of the first load: this loads it in the background, and
 * before the UI first shows Chinese (main.tsx, useDocumentSync), since only the Chinese
 * titles differ from what a gallery scenario's own `title` says.
 */
import type { LocalizedText } from '../../examples/gallery/index.ts';

let titles: Map<string, LocalizedText> | null = null;
let loading: Promise<void> | null = null;

export function loadGalleryTitles(): Promise<void> {
  loading ??= import('../../examples/gallery/index.ts').then(({ GALLERY }) => {
    const m = new Map<string, LocalizedText>();
    // Later entries never replace earlier ones: the first match wins, as a find() would. An
    // entry's file carries its English title (gallery.test.ts), so the scenarios themselves
    // are not read (a generated one would be made for nothing).
    for (const e of GALLERY) if (e.title.en && !m.has(e.title.en)) m.set(e.title.en, e.title);
    titles = m;
  });
  return loading;
}

/** The gallery's title for a scenario titled `raw`, once the gallery is loaded. */
export function galleryTitle(raw: string): LocalizedText | undefined {
  return titles?.get(raw);
}
