import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/harness.js';
import { AppointmentEntity, GuestEntity } from '../appointments/appointments.entity.js';
import { CustomerEntity, CustomerFamilyEntity, RegistrationEntity } from './customers.entity.js';

const kinds = await databaseKinds();

// Issue 13: one phone rule at every entry point (platform/phone.ts): the register form, a
// correction, family members, the desk's walk-in, the import and an appointment's guest
// contacts accept the same numbers and refuse letters with BAD_USER_INPUT (reason BAD_PHONE), writing nothing.

const Q = {
  register: `mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match registrationId customer { id phone } } }`,
  correct: `mutation($id: ID!, $n: String!, $p: String!) { correctRegistration(id: $id, name: $n, phone: $p) { id phone } }`,
  walkIn: `mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { reception { id customerName } } }`,
  checkIn: `mutation($s: ID!) { checkIn(siteId: $s) { board { seq } } }`,
  preview: `query($s: ID!, $f: String!, $c: String!) { previewCustomerImport(siteId: $s, fileName: $f, contentBase64: $c) { rows valid errorCount errors { row field code message } } }`,
  import: `mutation($s: ID!, $f: String!, $c: String!) { importCustomers(siteId: $s, fileName: $f, contentBase64: $c) { imported } }`,
  appointments: `query($s: ID!) { appointments(siteId: $s, limit: 500) { rows { id state } } }`,
  arrive: `mutation($id: ID!, $g: [GuestInput!]!) { recordArrival(id: $id, guests: $g) { id state } }`,
  timeline: `query($id: ID!) { customer(id: $id) { timeline { kind details } } }`,
};

/** 12:00 Asia/Shanghai on Tuesday 10 June 2025. */
const NOW = Date.UTC(2025, 5, 10, 4);

