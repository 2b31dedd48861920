import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../platform/phone.js';
import {
  attributeDeal,
  buyerMatches,
  DEFAULT_OWNERSHIP_SETTINGS,
  effectiveRegistrations,
  isComplete,
  matchPerson,
  ownershipAt,
  splitCredit,
  type FollowUp,
  type OwnershipDecision,
  type Registration,
} from './ownership.js';

const TZ = 'Asia/Shanghai';
const S = { ...DEFAULT_OWNERSHIP_SETTINGS, timezone: TZ };
/** Site time: November `day`, hh:mm in Shanghai. */
const at = (day: number, hhmm = '10:00', tz = TZ) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new TZDate(2026, 10, day, h, m, 0, 0, tz).getTime();
};
const [WANG, LI, ZHANG] = [1, 2, 3];
const C = 10;
let nextId = 1;
const reg = (consultantId: number | null, day: number, extra: Partial<Registration> = {}): Registration => ({
  id: nextId++,
  customerId: C,
  consultantId,
  name: '孙丽',
  phone: '13812345678',
  at: at(day),
  correctsId: null,
  ...extra,
});
const fu = (consultantId: number, day: number, hhmm = '10:00'): FollowUp => ({ customerId: C, consultantId, at: at(day, hhmm) });
const owner = (registrations: Registration[], followUps: FollowUp[], when: number, decisions: OwnershipDecision[] = []) =>
  ownershipAt(C, { registrations, followUps, decisions }, when, S);

describe('O1 valid registration, never edited', () => {
  it('O1: a valid registration needs the real name, a phone number and the registering consultant', () => {
    expect(isComplete({ name: '孙丽', phone: '13812345678', consultantId: WANG })).toBe(true);
    expect(isComplete({ name: ' ', phone: '13812345678', consultantId: WANG })).toBe(false);
    expect(isComplete({ name: '孙丽', phone: null, consultantId: WANG })).toBe(false);
    expect(isComplete({ name: '孙丽', phone: '13812345678', consultantId: null })).toBe(false);
  });

  it('O1: a correction is a new record pointing at the old one; a typo fix keeps the original date', () => {
    const first = reg(WANG, 1, { name: '孙莉' });
    const fix = reg(WANG, 3, { correctsId: first.id });
    const eff = effectiveRegistrations([first, fix]);
    expect(eff).toEqual([expect.objectContaining({ id: fix.id, name: '孙丽', effectiveAt: first.at })]);
  });

  it('O1/O4: completing an incomplete registration later does not win the earlier date', () => {
    const blank = reg(WANG, 1, { phone: null });
    const other = reg(LI, 2);
    const filled = reg(WANG, 3, { correctsId: blank.id });
    expect(owner([blank, other, filled], [], at(3, '12:00')).ownerId).toBe(LI);
  });
});

describe('O2 ownership', () => {
  it('O2: the earliest valid registration owns the customer', () => {
    expect(owner([reg(WANG, 1), reg(LI, 2)], [], at(3))).toMatchObject({ ownerId: WANG, rule: 'O2' });
  });

  it('O2: when the first owner lapses, the next registration still within its period owns', () => {
    const r = [reg(WANG, 1), reg(LI, 5)];
    const f = [fu(LI, 10)];
    expect(owner(r, f, at(9, '00:00')).ownerId).toBe(LI);
  });
});

describe('O3 follow-up period', () => {
  it('O3: still owned on day 7 without a follow-up; free on day 8 (site days)', () => {
    const r = [reg(WANG, 1, { at: at(1, '23:30') })];
    expect(owner(r, [], at(8, '23:59')).ownerId).toBe(WANG);
    expect(owner(r, [], at(9, '00:00'))).toMatchObject({ ownerId: null, rule: 'O3' });
  });

  it('O3: a follow-up restarts the period', () => {
    const r = [reg(WANG, 1)];
    expect(owner(r, [fu(WANG, 6)], at(13, '23:59')).ownerId).toBe(WANG);
    expect(owner(r, [fu(WANG, 6)], at(14, '00:00')).ownerId).toBe(null);
  });

  it('O3: a follow-up logged after the lapse does not bring ownership back', () => {
    const r = [reg(WANG, 1)];
    expect(owner(r, [fu(WANG, 10)], at(11)).ownerId).toBe(null);
  });

  it("O3: the site's time zone decides what a day is", () => {
    // 23:30 in Shanghai is 15:30 UTC the same date; 00:30 Shanghai on the 2nd is still the 1st in UTC.
    const late = [reg(WANG, 1, { at: at(2, '00:30') })];
    const inShanghai = ownershipAt(C, { registrations: late, followUps: [], decisions: [] }, at(9, '23:59'), S);
    const inUtc = ownershipAt(C, { registrations: late, followUps: [], decisions: [] }, at(9, '23:59'), { ...S, timezone: 'UTC' });
    expect(inShanghai.ownerId).toBe(WANG);
    expect(inUtc.ownerId).toBe(null);
  });

  it('O3: the period is a site setting', () => {
    const r = [reg(WANG, 1)];
    expect(ownershipAt(C, { registrations: r, followUps: [], decisions: [] }, at(5), { ...S, followUpDays: 3 }).ownerId).toBe(null);
  });
});

