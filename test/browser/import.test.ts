import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { launchBrowser, newSession, screenshot, signIn } from './browser.js';

// The register from and to a spreadsheet in the browser (O1 all or nothing, O5 on import),
// as the manager of 滨江售楼处 (BJ).

let server: RunningServer;
let browser: Browser;
let dir: string;
let token: string;
let siteId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'reception-import-'));
  token = await login(server.url, 'manager');
  const { me } = await ok(
    gql<{ me: { sites: Array<{ id: string; name: string }> } }>(
      server.url,
      '{ me { sites { id name } } }',
      {},
      token,
    ),
  );
  siteId = me.sites.find((s) => s.name === '滨江售楼处')!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(r: Promise<{ data?: T; errors?: unknown[] }>): Promise<T> {
  const res = await r;
  if (!res.data || res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** How many customers BJ's register holds, asked of the API (not of the page under test). */
async function registerTotal(): Promise<number> {
  const { customers } = await ok(
    gql<{ customers: { total: number } }>(
      server.url,
      'query($siteId: ID!) { customers(siteId: $siteId, limit: 1) { total } }',
      { siteId },
      token,
    ),
  );
  return customers.total;
}

const HEADER = ['姓名', '电话', '置业顾问', '登记日期', '预算', '面积', '来源'];

/** A register as an office saves it from Excel: UTF-8 with a BOM, CRLF lines. */
function csvFile(name: string, rows: string[][]): string {
  const file = path.join(dir, name);
  writeFileSync(file, '\uFEFF' + [HEADER, ...rows].map((r) => r.join(',')).join('\r\n'), 'utf8');
  return file;
}

/**
 * Consultants by username (wang, li) and by display name (张伟), as the import accepts both.
 * Row 5 of the sheet (郑华) is registered in the future: the whole file is refused.
 */
const BAD = [
  ['孙丽', '13912340001', 'wang', '2025-03-01 10:00', '300万', '120㎡', '朋友介绍'],
  ['周杰', '13912340002', 'li', '2025/3/2', '250万', '98㎡', '路过'],
  ['吴敏', '139 1234 0003', '张伟', '2025-03-03 15:30', '', '', '网络'],
  ['郑华', '13912340004', 'wang', '2099-01-01', '180万', '89㎡', '老带新'],
];
const FIXED = BAD.map((r) =>
  r[0] === '郑华' ? [...r.slice(0, 3), '2025-03-04', ...r.slice(4)] : r,
);
const IMPORTED = FIXED.map((r) => r[0]);

async function openImport(page: Page) {
  await page.locator('.el-menu-item', { hasText: '客户导入导出' }).click();
  await page.locator('.page-header h1', { hasText: '客户登记导入导出' }).waitFor();
}

/** What a user does: pick the file in the upload box (its hidden file input). */
async function pickFile(page: Page, file: string) {
  await page.locator('[data-test=import-file] input[type=file]').setInputFiles(file);
  await page.locator('.el-upload-dragger strong', { hasText: path.basename(file) }).waitFor();
}

const summary = (page: Page) => page.locator('[data-test=import-summary]');
const importButton = (page: Page) => page.locator('[data-test=import-confirm]');

async function confirmImport(page: Page, count: number) {
  // Messages of earlier steps would mix into the picture of this step's result.
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((m) => m.remove()));
  await importButton(page).click();
  const box = page.locator('.el-message-box:visible');
  await box.getByText(`将 ${count} 位客户导入滨江售楼处的登记表？`).waitFor();
  await box.locator('.el-button--primary', { hasText: '导入' }).click();
}

describe('register import and export in the browser', () => {
  let context: BrowserContext;
  let page: Page;
  let before = 0;

  beforeAll(async () => {
    ({ context, page } = await newSession(browser, server.url));
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    // The manager has two sites: work on 滨江售楼处 whichever the header starts on.
    await page.locator('[data-test=site-picker]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '滨江售楼处' }).click();
    await page.locator('.page-header .subtitle', { hasText: '滨江售楼处' }).waitFor();
    before = await registerTotal();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('O1: a file with a bad row shows the problem and cannot be imported; nothing is written', async () => {
    await openImport(page);
    await page.locator('.el-empty', { hasText: '选择文件后在此预览' }).waitFor();
    await pickFile(page, csvFile('登记表.csv', BAD));

    await summary(page).filter({ hasText: '共 4 行：3 行可导入，1 个问题' }).waitFor();
    await summary(page).getByText('有任何问题时不会导入任何一行').waitFor();
    const errors = page.locator('[data-test=import-errors] .el-table__body tr');
    await expect.poll(() => errors.count()).toBe(1);
    const cells = errors.first().locator('td');
    await expect(cells.allInnerTexts()).resolves.toEqual([
      '5',
      '登记日期',
      '登记日期不能晚于今天：2099-01-01',
    ]);
    // The rows that are fine are shown too, with consultants by their display names.
    const sample = page.locator('[data-test=import-sample] .el-table__body tr');
    await expect.poll(() => sample.count()).toBe(3);
    await sample.filter({ hasText: '吴敏' }).getByText('张伟').waitFor();
    await sample.filter({ hasText: '孙丽' }).getByText('王芳').waitFor();

    await expect(importButton(page).isDisabled()).resolves.toBe(true);
    expect(await importButton(page).textContent()).toContain('导入 3 行');
    await screenshot(page, 'customer-import-errors-zh');
    // A click on the disabled button does nothing: no confirmation, no import.
    await importButton(page).click({ force: true });
    await expect(page.locator('.el-message-box:visible').count()).resolves.toBe(0);
    expect(await registerTotal()).toBe(before);
  });

  it('O1: the corrected file imports every row; the register lists them', async () => {
    await pickFile(page, csvFile('登记表-改正.csv', FIXED));
    await summary(page).filter({ hasText: '共 4 行：4 行可导入，0 个问题' }).waitFor();
    await expect(page.locator('[data-test=import-errors]').count()).resolves.toBe(0);
    const sample = page.locator('[data-test=import-sample] .el-table__body tr');
    await expect.poll(() => sample.count()).toBe(4);
    // The phone is normalized; the date is read in the site's time zone.
    await sample.filter({ hasText: '吴敏' }).getByText('13912340003').waitFor();
    await sample.filter({ hasText: '郑华' }).getByText('2025/03/04 00:00').waitFor();
    await expect(importButton(page).isEnabled()).resolves.toBe(true);
    await screenshot(page, 'customer-import-preview-zh');

    await confirmImport(page, 4);
    await page.locator('.el-message--success', { hasText: '已导入 4 位客户' }).waitFor();
    // The page is ready for the next file.
    await page.locator('.el-empty', { hasText: '选择文件后在此预览' }).waitFor();
    await screenshot(page, 'customer-import-done-zh', { keepMessages: true });
    expect(await registerTotal()).toBe(before + 4);

    await page.locator('.el-menu-item', { hasText: '客户名册' }).click();
    await page.locator('.page-header h1', { hasText: '客户名册' }).waitFor();
    const table = page.locator('[data-test=customers-table]');
    for (const name of IMPORTED) {
      await table.locator('.el-table__row', { hasText: name }).waitFor();
    }
    await table
      .locator('.el-table__row', { hasText: '吴敏' })
      .locator('[data-test=phone-full]', { hasText: '13912340003' })
      .waitFor();
  });

  it('O1: a phone already in the register is reported, not imported twice', async () => {
    await openImport(page);
    await pickFile(page, csvFile('again.csv', FIXED.slice(0, 1)));
    await summary(page).filter({ hasText: '共 1 行：0 行可导入，1 个问题' }).waitFor();
    await page
      .locator('[data-test=import-errors] .el-table__row', { hasText: '该电话已在登记表中' })
      .waitFor();
    await expect(importButton(page).isDisabled()).resolves.toBe(true);
  });

  it('O5: a name already in the register with another phone waits for the manager', async () => {
    await openImport(page);
    await pickFile(
      page,
      csvFile('同名.csv', [
        ['钱先生', '13912340011', 'li', '2025-03-05', '280万', '110㎡', '网络'],
        ['冯先生', '13912340012', 'li', '2025-03-05', '', '', '路过'],
      ]),
    );
    await summary(page).filter({ hasText: '共 2 行：2 行可导入，0 个问题' }).waitFor();
    await confirmImport(page, 2);
    await page
      .locator('.el-message--warning', {
        hasText: '已导入 2 位客户；其中 1 位与已登记客户同名但电话不同，待经理核实',
      })
      .waitFor();
    await screenshot(page, 'customer-import-conflicts-zh', { keepMessages: true });
    expect(await registerTotal()).toBe(before + 6);

    await page.locator('.el-menu-item', { hasText: '撞单裁决' }).click();
    await page.locator('.page-header h1', { hasText: '撞单裁决' }).waitFor();
    const conflict = page.locator('[data-test=conflicts-table] .el-table__row', {
      hasText: '钱先生',
    });
    await conflict.locator('.el-tag', { hasText: '同名不同号' }).waitFor();
    await conflict.getByText('与 1 位已有客户同名，电话不同').waitFor();
    // Only the row with a known name: 冯先生 is new to the register.
    await expect(
      page.locator('[data-test=conflicts-table] .el-table__row', { hasText: '冯先生' }).count(),
    ).resolves.toBe(0);
    await screenshot(page, 'customer-import-conflicts-page-zh');
  });

  it('the register downloads as an xlsx', async () => {
    await openImport(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test=export-register]').click(),
    ]);
    // Named in the UI language (Chinese here), with the site's code and the site's day.
    expect(download.suggestedFilename()).toMatch(/^客户登记簿-BJ-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page
      .locator('.el-message--success', { hasText: `已导出 ${download.suggestedFilename()}` })
      .waitFor();
    expect(await download.failure()).toBeNull();
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.length).toBeGreaterThan(1000);
    // An xlsx is a zip archive.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
