import type { Browser } from 'playwright-core';
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

describe('web shell in the browser', () => {
  it('shows the sign-in page in Chinese first', async () => {
    const { context, page } = await newSession(browser, server.url);
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('登录');
    await expect(page.title()).resolves.toBe('登录 · 客户接待管理');
    await screenshot(page, 'login-zh');
    await context.close();
  });

  it('a wrong password shows the error and stays on sign-in', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'admin', 'wrong-password');
    const error = page.locator('[data-test=login-error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-wrong-password-zh');
    await context.close();
  });

  it('the sign-in form says what is missing', async () => {
    const { context, page } = await newSession(browser, server.url);
    await page.goto('/login');
    await page.locator('[data-test=login-submit]').click();
    await page.locator('.el-form-item__error', { hasText: '请填写用户名' }).waitFor();
    await page.locator('.el-form-item__error', { hasText: '请填写密码' }).waitFor();
    await screenshot(page, 'login-missing-zh');
    // Typing clears the field's message; the other stays.
    await page.locator('input[name=username]').fill('desk');
    await page.locator('.el-form-item__error', { hasText: '请填写用户名' }).waitFor({ state: 'detached' });
    await page.locator('.el-form-item__error', { hasText: '请填写密码' }).waitFor();
    await context.close();
  });

  const homes = [
    { username: 'admin', path: '/admin/users', heading: '用户管理', shot: 'admin-users-zh' },
    { username: 'manager', path: '/floor', heading: '楼面看板', shot: 'manager-floor-zh' },
    { username: 'desk', path: '/desk', heading: '来访接待台', shot: 'desk-zh' },
    {
      username: 'wang',
      path: '/me/floor',
      heading: '我的接待状态',
      shot: 'consultant-my-floor-zh',
    },
  ];
  for (const home of homes) {
    it(`${home.username} lands on ${home.path}, live`, async () => {
      const { context, page } = await newSession(browser, server.url);
      await signIn(page, home.username);
      await page.waitForURL((url) => url.pathname === home.path);
      await page.locator('.page-header h1', { hasText: home.heading }).waitFor();
      await expectLive(page);
      if (home.username === 'admin')
        await page.locator('[data-test=users-table] .el-table__row').first().waitFor();
      await screenshot(page, home.shot);
      await context.close();
    });
  }

  it('a manager of two sites picks the site; the choice is kept', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    const picker = page.locator('[data-test=site-picker]');
    await picker.click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '城东展厅' }).click();
    await page.locator('.page-header .subtitle', { hasText: '城东展厅' }).waitFor();
    await page.reload();
    await page.locator('.page-header .subtitle', { hasText: '城东展厅' }).waitFor();
    await context.close();
  });

  it('switching language changes the page text, and the choice is remembered', async () => {
    const { context, page } = await newSession(browser, server.url);
    await page.goto('/login');
    await chooseLanguage(page, 'English');
    await page.locator('h1', { hasText: 'Sign in' }).waitFor();
    await expect(page.locator('label', { hasText: 'Username' }).count()).resolves.toBe(1);
    await screenshot(page, 'login-en');

    await page.reload();
    await page.locator('h1', { hasText: 'Sign in' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');

    await signIn(page, 'admin', 'wrong-password');
    expect(await page.locator('[data-test=login-error]').textContent()).toContain(
      'Wrong username or password',
    );
    await screenshot(page, 'login-wrong-password-en');

    for (const [username, path, heading, shot] of [
      ['manager', '/floor', 'Floor board', 'manager-floor-en'],
      ['desk', '/desk', 'Walk-in desk', 'desk-en'],
      ['wang', '/me/floor', 'My floor status', 'consultant-my-floor-en'],
    ] as const) {
      await signIn(page, username);
      await page.waitForURL((url) => url.pathname === path);
      await page.locator('.page-header h1', { hasText: heading }).waitFor();
      await expectLive(page);
      await screenshot(page, shot);
      await signOut(page);
      await page.locator('[data-test=login-notice]', { hasText: 'You have signed out' }).waitFor();
    }

    // And back to Chinese inside the app.
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await chooseLanguage(page, '简体中文');
    await page.locator('.page-header h1', { hasText: '楼面看板' }).waitFor();
    await context.close();
  });

  it('a page of another role shows 403; an unknown address shows 404', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'wang');
    await page.waitForURL(/\/me\/floor$/);
    await page.goto('/admin/users');
    await page.locator('[data-test=status-403]').waitFor();
    expect(await page.locator('[data-test=status-403] h1').textContent()).toBe('无权访问');
    await screenshot(page, 'forbidden-zh');

    await page.goto('/no/such/page');
    await page.locator('[data-test=status-404]').waitFor();
    expect(await page.locator('[data-test=status-404] h1').textContent()).toBe('页面不存在');
    await screenshot(page, 'not-found-zh');
    await chooseLanguage(page, 'English');
    await page.locator('[data-test=status-404] h1', { hasText: 'Page not found' }).waitFor();
    await screenshot(page, 'not-found-en');
    await page.locator('[data-test=status-404] button').click();
    await page.waitForURL(/\/me\/floor$/);
    await context.close();
  });

  it('a signed-out visitor of a deep link signs in and arrives there', async () => {
    const { context, page } = await newSession(browser, server.url);
    await page.goto('/admin/sites');
    await page.waitForURL(/\/login\?redirect=/);
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/sites$/);
    await page.locator('.page-header h1', { hasText: '站点管理' }).waitFor();
    await context.close();
  });
});
