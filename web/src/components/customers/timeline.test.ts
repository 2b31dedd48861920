import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  conflictAnswers,
  readConflict,
  readAttribution,
  readIntent,
  readReception,
  standingRegistrations,
  type TimelineRegistration,
} from './timeline';

const wang = { id: '3', displayName: '王顾问' };

function reg(id: string, at: string, correctsId: string | null = null): TimelineRegistration {
  return { id, at, correctsId, name: '张三', phone: '13800001234', intent: {}, consultant: wang };
}

const empty = { registrations: [], followUps: [], decisions: [], deals: [], conflicts: [] };

describe('customer timeline', () => {
  it("adds the server's floor entries (receptions, links, visits) to the register's records, newest first", () => {
    const floor = (kind: string, at: string, details: Record<string, unknown>) => ({
      at,
      kind: kind as 'RECEPTION',
      counted: kind === 'RECEPTION' ? false : null,
      rule: kind === 'RECEPTION' ? 'R9' : null,
      details,
      consultant: wang,
      actor: null,
      people: [wang],
    });
    const t = buildTimeline({
      ...empty,
      registrations: [reg('1', '2026-11-01T02:00:00Z')],
      timeline: [
        floor('REGISTRATION', '2026-11-01T02:00:00Z', {}),
        floor('RECEPTION', '2026-11-01T03:00:00Z', {
          receptionId: 'r7',
          walkInKind: 'RETURNING',
          explanation: { rule: 'R9' },
        }),
        floor('LINKED', '2026-11-02T03:00:00Z', { receptionId: 'r7' }),
        floor('APPOINTMENT', '2026-11-03T03:00:00Z', { appointmentId: 4, purpose: 'p' }),
      ],
    });
    // The register's own kinds come from its lists, not twice from the server's timeline.
    expect(t.map((e) => e.kind)).toEqual(['appointment', 'linked', 'reception', 'registration']);
    expect(t.map((e) => e.key)).toEqual([
      'appointment-4',
      'linked-r7',
      'reception-r7',
      'registration-1',
    ]);
    expect(
      readReception(t[2].item && 'details' in t[2].item ? t[2].item.details : null),
    ).toMatchObject({
      receptionId: 'r7',
      walkInKind: 'RETURNING',
      broughtAlong: false,
      explanation: { rule: 'R9' },
    });
  });

  it('merges every kind of record, newest first', () => {
    const t = buildTimeline({
      ...empty,
      registrations: [reg('1', '2026-11-01T02:00:00Z')],
      followUps: [
        {
          id: '5',
          at: '2026-11-03T02:00:00Z',
          kind: 'CALL',
          note: 'n',
          nextAt: null,
          consultant: wang,
        },
      ],
      decisions: [
        {
          id: '2',
          at: '2026-11-02T02:00:00Z',
          kind: 'ASSIGN',
          reason: 'r',
          details: null,
          consultant: wang,
          decidedBy: null,
        },
      ],
      deals: [
        {
          id: '9',
          customerId: '1',
          customerName: '张三',
          buyerName: '张三',
          dealAt: '2026-11-04T02:00:00Z',
          units: 1,
          credit: [],
          attribution: {},
        },
      ],
      conflicts: [
        {
          id: '4',
          customerId: '1',
          customerName: '张三',
          kind: 'O6',
          details: {},
          createdAt: '2026-11-01T03:00:00Z',
          resolvedAt: null,
        },
      ],
    });
    expect(t.map((e) => e.kind)).toEqual([
      'deal',
      'followUp',
      'decision',
      'conflict',
      'registration',
    ]);
  });

  it('O1: a correction points at the registration it corrects, and the old one at its correction', () => {
    const t = buildTimeline({
      ...empty,
      registrations: [reg('1', '2026-11-01T02:00:00Z'), reg('2', '2026-11-01T05:00:00Z', '1')],
    });
    const [newer, older] = t;
    expect(newer.kind === 'registration' && newer.corrects?.id).toBe('1');
    expect(newer.kind === 'registration' && newer.correctedBy).toBeNull();
    expect(older.kind === 'registration' && older.correctedBy?.id).toBe('2');
    expect(older.kind === 'registration' && older.corrects).toBeNull();
  });

  it('on the same instant the later step of a story comes first', () => {
    const at = '2026-11-01T02:00:00Z';
    const t = buildTimeline({
      ...empty,
      registrations: [reg('1', at)],
      conflicts: [
        {
          id: '1',
          customerId: '1',
          customerName: 'x',
          kind: 'O5',
          details: {},
          createdAt: at,
          resolvedAt: null,
        },
      ],
    });
    expect(t.map((e) => e.kind)).toEqual(['conflict', 'registration']);
  });

  it('O1: only registrations not corrected by a newer one stand', () => {
    const regs = [
      reg('1', '2026-11-01T02:00:00Z'),
      reg('2', '2026-11-02T02:00:00Z', '1'),
      reg('3', '2026-11-03T02:00:00Z'),
    ];
    expect(standingRegistrations(regs).map((r) => r.id)).toEqual(['3', '2']);
  });

  it('O7: reads the attribution a deal records, tolerating missing fields', () => {
    expect(
      readAttribution({ consultantId: 3, lookedBack: true, buyerMatches: false, lookbackDays: 7 }),
    ).toEqual({
      consultantId: 3,
      lookedBack: true,
      buyerMatches: false,
      lookbackDays: 7,
    });
    expect(readAttribution(null)).toEqual({
      consultantId: null,
      lookedBack: false,
      buyerMatches: true,
      lookbackDays: null,
    });
  });

  it('reads the intent of a registration', () => {
    expect(readIntent({ budget: ' 300万 ', size: 120 })).toEqual({
      budget: '300万',
      size: '',
      source: '',
    });
  });
});

describe('conflicts', () => {
  it('O5: a same-name conflict names the registered customers it collides with', () => {
    expect(
      readConflict('O5', { rule: 'O5', match: { kind: 'SAME_NAME', customerIds: [3, 4] } }),
    ).toMatchObject({
      kind: 'O5',
      existingIds: ['3', '4'],
    });
    expect(conflictAnswers('O5')).toEqual(['SAME_PERSON', 'DIFFERENT']);
  });

  it('O6: a same-phone conflict is answered family or different', () => {
    expect(
      readConflict('O6', { rule: 'O6', match: { kind: 'PHONE_CONFLICT', customerId: 7 } })
        .existingIds,
    ).toEqual(['7']);
    expect(conflictAnswers('O6')).toEqual(['FAMILY', 'DIFFERENT']);
  });

  it('O7: a disputed deal says why and is answered by assigning or releasing', () => {
    expect(
      readConflict('DEAL', {
        rule: 'O7',
        dealId: 1,
        buyerName: '王五',
        buyerMatches: false,
        owner: 3,
      }),
    ).toMatchObject({
      kind: 'DEAL',
      buyerName: '王五',
      buyerMatches: false,
      hasOwner: true,
    });
    expect(readConflict('DEAL', { owner: null }).hasOwner).toBe(false);
    expect(conflictAnswers('DEAL')).toEqual(['ASSIGN', 'RELEASE']);
  });
});
