import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { csvOf, registerRows, xlsxOf, type Cell } from '../test-support/register-files.js';
import { CustomerEntity, RegistrationEntity } from './customers.entity.js';
import { readTable } from './customers.import.js';

const kinds = await databaseKinds();

// Offices that kept their register in spreadsheets import it (xlsx, csv) with a preview,
// row-level errors and no partial import, and export it to xlsx (O9: masked for consultants).

const Q = {
  preview: `query($s: ID!, $f: String!, $c: String!) { previewCustomerImport(siteId: $s, fileName: $f, contentBase64: $c) {
    rows valid errorCount errors { row field code message params } sample { row name phone consultant registeredAt budget size source } } }`,
  import: `mutation($s: ID!, $f: String!, $c: String!) { importCustomers(siteId: $s, fileName: $f, contentBase64: $c) { imported } }`,
  export: `query($s: ID!) { exportCustomers(siteId: $s) { fileName contentBase64 } }`,
  lookup: `query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { id name phone ownership { owner { displayName } rule } } }`,
};

/** Epoch ms of a wall-clock time in Asia/Shanghai (UTC+8). */
const shanghai = (y: number, m: number, d: number, h = 0, mi = 0) =>
  Date.UTC(y, m - 1, d, h - 8, mi);
const b64 = (b: Buffer) => b.toString('base64');

