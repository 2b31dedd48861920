import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppointmentEntity, CategoryEntity } from '../appointments/appointments.entity.js';
import { DepartmentEntity } from '../accounts/accounts.entity.js';
import { CustomerEntity, DealEntity, FollowUpEntity, RegistrationEntity } from '../customers/customers.entity.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { Leases } from '../platform/db/lease.js';
import { FigureDayEntity } from './figures.entity.js';
import { FigureDaysKeeper } from './keeper.js';

const kinds = await databaseKinds();

// A small fixture made through the real floor (GraphQL) and the registers, then the figures
// recomputed by hand: two days at the riverside office, 11 and 12 March 2025 (Asia/Shanghai).

const CHANGE = `reception { id consultant { id } counted } board { seq events { seq type } }`;
const M = {
  checkIn: `mutation($s: ID!) { checkIn(siteId: $s) { ${CHANGE} } }`,
  goAway: `mutation($s: ID!) { goAway(siteId: $s) { ${CHANGE} } }`,
  end: `mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { ${CHANGE} } }`,
  walkIn: `mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { ${CHANGE} } }`,
  undo: `mutation($s: ID!, $seq: Int!) { undoFloorChange(siteId: $s, seq: $seq, reason: "mis-tap") { ${CHANGE} } }`,
  skip: `mutation($s: ID!, $c: ID!) { skipTurn(siteId: $s, consultantId: $c, reason: "on the phone with the bank") { ${CHANGE} } }`,
  absent: `mutation($s: ID!, $c: ID!) { markAbsent(siteId: $s, consultantId: $c) { ${CHANGE} } }`,
};
type Change = { reception: { id: string; consultant: { id: string } | null; counted: boolean } | null; board: { seq: number; events: Array<{ seq: number; type: string }> } };

const FIGURES = `query($s: ID!, $p: FiguresPeriod!, $d: String!, $to: String) { siteFigures(siteId: $s, period: $p, date: $d, to: $to) {
  from to
  days { day counted enquiries walkIns { new returning broughtAlong nonBuyer } }
  consultants { consultant { id displayName } counted walkIns { new returning broughtAlong nonBuyer } makeUpsGiven makeUpsUsed skips absences
    registrations followUps followUpsDue followUpsOnTime deals dealUnits conversion appointments appointmentsCompleted satisfaction satisfactionCount
    visitsPlanned visitsDone visitReportsOnTime visitReportsLate }
  fairness { spread rows { consultant { id } sharedDays counted expected deviation makeUpsGiven makeUpsUsed makeUpRules { rule count } } }
} }`;

const at = (day: number, hh: number, mm = 0) => Date.UTC(2025, 2, day, hh - 8, mm);

