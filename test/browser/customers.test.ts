import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import {
  chooseLanguage,
  launchBrowser,
  newSession,
  screenshot,
  signIn,
  signOut,
} from './browser.js';

// The customer register in the browser (SPEC section 2, O1–O9, and R7 at the desk).

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

const CUSTOMER = { name: '林晓雨', phone: '139 5550 7788', digits: '13955507788', last4: '7788' };
const drawer = (page: Page) => page.locator('.el-drawer:visible');
/** Element Plus puts `data-test` on the <input> of ElInput, on the wrapper of ElInputNumber. */
const field = (scope: Page | Locator, test: string) =>
  scope
    .locator(
      `input[data-test=${test}], textarea[data-test=${test}], [data-test=${test}] input, [data-test=${test}] textarea`,
    )
    .first();
const verdict = (page: Page) =>
  page.locator('[data-test=register-check] [data-test=check-verdict]');

async function open(page: Page, path: string, heading: string) {
  await page.goto(path);
  await page.locator('.page-header h1', { hasText: heading }).waitFor();
}

async function ok<T>(r: Promise<{ data?: T; errors?: unknown[] }>): Promise<T> {
  const res = await r;
  if (!res.data || res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** 滨江售楼处: every consultant on shift all day, every day; wang and li on the floor and free. */
async function floorAllDay(): Promise<{ siteId: string; ids: Record<string, string> }> {
  const token = await login(server.url, 'manager');
  const { me } = await ok(
    gql<{ me: { sites: Array<{ id: string; name: string }> } }>(
      server.url,
      '{ me { sites { id name } } }',
      {},
      token,
    ),
  );
  const siteId = me.sites.find((s) => s.name === '滨江售楼处')!.id;
  const { siteConsultants } = await ok(
    gql<{ siteConsultants: Array<{ id: string; displayName: string }> }>(
      server.url,
      'query($siteId: ID!) { siteConsultants(siteId: $siteId) { id displayName } }',
      { siteId },
      token,
    ),
  );
  const shifts = siteConsultants.flatMap((c) =>
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      consultantId: c.id,
      weekday,
      startTime: '00:00',
      endTime: '23:59',
    })),
  );
  await ok(
    gql(
      server.url,
      'mutation($siteId: ID!, $shifts: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $siteId, shifts: $shifts) { id } }',
      { siteId, shifts },
      token,
    ),
  );
  const ids = Object.fromEntries(siteConsultants.map((c) => [c.displayName, c.id]));
  for (const name of ['王芳', '李强']) {
    // Demo data may have them on the floor already: a refused check-in is fine.
    await gql(
      server.url,
      'mutation($siteId: ID!, $id: ID) { checkIn(siteId: $siteId, consultantId: $id) { board { seq } } }',
      { siteId, id: ids[name] },
      token,
    );
  }
  // Whoever wang is still serving from the demo morning leaves, so the owner is free (R7).
  const board = await ok(
    gql<{
      rotationBoard: {
        consultants: Array<{
          consultant: { id: string };
          state: string;
          busyWith: Array<{ id: string }>;
        }>;
      };
    }>(
      server.url,
      'query($siteId: ID!) { rotationBoard(siteId: $siteId) { consultants { consultant { id } state busyWith { id } } } }',
      { siteId },
      token,
    ),
  );
  for (const c of board.rotationBoard.consultants.filter((x) => x.consultant.id === ids['王芳'])) {
    for (const r of c.busyWith) {
      await ok(
        gql(
          server.url,
          'mutation($siteId: ID!, $r: ID!) { endReception(siteId: $siteId, receptionId: $r) { board { seq } } }',
          { siteId, r: r.id },
          token,
        ),
      );
    }
  }
  return { siteId, ids };
}

async function pickOption(page: Page, scope: Locator, test: string, option: string) {
  await scope.locator(`[data-test=${test}]`).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}

