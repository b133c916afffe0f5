// i18next set up once, before the first render, with both languages bundled:
// the counter must switch language instantly and offline.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import hi from './hi.json';
// Fees, cash and reports in a namespace of their own, typed by
// money/use-money-t.ts: one more block in the main file (or one more typed
// namespace) made i18next's key types too deep for TypeScript.
import moneyEn from './money-en.json';
import moneyHi from './money-hi.json';
// Refusals from the core, keyed by reason (preload/contract/reasons.ts), in their own namespace too.
import reasonsEn from './reasons-en.json';
import reasonsHi from './reasons-hi.json';

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'hims-counter.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // English is the reference: a key missing from it fails the type check.
    resources: { translation: typeof en };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : 'en';
  } catch {
    // Storage can be disabled by policy; the counter still works in English.
    return 'en';
  }
}

function applyLanguage(lng: string): void {
  // Screen readers and font selection (Devanagari shaping) follow <html lang>.
  document.documentElement.lang = lng;
  document.title = i18next.t('app.title');
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, but switched: good enough.
  }
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', applyLanguage);
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: en, money: moneyEn, reasons: reasonsEn },
      hi: { translation: hi, money: moneyHi, reasons: reasonsHi },
    },
    lng: storedLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React escapes text itself; escaping again would show &amp; to the clerk.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}

/** The language currently shown (never an unsupported code). */
export function currentLanguage(lng: string | undefined): Language {
  return isLanguage(lng) ? lng : 'en';
}

/** Locale for Intl formatting: Indian English or Hindi. */
export function localeOf(lng: Language): string {
  return lng === 'hi' ? 'hi-IN' : 'en-IN';
}
