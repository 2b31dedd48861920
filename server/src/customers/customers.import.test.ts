import { describe, expect, it } from 'vitest';
import { csvOf, HEADER, registerRows, xlsxOf } from '../test-support/register-files.js';
import {
  againstRegister,
  checkImport,
  IMPORT_MAX_ROWS,
  ImportFileError,
  parseRegisteredAt,
  readTable,
  writeRegister,
  EXPORT_COLUMNS,
} from './customers.import.js';

const TZ = 'Asia/Shanghai';
// 12:00 Asia/Shanghai, 10 March 2025.
const NOW = Date.UTC(2025, 2, 10, 4, 0);
const consultants = [
  { id: 4, username: 'wang', displayName: '王磊' },
  { id: 5, username: 'li', displayName: '李娜' },
  { id: 6, username: 'zhang', displayName: '张伟' },
  { id: 7, username: 'zhang2', displayName: '张伟' },
];
const ctx = { consultants, timezone: TZ, now: NOW };
const check = (table: string[][]) => checkImport(table, ctx);

describe('reading a register file', () => {
  it('reads the first sheet of an xlsx with the sheet’s row numbers, dates as their wall-clock reading', async () => {
    const file = await xlsxOf([
      HEADER,
      ['张三', 13812345678, 'wang', new Date(Date.UTC(2025, 2, 1, 9, 30)), '300万', '90', '路过'],
      [],
      ['李四', '138 0000 1111', '李娜', null, null, null, null],
    ]);
    const table = await readTable('登记表.XLSX', file);
    expect(table[0]).toEqual(HEADER);
    expect(table[1]).toEqual([
      '张三',
      '13812345678',
      'wang',
      '2025-03-01 09:30:00',
      '300万',
      '90',
      '路过',
    ]);
    expect(table[3].slice(0, 3)).toEqual(['李四', '138 0000 1111', '李娜']);
    const r = check(table);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 4]);
    // 09:30 in the site's zone is 01:30 UTC.
    expect(r.rows[0].registeredAt).toBe(Date.UTC(2025, 2, 1, 1, 30));
  });

  it('reads csv in UTF-8 (with BOM) and in GB18030 as Excel in China saves it', async () => {
    const utf8 = await readTable(
      'a.csv',
      csvOf([HEADER, ['王五', '13900001111', 'li', '2025/3/2', '', '', '']]),
    );
    expect(utf8[1].slice(0, 4)).toEqual(['王五', '13900001111', 'li', '2025/3/2']);
    // "姓名,电话,置业顾问\n王五,13900001111,li" in GB18030.
    const gbk = Buffer.from(
      'd0d5c3fb2cb5e7bbb02cd6c3d2b5b9cbceca0acdf5cee52c31333930303030313131312c6c69',
      'hex',
    );
    const table = await readTable('b.csv', gbk);
    expect(table[0]).toEqual(['姓名', '电话', '置业顾问']);
    expect(table[1]).toEqual(['王五', '13900001111', 'li']);
  });

  it('refuses other files and unreadable content with a code', async () => {
    await expect(readTable('register.xls', Buffer.from('x'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE',
    });
    await expect(readTable('register.xlsx', Buffer.from('not a zip'))).rejects.toBeInstanceOf(
      ImportFileError,
    );
    await expect(readTable('a.csv', Buffer.from('"unterminated,1\n'))).rejects.toMatchObject({
      code: 'UNREADABLE',
    });
  });
});

