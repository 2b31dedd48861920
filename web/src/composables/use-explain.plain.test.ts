import { describe, expect, it } from 'vitest';
import { withoutRuleIds } from './use-explain';

// Plain words (issue 16): consultants and the wall read sentences, not rule ids.
describe('withoutRuleIds', () => {
  it('drops bracketed and bare rule ids in either language', () => {
    expect(withoutRuleIds('张伟 在门口，按轮序接待（R1）')).toBe('张伟 在门口，按轮序接待');
    expect(withoutRuleIds('Handed over by Wang to Li (R11 B)')).toBe('Handed over by Wang to Li');
    expect(withoutRuleIds('R5 Busy')).toBe('Busy');
    expect(withoutRuleIds('Wang passed: busy since 10:42 (R5); Li')).toBe(
      'Wang passed: busy since 10:42; Li',
    );
  });
  it('leaves other text alone', () => {
    expect(withoutRuleIds('Room 12, 3 units')).toBe('Room 12, 3 units');
  });
});
