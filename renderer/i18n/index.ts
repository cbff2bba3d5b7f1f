// i18next with zh-CN as default. The language in force is the per-browser choice if there is one,
// else the unit's setting from the core; antd's and dayjs's locales follow it.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import zhCNAntd from 'antd/locale/zh_CN';
import enUSAntd from 'antd/locale/en_US';
import { LANGUAGES, type Language } from '../../db/contract/settings';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';

const OVERRIDE_KEY = 'office.language';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: 'zh-CN',
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes; strings are never set as HTML.
  returnNull: false,
  initAsync: false,
});

const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

export function browserLanguage(): Language | null {
  try {
    const v = localStorage.getItem(OVERRIDE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function setBrowserLanguage(lang: Language | null) {
  try {
    if (lang) localStorage.setItem(OVERRIDE_KEY, lang);
    else localStorage.removeItem(OVERRIDE_KEY);
  } catch {
    /* private mode: the choice lasts until reload */
  }
}

/** Apply the language in force: the browser's own choice wins over the unit's setting. */
export function applyLanguage(unitLanguage: Language | undefined) {
  const lang = browserLanguage() ?? unitLanguage ?? 'zh-CN';
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

export function useLanguage() {
  const { i18n: inst } = useTranslation();
  const lang: Language = isLanguage(inst.language) ? inst.language : 'zh-CN';
  return { lang, antdLocale: lang === 'zh-CN' ? zhCNAntd : enUSAntd };
}

dayjs.locale('zh-cn');
export { i18n };
