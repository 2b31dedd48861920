import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { launchBrowser, newSession, screenshot, signIn } from './browser.js';

// Outbound visits (SPEC section 5) in the browser against the real server: wang plans a
// visit to his customer, the manager approves the plan, wang checks in on his phone (the
// browser gives a location) and files the V3 report with a promised item.

const TZ = 'Asia/Shanghai';

let server: RunningServer;
let browser: Browser;
let siteId: string;
let managerToken: string;
let wangToken: string;
let customerId: string;

async function ok<T>(r: Promise<{ data?: T; errors?: unknown[] }>): Promise<T> {
  const body = await r;
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const siteDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TZ, dateStyle: 'short' }).format(ms);
const input = (page: Page, test: string) =>
  page
    .locator(
      `input[data-test=${test}], textarea[data-test=${test}], [data-test=${test}] input, [data-test=${test}] textarea`,
    )
    .first();
/** Element Plus date pickers keep no data-test of their own: the picker inside a container. */
const dateInput = (page: Page, container: string) =>
  page.locator(`${container} .el-date-editor input`).first();

async function pickOption(page: Page, test: string, option: string) {
  await page.locator(`[data-test=${test}]`).first().click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}
async function typeDate(page: Page, container: string, value: string) {
  const field = dateInput(page, container);
  await field.click();
  await field.fill(value);
  await field.press('Enter');
  await page.locator('.page-header h1').click();
  await expect.poll(() => page.locator('.el-picker__popper:visible').count()).toBe(0);
  await expect.poll(() => field.inputValue()).toBe(value);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  managerToken = await login(server.url, 'manager');
  wangToken = await login(server.url, 'wang');
  const me = await ok(
    gql<{ me: { sites: Array<{ id: string; code: string }> } }>(
      server.url,
      '{ me { sites { id code } } }',
      {},
      managerToken,
    ),
  );
  siteId = me.me.sites.find((s) => s.code === 'BJ')!.id;
  // The site's region (杭州市) and a customer of wang's in the same city.
  await ok(
    gql(
      server.url,
      'mutation($s: ID!, $i: VisitSettingsInput!) { updateVisitSettings(siteId: $s, input: $i) { reportDueDays } }',
      {
        s: siteId,
        i: {
          siteRegion: { province: '330000', city: '330100', district: '330106' },
          sameCityMonths: 1,
          sameProvinceMonths: 3,
          elsewhereMonths: 6,
          reportDueDays: 2,
          planReminderDays: 3,
        },
      },
      managerToken,
    ),
  );
  const reg = await ok(
    gql<{ registerCustomer: { customer: { id: string } } }>(
      server.url,
      'mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { customer { id } } }',
      { s: siteId, i: { name: '钱拜访', phone: '13755550101' } },
      wangToken,
    ),
  );
  customerId = reg.registerCustomer.customer.id;
  await ok(
    gql(
      server.url,
      'mutation($c: ID!, $r: RegionInput) { setCustomerRegion(customerId: $c, region: $r) { city } }',
      { c: customerId, r: { province: '330000', city: '330100', district: '330106' } },
      wangToken,
    ),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('outbound visits in the browser', () => {
  it('V1/V3/V4: plan → approve → check in on the phone → report with a promised item → the manager\'s figures', async () => {
    const today = siteDay(Date.now());
    const month = today.slice(0, 7);

    // ---- wang plans a visit today (this month's plan, so it is flagged late) ----------------
    const consultant = await newSession(browser, server.url);
    let page = consultant.page;
    await signIn(page, 'wang');
    await page.waitForURL(/\/me\/floor/);
    await page.goto(`/visits/plan?month=${month}`);
    await page.locator(`[data-test=suggest-${customerId}] [data-test=suggest-add]`).click();
    await typeDate(page, '[data-test=plan-items]', today);
    await input(page, 'item-purpose').fill('介绍二期');
    await input(page, 'item-content').fill('带户型图');
    await screenshot(page, 'visits-plan-draft');
    await page.locator('[data-test=plan-submit]').click();
    await expect
      .poll(() => page.locator('[data-test=plan-state]').textContent(), { timeout: 15_000 })
      .toBe('已提交');
    await page.locator('[data-test=plan-late]').waitFor();
    await consultant.context.close();

    // ---- the manager approves it -----------------------------------------------------------------
    const manager = await newSession(browser, server.url);
    page = manager.page;
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor/);
    await page.goto(`/visits/plan?month=${month}`);
    const card = page.locator('[data-test^=review-plan-]').filter({ hasText: '钱拜访' });
    await card.waitFor();
    await screenshot(page, 'visits-plan-review');
    await card.locator('[data-test=review-approve]').click();
    await expect
      .poll(() => card.locator('[data-test=plan-state]').textContent(), { timeout: 15_000 })
      .toBe('已批准');
    await manager.context.close();

    // ---- wang on his phone: check in with the browser's location, then the report -----------------
    const phone = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      geolocation: { latitude: 30.2741, longitude: 120.1551, accuracy: 25 },
      permissions: ['geolocation'],
    });
    phone.setDefaultTimeout(15_000);
    page = await phone.newPage();
    await signIn(page, 'wang');
    await page.waitForURL(/\/me\/floor/);
    await page.goto('/me/visits');
    const visit = page.locator('[data-test^=visit-]').filter({ hasText: '钱拜访' }).first();
    await visit.locator('[data-test=visit-check-in]').click();
    await visit.locator('[data-test=visit-checked-in]').waitFor();
    expect(await visit.locator('[data-test=visit-checked-in]').textContent()).toContain('±25');
    // The card fits the phone's width.
    const box = await visit.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await pickOption(page, 'report-outcome', '有意向');
    await input(page, 'report-feedback').fill('对二期很感兴趣');
    await input(page, 'report-next').fill('下周带看样板间');
    await visit.locator('[data-test=promise-add]').click();
    await input(page, 'promise-text').fill('寄送二期户型图');
    const due = `${siteDay(Date.now() + 2 * 86_400_000)} 18:00:00`;
    await typeDate(page, '[data-test=visit-report] .promise', due);
    await screenshot(page, 'visits-phone-report');
    await visit.locator('[data-test=report-submit]').click();
    await page.locator('[data-test=my-visit-tasks]', { hasText: '寄送二期户型图' }).waitFor();
    await screenshot(page, 'visits-phone-done');
    await phone.close();

    // What the server recorded: the check-in with its accuracy, the report, the promised task.
    const { visitPlan } = await ok(
      gql<{
        visitPlan: {
          state: string;
          late: boolean;
          visits: Array<{
            checkedInAt: string;
            location: { accuracy: number };
            outcome: string;
            reportLate: boolean;
            tasks: Array<{ text: string }>;
          }>;
        };
      }>(
        server.url,
        'query($s: ID!, $m: String!) { visitPlan(siteId: $s, month: $m) { state late visits { checkedInAt location { accuracy } outcome reportLate tasks { text } } } }',
        { s: siteId, m: month },
        wangToken,
      ),
    );
    expect(visitPlan).toMatchObject({ state: 'APPROVED', late: true });
    expect(visitPlan.visits[0]).toMatchObject({
      location: { accuracy: 25 },
      outcome: 'INTERESTED',
      reportLate: false,
      tasks: [{ text: '寄送二期户型图' }],
    });

    // ---- V4: the manager's figures for this month count the visit done and its report on time ------
    const figures = await newSession(browser, server.url);
    page = figures.page;
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor/);
    await page.goto('/figures');
    const row = page.locator('[data-test=figures-consultants-table] tbody tr').filter({ hasText: '王芳' }).first();
    // Visits done/planned and reports on time/filed: the two cells that read 1/1 (before the report, 0/1 and —).
    await expect
      .poll(async () => (await row.locator('td').allTextContents()).filter((c) => c.trim() === '1/1').length, { timeout: 15_000 })
      .toBe(2);
    await screenshot(page, 'visits-figures');
    await figures.context.close();
  }, 240_000);
});
