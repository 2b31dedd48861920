import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n, LOCALE_STORAGE_KEY } from '@/i18n';
import { useLocaleStore } from './locale';

describe('locale store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('starts in Chinese when nothing was chosen', () => {
    const store = useLocaleStore();
    expect(store.locale).toBe('zh-CN');
    expect(i18n.global.t('login.submit')).toBe('登录');
    expect(store.elementLocale.name).toBe('zh-cn');
  });

  it('switches vue-i18n and Element Plus together and remembers the choice', () => {
    useLocaleStore().setLocale('en');
    expect(i18n.global.t('login.submit')).toBe('Sign in');
    expect(useLocaleStore().elementLocale.name).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    setActivePinia(createPinia());
    expect(useLocaleStore().locale).toBe('en');
  });

  it('ignores a stored value that is not a known language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(useLocaleStore().locale).toBe('zh-CN');
  });
});