describe('checking every row (O1, O4)', () => {
  it('O1: name, phone and consultant are required; each missing one is a row error naming the field', () => {
    const r = check([
      HEADER,
      ['', '13800000001', 'wang'],
      ['赵六', '', 'wang'],
      ['钱七', '13800000003', ''],
      ['孙八', '13800000004', 'wang'],
    ]);
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'name', 'REQUIRED'],
      [3, 'phone', 'REQUIRED'],
      [4, 'consultant', 'REQUIRED'],
    ]);
    expect(r.total).toBe(4);
    expect(r.rows.map((x) => x.name)).toEqual(['孙八']);
  });

  it('normalizes phones (+86, spaces, dashes) and refuses what is not a number, or masked (O9)', () => {
    const r = check([
      ['name', 'phone', 'consultant'],
      ['A', '+86 138-0000-0001', 'wang'],
      ['B', '0086 13800000002', 'wang'],
      ['C', '138****0003', 'wang'],
      ['D', 'call me', 'wang'],
      ['E', '12', 'wang'],
    ]);
    expect(r.rows.map((x) => x.phone)).toEqual(['13800000001', '13800000002']);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'MASKED_PHONE'],
      [5, 'INVALID_PHONE'],
      [6, 'INVALID_PHONE'],
    ]);
  });

  it('a repeated phone within the file is reported on the later row, pointing at the first', () => {
    const r = check([
      HEADER,
      ['A', '13800000001', 'wang'],
      ['B', '138 0000 0001', 'li'],
      ['C', '13800000002', 'li'],
    ]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'phone',
        code: 'DUPLICATE_IN_FILE',
        params: { firstRow: 2 },
      }),
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 4]);
  });

  it('the consultant is a consultant of the site, by username or by an unambiguous display name', () => {
    const r = check([
      HEADER,
      ['A', '13800000001', 'WANG'],
      ['B', '13800000002', '李娜'],
      ['C', '13800000003', '张伟'],
      ['D', '13800000004', 'chen'],
    ]);
    expect(r.rows.map((x) => [x.row, x.consultantId])).toEqual([
      [2, 4],
      [3, 5],
    ]);
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'consultant', 'AMBIGUOUS_CONSULTANT'],
      [5, 'consultant', 'UNKNOWN_CONSULTANT'],
    ]);
  });

  it('registration dates are read in the site’s zone; a bad or future date is a row error', () => {
    expect(parseRegisteredAt('2025-03-01', TZ)).toBe(Date.UTC(2025, 1, 28, 16, 0));
    expect(parseRegisteredAt('2025年3月1日', TZ)).toBe(Date.UTC(2025, 1, 28, 16, 0));
    expect(parseRegisteredAt('2025-02-30', TZ)).toBeNull();
    expect(parseRegisteredAt('01/03/2025', TZ)).toBeNull();
    const r = check([
      HEADER,
      ['A', '13800000001', 'wang', '2025-02-30'],
      ['B', '13800000002', 'wang', '2025-03-11'],
      ['C', '13800000003', 'wang', '2025-03-10 11:59'],
    ]);
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'registeredAt', 'BAD_DATE'],
      [3, 'registeredAt', 'FUTURE_DATE'],
    ]);
    expect(r.rows[0].registeredAt).toBe(Date.UTC(2025, 2, 10, 3, 59));
  });

  it('a file without a name, phone or consultant column is refused on its header row', () => {
    const r = check([[], ['客户', '备注'], ['A', 'x']]);
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'phone', 'MISSING_COLUMN'],
      [2, 'consultant', 'MISSING_COLUMN'],
    ]);
    expect(r.rows).toEqual([]);
    expect(check([]).errors[0]).toMatchObject({ row: 0, code: 'EMPTY_FILE' });
  });

  it('too long values and too many rows are refused', () => {
    expect(check([HEADER, ['名'.repeat(51), '13800000001', 'wang']]).errors[0]).toMatchObject({
      field: 'name',
      code: 'TOO_LONG',
    });
    const big = registerRows(IMPORT_MAX_ROWS + 1, ['wang']).map((r) => r.map(String));
    expect(check(big).errors).toEqual([expect.objectContaining({ row: 0, code: 'TOO_MANY_ROWS' })]);
  });

  it('a phone already in the register is reported and not imported again', () => {
    const r = againstRegister(
      check([HEADER, ['A', '13800000001', 'wang'], ['B', '13800000002', 'wang']]),
      new Map([['13800000002', 42]]),
    );
    expect(r.rows.map((x) => x.phone)).toEqual(['13800000001']);
    expect(r.errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'phone',
        code: 'IN_REGISTER',
        params: { customerId: 42 },
      }),
    ]);
  });

  it('10,000 rows with errors in it are checked in well under a second', () => {
    const rows = registerRows(10_000, ['wang', '李娜'], {
      broken: { 17: (r) => [r[0], '', r[2]], 9_999: (r) => [r[0], r[1], 'nobody'] },
    }).map((r) => r.map(String));
    const started = performance.now();
    const r = check(rows);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.rows).toHaveLength(9_998);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [19, 'phone'],
      [10_001, 'consultant'],
    ]);
  });
});

describe('writing the register', () => {
  it('writes headers the import reads back, phones as text', async () => {
    const file = await writeRegister([
      {
        name: '张三',
        phone: '13812345678',
        consultant: '王磊',
        registeredAt: '2025-03-01 09:30',
        owner: '王磊',
        ownership: 'O2',
        lapsesAt: '2025-03-09 00:00',
        dealClosed: false,
        budget: '300万',
        size: '90',
        source: '路过',
        grade: 'B',
      },
    ]);
    const table = await readTable('x.xlsx', file);
    expect(table[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const r = check(table);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      name: '张三',
      phone: '13812345678',
      consultantId: 4,
      budget: '300万',
      size: '90',
      source: '路过',
      registeredAt: Date.UTC(2025, 2, 1, 1, 30),
    });
  });
});