describe.each(kinds)('the register in spreadsheets on %s', (kind) => {
  let t: TestApp;
  const now = shanghai(2025, 3, 10, 12);
  const tokens: Record<string, string> = {};
  let bj: string;
  const count = async () => ({
    customers: await t.app.ds.getRepository(CustomerEntity).count(),
    registrations: await t.app.ds.getRepository(RegistrationEntity).count(),
  });

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) } });
    for (const u of ['admin', 'manager', 'desk', 'wang', 'li']) tokens[u] = await t.login(u);
    bj = (
      await t.gql<{ sites: Array<{ id: string; code: string }> }>(
        '{ sites { id code } }',
        {},
        tokens.manager,
      )
    ).data!.sites.find((s) => s.code === 'BJ')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('O1: a 10,000-row xlsx with errors is previewed with row errors and refused whole; fixed, every row is imported in one go', async () => {
    const consultants = ['wang', '李强', 'zhang', 'liu'];
    const broken: Record<number, (r: Cell[]) => Cell[]> = {
      10: (r) => ['', ...r.slice(1)],
      4_321: (r) => [r[0], r[1], 'chen', ...r.slice(3)],
      9_998: (r) => [r[0], '13900000005', ...r.slice(2)],
    };
    const bad = await xlsxOf(
      registerRows(10_000, consultants, { registeredAt: '2025-03-09 10:00', broken }),
    );
    const before = await count();

    const preview = await t.gql(
      Q.preview,
      { s: bj, f: '客户登记.xlsx', c: b64(bad) },
      tokens.manager,
    );
    expect(preview.errors).toBeUndefined();
    const p = preview.data.previewCustomerImport;
    expect(p).toMatchObject({ rows: 10_000, valid: 9_997, errorCount: 3 });
    // Sheet rows: the header is row 1, data index i is row i + 2.
    expect(
      p.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]),
    ).toEqual([
      [12, 'name', 'REQUIRED'],
      [4_323, 'consultant', 'UNKNOWN_CONSULTANT'],
      [10_000, 'phone', 'DUPLICATE_IN_FILE'],
    ]);
    expect(p.errors[2].params).toEqual({ firstRow: 7 });
    expect(p.sample).toHaveLength(20);
    expect(p.sample[0]).toEqual({
      row: 2,
      name: '客户00',
      phone: '13900000000',
      consultant: '王芳',
      registeredAt: new Date(shanghai(2025, 3, 9, 10)).toISOString(),
      budget: '200万',
      size: '80㎡',
      source: '路过',
    });
    expect(await count()).toEqual(before);

    const refused = await t.gql(
      Q.import,
      { s: bj, f: '客户登记.xlsx', c: b64(bad) },
      tokens.manager,
    );
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      errorCount: 3,
      errors: [
        expect.objectContaining({ row: 12, field: 'name' }),
        expect.objectContaining({ row: 4_323 }),
        expect.objectContaining({ row: 10_000 }),
      ],
    });
    expect(await count()).toEqual(before);

    const good = await xlsxOf(
      registerRows(10_000, consultants, { registeredAt: '2025-03-09 10:00' }),
    );
    const started = performance.now();
    const done = await t.gql(Q.import, { s: bj, f: '客户登记.xlsx', c: b64(good) }, tokens.manager);
    const ms = performance.now() - started;
    expect(done.errors).toBeUndefined();
    expect(done.data.importCustomers).toEqual({ imported: 10_000 });
    expect(await count()).toEqual({
      customers: before.customers + 10_000,
      registrations: before.registrations + 10_000,
    });
    // Fast enough to wait for at the desk (seconds, not minutes), on either database.
    expect(ms).toBeLessThan(20_000);
    console.info(`[${kind}] imported 10,000 xlsx rows in ${Math.round(ms)} ms`);

    // Each imported customer belongs to its consultant from the sheet's date (O2).
    const found = (await t.gql(Q.lookup, { s: bj, q: '13900004321' }, tokens.manager)).data
      .customerLookup;
    expect(found).toEqual([
      {
        id: expect.any(String),
        name: '客户04321',
        phone: '13900004321',
        ownership: { owner: { displayName: '李强' }, rule: 'O2' },
      },
    ]);
    const regs = await t.app.ds
      .getRepository(RegistrationEntity)
      .findBy({ customerId: Number(found[0].id) });
    expect(regs).toHaveLength(1);
    expect(regs[0].at.getTime()).toBe(shanghai(2025, 3, 9, 10));
    expect(JSON.parse(regs[0].intent)).toEqual({
      budget: `${200 + (4321 % 300)}万`,
      size: `${80 + (4321 % 60)}㎡`,
      source: '朋友介绍',
    });

    // The same file again: every phone is already in the register; nothing is written.
    const again = await t.gql(Q.preview, { s: bj, f: 'again.xlsx', c: b64(good) }, tokens.manager);
    expect(again.data.previewCustomerImport).toMatchObject({
      rows: 10_000,
      valid: 0,
      errorCount: 10_000,
    });
    expect(again.data.previewCustomerImport.errors).toHaveLength(500);
    expect(again.data.previewCustomerImport.errors[0]).toMatchObject({
      row: 2,
      field: 'phone',
      code: 'IN_REGISTER',
    });
  });

  it('O1: csv imports the same way: refused whole with an error, imported when fixed', async () => {
    const before = await count();
    const rows = registerRows(300, ['wang', 'li'], {
      prefix: '7',
      registeredAt: '2025/3/8',
      broken: { 299: (r) => [r[0], r[1], r[2], '2025-03-11', ...r.slice(4)] },
    });
    const bad = await t.gql(
      Q.import,
      { s: bj, f: 'register.csv', c: b64(csvOf(rows)) },
      tokens.admin,
    );
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ row: 301, field: 'registeredAt', code: 'FUTURE_DATE' }],
    });
    expect(await count()).toEqual(before);
    rows[300][3] = '2025-03-10 09:00';
    const ok = await t.gql(
      Q.import,
      { s: bj, f: 'register.csv', c: b64(csvOf(rows)) },
      tokens.admin,
    );
    expect(ok.data.importCustomers).toEqual({ imported: 300 });
    expect((await count()).customers).toBe(before.customers + 300);
  });

  it('O5: an imported name already in the register (or twice in the file) with another phone becomes a conflict for the manager', async () => {
    const rows = registerRows(3, ['wang'], { prefix: '4' });
    rows[1][0] = '钱先生'; // a demo customer, registered with another phone
    rows[2][0] = rows[3][0] = '同名客户';
    const r = await t.gql(
      `mutation($s: ID!, $f: String!, $c: String!) { importCustomers(siteId: $s, fileName: $f, contentBase64: $c) { imported conflicts } }`,
      { s: bj, f: 'register.csv', c: b64(csvOf(rows)) },
      tokens.manager,
    );
    expect(r.data.importCustomers).toEqual({ imported: 3, conflicts: 2 });
    const { customerConflicts } = (
      await t.gql(`query($s: ID!) { customerConflicts(siteId: $s) { kind customerName details } }`, { s: bj }, tokens.manager)
    ).data;
    const o5 = customerConflicts.filter((c: { kind: string; customerName: string }) => c.kind === 'O5' && ['钱先生', '同名客户'].includes(c.customerName));
    expect(o5.map((c: { customerName: string }) => c.customerName).sort()).toEqual(['同名客户', '钱先生']);
    for (const c of o5) expect(c.details.match).toMatchObject({ kind: 'SAME_NAME', customerIds: [expect.any(Number)] });
  });

  it('import is for managers and administrators; bad files are BAD_USER_INPUT naming the argument', async () => {
    const file = b64(csvOf(registerRows(2, ['wang'], { prefix: '6' })));
    for (const as of ['wang', 'desk']) {
      expect(
        (await t.gql(Q.import, { s: bj, f: 'a.csv', c: file }, tokens[as])).errors![0].extensions!
          .code,
        as,
      ).toBe('FORBIDDEN');
      expect(
        (await t.gql(Q.preview, { s: bj, f: 'a.csv', c: file }, tokens[as])).errors![0].extensions!
          .code,
        as,
      ).toBe('FORBIDDEN');
    }
    const before = await count();
    const cases: Array<[string, string, string]> = [
      ['a.xls', file, 'fileName'],
      ['a.csv', 'not base64!', 'contentBase64'],
      ['a.csv', '', 'contentBase64'],
      ['a.xlsx', b64(Buffer.from('not a zip')), 'contentBase64'],
    ];
    for (const [f, c, field] of cases) {
      const r = await t.gql(Q.import, { s: bj, f, c }, tokens.manager);
      expect(r.errors![0].extensions, f).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Larger than 2 MB decoded: refused by the resolver; larger than the 3 MB body limit: by HTTP.
    const big = await t.gql(
      Q.import,
      { s: bj, f: 'big.csv', c: 'A'.repeat(2_900_000) },
      tokens.manager,
    );
    expect(big.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'contentBase64',
    });
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.manager}` },
      body: JSON.stringify({
        query: Q.import,
        variables: { s: bj, f: 'huge.csv', c: 'A'.repeat(3_200_000) },
      }),
    });
    expect(res.status).toBe(413);
    expect(
      ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
        .extensions.code,
    ).toBe('BAD_REQUEST');
    expect(await count()).toEqual(before);
  });

  it('export: the register as xlsx that the import reads back; O9: consultants get masked numbers except their own customers', async () => {
    await t.gql(
      Q.import,
      {
        s: bj,
        f: 'few.csv',
        c: b64(
          csvOf(registerRows(2, ['wang', 'li'], { prefix: '5', registeredAt: '2025-03-10 08:30' })),
        ),
      },
      tokens.manager,
    );
    const [wangs, lis] = ['13950000000', '13950000001'];
    const exported = async (as: string) => {
      const r = await t.gql(Q.export, { s: bj }, tokens[as]);
      expect(r.errors, as).toBeUndefined();
      expect(r.data.exportCustomers.fileName).toBe('register-BJ-2025-03-10.xlsx');
      return readTable(
        r.data.exportCustomers.fileName,
        Buffer.from(r.data.exportCustomers.contentBase64, 'base64'),
      );
    };
    const full = await exported('manager');
    expect(full[0].slice(0, 8)).toEqual([
      '姓名',
      '电话',
      '置业顾问',
      '登记日期',
      '预算',
      '面积',
      '来源',
      '归属顾问',
    ]);
    expect(full.length).toBe((await count()).customers + 1);
    const row = (table: string[][], name: string) => table.find((r) => r[0] === name)!;
    expect(row(full, '客户50').slice(0, 9)).toEqual([
      '客户50',
      wangs,
      '王芳',
      '2025-03-10 08:30',
      '200万',
      '80㎡',
      '路过',
      '王芳',
      'O2',
    ]);
    expect(row(full, '客户51')[1]).toBe(lis);

    const byWang = await exported('wang');
    expect(row(byWang, '客户50')[1]).toBe(wangs);
    expect(row(byWang, '客户51')[1]).toBe('139****0001');
    expect(JSON.stringify(byWang)).not.toContain(lis);
    expect((await t.gql(Q.export, { s: bj }, tokens.desk)).errors![0].extensions!.code).toBe(
      'FORBIDDEN',
    );

    // Round trip: the manager's export is read back, every row already in the register; a
    // consultant's masked export is refused row by row (O9 numbers cannot come back in).
    const round = (
      await t.gql(Q.preview, { s: bj, f: 'export.csv', c: b64(csvOf(full)) }, tokens.manager)
    ).data.previewCustomerImport;
    expect(round).toMatchObject({ rows: full.length - 1, valid: 0 });
    expect(new Set(round.errors.map((e: { code: string }) => e.code))).toEqual(
      new Set(['IN_REGISTER']),
    );
    const masked = (
      await t.gql(
        Q.preview,
        { s: bj, f: 'export.csv', c: b64(csvOf([full[0], row(byWang, '客户51')])) },
        tokens.manager,
      )
    ).data.previewCustomerImport;
    expect(masked.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'phone', code: 'MASKED_PHONE' }),
    ]);
  });
});
