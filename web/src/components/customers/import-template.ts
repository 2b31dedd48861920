import type { ExportColumn } from '@/composables/use-xlsx-export';

// The import page's "download template": the columns the importer reads
// (server/src/customers/customers.import.ts, COLUMNS), headed in the UI language, with one
// example row. A server test reads the same i18n block and runs it through the importer.

export const TEMPLATE_FIELDS = [
  'name',
  'phone',
  'consultant',
  'registeredAt',
  'budget',
  'size',
  'source',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

type Translate = (key: string) => string;
type Example = Record<TemplateField, string>;

export function templateColumns(t: Translate): ExportColumn<Example>[] {
  return TEMPLATE_FIELDS.map((f) => ({
    header: t(`importTemplate.headers.${f}`),
    value: (row: Example) => row[f],
    width: f === 'registeredAt' ? 20 : 16,
  }));
}

export function templateExample(t: Translate): Example {
  return Object.fromEntries(
    TEMPLATE_FIELDS.map((f) => [f, t(`importTemplate.example.${f}`)]),
  ) as Example;
}
