import { describe, expect, it } from 'vitest';
import {
  addDays,
  byRoomAndDay,
  dayOf,
  dayRange,
  businessHours,
  hoursFor,
  isDay,
  minutesOf,
  mondayOf,
  placeByDay,
  weekDays,
  weekFromQuery,
  weekRange,
  zonedTime,
} from './calendar-week';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';

// Monday 2025-01-06 to Sunday 2025-01-12; Shanghai is UTC+8 all year.
const MONDAY = '2025-01-06';
const DAYS = weekDays(MONDAY);
/** An instant given as Shanghai wall time. */
const sh = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(zonedTime(day, h * 60 + m, SH)).toISOString();
};
const appt = (id: string, day: string, from: string, to: string, room?: string | null) => ({
  id,
  startAt: sh(day, from),
  endAt: sh(day, to),
  room: room ? { id: room, name: `room ${room}` } : null,
});

describe('the calendar week', () => {
  it('a week runs Monday to Sunday, whichever day of it is asked', () => {
    expect(mondayOf('2025-01-06')).toBe('2025-01-06');
    expect(mondayOf('2025-01-12')).toBe('2025-01-06'); // Sunday belongs to the week before it
    expect(mondayOf('2025-01-01')).toBe('2024-12-30'); // across a year end
    expect(DAYS).toEqual([
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-01-09',
      '2025-01-10',
      '2025-01-11',
      '2025-01-12',
    ]);
    expect(addDays(MONDAY, -7)).toBe('2024-12-30');
  });

  it('reads the week from the URL, and falls back to this week on anything else', () => {
    expect(weekFromQuery('2025-01-09', '2025-03-05')).toBe(MONDAY);
    expect(weekFromQuery(['2025-01-09'], '2025-03-05')).toBe(MONDAY);
    expect(weekFromQuery(undefined, '2025-03-05')).toBe('2025-03-03');
    expect(weekFromQuery('2025-02-30', '2025-03-05')).toBe('2025-03-03');
    expect(weekFromQuery('next', '2025-03-05')).toBe('2025-03-03');
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
  });

  it('bounds a day and a week by midnight in the site’s time zone', () => {
    expect(weekRange(MONDAY, SH)).toEqual({
      from: '2025-01-05T16:00:00.000Z',
      to: '2025-01-12T16:00:00.000Z',
    });
    expect(dayRange('2025-01-07', SH)).toEqual({
      from: '2025-01-06T16:00:00.000Z',
      to: '2025-01-07T16:00:00.000Z',
    });
    // New York's clocks go forward on 2025-03-09: that day is 23 hours long.
    const { from, to } = dayRange('2025-03-09', NY);
    expect(from).toBe('2025-03-09T05:00:00.000Z');
    expect(to).toBe('2025-03-10T04:00:00.000Z');
  });

  it('reads an instant’s day and time of day in the site’s time zone', () => {
    // 2025-01-06 17:30 UTC is already Tuesday 01:30 in Shanghai.
    expect(dayOf('2025-01-06T17:30:00Z', SH)).toBe('2025-01-07');
    expect(minutesOf('2025-01-06T17:30:00Z', SH)).toBe(90);
    expect(dayOf('2025-01-06T17:30:00Z', NY)).toBe('2025-01-06');
  });
});

describe('blocks in day columns (07:00–22:00)', () => {
  it('places an appointment at its time as a fraction of the column', () => {
    const placed = placeByDay([appt('1', '2025-01-08', '10:00', '11:30')], DAYS, SH);
    expect(placed.get('2025-01-07')).toEqual([]);
    const [block] = placed.get('2025-01-08')!;
    expect(block.top).toBeCloseTo(3 / 15); // 3 h after 07:00 of 15 h shown
    expect(block.height).toBeCloseTo(1.5 / 15);
    expect(block).toMatchObject({ lane: 0, lanes: 1, clippedStart: false, clippedEnd: false });
  });

  it('clips to the hours shown, pins an early or late visit to the edge, keeps a short one readable', () => {
    const placed = placeByDay(
      [
        appt('early', MONDAY, '06:00', '08:00'),
        appt('dawn', MONDAY, '05:00', '06:00'),
        appt('late', MONDAY, '22:30', '23:30'),
        appt('short', MONDAY, '15:00', '15:05'),
      ],
      DAYS,
      SH,
    ).get(MONDAY)!;
    const by = (id: string) => placed.find((p) => p.item.id === id)!;
    expect(by('early')).toMatchObject({ top: 0, clippedStart: true, clippedEnd: false });
    expect(by('early').height).toBeCloseTo(1 / 15);
    expect(by('dawn').top).toBe(0);
    expect(by('dawn').height).toBeCloseTo(0.5 / 15); // the minimum block
    expect(by('late').top + by('late').height).toBeCloseTo(1);
    expect(by('late').clippedEnd).toBe(true);
    expect(by('short').height).toBeCloseTo(0.5 / 15);
  });

  it('an appointment across midnight shows on both days', () => {
    const overnight = { id: 'n', startAt: sh(MONDAY, '20:00'), endAt: sh('2025-01-07', '09:00') };
    const placed = placeByDay([overnight], DAYS, SH);
    expect(placed.get(MONDAY)![0]).toMatchObject({ clippedEnd: true, clippedStart: false });
    expect(placed.get('2025-01-07')![0]).toMatchObject({ top: 0, clippedStart: true });
    expect(placed.get('2025-01-07')![0].height).toBeCloseTo(2 / 15);
  });

  it('overlapping appointments share the width in lanes; one after them takes the whole width', () => {
    const placed = placeByDay(
      [
        appt('a', MONDAY, '09:00', '11:00'),
        appt('b', MONDAY, '10:00', '12:00'),
        appt('c', MONDAY, '11:00', '12:00'), // overlaps b only, reuses a's lane
        appt('d', MONDAY, '14:00', '15:00'),
      ],
      DAYS,
      SH,
    ).get(MONDAY)!;
    const lanes = Object.fromEntries(placed.map((p) => [p.item.id, [p.lane, p.lanes]]));
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });

  it('back-to-back appointments do not count as overlapping', () => {
    const placed = placeByDay(
      [appt('a', MONDAY, '09:00', '10:00'), appt('b', MONDAY, '10:00', '11:00')],
      DAYS,
      SH,
    ).get(MONDAY)!;
    expect(placed.map((p) => p.lanes)).toEqual([1, 1]);
  });
});

