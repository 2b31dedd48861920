import ExcelJS from 'exceljs';

/** Spreadsheets of a register, as offices keep them, for the import tests. */
export type Cell = string | number | Date | null;

export async function xlsxOf(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('登记表');
  sheet.addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvOf(rows: Cell[][]): Buffer {
  const quote = (v: Cell) => {
    const s = v instanceof Date ? v.toISOString() : v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from('\uFEFF' + rows.map((r) => r.map(quote).join(',')).join('\r\n'), 'utf8');
}

export const HEADER = ['姓名', '电话', '置业顾问', '登记日期', '预算', '面积', '来源'];

/**
 * `n` customers with distinct mobile numbers (139 + the prefix + the index), spread over the
 * given consultants; `broken` maps a data index to a change that makes that row invalid.
 */
export function registerRows(
  n: number,
  consultants: string[],
  opts: {
    prefix?: string;
    registeredAt?: string;
    broken?: Record<number, (row: Cell[]) => Cell[]>;
  } = {},
): Cell[][] {
  const prefix = opts.prefix ?? '0';
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    let row: Cell[] = [
      `客户${prefix}${i}`,
      `139${prefix}${String(i).padStart(8 - prefix.length, '0')}`,
      consultants[i % consultants.length],
      opts.registeredAt ?? '2025-03-01 10:00',
      `${200 + (i % 300)}万`,
      `${80 + (i % 60)}㎡`,
      i % 2 ? '朋友介绍' : '路过',
    ];
    const brk = opts.broken?.[i];
    if (brk) row = brk(row);
    rows.push(row);
  }
  return rows;
}
