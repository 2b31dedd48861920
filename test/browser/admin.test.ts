import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';
import {
  chooseLanguage,
  expectLive,
  launchBrowser,
  newSession,
  screenshot,
  signIn,
  signOut,
} from './browser.js';

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

async function signInAsAdmin(page: Page, path = '/admin/users') {
  await signIn(page, 'admin');
  await page.waitForURL(/\/admin\/users$/);
  if (path !== '/admin/users')
    await page.locator('.el-menu-item', { hasText: menuLabel(path) }).click();
  await page.waitForURL((url) => url.pathname === path);
}

const menuLabel = (path: string) =>
  ({ '/admin/sites': '站点管理', '/admin/departments': '部门管理' })[path] ?? '';

const drawer = (page: Page) => page.locator('.el-drawer:visible');
const fieldError = (page: Page, text: string) =>
  drawer(page).locator('.el-form-item__error', { hasText: text });

async function pick(page: Page, selectTest: string, option: string) {
  await drawer(page).locator(`[data-test=${selectTest}]`).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).click();
}

/** Clicks the primary button of the open message box; waits until it has gone unless told. */
async function confirmBox(page: Page, { closes = true } = {}) {
  await page.locator('.el-message-box:visible .el-message-box__btns .el-button--primary').click();
  // A box still fading out must not catch the next click.
  if (closes) await expect.poll(() => page.locator('.el-message-box:visible').count()).toBe(0);
}