describe('the hours shown', () => {
  it('are 07:00–22:00, widened to whole hours to hold an early or late visit of the week', () => {
    expect(hoursFor([appt('a', MONDAY, '09:00', '10:00')], DAYS, SH)).toEqual({
      startHour: 7,
      endHour: 22,
    });
    expect(
      hoursFor(
        [
          appt('breakfast', MONDAY, '06:30', '07:30'),
          appt('dinner', '2025-01-09', '21:00', '22:15'),
        ],
        DAYS,
        SH,
      ),
    ).toEqual({ startHour: 6, endHour: 23 });
    // Outside the week: no effect. Across midnight: the whole of both days.
    expect(hoursFor([appt('x', '2025-01-13', '05:00', '06:00')], DAYS, SH).startHour).toBe(7);
    const overnight = { id: 'n', startAt: sh(MONDAY, '20:00'), endAt: sh('2025-01-07', '09:00') };
    expect(hoursFor([overnight], DAYS, SH)).toEqual({ startHour: 0, endHour: 24 });
  });

  it('a widened column places blocks in the hours it shows', () => {
    const hours = { startHour: 6, endHour: 22 };
    const [block] = placeByDay([appt('b', MONDAY, '06:30', '07:30')], DAYS, SH, hours).get(MONDAY)!;
    expect(block.top).toBeCloseTo(0.5 / 16);
    expect(block.height).toBeCloseTo(1 / 16);
    expect(block.clippedStart).toBe(false);
  });
});

describe('rows of rooms by day', () => {
  it('lists the site’s rooms in order, a room only an appointment still names, then “no room”', () => {
    const rooms = [
      { id: '1', name: '一号会议室' },
      { id: '2', name: '洽谈室' },
    ];
    const rows = byRoomAndDay(
      [
        appt('x', '2025-01-08', '14:00', '15:00', '2'),
        appt('y', '2025-01-08', '09:00', '10:00', '2'),
        appt('z', MONDAY, '09:00', '10:00', null),
        appt('old', '2025-01-10', '09:00', '10:00', '9'),
      ],
      rooms,
      DAYS,
      SH,
    );
    expect(rows.map((r) => r.room?.id ?? null)).toEqual(['1', '2', '9', null]);
    expect(rows[0].cells.get('2025-01-08')).toEqual([]);
    expect(rows[1].cells.get('2025-01-08')!.map((a) => a.id)).toEqual(['y', 'x']);
    expect(rows[3].cells.get(MONDAY)!.map((a) => a.id)).toEqual(['z']);
    expect(rows[2].cells.get('2025-01-10')!.map((a) => a.id)).toEqual(['old']);
  });

  it('puts an appointment in the cell of the site’s day, not the browser’s', () => {
    // 23:30 on Monday in Shanghai is still Monday there, whatever UTC says.
    const rows = byRoomAndDay([appt('late', MONDAY, '23:30', '23:50', null)], [], DAYS, SH);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells.get(MONDAY)!.map((a) => a.id)).toEqual(['late']);
    expect(rows[0].cells.get('2025-01-07')).toEqual([]);
  });
});

describe('businessHours', () => {
  it('R2: the columns follow the site shifts, in whole hours', () => {
    expect(
      businessHours([
        { startTime: '09:00', endTime: '15:00' },
        { startTime: '12:30', endTime: '21:00' },
      ]),
    ).toEqual({ startHour: 9, endHour: 21 });
    expect(businessHours([{ startTime: '08:30', endTime: '20:15' }])).toEqual({
      startHour: 8,
      endHour: 21,
    });
  });

  it('R2: a shift to 24:00 or across midnight keeps the whole evening (and the night) open', () => {
    expect(businessHours([{ startTime: '10:00', endTime: '24:00' }])).toEqual({
      startHour: 10,
      endHour: 24,
    });
    expect(businessHours([{ startTime: '20:00', endTime: '02:00' }])).toEqual({
      startHour: 0,
      endHour: 24,
    });
  });

  it('no shifts: 07:00–22:00; an appointment outside business hours still widens the view', () => {
    expect(businessHours([])).toEqual({ startHour: 7, endHour: 22 });
    const base = businessHours([{ startTime: '09:00', endTime: '21:00' }]);
    expect(hoursFor([appt('dinner', MONDAY, '20:00', '22:30')], DAYS, SH, base)).toEqual({
      startHour: 9,
      endHour: 23,
    });
  });
});
