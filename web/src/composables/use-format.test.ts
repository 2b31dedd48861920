import { describe, expect, it } from 'vitest';
import { formatDateTime } from './use-format';

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
