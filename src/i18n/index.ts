/**
 * i18next set-up: English and Simplified Chinese, one instance per app. The UI follows the
 * browser's language unless the user picks one (store `ui.lang`).
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../store/types.ts';
import { en, type Messages } from './en.ts';
import { installZhDecisions } from './decision.ts';
import { isolate } from './displayText.ts';

export const LANGS: Lang[] = ['en', 'zh'];

/** 'zh' when the browser's first preferred language is Chinese, else 'en'. */
export function detectLang(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0]?.toLowerCase() ?? 'en';
  return first.startsWith('zh') ? 'zh' : 'en';
}

/** BCP 47 tag for <html lang>. */
export const htmlLang = (l: Lang) => (l === 'zh' ? 'zh-CN' : 'en');

let zh: Messages | null = null;

/**
 * Fetches the Chinese strings (zhStrings.ts, a chunk of its own: an English first screen does
 * not load them) and installs them; `inst`, if given, gets them as its zh bundle. Call it
 * before switching to Chinese (useDocumentSync does, with the font) and before createI18n('zh').
 */
export async function loadZh(inst?: i18n): Promise<void> {
  if (!zh) {
    const m = await import('./zhStrings.ts');
    installZhDecisions(m.decisionsZh);
    zh = m.zh;
  }
  if (inst && !inst.hasResourceBundle('zh', 'translation')) inst.addResourceBundle('zh', 'translation', zh);
}

export function createI18n(lang: Lang): i18n {
  if (lang === 'zh' && !zh) throw new Error('createI18n(\'zh\'): await loadZh() first');
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: zh ? { en: { translation: en }, zh: { translation: zh } } : { en: { translation: en } },
    // Values (host, interface and scenario names…) are shown as written, never reordered: see displayText.ts.
    interpolation: { escapeValue: true, escape: isolate },
    initAsync: false,
    returnNull: false,
  });
  return inst;
}
