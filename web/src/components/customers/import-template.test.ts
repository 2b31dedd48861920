import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import { tableToXlsx } from '@/composables/use-xlsx-export';
import { TEMPLATE_FIELDS, templateColumns, templateExample } from './import-template';

describe('the import template download', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`O1: the template (${locale}) is an xlsx with the importer's columns in the UI language and one example row`, async () => {
      const t = (key: string) => i18n.global.t(key, {}, { locale });
      const bytes = await tableToXlsx('x', templateColumns(t), [templateExample(t)]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes.buffer as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
      expect(row(1)).toEqual(TEMPLATE_FIELDS.map((f) => t(`importTemplate.headers.${f}`)));
      expect(row(1)).toContain(locale === 'en' ? 'Phone' : '电话');
      expect(row(2)).toEqual(TEMPLATE_FIELDS.map((f) => t(`importTemplate.example.${f}`)));
      expect(sheet.rowCount).toBe(2);
    });
  }
});