describe('O4 incomplete', () => {
  it('O4: an incomplete registration never wins a dispute', () => {
    expect(owner([reg(WANG, 1, { name: null }), reg(LI, 2)], [], at(3)).ownerId).toBe(LI);
    expect(owner([reg(WANG, 1, { name: null })], [], at(3))).toMatchObject({ ownerId: null, rule: 'O4' });
  });
});

describe('O5 / O6 who is this person', () => {
  const known = [{ id: 10, name: '孙丽', phone: '13812345678', family: [{ name: '孙建国', relation: 'PARENT' }] }];

  it('O5: same name with a different phone is a different person unless verified', () => {
    expect(matchPerson('孙丽', '13900000000', known)).toEqual({ kind: 'SAME_NAME', customerIds: [10] });
  });

  it('O6: same phone, different name: immediate family stays with the owner', () => {
    expect(matchPerson('孙建国', '13812345678', known)).toEqual({ kind: 'FAMILY', customerId: 10, relation: 'PARENT' });
    expect(matchPerson('李伟', '13812345678', known, { relation: 'SPOUSE' })).toEqual({ kind: 'FAMILY', customerId: 10, relation: 'SPOUSE' });
  });

  it('O6: same phone, different name, not immediate family: a conflict for the manager', () => {
    expect(matchPerson('赵敏', '13812345678', known)).toEqual({ kind: 'PHONE_CONFLICT', customerId: 10 });
    expect(matchPerson('赵敏', '13812345678', known, { relation: 'COUSIN' })).toEqual({ kind: 'PHONE_CONFLICT', customerId: 10 });
  });

  it('O5/O6: the same person by name and phone is the same customer', () => {
    expect(matchPerson(' 孙 丽', '13812345678', known)).toEqual({ kind: 'SAME', customerId: 10 });
  });
});

describe('O7 deal attribution', () => {
  it('O7: a deal goes to the owner on the deal date', () => {
    const d = attributeDeal(C, { registrations: [reg(WANG, 1)], followUps: [], decisions: [] }, at(5), S);
    expect(d).toMatchObject({ consultantId: WANG, lookedBack: false });
  });

  it('O7: a deal looks back 7 days for an owner whose period just ran out; not 8', () => {
    const input = { registrations: [reg(WANG, 1)], followUps: [], decisions: [] };
    // Owned through day 8 (lapsed at the start of day 9): a deal on day 15 looks back to day 8, one on day 16 to day 9.
    expect(attributeDeal(C, input, at(15), S)).toMatchObject({ consultantId: WANG, lookedBack: true });
    expect(attributeDeal(C, input, at(16), S)).toMatchObject({ consultantId: null });
  });

  it('O7: a buyer with another name matches through immediate family (parents, spouse)', () => {
    const c = { id: 10, name: '孙丽', phone: '13812345678', family: [{ name: '周强', relation: 'SPOUSE' }, { name: '孙小明', relation: 'CHILD' }] };
    expect(buyerMatches('周强', c)).toBe(true);
    expect(buyerMatches('孙小明', c)).toBe(false);
    expect(buyerMatches('王五', c)).toBe(false);
  });
});

describe('O8 split credit', () => {
  it('O8: a split deal is recorded as two halves', () => {
    expect(splitCredit(WANG, ZHANG)).toEqual([
      { consultantId: WANG, share: 0.5 },
      { consultantId: ZHANG, share: 0.5 },
    ]);
  });
});

describe('decisions', () => {
  it("a manager's assignment settles a dispute from its date; a release frees the customer", () => {
    const r = [reg(WANG, 1), reg(LI, 2)];
    const assign: OwnershipDecision = { customerId: C, kind: 'ASSIGN', consultantId: LI, at: at(3) };
    expect(owner(r, [], at(4), [assign])).toMatchObject({ ownerId: LI, rule: 'DECISION' });
    const release: OwnershipDecision = { customerId: C, kind: 'RELEASE', consultantId: null, at: at(5) };
    expect(owner(r, [], at(6), [assign, release]).ownerId).toBe(null);
  });
});

describe('O9 phone numbers', () => {
  it('O9: masked as 138****5678; Chinese formats normalize to one number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    for (const p of ['+86 138 1234 5678', '0086-138-1234-5678', '8613812345678', '(138) 1234-5678']) expect(normalizePhone(p)).toBe('13812345678');
    expect(normalizePhone('0571-8888 6666')).toBe('057188886666');
  });
});
