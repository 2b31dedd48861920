import { describe, expect, it } from 'vitest';
import { changedKeys, pickValues } from './changes.js';

describe('settings changes', () => {
  it('names only the keys whose values differ', () => {
    expect(changedKeys({ a: 'A', n: 3, m: 2 }, { a: 'B', n: 3, m: 5 })).toEqual(['a', 'm']);
  });

  it('nothing differs: no keys', () => {
    expect(changedKeys({ a: 'A', n: 3 }, { n: 3, a: 'A' })).toEqual([]);
  });

  it('a key only on one side counts as changed', () => {
    expect(changedKeys({ old: 1 }, { added: 2 })).toEqual(['added', 'old']);
  });

  it('keeps the listed keys in order and drops the rest', () => {
    expect(pickValues({ b: 2, a: 1, timezone: 'Asia/Shanghai' }, ['a', 'b', 'c'])).toEqual({ a: 1, b: 2, c: null });
    expect(Object.keys(pickValues({ b: 2, a: 1 }, ['a', 'b']))).toEqual(['a', 'b']);
  });
});
