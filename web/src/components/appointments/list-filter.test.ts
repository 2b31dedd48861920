import { describe, expect, it } from 'vitest';
import { filterInput, listQuery, nextDay, parseListQuery } from './list-filter';

describe('appointment list filters in the URL', () => {
  it('reads every filter from the query', () => {
    expect(
      parseListQuery({
        states: 'REQUESTED,approved,BOGUS,REQUESTED',
        category: '3',
        department: '7',
        from: '2026-11-01',
        to: '2026-11-30',
        q: ' 华远 ',
        page: '2',
      }),
    ).toEqual({
      states: ['REQUESTED', 'APPROVED'],
      categoryId: '3',
      departmentId: '7',
      from: '2026-11-01',
      to: '2026-11-30',
      search: '华远',
      page: 2,
    });
  });

  it('ignores what is malformed and swaps a reversed range', () => {
    expect(
      parseListQuery({
        category: 'x',
        department: ['1;drop'],
        from: '2026-12-01',
        to: '2026-11-01',
        page: '-4',
      }),
    ).toEqual({
      states: [],
      categoryId: null,
      departmentId: null,
      from: '2026-11-01',
      to: '2026-12-01',
      search: '',
      page: 1,
    });
  });

  it('round-trips, leaving defaults out of the URL', () => {
    const f = parseListQuery({
      states: 'PREPARED',
      from: '2026-11-01',
      to: '2026-11-02',
      page: '3',
    });
    expect(listQuery(f)).toEqual({
      states: 'PREPARED',
      from: '2026-11-01',
      to: '2026-11-02',
      page: '3',
    });
    expect(parseListQuery(listQuery(f) as never)).toEqual(f);
    expect(listQuery(parseListQuery({}))).toEqual({});
  });

  it("sends whole days of the site's calendar to the server", () => {
    const f = parseListQuery({
      from: '2026-11-24',
      to: '2026-11-30',
      states: 'APPROVED',
      category: '2',
    });
    expect(filterInput(f, 'Asia/Shanghai')).toEqual({
      states: ['APPROVED'],
      categoryIds: ['2'],
      departmentIds: null,
      from: '2026-11-23T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      search: null,
    });
  });

  it('counts the next day across month and year ends', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
