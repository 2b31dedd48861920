import { describe, expect, it } from 'vitest';
import { roomOptions } from './rooms';

const row = (id: string, capacity: number, free: boolean, appointmentIds: string[] = []) => ({
  free,
  appointmentIds,
  room: { id, name: `room ${id}`, capacity, location: '' },
});

describe('room options of the request form', () => {
  it('P2: a room taken for the time is disabled and says by whom', () => {
    const [taken] = roomOptions([row('1', 12, false, ['9'])], 4);
    expect(taken).toMatchObject({
      id: '1',
      taken: true,
      takenBy: ['9'],
      disabled: true,
      tooSmall: false,
    });
  });

  it('a room seating fewer than guests and hosts is disabled', () => {
    expect(roomOptions([row('2', 6, true)], 7)[0]).toMatchObject({
      tooSmall: true,
      disabled: true,
    });
    expect(roomOptions([row('2', 6, true)], 6)[0]).toMatchObject({
      tooSmall: false,
      disabled: false,
    });
  });

  it('free rooms come first, keeping the order among equals', () => {
    const ids = roomOptions(
      [row('1', 12, false, ['3']), row('2', 6, true), row('3', 2, true), row('4', 8, true)],
      4,
    ).map((o) => o.id);
    expect(ids).toEqual(['2', '4', '1', '3']);
  });
});
