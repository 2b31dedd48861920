import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';
import { exportFileName } from './export-file-name';

const t = (locale: 'en' | 'zh-CN') => {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } });
  return (key: string, params: Record<string, unknown>) => i18n.global.t(key, params);
};

describe('register export file name', () => {
  it('is in the UI language, keeping the site code and the site day', () => {
    expect(exportFileName('register-BJ-2025-03-10.xlsx', t('zh-CN'))).toBe(
      '客户登记簿-BJ-2025-03-10.xlsx',
    );
    expect(exportFileName('register-BJ-2025-03-10.xlsx', t('en'))).toBe(
      'register-BJ-2025-03-10.xlsx',
    );
  });
  it('keeps a name it does not recognise as the server sent it', () => {
    expect(exportFileName('other.xlsx', t('zh-CN'))).toBe('other.xlsx');
  });
});