describe('customer register in the browser', () => {
  let customerPath = '';

  it('O1/O5/O6: wang registers a customer with the live check; li sees the duplicate at once', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'wang');
    await page.waitForURL(/\/me\/floor$/);
    await page.locator('.el-menu-item', { hasText: '客户登记' }).click();
    await page.locator('.page-header h1', { hasText: '客户登记' }).waitFor();
    await page
      .locator('[data-test=register-check]', { hasText: '输入电话后自动核对登记册' })
      .waitFor();

    // Keyboard only: name, Tab, phone — the check answers while typing.
    await field(page, 'register-name').fill(CUSTOMER.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CUSTOMER.phone);
    await verdict(page).filter({ hasText: '新客户' }).waitFor();
    await field(page, 'register-budget').fill('300万');
    await page.locator('[data-test=add-family]').click();
    await field(page, 'family-name').fill('周明');
    await screenshot(page, 'customer-register-zh');
    await field(page, 'register-name').press('Enter');
    await page.locator('.el-message', { hasText: `已登记：${CUSTOMER.name}` }).waitFor();
    const last = page.locator('[data-test=register-last]');
    await last.locator('[data-test=phone-full]', { hasText: CUSTOMER.digits }).waitFor();
    await last.locator('[data-test=customer-owner]', { hasText: '王芳' }).waitFor();
    // The form is empty and ready for the next customer.
    await expect(field(page, 'register-name').inputValue()).resolves.toBe('');
    await last.locator('[data-test=open-last]').click();
    await page.waitForURL(/\/customers\/\d+$/);
    customerPath = new URL(page.url()).pathname;
    await page
      .locator('[data-test=customer-summary] [data-test=phone-full]', { hasText: CUSTOMER.digits })
      .waitFor();
    await page.locator('[data-test=customer-family]', { hasText: '周明' }).waitFor();
    await signOut(page);

    // li tries the same number with another name: O6, owner and masked phone shown at once.
    await signIn(page, 'li');
    await page.waitForURL(/\/me\/floor$/);
    await open(page, '/customers/register', '客户登记');
    await field(page, 'register-name').fill('林先生');
    await field(page, 'register-phone').fill(CUSTOMER.digits);
    await verdict(page).filter({ hasText: '同号不同名' }).waitFor();
    const match = page.locator('[data-test=check-customer]').first();
    await match.locator('[data-test=customer-owner]', { hasText: '王芳' }).waitFor();
    expect(await match.locator('[data-test=phone-masked]').textContent()).toContain('139****7788');
    await page.locator('[data-test=register-relation]', { hasText: '配偶（直系亲属）' }).waitFor();
    await screenshot(page, 'customer-register-conflict-zh');

    // O5: the same name with another phone is a different person unless verified.
    await field(page, 'register-name').fill(CUSTOMER.name);
    await field(page, 'register-phone').fill('13800009999');
    await verdict(page).filter({ hasText: '同名不同号' }).waitFor();
    await expect(page.locator('[data-test=register-relation]').count()).resolves.toBe(0);
    await context.close();
  });

  it("O9: li opening wang's customer sees the masked phone only", async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'li');
    await page.waitForURL(/\/me\/floor$/);
    await open(page, '/customers', '客户名册');
    await field(page, 'customers-search').fill(CUSTOMER.last4);
    const row = page.locator('[data-test=customers-table] .el-table__row', {
      hasText: CUSTOMER.name,
    });
    await row.locator('[data-test=phone-masked]').waitFor();
    await row.click();
    await page.waitForURL((u) => u.pathname === customerPath);
    const summary = page.locator('[data-test=customer-summary]');
    await summary.locator('[data-test=phone-masked]', { hasText: '139****7788' }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(CUSTOMER.digits);
    // Not li's customer: no follow-up (it would not keep anyone's ownership alive) and no correction.
    await expect(page.locator('[data-test=action-follow-up]').count()).resolves.toBe(0);
    await expect(page.locator('[data-test=action-correct]').count()).resolves.toBe(0);
    await screenshot(page, 'customer-masked-zh');
    await context.close();
  });

  it('O3: wang finds the customer under My customers and logs a follow-up', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'wang');
    await page.waitForURL(/\/me\/floor$/);
    await page.locator('.el-menu-item', { hasText: '我的客户' }).click();
    await page.locator('.page-header h1', { hasText: '我的客户' }).waitFor();
    await page
      .locator('[data-test=customers-table] .el-table__row', { hasText: CUSTOMER.name })
      .waitFor();
    await screenshot(page, 'my-customers-zh');
    await page.goto(customerPath);
    await page.locator('[data-test=action-follow-up]').click();
    const d = drawer(page);
    await field(d, 'follow-up-note').fill('电话回访，周末带家人来看样板间');
    await d.locator('[data-test=follow-up-save]').click();
    await page.locator('.el-message', { hasText: '已记录跟进' }).waitFor();
    await page
      .locator('[data-test=timeline-entry][data-kind=followUp]', { hasText: '周末带家人' })
      .waitFor();

    // Issue 13: the owner grades the customer's intent; the change is on the timeline.
    await page.locator('[data-test=customer-grade]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'A · 近期购买' }).click();
    await page.locator('.el-message', { hasText: '意向等级已保存' }).waitFor();
    await page
      .locator('[data-test=timeline-entry][data-kind=grade]', {
        hasText: '将意向等级从 未评级 改为 A · 近期购买',
      })
      .waitFor();

    // O1: a correction is a new registration pointing at the one it corrects.
    await page.locator('[data-test=action-correct]').click();
    const c = drawer(page);
    await expect.poll(() => field(c, 'correct-phone').inputValue()).toBe(CUSTOMER.digits);
    await field(c, 'correct-name').fill('林晓雨（小雨）');
    await screenshot(page, 'customer-correct-zh');
    await c.locator('[data-test=correct-save]').click();
    await page.locator('.el-message', { hasText: '已更正登记' }).waitFor();
    const correction = page.locator('[data-test=timeline-entry][data-kind=registration]').first();
    await correction.locator('.headline', { hasText: '王芳 更正了登记' }).waitFor();
    await correction.getByText(/更正的是 .* 的登记（林晓雨，13955507788）/).waitFor();
    await page
      .locator('[data-test=timeline-entry][data-kind=registration]')
      .nth(1)
      .getByText(/已被 .* 的更正取代/)
      .waitFor();
    await screenshot(page, 'customer-page-zh');
    await context.close();
  });

  it('R7: the desk looks up the last four digits and the walk-in goes to the owner wang', async () => {
    await floorAllDay();
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'desk');
    await page.waitForURL(/\/desk$/);
    const lookup = page.locator('[data-test=customer-lookup]');
    await field(lookup, 'lookup-input').fill(CUSTOMER.last4);
    const row = lookup.locator('[data-test=lookup-row]', { hasText: CUSTOMER.name });
    await row.locator('[data-test=customer-owner]', { hasText: '王芳' }).waitFor();
    expect(await row.locator('[data-test=phone-masked]').textContent()).toContain('139****7788');
    await screenshot(page, 'desk-lookup-zh');
    await row.locator('[data-test=lookup-pick]').click();
    await page.locator('[data-test=desk-result-who]', { hasText: '王芳' }).waitFor();
    await screenshot(page, 'desk-lookup-picked-zh');
    await context.close();
  });

  it('O6, O7: the manager settles a same-phone conflict and records a deal', async () => {
    // li registers the same number with another name: a conflict for the manager (O6).
    const liToken = await login(server.url, 'li');
    const { me } = await ok(
      gql<{ me: { sites: Array<{ id: string; name: string }> } }>(
        server.url,
        '{ me { sites { id name } } }',
        {},
        liToken,
      ),
    );
    const siteId = me.sites.find((s) => s.name === '滨江售楼处')!.id;
    const reg = await ok(
      gql<{ registerCustomer: { match: string } }>(
        server.url,
        'mutation($siteId: ID!, $input: RegisterCustomerInput!) { registerCustomer(siteId: $siteId, input: $input) { match } }',
        { siteId, input: { name: '林先生', phone: CUSTOMER.digits } },
        liToken,
      ),
    );
    expect(reg.registerCustomer.match).toBe('PHONE_CONFLICT');

    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await page.locator('.el-menu-item', { hasText: '撞单裁决' }).click();
    await page.locator('.page-header h1', { hasText: '撞单裁决' }).waitFor();
    const conflict = page.locator('[data-test=conflicts-table] .el-table__row', {
      hasText: '林先生',
    });
    await conflict.locator('.el-tag', { hasText: '同号不同名' }).waitFor();
    await screenshot(page, 'conflicts-zh');
    await conflict.locator('[data-test=conflict-DIFFERENT]').click();
    const d = drawer(page);
    await d.locator('[data-test=decide-save]').click();
    await d.locator('.el-form-item__error', { hasText: '请填写理由' }).waitFor();
    await field(d, 'decide-reason').fill('核实：林先生是同事，借用号码登记');
    await d.locator('[data-test=decide-save]').click();
    await page.locator('.el-message', { hasText: '已处理：林先生' }).waitFor();
    // O6 "not family" keeps the conflict, with the O2 outcome stated, until it is assigned or released.
    await conflict.locator('.details', { hasText: '非直系亲属' }).waitFor();
    await conflict.locator('[data-test=conflict-RELEASE]').click();
    await field(d, 'decide-reason').fill('借用号码，释放');
    await d.locator('[data-test=decide-save]').click();
    await page.locator('[data-test=conflicts-table]', { hasText: '没有待裁决的冲突' }).waitFor();

    // A deal bought in the name of the registered spouse's family member (O7), credited to wang.
    await page.goto(customerPath);
    await page
      .locator('[data-test=customer-summary] [data-test=phone-full]', { hasText: CUSTOMER.digits })
      .waitFor();
    await page.locator('[data-test=action-deal]').click();
    const dealDrawer = drawer(page);
    await field(dealDrawer, 'deal-units').fill('2');
    await pickOption(page, dealDrawer, 'deal-helper', '李强');
    await dealDrawer.locator('[data-test=deal-save]').click();
    await page.locator('.el-message', { hasText: '已录入成交：2 套' }).waitFor();
    const deal = page.locator('[data-test=timeline-entry][data-kind=deal]');
    await deal.locator('[data-test=deal-facts]', { hasText: '王芳（50%）' }).waitFor();
    await deal.locator('[data-test=deal-facts]', { hasText: '各得一半' }).waitFor();
    await screenshot(page, 'customer-page-manager-zh');

    await page.locator('.el-menu-item', { hasText: '成交记录' }).click();
    await page
      .locator('[data-test=deals-table] .el-table__row', { hasText: CUSTOMER.name })
      .waitFor();
    await screenshot(page, 'deals-zh');
    await page.locator('.el-menu-item', { hasText: '客户名册' }).click();
    await page
      .locator('[data-test=customers-table] .el-table__row', { hasText: CUSTOMER.name })
      .locator('[data-test=phone-full]')
      .waitFor();
    await screenshot(page, 'customers-manager-zh');
    await context.close();
  });

  it('the administrator sets the register rules of a site', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await page
      .locator('.el-sub-menu__title, .el-menu-item-group__title', { hasText: '系统设置' })
      .first()
      .waitFor();
    await page.locator('.el-menu-item', { hasText: '客户登记规则' }).click();
    await page.locator('.page-header h1', { hasText: '客户登记规则' }).waitFor();
    const days = field(page, 'followUpDays');
    await expect.poll(() => days.inputValue()).toBe('7');
    await days.fill('10');
    await days.press('Tab');
    await page.locator('[data-test=save-customer-settings]').click();
    await page.locator('.el-message', { hasText: '已保存滨江售楼处的客户登记规则' }).waitFor();
    await screenshot(page, 'customer-settings-zh');
    await page.reload();
    await expect.poll(() => field(page, 'followUpDays').inputValue()).toBe('10');

    // O3 with a one-day period: liu's demo customer, followed up yesterday, lapses within a day.
    await field(page, 'followUpDays').fill('1');
    await field(page, 'followUpDays').press('Tab');
    await page.locator('[data-test=save-customer-settings]').click();
    await page.locator('.el-message', { hasText: '已保存滨江售楼处的客户登记规则' }).waitFor();
    // Both saves are in the history, newest first, in the form's words.
    await page.locator('[data-test=open-history]').click();
    const entries = page.locator('[data-test=history-drawer] [data-test=history-entry]');
    await expect.poll(() => entries.count()).toBe(2);
    const newest = entries.first().locator('[data-test=history-line]');
    expect(await newest.count()).toBe(1);
    expect(await newest.locator('.label').textContent()).toBe('跟进期限');
    expect(await newest.locator('.before').textContent()).toBe('10 天');
    expect(await newest.locator('.after').textContent()).toBe('1 天');
    expect(await entries.nth(1).locator('.before').textContent()).toBe('7 天');
    await screenshot(page, 'customer-settings-history-zh');
    await page.keyboard.press('Escape');
    await signOut(page);
    await signIn(page, 'liu');
    await page.waitForURL(/\/me\/floor$/);
    await open(page, '/customers/mine', '我的客户');
    await page
      .locator('[data-test=lapse-warning]', { hasText: '1 位客户的归属将在一天内到期' })
      .waitFor();
    await page
      .locator('[data-test=customers-table] .el-table__row', { hasText: '黄女士' })
      .locator('[data-test=lapses-soon]')
      .waitFor();
    // Issue 13 (O3): the follow-up-due badge from the server, within the site's 3 days.
    await page
      .locator('[data-test=customers-table] .el-table__row', { hasText: '黄女士' })
      .locator('[data-test=follow-up-due]', { hasText: '1 天内需跟进' })
      .waitFor();
    await screenshot(page, 'my-customers-lapsing-zh');
    await context.close();
  });

  it('every new page reads in English too', async () => {
    const { context, page } = await newSession(browser, server.url);
    await page.goto('/login');
    await chooseLanguage(page, 'English');
    const pages: Array<[string, string, string, string]> = [
      ['wang', '/customers/register', 'Register a customer', 'customer-register-en'],
      ['wang', '/customers/mine', 'My customers', 'my-customers-en'],
      ['wang', customerPath, CUSTOMER.name, 'customer-page-en'],
      ['li', customerPath, CUSTOMER.name, 'customer-masked-en'],
      ['manager', '/customers', 'Customer register', 'customers-manager-en'],
      ['manager', customerPath, CUSTOMER.name, 'customer-page-manager-en'],
      ['manager', '/customers/conflicts', 'Conflicts', 'conflicts-en'],
      ['manager', '/deals', 'Deals', 'deals-en'],
      ['admin', '/admin/customers', 'Register rules', 'customer-settings-en'],
    ];
    let who = '';
    for (const [user, path, heading, shot] of pages) {
      if (user !== who) {
        if (who) await signOut(page);
        await signIn(page, user);
        await page.waitForURL((u) => !u.pathname.startsWith('/login'));
        who = user;
      }
      await open(page, path, heading);
      if (shot === 'customer-register-en') {
        await field(page, 'register-name').fill('Lin Xiaoyu');
        await field(page, 'register-phone').fill(CUSTOMER.digits);
        await verdict(page).filter({ hasText: 'Same phone, different name' }).waitFor();
      }
      if (path === customerPath) await page.locator('[data-test=customer-timeline]').waitFor();
      await screenshot(page, shot);
    }
    await signOut(page);
    await signIn(page, 'desk');
    await page.waitForURL(/\/desk$/);
    await field(page.locator('[data-test=customer-lookup]'), 'lookup-input').fill(CUSTOMER.last4);
    await page.locator('[data-test=lookup-row]').first().waitFor();
    await screenshot(page, 'desk-lookup-en');
    await context.close();
  });
});
