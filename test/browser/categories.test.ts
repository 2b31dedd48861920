import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';
import {
  chooseLanguage,
  launchBrowser,
  newSession,
  screenshot,
  signIn,
  signOut,
} from './browser.js';

// The administrator's configuration of issue 8: categories with their reception standards
// (C1–C4), meeting rooms (P2) and equipment (C3), and the department head who approves (P1).

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const drawer = (page: Page) => page.locator('.el-drawer:visible');

async function openFromMenu(page: Page, label: string, path: string) {
  await page.locator('.el-menu-item', { hasText: label }).click();
  await page.waitForURL((url) => url.pathname === path);
}

async function pickIn(page: Page, select: ReturnType<Page['locator']>, option: string) {
  await select.click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).click();
}

async function confirmBox(page: Page) {
  await page.locator('.el-message-box:visible .el-message-box__btns .el-button--primary').click();
  await expect.poll(() => page.locator('.el-message-box:visible').count()).toBe(0);
}

const categoryRow = (page: Page, code: string) =>
  page
    .locator('[data-test=categories-table] .el-table__body-wrapper .el-table__row')
    .filter({ has: page.locator('.el-tag', { hasText: new RegExp(`^\\s*${code}\\s*$`) }) });

async function checklistCount(page: Page, code: string): Promise<number> {
  const text = await categoryRow(page, code).locator('[data-test=checklist-count]').textContent();
  return Number(/\d+/.exec(text ?? '')?.[0]);
}

