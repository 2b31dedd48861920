import { describe, expect, it } from 'vitest';
import { isoToSiteWallClock, siteWallClockToIso } from './site-time';

describe('site wall clock', () => {
  it("reads a picker's wall clock in the site's zone, not the browser's", () => {
    expect(siteWallClockToIso('2026-11-24 15:30', 'Asia/Shanghai')).toBe(
      '2026-11-24T07:30:00.000Z',
    );
    expect(siteWallClockToIso('2026-11-24', 'Asia/Shanghai')).toBe('2026-11-23T16:00:00.000Z');
    expect(siteWallClockToIso('2026-07-01 09:00', 'Europe/Berlin')).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(siteWallClockToIso('2026-01-01 09:00', 'Europe/Berlin')).toBe(
      '2026-01-01T08:00:00.000Z',
    );
  });

  it('refuses what is not a date', () => {
    expect(siteWallClockToIso('', 'Asia/Shanghai')).toBeNull();
    expect(siteWallClockToIso('tomorrow', 'Asia/Shanghai')).toBeNull();
  });

  it('round-trips an instant', () => {
    const wall = isoToSiteWallClock('2026-11-24T07:30:00.000Z', 'Asia/Shanghai');
    expect(wall).toBe('2026-11-24 15:30');
    expect(siteWallClockToIso(wall, 'Asia/Shanghai')).toBe('2026-11-24T07:30:00.000Z');
  });
});
