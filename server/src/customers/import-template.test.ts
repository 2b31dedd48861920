import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkImport } from './customers.import.js';

// The web's import template (web/src/components/customers/import-template.ts) heads its
// columns with the i18n block `importTemplate`: each language's headers and example row must be
// what this importer reads, or the downloaded template would be refused.
const FIELDS = ['name', 'phone', 'consultant', 'registeredAt', 'budget', 'size', 'source'] as const;

interface TemplateBlock {
  headers: Record<(typeof FIELDS)[number], string>;
  example: Record<(typeof FIELDS)[number], string>;
}

describe('the import template download', () => {
  for (const locale of ['zh-CN', 'en']) {
    it(`O1: the template's headers and example row (${locale}) import without a problem`, () => {
      const messages = JSON.parse(
        readFileSync(new URL(`../../../web/src/i18n/${locale}.json`, import.meta.url), 'utf8'),
      ) as { importTemplate: TemplateBlock };
      const { headers, example } = messages.importTemplate;
      const checked = checkImport([FIELDS.map((f) => headers[f]), FIELDS.map((f) => example[f])], {
        consultants: [{ id: 4, username: example.consultant, displayName: '王磊' }],
        timezone: 'Asia/Shanghai',
        now: Date.UTC(2026, 0, 1),
      });
      expect(checked.errors).toEqual([]);
      expect(checked.rows).toEqual([
        expect.objectContaining({
          name: example.name,
          phone: '13800001234',
          consultantId: 4,
          budget: example.budget,
          size: example.size,
          source: example.source,
        }),
      ]);
      expect(checked.rows[0]!.registeredAt).not.toBeNull();
    });
  }
});