describe('reception standards in the browser', () => {
  it('C2: the administrator adds a winter item to category A, and it stays after a reload', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await openFromMenu(page, '客户分类', '/admin/categories');
    await categoryRow(page, 'A').waitFor();
    const before = await checklistCount(page, 'A');
    expect(before).toBeGreaterThan(0);
    await screenshot(page, 'categories-zh');

    await page.locator('[data-test=edit-A]').click();
    await drawer(page).locator('.el-drawer__title', { hasText: '编辑分类 A' }).waitFor();
    const rows = drawer(page).locator('[data-test=checklist-row]');
    await expect.poll(() => rows.count()).toBe(before);
    await screenshot(page, 'category-drawer-zh');

    // A new row with a key an earlier row has: the editor says so and nothing is saved.
    await drawer(page).locator('[data-test=checklist-add]').click();
    await expect.poll(() => rows.count()).toBe(before + 1);
    const added = rows.last();
    const firstKey = await rows.first().locator('[data-test=checklist-key]').inputValue();
    await added.locator('[data-test=checklist-key]').fill(firstKey);
    await added.locator('[data-test=checklist-label]').fill('冬季暖风提前一小时开启');
    await drawer(page).locator('[data-test=save]').click();
    await drawer(page)
      .locator('[data-test=checklist-row-error]', { hasText: '标识与前面的事项重复' })
      .waitFor();
    await drawer(page)
      .locator('.el-form-item__error', { hasText: '请修正标红的清单事项' })
      .waitFor();

    await added.locator('[data-test=checklist-key]').fill('winter-heating');
    await pickIn(page, added.locator('[data-test=checklist-season]'), '冬季');
    await added.locator('[data-test=checklist-due] input').fill('3');
    await pickIn(page, added.locator('[data-test=checklist-owner]'), '接待人');
    // Moved up one place and back: the order buttons work and the row stays last.
    await added.locator('[data-test=checklist-up]').click();
    await expect
      .poll(() =>
        rows
          .nth(before - 1)
          .locator('[data-test=checklist-key]')
          .inputValue(),
      )
      .toBe('winter-heating');
    await rows
      .nth(before - 1)
      .locator('[data-test=checklist-down]')
      .click();
    await expect
      .poll(() => rows.last().locator('[data-test=checklist-key]').inputValue())
      .toBe('winter-heating');
    await drawer(page).locator('[data-test=checklist-row-error]').waitFor({ state: 'detached' });
    await drawer(page)
      .locator('.el-drawer__body')
      .evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'category-drawer-checklist-zh');
    await drawer(page).locator('[data-test=save]').click();
    await page.locator('.el-message--success', { hasText: '已保存分类' }).waitFor();
    await expect.poll(() => checklistCount(page, 'A')).toBe(before + 1);

    await page.reload();
    await categoryRow(page, 'A').waitFor();
    expect(await checklistCount(page, 'A')).toBe(before + 1);
    await categoryRow(page, 'A').locator('.el-table__expand-icon').click();
    const item = page
      .locator('[data-test=category-checklist] .el-table__row', {
        hasText: '冬季暖风提前一小时开启',
      })
      .first();
    await item.waitFor();
    expect(await item.textContent()).toContain('冬季');
    expect(await item.textContent()).toContain('来访前 3 小时');
    expect(await item.textContent()).toContain('接待人');
    await screenshot(page, 'categories-expanded-zh');

    // The drawer reads it back as saved: last row, winter.
    await page.locator('[data-test=edit-A]').click();
    const last = drawer(page).locator('[data-test=checklist-row]').last();
    await expect
      .poll(() => last.locator('[data-test=checklist-key]').inputValue())
      .toBe('winter-heating');
    expect(await last.locator('[data-test=checklist-season]').textContent()).toContain('冬季');
    await page.keyboard.press('Escape');
    await chooseLanguage(page, 'English');
    await page.locator('[data-test=edit-A]').click();
    await drawer(page).locator('.el-drawer__title', { hasText: 'Edit category A' }).waitFor();
    await drawer(page)
      .locator('.el-drawer__body')
      .evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'category-drawer-en');
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('a new category needs a code no other category has; archiving hides it until asked', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await openFromMenu(page, '客户分类', '/admin/categories');
    await categoryRow(page, 'A').waitFor();

    await page.locator('[data-test=create-category]').click();
    await drawer(page).locator('[data-test=save]').click();
    await drawer(page).locator('.el-form-item__error', { hasText: '请填写编码' }).waitFor();
    await drawer(page).locator('input[name=code]').fill('B');
    await drawer(page).locator('input[name=name]').fill('E类 合作伙伴');
    await drawer(page).locator('[data-test=save]').click();
    await drawer(page)
      .locator('.el-form-item__error', { hasText: '该编码已被其他分类使用' })
      .waitFor();
    await drawer(page).locator('input[name=code]').fill('E');
    await drawer(page).locator('[data-test=save]').click();
    await page.locator('.el-message--success', { hasText: '已创建分类 E类 合作伙伴' }).waitFor();
    await categoryRow(page, 'E').waitFor();

    await page.locator('[data-test=archive-E]').click();
    await confirmBox(page);
    await page.locator('.el-message--success', { hasText: '已归档分类 E类 合作伙伴' }).waitFor();
    await categoryRow(page, 'E').waitFor({ state: 'detached' });
    await page.locator('[data-test=show-archived]').click();
    await categoryRow(page, 'E').locator('.el-tag', { hasText: '已归档' }).waitFor();
    await context.close();
  });

  it('P2/C3: the administrator adds a meeting room and equipment to a site', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await openFromMenu(page, '会议室与设备', '/admin/rooms');
    await page.locator('[data-test=rooms-table]').waitFor();

    await page.locator('[data-test=create-room]').click();
    await drawer(page).locator('.el-drawer__title', { hasText: '新增会议室' }).waitFor();
    await drawer(page).locator('input[name=name]').fill('四号会议室');
    await drawer(page).locator('input[name=capacity]').fill('16');
    await drawer(page).locator('input[name=location]').fill('四楼西侧');
    await drawer(page).locator('[data-test=save]').click();
    await page.locator('.el-message--success', { hasText: '已新增会议室 四号会议室' }).waitFor();
    const room = page.locator('[data-test=rooms-table] .el-table__row', { hasText: '四号会议室' });
    await room.waitFor();
    expect(await room.textContent()).toContain('16 人');
    expect(await room.textContent()).toContain('四楼西侧');

    await page.locator('[data-test=create-equipment]').click();
    await drawer(page).locator('[data-test=equipment-kind]').click();
    await page.keyboard.type('whiteboard');
    await page.keyboard.press('Enter');
    await drawer(page).locator('input[name=name]').fill('移动白板');
    await drawer(page).locator('[data-test=save]').click();
    await page.locator('.el-message--success', { hasText: '已新增设备 移动白板' }).waitFor();
    await page
      .locator('[data-test=equipment-table] .el-table__row', { hasText: 'whiteboard' })
      .waitFor();
    await screenshot(page, 'rooms-zh');

    // Archived: gone from the list until archived ones are shown.
    await room.locator('button', { hasText: '归档' }).click();
    await confirmBox(page);
    await page.locator('.el-message--success', { hasText: '已归档 四号会议室' }).waitFor();
    await room.waitFor({ state: 'detached' });
    await page.locator('[data-test=rooms-show-archived]').click();
    await room.locator('.el-tag', { hasText: '已归档' }).waitFor();

    await page.reload();
    await page.locator('[data-test=rooms-table]').waitFor();
    await page
      .locator('[data-test=equipment-table] .el-table__row', { hasText: '移动白板' })
      .waitFor();
    await chooseLanguage(page, 'English');
    await page.locator('.page-header h1', { hasText: 'Rooms and equipment' }).waitFor();
    await screenshot(page, 'rooms-en');
    await context.close();
  });

  it('P1: the administrator names a department head, shown in the list', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await openFromMenu(page, '部门管理', '/admin/departments');
    const row = page.locator('[data-test=departments-table] .el-table__row', {
      hasText: '滨江销售部',
    });
    await row.waitFor();
    await row.locator('button', { hasText: '编辑' }).click();
    await pickIn(page, drawer(page).locator('[data-test=department-head]'), '周经理');
    await drawer(page).locator('[data-test=save]').click();
    await page.locator('.el-message--success', { hasText: '已保存部门 滨江销售部' }).waitFor();
    await expect
      .poll(() => row.locator('[data-test=department-head-name]').textContent())
      .toBe('周经理');
    await screenshot(page, 'departments-heads-zh');
    await context.close();
  });

  it('a manager reads the standards but cannot change them', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await openFromMenu(page, '客户分类', '/admin/categories');
    await categoryRow(page, 'A').waitFor();
    await page.locator('text=只读：接待标准由管理员维护').waitFor();
    expect(await page.locator('[data-test=create-category]').count()).toBe(0);
    expect(await page.locator('[data-test=edit-A]').count()).toBe(0);
    await signOut(page);
    await context.close();
  });
});
