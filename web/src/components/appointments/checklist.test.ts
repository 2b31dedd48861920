import { describe, expect, it } from 'vitest';
import { defaultOwner, itemsForVisit, seasonOf } from './checklist';

const WINTER = [11, 12, 1, 2, 3];
const items = [
  {
    key: 'tables',
    label: '桌椅',
    season: null,
    dueHoursBefore: 2,
    owner: 'ADMINISTRATION' as const,
  },
  {
    key: 'winter-plates',
    label: '干果',
    season: 'WINTER' as const,
    dueHoursBefore: 1,
    owner: 'ADMINISTRATION' as const,
  },
  {
    key: 'summer-plates',
    label: '水果',
    season: 'SUMMER' as const,
    dueHoursBefore: 1,
    owner: 'ADMINISTRATION' as const,
  },
];

describe('checklist of an approval', () => {
  it("C2: the season is the visit's month in the site's zone", () => {
    // 31 Oct 17:00 UTC is already 1 November in Shanghai.
    expect(seasonOf('2026-10-31T17:00:00.000Z', WINTER, 'Asia/Shanghai')).toBe('WINTER');
    expect(seasonOf('2026-10-31T17:00:00.000Z', WINTER, 'UTC')).toBe('SUMMER');
  });

  it('C2: winter visits get the winter plates, summer visits the summer ones', () => {
    expect(
      itemsForVisit(items, '2026-12-10T02:00:00.000Z', WINTER, 'Asia/Shanghai').map((i) => i.key),
    ).toEqual(['tables', 'winter-plates']);
    expect(
      itemsForVisit(items, '2026-07-10T02:00:00.000Z', WINTER, 'Asia/Shanghai').map((i) => i.key),
    ).toEqual(['tables', 'summer-plates']);
  });

  it("P1: administration's items go to the responsible head, else to the lead", () => {
    const lead = { id: '1', displayName: '王芳' };
    const head = { id: '2', displayName: '前台小赵' };
    expect(defaultOwner('ADMINISTRATION', lead, head)).toBe(head);
    expect(defaultOwner('ADMINISTRATION', lead, null)).toBe(lead);
    expect(defaultOwner('LEAD', lead, head)).toBe(lead);
    expect(defaultOwner('RECEIVER', lead, head)).toBe(lead);
  });
});
