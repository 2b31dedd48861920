import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';
import { chooseLanguage, launchBrowser, newSession, screenshot, signIn } from './browser.js';

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
const formError = (scope: Locator, text: string) =>
  scope.locator('.el-form-item__error', { hasText: text });

/** Opens a select (or a time field) inside `scope` and clicks the option with this text. */
async function pick(page: Page, scope: Locator, test: string, option: string) {
  await scope.locator(`[data-test=${test}]`).click();
  await page
    .locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${option}\\s*$`) })
    .click();
  // The next pick must not catch an option of this dropdown while it fades out.
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}

/** Scrolls the main area to its end (the sticky action bar stays in sight). */
async function scrollToEnd(page: Page) {
  await page.locator('.el-main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
}

async function confirmBox(page: Page) {
  await page.locator('.el-message-box:visible .el-message-box__btns .el-button--primary').click();
  await expect.poll(() => page.locator('.el-message-box:visible').count()).toBe(0);
}

describe('floor rules and shifts in the browser', () => {
  it('R7–R14 settings: an administrator changes a rule variant and a number; both are kept after a reload', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await page.locator('.el-menu-item', { hasText: '轮序规则' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/rotation');
    await page.locator('.page-header h1', { hasText: '轮序规则' }).waitFor();

    const r8b = page.locator('[data-test=rule-r8-B]');
    await r8b.waitFor();
    // The demo site follows variant B of R8 and A of R11 (the defaults).
    await expect.poll(() => r8b.getAttribute('class')).toContain('is-checked');
    await page.locator('[data-test=rule-r8]', { hasText: '一律不计轮次' }).waitFor();
    await screenshot(page, 'rotation-settings-zh');

    await page.locator('[data-test=rule-r11-B]').click();
    const units = page.locator('input[name=bigBuyerUnits]');
    await units.fill('1');
    await units.blur();
    const form = page.locator('[data-test=rules-form]');
    await formError(form, '大客户提醒应为 2–100 之间的整数').waitFor();
    await page.locator('[data-test=unsaved]', { hasText: '有未保存的修改' }).waitFor();
    await scrollToEnd(page);
    await screenshot(page, 'rotation-settings-validation-zh');
    await page.locator('[data-test=save-rules]').click();
    // Refused on the page: nothing was sent, nothing saved.
    expect(await page.locator('.el-message--success').count()).toBe(0);

    await units.fill('5');
    await units.blur();
    await page.locator('[data-test=save-rules]').click();
    await page.locator('.el-message--success', { hasText: '已保存滨江售楼处的轮序规则' }).waitFor();
    await expect.poll(() => page.locator('[data-test=unsaved]').count()).toBe(0);

    // The change history: who saved, and each changed rule from → to, in the form's words.
    await page.locator('[data-test=open-history]').click();
    const history = page.locator('[data-test=history-drawer]');
    await history.locator('.el-drawer__title', { hasText: '滨江售楼处的变更记录' }).waitFor();
    const entry = history.locator('[data-test=history-entry]');
    await entry.first().locator('.by', { hasText: '系统管理员 修改' }).waitFor();
    expect(await entry.count()).toBe(1);
    const line = (field: string) =>
      entry.first().locator(`[data-test=history-line][data-field=${field}]`);
    expect(await entry.first().locator('[data-test=history-line]').count()).toBe(2);
    expect(await line('r11ColleagueCustomer').locator('.label').textContent()).toBe(
      '发现是同事的客户',
    );
    expect(await line('r11ColleagueCustomer').locator('.before').textContent()).toBe('方案 A');
    expect(await line('r11ColleagueCustomer').locator('.after').textContent()).toBe('方案 B');
    expect(await line('bigBuyerUnits').locator('.label').textContent()).toBe('大客户提醒');
    expect(await line('bigBuyerUnits').locator('.before').textContent()).toBe('3 套（台）');
    expect(await line('bigBuyerUnits').locator('.after').textContent()).toBe('5 套（台）');
    await screenshot(page, 'rotation-settings-history-zh');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.el-drawer:visible').count()).toBe(0);

    // A second save comes first in the history.
    await page.locator('[data-test=rule-r8-A]').click();
    await page.locator('[data-test=save-rules]').click();
    await expect.poll(() => page.locator('[data-test=unsaved]').count()).toBe(0);
    await page.locator('[data-test=open-history]').click();
    await expect.poll(() => entry.count()).toBe(2);
    expect(await entry.first().locator('[data-test=history-line]').count()).toBe(1);
    expect(await entry.first().locator('[data-test=history-line] .label').textContent()).toBe(
      '老客户带来新客户',
    );
    expect(await entry.first().locator('.after').textContent()).toBe('方案 A');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.el-drawer:visible').count()).toBe(0);

    await page.reload();
    await page.locator('[data-test=rule-r11-B]').waitFor();
    await expect
      .poll(() => page.locator('[data-test=rule-r11-B]').getAttribute('class'))
      .toContain('is-checked');
    expect(await page.locator('[data-test=rule-r11-A]').getAttribute('class')).not.toContain(
      'is-checked',
    );
    expect(await page.locator('input[name=bigBuyerUnits]').inputValue()).toBe('5');

    // The other site (chosen in the header, which holds all the admin's sites) keeps its own rules.
    await page.locator('[data-test=site-picker]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '城东展厅' }).click();
    await expect
      .poll(() => page.locator('[data-test=rule-r11-A]').getAttribute('class'))
      .toContain('is-checked');

    await chooseLanguage(page, 'English');
    await page.locator('.page-header h1', { hasText: 'Floor rules' }).waitFor();
    await page.locator('[data-test=rule-r7]', { hasText: 'Counted as the owner' }).waitFor();
    // The other site's rules were never changed.
    await page.locator('[data-test=open-history]').click();
    await history.locator('.el-drawer__title', { hasText: 'Change history of 城东展厅' }).waitFor();
    await history.locator('.el-empty', { hasText: 'No changes recorded yet' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.el-drawer:visible').count()).toBe(0);
    await screenshot(page, 'rotation-settings-en');
    await units.fill('101');
    await units.blur();
    await formError(form, 'Big-buyer alert must be a whole number from 2 to 100').waitFor();
    await scrollToEnd(page);
    await screenshot(page, 'rotation-settings-validation-en');
    await context.close();
  });

  it('R2: a manager changes a shift on the weekly grid, saves, and finds it after a reload', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await page.locator('.el-menu-item', { hasText: '排班' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/shifts');

    const grid = page.locator('[data-test=week-grid]');
    const row = grid.locator('.el-table__row', { hasText: '王芳' });
    const cell = (r: Locator, weekday: number) =>
      r.locator(`[data-test^=cell-][data-test$="-${weekday}"]`);
    const sunday = cell(row, 7);
    await sunday.locator('[data-test=shift]').first().waitFor();
    await screenshot(page, 'shifts-zh');

    // Sunday: drop the demo shift, then add 10:00–18:30.
    await sunday.locator('[data-test=shift] .el-tag__close').first().click();
    await expect.poll(() => sunday.locator('[data-test=shift]').count()).toBe(0);
    await sunday.locator('.rest', { hasText: '休息' }).waitFor();
    await page.locator('[data-test=unsaved]', { hasText: '排班有未保存的修改' }).waitFor();

    await sunday.locator('[data-test=add-shift]').click();
    const shiftDrawer = drawer(page);
    await shiftDrawer.locator('[data-test=shift-subject]', { hasText: '王芳 · 周日' }).waitFor();
    await pick(page, shiftDrawer, 'shift-start', '10:00');
    // R2: an end before the start is the next day; only the same time is refused.
    await pick(page, shiftDrawer, 'shift-end', '10:00');
    await shiftDrawer.locator('[data-test=save-shift]').click();
    await formError(shiftDrawer, '开始和结束不能是同一时间').waitFor();
    await screenshot(page, 'shift-drawer-validation-zh');
    // A typed time is read as HH:mm.
    await shiftDrawer.locator('[data-test=shift-end] input').fill('18:30');
    await page.keyboard.press('Enter');
    await shiftDrawer.locator('[data-test=save-shift]').click();
    await expect.poll(() => page.locator('.el-drawer:visible').count()).toBe(0);
    await sunday.locator('[data-test=shift]', { hasText: '10:00–18:30' }).waitFor();

    // A second shift the same day may not overlap.
    await sunday.locator('[data-test=add-shift]').click();
    await pick(page, drawer(page), 'shift-start', '18:00');
    await pick(page, drawer(page), 'shift-end', '20:00');
    await drawer(page).locator('[data-test=save-shift]').click();
    await formError(drawer(page), '与该顾问已有的班次时间重叠').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.el-drawer:visible').count()).toBe(0);

    // 李强: Monday becomes 10:00–20:00, then Monday is copied to Tuesday–Friday.
    const li = grid.locator('.el-table__row', { hasText: '李强' });
    await cell(li, 1).locator('[data-test=shift]').first().click();
    await drawer(page).locator('.el-drawer__title', { hasText: '修改班次' }).waitFor();
    await pick(page, drawer(page), 'shift-start', '10:00');
    await pick(page, drawer(page), 'shift-end', '20:00');
    await drawer(page).locator('[data-test=save-shift]').click();
    await cell(li, 1).locator('[data-test=shift]', { hasText: '10:00–20:00' }).waitFor();
    await li.locator('[data-test^=copy-monday]').click();
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '复制到周二至周五' }).click();
    await cell(li, 5).locator('[data-test=shift]', { hasText: '10:00–20:00' }).waitFor();
    expect(await cell(li, 6).locator('[data-test=shift]').textContent()).not.toContain(
      '10:00–20:00',
    );
    await screenshot(page, 'shifts-edited-zh');
    await page.locator('[data-test=save-week]').click();
    await page.locator('.el-message--success', { hasText: '已保存滨江售楼处的每周排班' }).waitFor();
    await expect.poll(() => page.locator('[data-test=unsaved]').count()).toBe(0);

    await page.reload();
    await sunday.locator('[data-test=shift]', { hasText: '10:00–18:30' }).waitFor();
    expect(await sunday.locator('[data-test=shift]').count()).toBe(1);
    await cell(li, 3).locator('[data-test=shift]', { hasText: '10:00–20:00' }).waitFor();

    await chooseLanguage(page, 'English');
    await page.locator('.page-header h1', { hasText: 'Shifts' }).waitFor();
    await sunday.locator('[data-test=shift]', { hasText: '10:00–18:30' }).waitFor();
    await screenshot(page, 'shifts-en');
    await context.close();
  });

  it('R2: a manager adds a day exception and removes it', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await page.goto('/admin/shifts');
    const table = page.locator('[data-test=exceptions-table]');
    await table.locator('.el-empty', { hasText: '未来 14 天没有例外安排' }).waitFor();
    await page.locator('[data-test=week-grid] .el-table__row').first().waitFor();

    await page.locator('[data-test=add-exception]').click();
    const form = drawer(page);
    await form.locator('.el-drawer__title', { hasText: '添加例外' }).waitFor();
    await form.locator('[data-test=save-exception]').click();
    await formError(form, '请选择顾问').waitFor();
    await pick(page, form, 'exception-consultant', '李强');
    await form.locator('[data-test=kind-SHIFT]').click();
    await pick(page, form, 'exception-start', '14:00');
    await pick(page, form, 'exception-end', '14:00');
    await form.locator('[data-test=save-exception]').click();
    await formError(form, '开始和结束不能是同一时间').waitFor();
    await pick(page, form, 'exception-end', '21:00');
    await form.locator('input[name=note]').fill('上午外出培训');
    await screenshot(page, 'exception-drawer-zh');
    await form.locator('[data-test=save-exception]').click();
    await page.locator('.el-message--success', { hasText: '已为李强添加' }).waitFor();

    const row = table.locator('.el-table__row', { hasText: '李强' });
    await row.waitFor();
    expect(await row.textContent()).toContain('调班');
    expect(await row.textContent()).toContain('14:00–21:00');
    expect(await row.textContent()).toContain('上午外出培训');
    await screenshot(page, 'shift-exceptions-zh');

    // A day off for 张伟 too, then remove 李强's.
    await page.locator('[data-test=add-exception]').click();
    await pick(page, drawer(page), 'exception-consultant', '张伟');
    await drawer(page).locator('[data-test=kind-LEAVE]').click();
    await drawer(page).locator('[data-test=save-exception]').click();
    await table.locator('.el-table__row', { hasText: '张伟' }).waitFor();

    await row.locator('[data-test=remove-exception]').click();
    await page.locator('.el-message-box:visible', { hasText: '删除李强' }).waitFor();
    await confirmBox(page);
    await page.locator('.el-message--success', { hasText: '已删除李强' }).waitFor();
    await expect.poll(() => row.count()).toBe(0);

    await page.reload();
    await table.locator('.el-table__row', { hasText: '张伟' }).waitFor();
    expect(await table.locator('.el-table__row', { hasText: '李强' }).count()).toBe(0);

    await chooseLanguage(page, 'English');
    await table.locator('.el-table__row', { hasText: 'Leave' }).waitFor();
    await page.locator('[data-test=add-exception]').click();
    await drawer(page).locator('.el-drawer__title', { hasText: 'Add exception' }).waitFor();
    await drawer(page).locator('[data-test=kind-SHIFT]').click();
    await screenshot(page, 'exception-drawer-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.el-drawer:visible').count()).toBe(0);
    await screenshot(page, 'shift-exceptions-en');
    await context.close();
  });
});
