// The register in a spreadsheet: reading an office's xlsx or csv, checking every row before
// anything is written (no partial import), and writing the register back out as xlsx.
// Pure functions of the file, the site's consultants and a date; the service does the rest.
import { TZDate } from '@date-fns/tz';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parsePhone, PHONE_RULE_MESSAGE } from '../platform/phone.js';

export const IMPORT_MAX_ROWS = 20_000;
/**
 * The largest file accepted (decoded): a 20,000-row register is about 0.7 MB as xlsx and 1.5 MB
 * as csv. In base64 inside a GraphQL request that is under the 3 MB body limit of app.ts.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_SAMPLE_SIZE = 20;

export type ImportField =
  'file' | 'name' | 'phone' | 'consultant' | 'registeredAt' | 'budget' | 'size' | 'source';

export type ImportErrorCode =
  | 'UNSUPPORTED_FILE'
  | 'UNREADABLE'
  | 'EMPTY_FILE'
  | 'TOO_MANY_ROWS'
  | 'MISSING_COLUMN'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'INVALID_PHONE'
  | 'MASKED_PHONE'
  | 'UNKNOWN_CONSULTANT'
  | 'AMBIGUOUS_CONSULTANT'
  | 'BAD_DATE'
  | 'FUTURE_DATE'
  | 'DUPLICATE_IN_FILE'
  | 'IN_REGISTER';

/** One problem, as data: the web renders `code` with `params` in either language. */
export interface ImportError {
  /** The spreadsheet's own row number (the header is usually row 1); 0 for the whole file. */
  row: number;
  field: ImportField;
  code: ImportErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportRow {
  row: number;
  name: string;
  /** The register's key (platform/phone.ts: mainland digits without +86, foreign E.164). */
  phone: string;
  consultantId: number;
  consultantName: string;
  /** Epoch ms; null = the time of the import. */
  registeredAt: number | null;
  budget: string | null;
  size: string | null;
  source: string | null;
}

export interface ImportConsultant {
  id: number;
  username: string;
  displayName: string;
}

export interface ImportCheck {
  /** Data rows in the file (blank rows not counted). */
  total: number;
  rows: ImportRow[];
  errors: ImportError[];
}

/** Header names an office may use, compared without case and spaces. */
const COLUMNS: Record<Exclude<ImportField, 'file'>, string[]> = {
  name: ['姓名', '客户姓名', '客户', 'name', 'customername', 'customer'],
  phone: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '电话号码',
    'phone',
    'mobile',
    'phonenumber',
  ],
  consultant: ['置业顾问', '顾问', '登记顾问', '销售顾问', 'consultant'],
  registeredAt: ['登记日期', '登记时间', '日期', 'registeredat', 'registered', 'date'],
  budget: ['预算', 'budget'],
  size: ['面积', '意向面积', 'size'],
  source: ['来源', '渠道', '客户来源', 'source'],
};
const REQUIRED_COLUMNS = ['name', 'phone', 'consultant'] as const;
const MAX_LENGTH: Record<string, number> = { name: 50, budget: 50, size: 50, source: 50 };

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ---- reading ------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A cell as text. Dates (which xlsx keeps without a zone) become their wall-clock reading. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

/** csv files from Chinese Excel are often GB18030 (GBK); UTF-8 (with or without BOM) is tried first. */
function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

