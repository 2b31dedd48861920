import { describe, expect, it } from 'vitest';
import {
  addDays,
  addShift,
  changedCells,
  crossesMidnight,
  copyDay,
  dayIn,
  normalizeTime,
  removeShift,
  sameWeek,
  shiftLength,
  shiftProblem,
  shiftsOn,
  TIME_OPTIONS,
  toShiftInputs,
  updateShift,
  weekdayOf,
  weekFromTemplates,
  weeklyMinutes,
  WORKDAYS_AFTER_MONDAY,
} from './shift-week';

const WANG = '3';
const LI = '4';
const fromServer = () =>
  weekFromTemplates([
    { consultantId: WANG, weekday: 1, startTime: '13:00', endTime: '21:00' },
    { consultantId: WANG, weekday: 1, startTime: '09:00', endTime: '12:00' },
    { consultantId: WANG, weekday: 3, startTime: '10:00', endTime: '18:00' },
    { consultantId: LI, weekday: 2, startTime: '09:00', endTime: '21:00' },
  ]);

describe('the weekly shift grid (R2)', () => {
  it('reads a cell as one consultant’s shifts of one weekday, earliest first', () => {
    const week = fromServer();
    expect(shiftsOn(week, WANG, 1).map((s) => `${s.startTime}–${s.endTime}`)).toEqual([
      '09:00–12:00',
      '13:00–21:00',
    ]);
    expect(shiftsOn(week, LI, 1)).toEqual([]);
  });

  it('adds, edits and removes a shift without touching the others', () => {
    let week = fromServer();
    week = addShift(week, LI, 6, { startTime: '10:00', endTime: '20:00' });
    expect(shiftsOn(week, LI, 6)).toHaveLength(1);
    const [added] = shiftsOn(week, LI, 6);
    week = updateShift(week, added.key, { startTime: '11:00', endTime: '20:30' });
    expect(shiftsOn(week, LI, 6)[0]).toMatchObject({ startTime: '11:00', endTime: '20:30' });
    week = removeShift(week, added.key);
    expect(shiftsOn(week, LI, 6)).toEqual([]);
    expect(sameWeek(week, fromServer(), [WANG, LI])).toBe(true);
  });

  it('R2: a shift has times in HH:mm (end up to 24:00), start and end differ, and it overlaps no other shift of the consultant', () => {
    const week = fromServer();
    const check = (startTime: string, endTime: string, exceptKey?: string) =>
      shiftProblem(week, WANG, 1, { startTime, endTime }, exceptKey);
    expect(check('9:00', '12:00')).toBe('startFormat');
    expect(check('24:00', '12:00')).toBe('startFormat');
    expect(check('09:00', '24:30')).toBe('endFormat');
    expect(check('18:00', '18:00')).toBe('sameTime');
    expect(check('11:00', '14:00')).toBe('overlap');
    expect(check('12:00', '13:00')).toBeNull(); // touching is not overlapping
    // Editing a shift does not clash with itself.
    const morning = shiftsOn(week, WANG, 1)[0];
    expect(check('08:00', '12:30', morning.key)).toBeNull();
    expect(shiftProblem(week, LI, 1, { startTime: '11:00', endTime: '14:00' })).toBeNull();
  });

  it('R2: a shift may end at 24:00 or cross midnight, and then counts against the next day', () => {
    const night = addShift([], WANG, 1, { startTime: '20:00', endTime: '02:00' });
    expect(shiftProblem([], WANG, 1, { startTime: '14:00', endTime: '24:00' })).toBeNull();
    expect(shiftProblem([], WANG, 1, { startTime: '20:00', endTime: '02:00' })).toBeNull();
    expect(shiftProblem(night, WANG, 2, { startTime: '01:00', endTime: '09:00' })).toBe('overlap');
    expect(shiftProblem(night, WANG, 2, { startTime: '02:00', endTime: '09:00' })).toBeNull();
    expect(shiftLength('20:00', '02:00')).toBe(360);
    expect(shiftLength('14:00', '24:00')).toBe(600);
    expect(weeklyMinutes(night, WANG)).toBe(360);
    expect(crossesMidnight(night[0])).toBe(true);
    expect(crossesMidnight({ startTime: '14:00', endTime: '24:00' })).toBe(false);
    expect(normalizeTime('24:00')).toBe('24:00');
  });

  it('copies a consultant’s Monday to Tuesday–Friday, replacing those days only for them', () => {
    const week = copyDay(fromServer(), WANG, 1, WORKDAYS_AFTER_MONDAY);
    for (const day of [2, 3, 4, 5])
      expect(shiftsOn(week, WANG, day).map((s) => s.startTime)).toEqual(['09:00', '13:00']);
    expect(shiftsOn(week, WANG, 6)).toEqual([]);
    // Li's Tuesday is his own and stays.
    expect(shiftsOn(week, LI, 2).map((s) => s.endTime)).toEqual(['21:00']);
    // Copies are separate shifts: editing one leaves Monday alone.
    const tuesday = shiftsOn(week, WANG, 2)[0];
    const edited = updateShift(week, tuesday.key, { startTime: '08:00', endTime: '12:00' });
    expect(shiftsOn(edited, WANG, 1)[0].startTime).toBe('09:00');
  });

  it('copying an empty Monday clears the target days', () => {
    const week = copyDay(fromServer(), LI, 1, [2, 3, 4, 5, 6, 7]);
    expect(week.filter((s) => s.consultantId === LI)).toEqual([]);
  });

  it('saves the whole week in a stable order, leaving out people no longer on the site', () => {
    const week = [
      ...fromServer(),
      ...weekFromTemplates([
        { consultantId: '99', weekday: 1, startTime: '09:00', endTime: '10:00' },
      ]),
    ];
    expect(toShiftInputs(week, [LI, WANG])).toEqual([
      { consultantId: LI, weekday: 2, startTime: '09:00', endTime: '21:00' },
      { consultantId: WANG, weekday: 1, startTime: '09:00', endTime: '12:00' },
      { consultantId: WANG, weekday: 1, startTime: '13:00', endTime: '21:00' },
      { consultantId: WANG, weekday: 3, startTime: '10:00', endTime: '18:00' },
    ]);
  });

  it('knows when the week has changed', () => {
    const week = fromServer();
    expect(sameWeek(week, fromServer(), [WANG, LI])).toBe(true);
    expect(
      sameWeek(addShift(week, LI, 7, { startTime: '09:00', endTime: '10:00' }), week, [WANG, LI]),
    ).toBe(false);
  });

  it('points at the cells with unsaved edits', () => {
    const saved = fromServer();
    let week = addShift(saved, LI, 7, { startTime: '09:00', endTime: '10:00' });
    week = removeShift(week, shiftsOn(week, WANG, 3)[0].key);
    // The same shifts in another order are no change.
    week = [...week].reverse();
    expect([...changedCells(week, saved)].sort()).toEqual([`${WANG}:3`, `${LI}:7`].sort());
    expect(changedCells(saved, fromServer()).size).toBe(0);
  });

  it('sums a consultant’s hours in the week', () => {
    expect(weeklyMinutes(fromServer(), WANG)).toBe((3 + 8 + 8) * 60);
  });
});

