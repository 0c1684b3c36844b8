/**
 * i18next set-up: English and Simplified Chinese, one instance per app. The UI follows the
 * browser's language unless the user picks one (store `ui.lang`).
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../store/types.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { isolate } from './displayText.ts';

export const LANGS: Lang[] = ['en', 'zh'];

/** 'zh' when the browser's first preferred language is Chinese, else 'en'. */
export function detectLang(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0]?.toLowerCase() ?? 'en';
  return first.startsWith('zh') ? 'zh' : 'en';
}

/** BCP 47 tag for <html lang>. */
export const htmlLang = (l: Lang) => (l === 'zh' ? 'zh-CN' : 'en');

export function createI18n(lang: Lang): i18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: en }, zh: { translation: zh } },
    // Values (host, interface and scenario names…) are shown as written, never reordered: see displayText.ts.
    interpolation: { escapeValue: true, escape: isolate },
    initAsync: false,
    returnNull: false,
  });
  return inst;
}
