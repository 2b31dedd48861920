import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'reception.locale';

export type MessageSchema = typeof zhCN;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The remembered choice, else Chinese. */
export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  // Chinese is the default and the fallback, so it ships with the app; English loads when
  // chosen (issue 16: initial load under 200 KB of JS).
  messages: { 'zh-CN': zhCN } as Record<Locale, MessageSchema>,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
});

const loaders: Record<Locale, () => Promise<MessageSchema>> = {
  'zh-CN': async () => zhCN,
  en: async () => (await import('./en.json')).default as MessageSchema,
};

/** Whether a language's messages are in memory (switching to it needs no download). */
export function isLoaded(locale: Locale): boolean {
  return i18n.global.availableLocales.includes(locale);
}

/** Brings a language's messages in; call before switching to it. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (isLoaded(locale)) return;
  i18n.global.setLocaleMessage(locale, await loaders[locale]());
}
