import { describe, expect, it } from 'vitest';
import { nextMonth, siteMonth } from './visit-month';

describe('visit months', () => {
  it("V1: the month is the site's, not the browser's", () => {
    const at = Date.UTC(2026, 0, 31, 16, 30); // 1 Feb 00:30 in Shanghai
    expect(siteMonth(at, 'Asia/Shanghai')).toBe('2026-02');
    expect(siteMonth(at, 'UTC')).toBe('2026-01');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-02')).toBe('2026-03');
  });
});