describe('days of the exceptions list', () => {
  it('takes today in the site’s time zone', () => {
    const lateUtc = new Date('2025-03-09T20:30:00Z');
    expect(dayIn(lateUtc, 'Asia/Shanghai')).toBe('2025-03-10');
    expect(dayIn(lateUtc, 'UTC')).toBe('2025-03-09');
  });

  it('counts whole days across months and years, and knows the ISO weekday', () => {
    expect(addDays('2025-12-25', 13)).toBe('2026-01-07');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(weekdayOf('2025-03-10')).toBe(1);
    expect(weekdayOf('2025-03-16')).toBe(7);
  });
});

describe('typing a time', () => {
  it('reads plain times as HH:mm and leaves anything else for the form to refuse', () => {
    expect(normalizeTime('9:30')).toBe('09:30');
    expect(normalizeTime(' 0930 ')).toBe('09:30');
    expect(normalizeTime('21：00')).toBe('21:00');
    expect(normalizeTime('25:00')).toBe('25:00');
    expect(normalizeTime('noon')).toBe('noon');
  });

  it('offers every half hour and 24:00, all valid shift times', () => {
    expect(TIME_OPTIONS).toHaveLength(49);
    expect(TIME_OPTIONS.slice(17, 20)).toEqual(['08:30', '09:00', '09:30']);
    expect(TIME_OPTIONS.at(-1)).toBe('24:00');
  });
});
