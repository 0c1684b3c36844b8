/**
 * The scenario's title in the UI's language where ARP Lab wrote it (the built-in example,
 * the gallery's experiments); any other title is shown as written. Text only.
 */
import type { TFunction } from 'i18next';
import twoNic from '../../examples/twoNic.json';
import { model } from '../../store/lazyModel.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { Lang } from '../../store/types.ts';
import { isolate } from '../../i18n/displayText.ts';
import { galleryTitle } from './galleryTitles.ts';

export function scenarioTitle(s: ScenarioV1, lang: Lang, t: TFunction): string {
  const raw = s.title?.trim() ?? '';
  if (raw === '') return t('share.notice.untitled');
  if (raw === twoNic.title) return t('examples.twoNic.title');
  const title = galleryTitle(raw);
  return title ? title[lang] : isolate(raw);
}

/** Is this the example the app starts with when there is no saved work (by meaning)? */
export function isStartingExample(s: ScenarioV1): boolean {
  try {
    return model().sameScenario(s, twoNic as ScenarioV1);
  } catch {
    return false;
  }
}
