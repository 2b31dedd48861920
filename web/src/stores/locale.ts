import elEn from 'element-plus/es/locale/lang/en';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { i18n, LOCALE_STORAGE_KEY, storedLocale, type Locale } from '@/i18n';

/** The interface language: vue-i18n and Element Plus switch together; the choice is remembered. */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(storedLocale());
  const elementLocale = computed(() => (locale.value === 'en' ? elEn : elZhCn));

  function apply(value: Locale) {
    i18n.global.locale.value = value;
    document.documentElement.lang = value;
  }

  function setLocale(value: Locale) {
    locale.value = value;
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, value);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    apply(value);
  }

  apply(locale.value);
  return { locale, elementLocale, setLocale };
});