/** The first sheet of an xlsx, or a csv, as rows of trimmed text. */
export async function readTable(fileName: string, content: Buffer): Promise<string[][]> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (content.length > IMPORT_MAX_BYTES)
    throw new ImportFileError(
      'TOO_MANY_ROWS',
      `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
    );
  if (ext === 'csv') {
    try {
      const text = decodeText(content).replace(/^\uFEFF/, '');
      const records = parseCsv(text, {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as string[][];
      return records;
    } catch (err) {
      throw new ImportFileError(
        'UNREADABLE',
        `The csv file cannot be read: ${(err as Error).message.split('\n')[0]}`,
      );
    }
  }
  if (ext === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
    } catch {
      throw new ImportFileError('UNREADABLE', 'The xlsx file cannot be read');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    // Keep the sheet's row numbers: row i of the result is the sheet's row i + 1.
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value).trim();
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    return Array.from(rows, (r) => r ?? []);
  }
  throw new ImportFileError('UNSUPPORTED_FILE', 'Import an .xlsx or .csv file');
}

// ---- checking -------------------------------------------------------------------------------

const key = (s: string) => s.replace(/[\s_\-/]/g, '').toLowerCase();

/** "2025-03-01", "2025/3/1 9:30", "2025.03.01 09:30:00" in the site's time zone. */
export function parseRegisteredAt(text: string, timezone: string): number | null {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(
    Number,
  );
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const at = new TZDate(y, mo - 1, d, h, mi, s, timezone);
  // 2025-02-30 rolls over into March: not a date.
  if (at.getDate() !== d || at.getMonth() !== mo - 1) return null;
  return at.getTime();
}

/**
 * Every data row checked against O1/O4 (a real name, a phone and a consultant of the site),
 * with phones normalized and repeated phones within the file reported on the later row.
 * Nothing here looks at the register; see `againstRegister`.
 */
export function checkImport(
  table: string[][],
  ctx: { consultants: ImportConsultant[]; timezone: string; now: number },
): ImportCheck {
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0)
    return {
      total: 0,
      rows: [],
      errors: [{ row: 0, field: 'file', code: 'EMPTY_FILE', message: 'The file has no rows' }],
    };
  const header = table[headerIndex].map(key);
  const col: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const [field, names] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string[]]>) {
    const i = header.findIndex((h) => names.some((n) => key(n) === h));
    if (i >= 0) col[field] = i;
  }
  const headerRow = headerIndex + 1;
  const errors: ImportError[] = [];
  for (const f of REQUIRED_COLUMNS) {
    if (col[f] === undefined) {
      errors.push({
        row: headerRow,
        field: f,
        code: 'MISSING_COLUMN',
        message: `No ${COLUMNS[f][0]} (${f}) column`,
        params: { column: COLUMNS[f][0] },
      });
    }
  }
  const data = table
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(headerIndex + 1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (errors.length) return { total: data.length, rows: [], errors };
  if (data.length > IMPORT_MAX_ROWS) {
    return {
      total: data.length,
      rows: [],
      errors: [
        {
          row: 0,
          field: 'file',
          code: 'TOO_MANY_ROWS',
          message: `At most ${IMPORT_MAX_ROWS} rows at a time`,
          params: { max: IMPORT_MAX_ROWS },
        },
      ],
    };
  }

  const byUsername = new Map(ctx.consultants.map((c) => [c.username.toLowerCase(), c]));
  const byName = new Map<string, ImportConsultant[]>();
  for (const c of ctx.consultants)
    byName.set(c.displayName.trim(), [...(byName.get(c.displayName.trim()) ?? []), c]);
  const firstRowOfPhone = new Map<string, number>();
  const rows: ImportRow[] = [];

  for (const { cells, row } of data) {
    const get = (f: keyof typeof COLUMNS) =>
      col[f] === undefined ? '' : (cells[col[f]!] ?? '').trim();
    const rowErrors: ImportError[] = [];
    const fail = (
      field: ImportField,
      code: ImportErrorCode,
      message: string,
      params?: ImportError['params'],
    ) => rowErrors.push({ row, field, code, message, ...(params ? { params } : {}) });

    const name = get('name');
    // O1/O4: the real name is required.
    if (!name) fail('name', 'REQUIRED', 'The real name is required (O1)');
    for (const f of ['name', 'budget', 'size', 'source'] as const) {
      if (get(f).length > MAX_LENGTH[f])
        fail(f, 'TOO_LONG', `At most ${MAX_LENGTH[f]} characters`, { max: MAX_LENGTH[f] });
    }

    const rawPhone = get('phone');
    // Issue 13: the same phone rule as the register form and the API (platform/phone.ts).
    const parsed = parsePhone(rawPhone);
    const phone = parsed.ok ? parsed.key : null;
    if (!rawPhone) fail('phone', 'REQUIRED', 'A phone number is required (O1)');
    else if (rawPhone.includes('*'))
      fail('phone', 'MASKED_PHONE', 'A masked number (O9) cannot be imported');
    else if (!phone)
      fail('phone', 'INVALID_PHONE', PHONE_RULE_MESSAGE, { value: rawPhone.slice(0, 30) });
    else {
      const first = firstRowOfPhone.get(phone);
      if (first !== undefined)
        fail('phone', 'DUPLICATE_IN_FILE', `The same phone as row ${first}`, { firstRow: first });
      else firstRowOfPhone.set(phone, row);
    }

    // O1: the registering consultant, by username or display name, must be a consultant of the site.
    const who = get('consultant');
    let consultant: ImportConsultant | undefined;
    if (!who) fail('consultant', 'REQUIRED', 'The registering consultant is required (O1)');
    else {
      consultant = byUsername.get(who.toLowerCase());
      if (!consultant) {
        const named = byName.get(who) ?? [];
        if (named.length > 1)
          fail(
            'consultant',
            'AMBIGUOUS_CONSULTANT',
            `Several consultants are called ${who}; use the username`,
            { value: who },
          );
        else if (named.length === 0)
          fail('consultant', 'UNKNOWN_CONSULTANT', `${who} is not a consultant of this site`, {
            value: who.slice(0, 50),
          });
        else consultant = named[0];
      }
    }

    const when = get('registeredAt');
    let registeredAt: number | null = null;
    if (when) {
      registeredAt = parseRegisteredAt(when, ctx.timezone);
      if (registeredAt === null)
        fail('registeredAt', 'BAD_DATE', 'Not a date (2025-03-01 or 2025-03-01 10:30)', {
          value: when.slice(0, 30),
        });
      else if (registeredAt > ctx.now)
        fail('registeredAt', 'FUTURE_DATE', 'A registration date cannot be in the future', {
          value: when.slice(0, 30),
        });
    }

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const r: ImportRow = {
      row,
      name,
      phone: phone!,
      consultantId: consultant!.id,
      consultantName: consultant!.displayName,
      registeredAt,
      budget: get('budget') || null,
      size: get('size') || null,
      source: get('source') || null,
    };
    rows.push(r);
  }
  return { total: data.length, rows, errors };
}

/** A phone already in the site's register is reported, not imported a second time. */
export function againstRegister(check: ImportCheck, registered: Map<string, number>): ImportCheck {
  const errors = [...check.errors];
  const rows: ImportRow[] = [];
  for (const r of check.rows) {
    const id = registered.get(r.phone);
    if (id === undefined) rows.push(r);
    else
      errors.push({
        row: r.row,
        field: 'phone',
        code: 'IN_REGISTER',
        message: 'This phone is already in the register',
        params: { customerId: id },
      });
  }
  errors.sort((a, b) => a.row - b.row);
  return { total: check.total, rows, errors };
}

// ---- writing ----------------------------------------------------------------------------------

export interface ExportRow {
  name: string;
  /** Full or masked, as the viewer may see it (O9). */
  phone: string;
  consultant: string;
  registeredAt: string;
  owner: string;
  ownership: string;
  lapsesAt: string;
  dealClosed: boolean;
  budget: string;
  size: string;
  source: string;
  /** Issue 13: buying intent A–D, or '' when not graded. */
  grade: string;
}

/** Headers the import reads back (姓名, 电话, 置业顾问, 登记日期, 预算, 面积, 来源), then ownership and the grade. */
export const EXPORT_COLUMNS: Array<{ header: string; key: keyof ExportRow; width: number }> = [
  { header: '姓名', key: 'name', width: 14 },
  { header: '电话', key: 'phone', width: 16 },
  { header: '置业顾问', key: 'consultant', width: 12 },
  { header: '登记日期', key: 'registeredAt', width: 18 },
  { header: '预算', key: 'budget', width: 12 },
  { header: '面积', key: 'size', width: 10 },
  { header: '来源', key: 'source', width: 12 },
  { header: '归属顾问', key: 'owner', width: 12 },
  { header: '归属依据', key: 'ownership', width: 10 },
  { header: '归属到期', key: 'lapsesAt', width: 18 },
  { header: '已成交', key: 'dealClosed', width: 8 },
  // Issue 13: last, so the columns people already use keep their places.
  { header: '意向等级', key: 'grade', width: 10 },
];

export async function writeRegister(rows: ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('客户登记');
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Phones as text, so spreadsheet programs keep leading zeros and do not show 1.38E+10.
  sheet.getColumn('phone').numFmt = '@';
  sheet.addRows(rows.map((r) => ({ ...r, dealClosed: r.dealClosed ? '是' : '' })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A wall-clock reading in the site's zone, as the import reads it back. */
export function wallClock(at: number | Date | null, timezone: string): string {
  if (at === null) return '';
  const d = new TZDate(typeof at === 'number' ? at : at.getTime(), timezone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
