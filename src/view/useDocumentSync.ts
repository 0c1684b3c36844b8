import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { htmlLang, loadZh } from '../i18n/index.ts';
import { loadZhFont } from '../i18n/zhFont.ts';
import { loadGalleryTitles } from './share/galleryTitles.ts';
import { useApp } from '../store/StoreContext.tsx';

/** Keeps <html lang>, the i18n language, the theme attribute and the motion class in step with the store. */
export function useDocumentSync() {
  const { i18n } = useTranslation();
  const lang = useApp((s) => s.lang);
  const theme = useApp((s) => s.theme);
  const animate = useApp((s) => s.animate);
  useEffect(() => {
    let current = true;
    const apply = () => {
      if (!current) return;
      if (i18n.language !== lang) void i18n.changeLanguage(lang);
      document.documentElement.lang = htmlLang(lang);
    };
    // Chinese text waits for its strings (loaded on first use) and its font (see zhFont.ts);
    // the store already says 'zh'. Strings that fail to load leave the UI in English.
    if (lang === 'zh') void Promise.all([loadZh(i18n), loadZhFont(), loadGalleryTitles()]).then(apply, () => undefined);
    else apply();
    return () => {
      current = false;
    };
  }, [i18n, lang]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.classList.toggle('no-motion', !animate);
  }, [animate]);
}
