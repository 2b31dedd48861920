import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatElapsed, formatTime } from './use-format';

describe('formatDateTime', () => {
  it('shows the instant in the site time zone, not the browser one', () => {
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(formatDateTime('2025-03-01T16:30:00.000Z', 'en', 'Asia/Shanghai')).toContain(
      '03/02/2025',
    );
    expect(formatDateTime('2025-03-01T16:30:00.000Z', 'en', 'UTC')).toContain('03/01/2025');
  });

  it('formats in the chosen language', () => {
    expect(formatDateTime('2025-03-01T04:05:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe(
      '2025/03/01 12:05',
    );
  });

  it('shows nothing for a missing or broken value', () => {
    expect(formatDateTime(null, 'en', 'UTC')).toBe('');
    expect(formatDateTime('not a date', 'en', 'UTC')).toBe('');
  });
});

describe('formatTime, formatDay, formatElapsed', () => {
  it('shows the time of day in the site time zone', () => {
    expect(formatTime('2025-03-01T02:42:05.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('10:42');
    expect(formatTime('2025-03-01T02:42:05.000Z', 'en', 'Asia/Shanghai', true)).toBe('10:42:05');
    expect(formatTime(null, 'en', 'UTC')).toBe('');
  });

  it('names the business day of the site, not of the browser', () => {
    expect(formatDay(Date.parse('2025-03-01T16:30:00.000Z'), 'Asia/Shanghai')).toBe('2025-03-02');
    expect(formatDay(Date.parse('2025-03-01T16:30:00.000Z'), 'UTC')).toBe('2025-03-01');
  });

  it('counts the time gone by as m:ss, then h:mm:ss', () => {
    const start = '2025-03-01T02:00:00.000Z';
    expect(formatElapsed(start, Date.parse(start) + 65_000)).toBe('1:05');
    expect(formatElapsed(start, Date.parse(start) + 3_725_000)).toBe('1:02:05');
    expect(formatElapsed(start, Date.parse(start) - 5_000)).toBe('0:00');
  });
});
