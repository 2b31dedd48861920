import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '@/composables/use-client';
import { actionError } from './errors';

const err = (code: string, extra: { field?: string; reason?: string } = {}) =>
  new GraphQLRequestError([{ message: 'server words', code, ...extra }]);

describe('appointment action errors', () => {
  it('P2: a taken room says so, next to the room field', () => {
    expect(actionError(err('CONFLICT', { reason: 'P2_ROOM_TAKEN', field: 'roomId' }))).toEqual({
      key: 'appointments.reasons.P2_ROOM_TAKEN',
      field: 'roomId',
      reason: 'P2_ROOM_TAKEN',
    });
  });

  it('C4: the rule wins over the field', () => {
    expect(
      actionError(err('BAD_USER_INPUT', { reason: 'C4_BUDGET', field: 'input.estimatedCost' })),
    ).toEqual({
      key: 'appointments.reasons.C4_BUDGET',
      field: 'estimatedCost',
      reason: 'C4_BUDGET',
    });
  });

  it('a bad input without a rule gets the message of its field', () => {
    expect(actionError(err('BAD_USER_INPUT', { field: 'input.startAt' })).key).toBe(
      'appointments.fieldErrors.startAt',
    );
  });

  it('falls back to the generic message of the code, never the server text', () => {
    expect(actionError(err('BAD_USER_INPUT', { field: 'input.somethingNew' })).key).toBe(
      'errors.BAD_USER_INPUT',
    );
    expect(actionError(err('CONFLICT', { reason: 'SOMETHING_NEW' })).key).toBe('errors.CONFLICT');
    expect(actionError(err('WEIRD')).key).toBe('errors.unknown');
    expect(actionError(new Error('boom')).key).toBe('errors.unknown');
  });
});

describe('every known reason and field has a message', () => {
  it('in both languages', async () => {
    const { KNOWN_FIELDS, KNOWN_REASONS } = await import('./errors');
    const zh = (await import('@/i18n/zh-CN.json')).default.appointments;
    const en = (await import('@/i18n/en.json')).default.appointments;
    for (const r of KNOWN_REASONS) {
      expect(zh.reasons[r], r).toBeTruthy();
      expect(en.reasons[r], r).toBeTruthy();
    }
    for (const f of KNOWN_FIELDS) {
      expect(zh.fieldErrors[f], f).toBeTruthy();
      expect(en.fieldErrors[f], f).toBeTruthy();
    }
  });
});
