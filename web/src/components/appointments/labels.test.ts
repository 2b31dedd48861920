import { describe, expect, it } from 'vitest';
import { categoryLabel, categoryShortName } from './labels';

describe('category labels', () => {
  it('drops a leading word that repeats the code', () => {
    expect(categoryShortName({ code: 'C', name: 'C类 业务客户' })).toBe('业务客户');
    expect(categoryShortName({ code: 'A', name: 'A – important guests' })).toBe('important guests');
    expect(categoryLabel({ code: 'B', name: 'B类 重要客户' })).toBe('B · 重要客户');
  });

  it('keeps names that do not repeat the code, or are the code alone', () => {
    expect(categoryShortName({ code: 'E', name: '政府来访' })).toBe('政府来访');
    expect(categoryShortName({ code: 'VIP', name: 'VIP' })).toBe('VIP');
    expect(categoryLabel({ code: 'E', name: '政府来访' })).toBe('E · 政府来访');
  });
});