describe.each(kinds)('one phone rule at every entry point on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(NOW) }, env: { JWT_TTL: '1000d' } });
    for (const u of ['manager', 'desk', 'wang', 'li']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    bj = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, tokens.manager)).data!.sites.find((s) => s.code === 'BJ')!.id;
    // Shifts every day, so the desk has a floor to record walk-ins on.
    const rows = ['wang', 'li'].flatMap((u) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId: id[u], weekday, startTime: '09:00', endTime: '21:00' })));
    await ok('manager', 'mutation($s: ID!, $rows: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $rows) { id } }', { s: bj, rows });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown>): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, q.slice(0, 60)).toBeUndefined();
    return r.data!;
  }
  async function refused(as: string, q: string, vars: Record<string, unknown>) {
    const r: GqlResult<unknown> = await t.gql(q, vars, tokens[as]);
    expect(r.errors, `should be refused: ${q.slice(0, 60)}`).toBeDefined();
    return r.errors![0].extensions;
  }
  const counts = async () => ({
    customers: await t.app.ds.getRepository(CustomerEntity).count(),
    registrations: await t.app.ds.getRepository(RegistrationEntity).count(),
    family: await t.app.ds.getRepository(CustomerFamilyEntity).count(),
  });

  it('O5/O9 phone rule: the register refuses letters (not stripped) and invalid numbers, writing nothing', async () => {
    const before = await counts();
    for (const phone of ['1381234567O', '138-1234-5678 ext', '12345', '12345678901']) {
      expect(await refused('wang', Q.register, { s: bj, i: { name: '赵六', phone } }), phone).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'phone',
        reason: 'BAD_PHONE',
      });
    }
    // A family member's phone follows the same rule.
    expect(
      await refused('wang', Q.register, { s: bj, i: { name: '赵六', phone: '13822220001', family: [{ name: '赵妻', phone: '139abc', relation: 'SPOUSE' }] } }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'family.0.phone', reason: 'BAD_PHONE' });
    expect(await counts()).toEqual(before);
  });

  it('O5/O9 phone rule: "+86 138-1234-5678" and "13812345678" are one customer; landlines and foreign numbers are keyed', async () => {
    const first = await ok('wang', Q.register, { s: bj, i: { name: '钱七', phone: '+86 138-2222-0002' } });
    expect(first.registerCustomer.customer.phone).toBe('13822220002');
    // The same person typed without +86: the one customer, owned (O2), so refused; never a second customer.
    expect(await refused('manager', Q.register, { s: bj, i: { name: '钱七', phone: '13822220002', consultantId: id.li } })).toMatchObject({
      code: 'CONFLICT',
      reason: 'O2_ALREADY_REGISTERED',
      customerId: first.registerCustomer.customer.id,
    });
    expect(await t.app.ds.getRepository(CustomerEntity).countBy({ phone: '13822220002' })).toBe(1);

    const landline = await ok('wang', Q.register, { s: bj, i: { name: '孙八', phone: '(0571) 8888-6601', family: [{ name: '孙妻', phone: '0086 139 2222 0003', relation: 'SPOUSE' }] } });
    expect(landline.registerCustomer.customer.phone).toBe('057188886601');
    const fam = await t.app.ds.getRepository(CustomerFamilyEntity).findOneByOrFail({ customerId: Number(landline.registerCustomer.customer.id) });
    expect(fam.phone).toBe('13922220003');
    const foreign = await ok('wang', Q.register, { s: bj, i: { name: 'Anna Schmidt', phone: '+49 1512 3456789' } });
    expect(foreign.registerCustomer.customer.phone).toBe('+4915123456789');
  });

  it('O5/O9 phone rule: a correction refuses letters and keys the number like the register', async () => {
    const r = await ok('wang', Q.register, { s: bj, i: { name: '周九', phone: '13822220004' } });
    const regs = await t.app.ds.getRepository(RegistrationEntity).count();
    expect(await refused('wang', Q.correct, { id: r.registerCustomer.registrationId, n: '周九', p: '1382222OOO4' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
      reason: 'BAD_PHONE',
    });
    expect(await t.app.ds.getRepository(RegistrationEntity).count()).toBe(regs);
    const fixed = await ok('wang', Q.correct, { id: r.registerCustomer.registrationId, n: '周九', p: '+86 138 2222 0005' });
    expect(fixed.correctRegistration.phone).toBe('13822220005');
  });

  it('O5/O9 phone rule: the desk walk-in with a phone refuses letters, recording nothing', async () => {
    // Someone on the floor to receive the walk-in (the demo may have them there already).
    const shown = await t.gql(Q.checkIn, { s: bj }, tokens.wang);
    if (shown.errors) expect(shown.errors[0].extensions).toMatchObject({ reason: 'ALREADY_ON_FLOOR' });
    const events = async () => (await t.gql<any>(`query($s: ID!) { rotationBoard(siteId: $s) { seq } }`, { s: bj }, tokens.desk)).data.rotationBoard.seq;
    const seq = await events();
    expect(await refused('desk', Q.walkIn, { s: bj, i: { kind: 'NEW', customerName: '吴十', phone: '1382222000x' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.phone',
      reason: 'BAD_PHONE',
    });
    expect(await refused('desk', Q.walkIn, { s: bj, i: { kind: 'NEW', customerName: '吴十', phone: '138 2222 000', registerCustomer: true } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.phone',
      reason: 'BAD_PHONE',
    });
    expect(await events()).toBe(seq);
    // The same number typed with +86 and dashes is registered under the register's key.
    const before = await t.app.ds.getRepository(CustomerEntity).countBy({ phone: '13822220006' });
    expect(before).toBe(0);
    await ok('desk', Q.walkIn, { s: bj, i: { kind: 'NEW', customerName: '吴十', phone: '+86 138-2222-0006', registerCustomer: true } });
    expect(await t.app.ds.getRepository(CustomerEntity).countBy({ phone: '13822220006' })).toBe(1);
  });

  it('O5/O9 phone rule: the import refuses the same numbers with the same message, and keys the rest alike', async () => {
    const csv = (rows: string[][]) => Buffer.from(['姓名,电话,顾问', ...rows.map((r) => r.join(','))].join('\n')).toString('base64');
    const bad = await ok('manager', Q.preview, { s: bj, f: 'a.csv', c: csv([['郑一', '1382222000O', 'wang'], ['郑二', '+86 138-2222-0007', 'wang']]) });
    expect(bad.previewCustomerImport.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'phone', code: 'INVALID_PHONE' }),
    ]);
    // The same words as the API's error for a typed number.
    const api = await t.gql(Q.register, { s: bj, i: { name: '郑一', phone: '1382222000O' } }, tokens.wang);
    expect(bad.previewCustomerImport.errors[0].message).toBe(api.errors![0].message);
    // "+86 138-2222-0007" in the file and 13822220007 typed later are one customer.
    await ok('manager', Q.import, { s: bj, f: 'b.csv', c: csv([['郑二', '+86 138-2222-0007', 'wang']]) });
    expect(await t.app.ds.getRepository(CustomerEntity).countBy({ phone: '13822220007' })).toBe(1);
    const typed = await t.gql<any>(Q.register, { s: bj, i: { name: '郑二', phone: '13822220007' } }, tokens.li);
    expect(typed.data?.registerCustomer?.match ?? typed.errors![0].extensions!.reason).toMatch(/SAME|O2_ALREADY_REGISTERED/);
    expect(await t.app.ds.getRepository(CustomerEntity).countBy({ phone: '13822220007' })).toBe(1);
  });

  it('O5/O9 phone rule: a guest contact typed as a number refuses letters, recording nothing; "+86 138-…" is keyed like the register', async () => {
    // An approved visit of the demo's (the desk records its arrival, P4).
    const rows = (await ok<any>('desk', Q.appointments, { s: bj })).appointments.rows as Array<{ id: string; state: string }>;
    const visit = rows.find((r) => r.state === 'APPROVED' || r.state === 'PREPARED')!;
    expect(visit, 'an approved demo visit').toBeDefined();
    const stored = async () => ({
      guests: await t.app.ds.getRepository(GuestEntity).countBy({ appointmentId: Number(visit.id) }),
      state: (await t.app.ds.getRepository(AppointmentEntity).findOneByOrFail({ id: Number(visit.id) })).state,
    });
    const before = await stored();
    for (const contact of ['1382222OOO8', '138-2222-0008 ext 2', '12345']) {
      expect(await refused('desk', Q.arrive, { id: visit.id, g: [{ name: '陈立', contact: '微信 chenli' }, { name: '王敏', contact }] }), contact).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'guests.1.contact',
        reason: 'BAD_PHONE',
      });
    }
    expect(await stored()).toEqual(before);

    // The same person in the register: the visit shows on their timeline through the keyed number.
    const reg = await ok('wang', Q.register, { s: bj, i: { name: '陈立', phone: '13822220008' } });
    await ok('desk', Q.arrive, {
      id: visit.id,
      g: [
        { name: '陈立', contact: '+86 138-2222-0008' },
        { name: '王敏', contact: 'wangmin@example.com' },
        { name: '刘强', contact: '微信 liuqiang' },
      ],
    });
    const guests = await t.app.ds.getRepository(GuestEntity).find({ where: { appointmentId: Number(visit.id) }, order: { id: 'ASC' } });
    expect(guests.map((g) => g.contact)).toEqual(['13822220008', 'wangmin@example.com', '微信 liuqiang']);
    const timeline = (await ok<any>('wang', Q.timeline, { id: reg.registerCustomer.customer.id })).customer.timeline as Array<{ kind: string; details: any }>;
    expect(timeline.filter((e) => e.kind === 'APPOINTMENT').map((e) => e.details.appointmentId)).toEqual([Number(visit.id)]);
  });
});
