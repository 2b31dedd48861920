import { describe, expect, it } from 'vitest';
import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';
import { KNOWN_KINDS, describeEvent, describeHistory, type HistoryNames } from './history';

const names: HistoryNames = {
  person: (id) => (id === 7 ? '小赵' : `#${String(id)}`),
  room: (id) => (id === 2 ? '洽谈室' : id === 3 ? '贵宾室' : '—'),
  equipment: (id) => (id === 5 ? '投影仪 1 号' : `#${String(id)}`),
  dateTime: (iso) => `T(${iso})`,
  intent: (v) => `intent:${v}`,
  nobody: 'system',
};
const ev = (kind: string, params: unknown, by: string | null = '王顾问') => ({
  id: '1',
  at: '2026-11-24T02:00:00.000Z',
  kind,
  params,
  by: by ? { displayName: by } : null,
});

/** Looks a dotted key up in a messages object. */
const lookup = (messages: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (m, k) => (m && typeof m === 'object' ? (m as Record<string, unknown>)[k] : undefined),
      messages,
    );

describe('appointment history as i18n keys', () => {
  it('P1: a late request says how much notice the category asks', () => {
    const e = describeEvent(ev('REQUESTED', { late: true, noticeDays: 2 }), names);
    expect(e.title).toEqual({
      key: 'appointments.history.kinds.REQUESTED',
      params: { by: '王顾问' },
    });
    expect(e.details).toEqual([{ key: 'appointments.history.late', params: { days: 2 } }]);
    expect(e.tone).toBe('primary');
  });

  it('P1/C1: an approval names the accepted short notice, the tasks and the note', () => {
    const e = describeEvent(
      ev('APPROVED', { late: true, note: '同意', tasks: 3 }, '周经理'),
      names,
    );
    expect(e.details.map((d) => d.key)).toEqual([
      'appointments.history.lateAccepted',
      'appointments.history.tasksCreated',
      'appointments.history.note',
    ]);
    expect(e.details[1].params).toEqual({ count: 3 });
  });

  it('P3: a reschedule shows from and to times, the room change and the reason', () => {
    const e = describeEvent(
      ev('RESCHEDULED', {
        reason: '客户改期',
        from: { startAt: '2026-11-25T02:00:00.000Z', endAt: 'x', roomId: 2 },
        to: { startAt: '2026-11-26T06:00:00.000Z', endAt: 'y', roomId: 3 },
      }),
      names,
    );
    expect(e.details).toEqual([
      {
        key: 'appointments.history.moved',
        params: { from: 'T(2026-11-25T02:00:00.000Z)', to: 'T(2026-11-26T06:00:00.000Z)' },
      },
      { key: 'appointments.history.roomChanged', params: { from: '洽谈室', to: '贵宾室' } },
      { key: 'appointments.history.reason', params: { reason: '客户改期' } },
    ]);
  });

  it('the same room is not reported as changed', () => {
    const e = describeEvent(
      ev('RESCHEDULED', {
        reason: 'r',
        from: { startAt: 'a', roomId: 2 },
        to: { startAt: 'b', roomId: 2 },
      }),
      names,
    );
    expect(e.details.map((d) => d.key)).not.toContain('appointments.history.roomChanged');
  });

  it('C3: equipment names the item and the named person', () => {
    const e = describeEvent(
      ev('EQUIPMENT_OUT', { reservationId: 1, equipmentId: 5, byUserId: 7 }),
      names,
    );
    expect(e.title.params).toEqual({ by: '王顾问', item: '投影仪 1 号', person: '小赵' });
  });

  it('P5, P4 and ticks carry their facts', () => {
    expect(
      describeEvent(ev('SPECIAL_REQUEST', { escalatedToId: 7, promisedBy: 'p' }), names),
    ).toMatchObject({
      title: { params: { to: '小赵' } },
      details: [{ key: 'appointments.history.promisedBy', params: { at: 'T(p)' } }],
    });
    expect(describeEvent(ev('ARRIVED', { guests: 4 }), names).title.params).toEqual({
      by: '王顾问',
      count: 4,
    });
    expect(
      describeEvent(ev('TASK_DONE', { key: 'tea', label: '茶水' }), names).title.params,
    ).toEqual({
      by: '王顾问',
      label: '茶水',
    });
    expect(
      describeEvent(ev('COMPLETED', { satisfaction: 5, cooperationIntent: 'HIGH' }), names).details,
    ).toEqual([
      { key: 'appointments.history.satisfaction', params: { score: 5 } },
      { key: 'appointments.history.intent', params: { intent: 'intent:HIGH' } },
    ]);
  });

  it('an unknown kind or broken params stay readable', () => {
    const e = describeEvent(ev('SOMETHING_NEW', 'not an object', null), names);
    expect(e.title).toEqual({
      key: 'appointments.history.kinds.OTHER',
      params: { by: 'system', kind: 'SOMETHING_NEW' },
    });
    expect(describeEvent(ev('REJECTED', null), names).details).toEqual([]);
  });

  it('newest first', () => {
    const list = describeHistory(
      [
        { ...ev('REQUESTED', {}), id: '1', at: '2026-11-24T01:00:00.000Z' },
        { ...ev('APPROVED', {}), id: '2', at: '2026-11-24T02:00:00.000Z' },
        { ...ev('TASK_DONE', {}), id: '3', at: '2026-11-24T02:00:00.000Z' },
      ],
      names,
    );
    expect(list.map((e) => e.id)).toEqual(['3', '2', '1']);
  });

  it('every key it produces exists in both languages', () => {
    const full = {
      late: true,
      noticeDays: 1,
      note: 'n',
      tasks: 2,
      reason: 'r',
      from: { startAt: 'a', roomId: 1 },
      to: { startAt: 'b', roomId: 2 },
      satisfaction: 4,
      cooperationIntent: 'LOW',
      promisedBy: 'p',
      label: 'l',
      guests: 1,
    };
    const keys = new Set<string>();
    for (const kind of [...KNOWN_KINDS, 'OTHER_KIND']) {
      const e = describeEvent(ev(kind, full), names);
      for (const l of [e.title, ...e.details]) keys.add(l.key);
    }
    for (const key of keys) {
      expect(typeof lookup(zhCN, key), `zh-CN ${key}`).toBe('string');
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
    }
  });
});
