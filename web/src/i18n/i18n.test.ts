import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every leaf key as a dotted path, with its value. */
function leaves(messages: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/** `{name}` style placeholders of a message. */
const placeholders = (message: unknown) =>
  [...String(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n messages', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it('zh-CN and en have exactly the same keys', () => {
    const onlyZh = [...zh.keys()].filter((k) => !english.has(k));
    const onlyEn = [...english.keys()].filter((k) => !zh.has(k));
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
  });

  it('every message is a non-empty string', () => {
    for (const [key, value] of [...zh, ...english]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  });

  it('a message uses the same placeholders in both languages', () => {
    for (const [key, value] of zh)
      expect(placeholders(english.get(key)), key).toEqual(placeholders(value));
  });

  it('no message shows a rule code or an event number (issue 16: plain words)', () => {
    for (const [key, value] of [...zh, ...english]) {
      expect(String(value), key).not.toMatch(/(?<![A-Za-z0-9])[ROCPV]\d{1,2}(?![0-9])/);
      expect(String(value), key).not.toMatch(/#\{seq\}/);
    }
  });
});