describe('administration in the browser', () => {
  it('an administrator creates a user who can then sign in', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signInAsAdmin(page);
    await page.locator('[data-test=users-table] .el-table__row').first().waitFor();

    await page.locator('[data-test=create-user]').click();
    await drawer(page).locator('.el-drawer__title', { hasText: '新建用户' }).waitFor();
    await drawer(page).locator('[data-test=save]').click();
    await fieldError(page, '请填写用户名').waitFor();
    await fieldError(page, '请填写姓名').waitFor();
    await fieldError(page, '请填写初始密码').waitFor();
    await fieldError(page, '请至少选择一个角色').waitFor();
    await screenshot(page, 'user-drawer-validation-zh');

    await drawer(page).locator('input[name=username]').fill('x');
    await drawer(page).locator('input[name=password]').fill('short');
    await fieldError(page, '用户名长度应为 3–64 个字符').waitFor();
    await fieldError(page, '密码至少 8 个字符').waitFor();

    await drawer(page).locator('input[name=username]').fill('zhao');
    await drawer(page).locator('input[name=displayName]').fill('赵敏');
    await drawer(page).locator('input[name=password]').fill('welcome123');
    await drawer(page).locator('.el-checkbox', { hasText: '销售顾问' }).click();
    await pick(page, 'sites', '滨江售楼处');
    await page.keyboard.press('Escape');
    await pick(page, 'department', '滨江销售部');
    await screenshot(page, 'user-drawer-filled-zh');
    await drawer(page).locator('[data-test=save]').click();

    await page.locator('.el-message--success', { hasText: '已创建用户 赵敏' }).waitFor();
    const row = page.locator('[data-test=users-table] .el-table__row', { hasText: 'zhao' });
    await row.waitFor();
    expect(await row.textContent()).toContain('滨江销售部');
    await screenshot(page, 'users-created-zh', { keepMessages: true });

    // The same username again: the server's CONFLICT shows on the field.
    await page.locator('[data-test=create-user]').click();
    await drawer(page).locator('input[name=username]').fill('zhao');
    await drawer(page).locator('input[name=displayName]').fill('另一个赵');
    await drawer(page).locator('input[name=password]').fill('welcome123');
    await drawer(page).locator('.el-checkbox', { hasText: '前台接待' }).click();
    await drawer(page).locator('[data-test=save]').click();
    await fieldError(page, '该用户名已被使用').waitFor();
    await screenshot(page, 'user-drawer-conflict-zh');
    await page.keyboard.press('Escape');

    await signOut(page);
    await signIn(page, 'zhao', 'welcome123');
    await page.waitForURL(/\/me\/floor$/);
    await page.locator('[data-test=user-menu]', { hasText: '赵敏' }).waitFor();
    await expectLive(page);
    await context.close();
  });

  it('filters the user list, and says so when nothing matches', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signInAsAdmin(page);
    const rows = page.locator('[data-test=users-table] .el-table__row');
    await rows.first().waitFor();
    await page.locator('input[data-test=user-search]').fill('wang');
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator('input[data-test=user-search]').fill('nobody-at-all');
    await page
      .locator('[data-test=users-table] .el-empty', { hasText: '没有符合条件的用户' })
      .waitFor();
    await screenshot(page, 'users-empty-filter-zh');
    await context.close();
  });

  it('sites: list, create and edit, in both languages', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signInAsAdmin(page, '/admin/sites');
    const table = page.locator('[data-test=sites-table]');
    await table.locator('.el-table__row', { hasText: '滨江售楼处' }).waitFor();

    await page.locator('[data-test=create-site]').click();
    await drawer(page).locator('input[name=name]').fill('总部接待中心');
    await drawer(page).locator('input[name=code]').fill('H Q');
    await drawer(page).locator('[data-test=save]').click();
    await fieldError(page, '编码只能包含字母、数字、下划线和连字符').waitFor();
    await drawer(page).locator('input[name=code]').fill('BJ');
    await drawer(page).locator('[data-test=save]').click();
    await fieldError(page, '该编码已被其他站点使用').waitFor();
    await drawer(page).locator('input[name=code]').fill('HQ');
    await drawer(page).locator('[data-test=save]').click();
    await page.locator('.el-message--success', { hasText: '已创建站点 总部接待中心' }).waitFor();
    await table.locator('.el-table__row', { hasText: 'HQ' }).waitFor();

    await table
      .locator('.el-table__row', { hasText: 'HQ' })
      .locator('button', { hasText: '编辑' })
      .click();
    await drawer(page).locator('input[name=name]').fill('总部客户中心');
    await drawer(page).locator('[data-test=save]').click();
    await table.locator('.el-table__row', { hasText: '总部客户中心' }).waitFor();
    await screenshot(page, 'sites-zh');

    await chooseLanguage(page, 'English');
    await page.locator('.page-header h1', { hasText: 'Sites' }).waitFor();
    await screenshot(page, 'sites-en');
    await table
      .locator('.el-table__row', { hasText: 'HQ' })
      .locator('button', { hasText: 'Edit' })
      .click();
    await drawer(page).locator('.el-drawer__title', { hasText: 'Edit site' }).waitFor();
    await screenshot(page, 'site-drawer-en');
    await context.close();
  });

  it('departments: create, edit, and delete after a confirmation', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signInAsAdmin(page, '/admin/departments');
    const table = page.locator('[data-test=departments-table]');
    await table.locator('.el-table__row').first().waitFor();

    await page.locator('[data-test=create-department]').click();
    await drawer(page).locator('[data-test=save]').click();
    await fieldError(page, '请填写部门名称').waitFor();
    await drawer(page).locator('input[name=name]').fill('城东市场部');
    await pick(page, 'department-site', '城东展厅');
    await drawer(page).locator('[data-test=save]').click();
    await page.locator('.el-message--success', { hasText: '已创建部门 城东市场部' }).waitFor();
    const row = table.locator('.el-table__row', { hasText: '城东市场部' });
    await row.waitFor();
    expect(await row.textContent()).toContain('城东展厅');
    await screenshot(page, 'departments-zh');

    // A department with members cannot go.
    await table
      .locator('.el-table__row', { hasText: '滨江销售部' })
      .locator('button', { hasText: '删除' })
      .click();
    await screenshot(page, 'department-delete-confirm-zh');
    await confirmBox(page);
    await page.locator('.el-message--error', { hasText: '该部门还有成员' }).waitFor();

    await row.locator('button', { hasText: '删除' }).click();
    await confirmBox(page);
    await page.locator('.el-message--success', { hasText: '已删除部门 城东市场部' }).waitFor();
    await expect
      .poll(() => table.locator('.el-table__row', { hasText: '城东市场部' }).count())
      .toBe(0);

    await chooseLanguage(page, 'English');
    await page.locator('.page-header h1', { hasText: 'Departments' }).waitFor();
    await screenshot(page, 'departments-en');
    await page.locator('[data-test=create-department]').click();
    await drawer(page).locator('[data-test=save]').click();
    await fieldError(page, 'Department name is required').waitFor();
    await screenshot(page, 'department-drawer-validation-en');
    await context.close();
  });

  it('users in English, with the drawer validation in English', async () => {
    const { context, page } = await newSession(browser, server.url);
    await page.goto('/login');
    await chooseLanguage(page, 'English');
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await page.locator('[data-test=users-table] .el-table__row').first().waitFor();
    await page.locator('.page-header h1', { hasText: 'Users' }).waitFor();
    await screenshot(page, 'admin-users-en');
    await page.locator('[data-test=create-user]').click();
    await drawer(page).locator('[data-test=save]').click();
    await fieldError(page, 'Username is required').waitFor();
    await fieldError(page, 'Initial password is required').waitFor();
    await screenshot(page, 'user-drawer-validation-en');
    await context.close();
  });

  it('an administrator’s changes reach a signed-in user live; disabling them signs them out', async () => {
    const admin = await newSession(browser, server.url);
    const user = await newSession(browser, server.url);
    await signIn(user.page, 'li');
    await user.page.waitForURL(/\/me\/floor$/);
    await expectLive(user.page);

    await signInAsAdmin(admin.page);
    const row = admin.page
      .locator('[data-test=users-table] .el-table__row', { hasText: 'li' })
      .filter({ hasText: '李强' });
    await row.locator('button', { hasText: '编辑' }).click();
    await drawer(admin.page).locator('input[name=displayName]').fill('李强强');
    await drawer(admin.page).locator('[data-test=save]').click();
    await admin.page.locator('.el-message--success', { hasText: '已保存 李强强 的修改' }).waitFor();

    // accountChanged: the user's header follows without a reload.
    await user.page.locator('[data-test=user-menu]', { hasText: '李强强' }).waitFor();
    await user.page.locator('.el-message', { hasText: '你的账号信息已由管理员更新' }).waitFor();

    await admin.page.locator('[data-test=toggle-li]').click();
    await screenshot(admin.page, 'user-disable-confirm-zh');
    await confirmBox(admin.page);
    await admin.page.locator('.el-message--success', { hasText: '已停用 李强强' }).waitFor();
    // The list refetches after the toast; the next click must see li as disabled.
    await admin.page.locator('[data-test=users-table] .el-table__row', { hasText: '李强强' }).filter({ hasText: '已停用' }).waitFor();

    await user.page.waitForURL(/\/login/);
    await user.page
      .locator('[data-test=login-notice]', { hasText: '你的账号已被管理员停用或重置密码' })
      .waitFor();
    await screenshot(user.page, 'login-account-ended-zh');
    await signIn(user.page, 'li');
    await user.page.locator('[data-test=login-error]', { hasText: '该账号已停用' }).waitFor();

    await admin.page.locator('[data-test=toggle-li]', { hasText: '启用' }).click();
    await admin.page.locator('.el-message-box:visible', { hasText: '确定启用吗' }).waitFor();
    await confirmBox(admin.page);
    await admin.page.locator('.el-message--success', { hasText: '已启用 李强强' }).waitFor();
    await signIn(user.page, 'li');
    await user.page.waitForURL(/\/me\/floor$/);
    await admin.context.close();
    await user.context.close();
  });

  it('resetting a password ends that user’s session at once', async () => {
    const admin = await newSession(browser, server.url);
    const user = await newSession(browser, server.url);
    await signIn(user.page, 'chen');
    await user.page.waitForURL(/\/me\/floor$/);
    await expectLive(user.page);

    await signInAsAdmin(admin.page);
    const row = admin.page.locator('[data-test=users-table] .el-table__row', { hasText: 'chen' });
    await row.locator('button', { hasText: '重置密码' }).click();
    const box = admin.page.locator('.el-message-box');
    await box.locator('input').fill('short');
    await confirmBox(admin.page, { closes: false });
    await box.locator('.el-message-box__errormsg', { hasText: '密码至少 8 个字符' }).waitFor();
    await screenshot(admin.page, 'user-reset-password-zh');
    await box.locator('input').fill('new-password-1');
    await confirmBox(admin.page);
    await admin.page.locator('.el-message--success', { hasText: '已重置 陈静 的密码' }).waitFor();

    await user.page.waitForURL(/\/login/);
    await signIn(user.page, 'chen', 'new-password-1');
    await user.page.waitForURL(/\/me\/floor$/);
    await admin.context.close();
    await user.context.close();
  });
});
