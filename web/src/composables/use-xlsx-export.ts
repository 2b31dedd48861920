/**
 * A table as an .xlsx download. The spreadsheet library (exceljs) is loaded on first use
 * only, so no page pays for it until someone exports.
 */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  width?: number;
}

export async function tableToXlsx<Row>(
  sheetName: string,
  columns: ExportColumn<Row>[],
  rows: Row[],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = book.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? ''));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A safe file name from words of the UI language: no path or reserved characters. */
export function exportFileName(...parts: string[]): string {
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}

export async function downloadXlsx<Row>(
  fileName: string,
  sheetName: string,
  columns: ExportColumn<Row>[],
  rows: Row[],
): Promise<void> {
  const bytes = await tableToXlsx(sheetName, columns, rows);
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