describe.each(kinds)('the manager figures on %s', (kind) => {
  let t: TestApp;
  let now = at(10, 12);
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;

  async function act(as: string, m: keyof typeof M, vars: Record<string, unknown> = {}): Promise<Change> {
    now += 60_000;
    const r = await t.gql<Record<string, Change>>(M[m], { s: bj, ...vars }, tokens[as]);
    expect(r.errors, `${as} ${m}`).toBeUndefined();
    return Object.values(r.data!)[0];
  }
  const walkIn = async (kindOf = 'NEW') => act('desk', 'walkIn', { i: { kind: kindOf, customerName: kindOf === 'NEW' ? '客户' : null } });
  const served = async (kindOf = 'NEW') => {
    const c = await walkIn(kindOf);
    const who = c.reception!.consultant!.id;
    const name = Object.entries(id).find(([, v]) => v === who)![0];
    await act(name, 'end', { r: c.reception!.id });
    return name;
  };
  const figures = async (vars: Record<string, unknown>, as = 'manager') => t.gql<{ siteFigures: any }>(FIGURES, { s: bj, ...vars }, tokens[as]);

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { JWT_TTL: '60d' } });
    for (const u of ['manager', 'desk', 'wang', 'li', 'zhang', 'liu']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    bj = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, tokens.manager)).data!.sites.find((s) => s.code === 'BJ')!.id;
    // R2: wang, li and zhang share the day shift; liu works afternoons only.
    const shifts = { wang: ['09:00', '21:00'], li: ['09:00', '21:00'], zhang: ['09:00', '21:00'], liu: ['13:00', '21:00'] };
    const rows = Object.entries(shifts).flatMap(([u, [startTime, endTime]]) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId: id[u], weekday, startTime, endTime })));
    expect((await t.gql('mutation($s: ID!, $rows: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $rows) { id } }', { s: bj, rows }, tokens.manager)).errors).toBeUndefined();

    // Day 1, from 10:00.
    now = at(11, 10);
    for (const u of ['wang', 'li', 'zhang']) await act(u, 'checkIn');
    const day1: string[] = [];
    day1.push(await served()); // wang
    day1.push(await served()); // li
    day1.push(await served()); // zhang
    await act('wang', 'goAway');
    day1.push(await served()); // R4: wang's turn passes to li, wang keeps a make-up
    await act('wang', 'checkIn');
    day1.push(await served()); // the make-up: wang
    await walkIn('ASKING_WAY'); // R6: not counted
    const mistap = await walkIn();
    const seq = mistap.board.events.find((e) => e.type === 'WALK_IN_RECORDED')!.seq;
    await act('manager', 'undo', { seq });
    await act('manager', 'skip', { c: id.zhang });
    expect(day1).toEqual(['wang', 'li', 'zhang', 'li', 'wang']);

    // Day 2, from 14:00: liu is on the floor too.
    now = at(12, 14);
    for (const u of ['wang', 'li', 'zhang', 'liu']) await act(u, 'checkIn');
    const day2: string[] = [];
    day2.push(await served());
    day2.push(await served());
    await act('desk', 'absent', { c: id.zhang });
    day2.push(await served());
    day2.push(await served('NON_BUYER'));
    // R12: the non-buyer goes to the last consultant in the queue.
    expect(day2).toEqual(['wang', 'li', 'liu', 'liu']);

    // The registers.
    const ds = t.app.ds;
    const siteId = Number(bj);
    const n = (u: string) => Number(id[u]);
    const cust = await ds.getRepository(CustomerEntity).save({ siteId, name: '孙女士', phone: '13800000001', phoneLast4: '0001', createdAt: new Date(at(11, 10)) });
    const cust2 = await ds.getRepository(CustomerEntity).save({ siteId, name: '周先生', phone: '13800000002', phoneLast4: '0002', createdAt: new Date(at(11, 10)) });
    const reg = await ds.getRepository(RegistrationEntity).save({ siteId, customerId: cust.id, consultantId: n('wang'), name: '孙女士', phone: '13800000001', at: new Date(at(11, 10, 30)), correctsId: null, intent: '{}', createdBy: n('wang') });
    // O1: a correction is not a new registration.
    await ds.getRepository(RegistrationEntity).save({ siteId, customerId: cust.id, consultantId: n('wang'), name: '孙女士', phone: '13800000001', at: new Date(at(11, 11)), correctsId: reg.id, intent: '{}', createdBy: n('wang') });
    await ds.getRepository(RegistrationEntity).save({ siteId, customerId: cust2.id, consultantId: n('li'), name: '周先生', phone: '13800000002', at: new Date(at(9, 10)), correctsId: null, intent: '{}', createdBy: n('li') });
    const fu = (customerId: number, u: string, when: number, nextAt: number | null) =>
      ds.getRepository(FollowUpEntity).save({ customerId, consultantId: n(u), at: new Date(when), kind: 'CALL', note: null, nextAt: nextAt === null ? null : new Date(nextAt) });
    await fu(cust.id, 'wang', at(11, 10), at(11, 12)); // promised 12:00 …
    await fu(cust.id, 'wang', at(11, 11, 30), null); // … kept at 11:30
    await fu(cust2.id, 'li', at(11, 10), at(11, 11)); // promised 11:00, never kept
    await fu(cust2.id, 'li', at(12, 14), at(13, 10)); // promised for after the period
    const deal = (units: number, when: number, credit: Array<[string, number]>) =>
      ds.getRepository(DealEntity).save({ siteId, customerId: cust.id, buyerName: '孙女士', dealAt: new Date(when), units, credit: JSON.stringify(credit.map(([u, share]) => ({ consultantId: n(u), share }))), attribution: '{}', recordedBy: n('manager'), createdAt: new Date(when) });
    await deal(2, at(11, 16), [['wang', 0.5], ['li', 0.5]]); // O8: split
    await deal(1, at(12, 15), [['li', 1]]);
    await deal(1, at(13, 15), [['li', 1]]); // after the period
    const category = await ds.getRepository(CategoryEntity).findOneByOrFail({ code: 'D' });
    const dept = await ds.getRepository(DepartmentEntity).findOneByOrFail({ name: '滨江销售部' });
    const appointment = (state: string, start: number, satisfaction: number | null) =>
      ds.getRepository(AppointmentEntity).save({
        siteId, categoryId: category.id, state, approvedOnce: true, purpose: '参观', visitorCompany: '某公司', headcount: 2, hosts: 1,
        startAt: new Date(start), endAt: new Date(start + 3600_000), leadDepartmentId: dept.id, supportingDepartmentIds: [], leadUserId: n('wang'),
        roomId: null, equipmentKinds: [], estimatedCost: null, catering: false, pickUp: false, lodging: false, gifts: false, notes: '', late: false,
        requestedById: n('wang'), requestedAt: new Date(start - 86400_000), decidedById: null, decidedAt: null, decisionReason: null, lateApproved: false,
        arrivedAt: null, outcome: null, cooperationIntent: null, feedback: null, satisfaction, completedAt: null, updatedAt: new Date(start),
      });
    await appointment('completed', at(11, 15), 4);
    await appointment('approved', at(12, 16), null);
    await appointment('cancelled', at(12, 17), null); // did not happen
    now = at(12, 15, 30);
  });
  afterAll(async () => {
    await t?.close();
  });

  const walk = (n: number, nb = 0) => ({ new: n, returning: 0, broughtAlong: 0, nonBuyer: nb });

  it('R6, R3, R4, R15, O1, O8, P4: per consultant over a custom period, recomputed by hand', async () => {
    const r = await figures({ p: 'CUSTOM', d: '2025-03-11', to: '2025-03-12' });
    expect(r.errors).toBeUndefined();
    const f = r.data!.siteFigures;
    expect([f.from, f.to]).toEqual(['2025-03-11', '2025-03-12']);
    // Day 1: five counted (the undone walk-in is gone, asking the way is not counted); day 2: three and a non-buyer.
    expect(f.days).toEqual([
      { day: '2025-03-11', counted: 5, enquiries: 1, walkIns: walk(5) },
      { day: '2025-03-12', counted: 3, enquiries: 0, walkIns: walk(3, 1) },
    ]);
    const row = (u: string) => f.consultants.find((c: any) => c.consultant.id === id[u]);
    // Only consultants: the manager who leads a demo appointment has no row.
    expect(f.consultants.map((c: any) => c.consultant.id).sort()).toEqual([id.wang, id.li, id.zhang, id.liu].sort());
    expect(row('wang')).toMatchObject({
      counted: 3, walkIns: walk(3), makeUpsGiven: 1, makeUpsUsed: 1, skips: 0, absences: 0,
      registrations: 1, followUps: 2, followUpsDue: 1, followUpsOnTime: 1, deals: 0.5, dealUnits: 1, conversion: 0.17,
      appointments: 2, appointmentsCompleted: 1, satisfaction: 4, satisfactionCount: 1,
      // V4 comes from the visits feature; this fixture has no visit plans.
      visitsPlanned: 0, visitsDone: 0, visitReportsOnTime: 0, visitReportsLate: 0,
    });
    expect(row('li')).toMatchObject({
      counted: 3, walkIns: walk(3), makeUpsGiven: 0, makeUpsUsed: 0, registrations: 0,
      followUps: 2, followUpsDue: 1, followUpsOnTime: 0, deals: 1.5, dealUnits: 2, conversion: 0.5, appointments: 0, satisfaction: null,
    });
    expect(row('zhang')).toMatchObject({ counted: 1, walkIns: walk(1), skips: 1, absences: 1, deals: 0, conversion: 0 });
    expect(row('liu')).toMatchObject({ counted: 1, walkIns: walk(1, 1), skips: 0, absences: 0, conversion: 0 });
  });

  it('R1: fairness compares consultants on the same shift, with the make-ups that explain it', async () => {
    const f = (await figures({ p: 'CUSTOM', d: '2025-03-11', to: '2025-03-12' })).data!.siteFigures;
    // Day 1 the day shift counted 2, 2, 1 (mean 5/3); day 2 1, 1, 0 (mean 2/3); liu works alone in the afternoon.
    expect(f.fairness.rows).toEqual([
      { consultant: { id: id.wang }, sharedDays: 2, counted: 3, expected: 2.33, deviation: 0.67, makeUpsGiven: 1, makeUpsUsed: 1, makeUpRules: [{ rule: 'R4', count: 1 }] },
      { consultant: { id: id.li }, sharedDays: 2, counted: 3, expected: 2.33, deviation: 0.67, makeUpsGiven: 0, makeUpsUsed: 0, makeUpRules: [] },
      { consultant: { id: id.zhang }, sharedDays: 2, counted: 1, expected: 2.33, deviation: -1.33, makeUpsGiven: 0, makeUpsUsed: 0, makeUpRules: [] },
    ]);
    expect(f.fairness.spread).toBe(2);
  });

  it('keeps closed days and folds today live; the kept fold gives the same figures', async () => {
    const first = (await figures({ p: 'WEEK', d: '2025-03-12' })).data!.siteFigures;
    expect([first.from, first.to]).toEqual(['2025-03-10', '2025-03-16']);
    const kept = (await t.app.ds.getRepository(FigureDayEntity).findBy({ siteId: Number(bj) })).map((k) => k.day).sort();
    // Today (12 March) and the days after it are never kept.
    expect(kept).toEqual(['2025-03-10', '2025-03-11']);
    const again = (await figures({ p: 'WEEK', d: '2025-03-12' })).data!.siteFigures;
    expect(again).toEqual(first);
    expect(first.days.map((d: any) => d.day)).toEqual(['2025-03-10', '2025-03-11', '2025-03-12']);
    const day = (await figures({ p: 'DAY', d: '2025-03-11' })).data!.siteFigures;
    expect(day.days).toEqual([first.days[1]]);
    const month = (await figures({ p: 'MONTH', d: '2025-03-11' })).data!.siteFigures;
    expect([month.from, month.to]).toEqual(['2025-03-01', '2025-03-31']);
  });

  it('the keeper folds a day once it has settled, once across instances; a later request reads it without folding', async () => {
    const siteId = Number(bj);
    const keptDays = async () => (await t.app.ds.getRepository(FigureDayEntity).findBy({ siteId })).map((k) => k.day).sort();
    // Just after midnight the day is not settled yet: nothing to keep.
    now = at(13, 0, 5);
    await t.app.figuresKeeper.tick();
    expect(await keptDays()).not.toContain('2025-03-12');
    now = at(13, 0, 20);
    // A second instance (its own lease holder) ticking at the same time stays out of the way.
    const other = new FigureDaysKeeper(t.app.ds, t.app.services.figures, new Leases(t.app.ds, { now: () => new Date(now) }), t.app.logger);
    const [mine, theirs] = await Promise.all([t.app.figuresKeeper.tick(), other.tick()]);
    expect([mine, theirs].filter((n) => n === null)).toHaveLength(1);
    expect(mine ?? theirs).toBe(1);
    expect(await keptDays()).toContain('2025-03-12');
    // The same fold the live request made while it was today.
    const day = (await figures({ p: 'DAY', d: '2025-03-12' })).data!.siteFigures;
    expect(day.days).toEqual([{ day: '2025-03-12', counted: 3, enquiries: 0, walkIns: walk(3, 1) }]);
    // Read, not folded: a mark left in the kept row shows through.
    const repo = t.app.ds.getRepository(FigureDayEntity);
    const row = await repo.findOneByOrFail({ siteId, day: '2025-03-12' });
    await repo.update({ siteId, day: '2025-03-12' }, { facts: JSON.stringify({ ...JSON.parse(row.facts), enquiries: 42 }) });
    expect((await figures({ p: 'DAY', d: '2025-03-12' })).data!.siteFigures.days[0].enquiries).toBe(42);
    await repo.update({ siteId, day: '2025-03-12' }, { facts: row.facts });
    // Nothing left to keep: the next tick keeps nothing.
    expect(await t.app.figuresKeeper.tick()).toBe(0);
  });

  it('only managers and administrators see the figures; periods are checked', async () => {
    const r = await figures({ p: 'MONTH', d: '2025-03-11' }, 'wang');
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await figures({ p: 'CUSTOM', d: '2025-03-11', to: '2025-03-01' });
    expect(bad.errors?.[0].extensions?.field).toBe('to');
    const tooLong = await figures({ p: 'CUSTOM', d: '2024-01-01', to: '2025-03-01' });
    expect(tooLong.errors?.[0].extensions?.field).toBe('to');
    expect((await figures({ p: 'DAY', d: '11/03/2025' })).errors?.[0].extensions?.field).toBe('date');
  });
});
