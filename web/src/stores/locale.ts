import type { Language } from 'element-plus/es/locale';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { i18n, isLoaded, loadLocale, LOCALE_STORAGE_KEY, storedLocale, type Locale } from '@/i18n';

// Element Plus's own texts follow the same split as ours: Chinese ships, English loads on choice.
const elementLocales: Partial<Record<Locale, Language>> = { 'zh-CN': elZhCn };
async function loadElementLocale(locale: Locale): Promise<Language> {
  elementLocales[locale] ??= (await import('element-plus/es/locale/lang/en')).default;
  return elementLocales[locale]!;
}

/** Both message sets of a language in memory (used before mounting and by unit tests). */
export async function preloadLocale(locale: Locale): Promise<void> {
  await Promise.all([loadLocale(locale), loadElementLocale(locale)]);
}

/** The interface language: vue-i18n and Element Plus switch together; the choice is remembered. */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(storedLocale());
  const elementLocale = shallowRef<Language>(elementLocales[locale.value] ?? elZhCn);

  function apply(value: Locale) {
    locale.value = value;
    i18n.global.locale.value = value;
    elementLocale.value = elementLocales[value] ?? elZhCn;
    document.documentElement.lang = value;
  }

  /** Switches at once when the language is in memory, else once it has loaded. */
  async function setLocale(value: Locale) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, value);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    if (!isLoaded(value) || !elementLocales[value]) await preloadLocale(value);
    apply(value);
  }

  /** Before mounting: the remembered language's messages in memory. */
  async function ready() {
    await preloadLocale(locale.value);
    apply(locale.value);
  }

  if (isLoaded(locale.value) && elementLocales[locale.value]) apply(locale.value);
  else void ready();
  return { locale, elementLocale, setLocale, ready };
});
