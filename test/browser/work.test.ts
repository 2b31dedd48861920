import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { expectLive, launchBrowser, newSession, screenshot, signIn } from './browser.js';

// Issue 8 in the browser against the real server: the manager sits on "My work" while
// wang requests a visit through GraphQL; the request notifies the approver (滨江销售部 has
// no head, so the site's managers decide) and the bell and the approvals list update
// live, without a reload. Then the calendar shows the visit in its week, and the floor
// board and the wall screen show the appointments of the day (the demo data has one).

const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHOWN_TODAY = ['REQUESTED', 'APPROVED', 'RESCHEDULED', 'PREPARED', 'ARRIVED', 'COMPLETED'];

let server: RunningServer;
let browser: Browser;
let siteId: string;
let managerToken: string;
let wangToken: string;

async function ok<T>(r: Promise<{ data?: T; errors?: unknown[] }>): Promise<T> {
  const body = await r;
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The calendar date of an instant in Shanghai. */
const shanghaiDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TZ, dateStyle: 'short' }).format(ms);
/** Midnight of that date in Shanghai (UTC+8 all year). */
const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

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
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Today's appointments of the site as the server counts them (site day, not rejected/cancelled). */
async function todaysCount(): Promise<number> {
  const today = shanghaiDay(Date.now());
  const from = new Date(shanghaiMidnight(today)).toISOString();
  const to = new Date(shanghaiMidnight(today) + DAY).toISOString();
  const { appointments } = await ok(
    gql<{ appointments: { total: number } }>(
      server.url,
      `query($siteId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $states: [AppointmentState!]!) {
        appointments(siteId: $siteId, filter: { from: $from, to: $to, states: $states }) { total }
      }`,
      { siteId, from, to, states: SHOWN_TODAY },
      managerToken,
    ),
  );
  return appointments.total;
}

/** wang requests `n` short category-D visits starting soon; how many of them start today. */
async function requestToday(n: number): Promise<number> {
  const { departments } = await ok(
    gql<{ departments: Array<{ id: string; name: string }> }>(
      server.url,
      '{ departments { id name } }',
      {},
      wangToken,
    ),
  );
  const { categories } = await ok(
    gql<{ categories: Array<{ id: string; code: string }> }>(
      server.url,
      '{ categories { id code } }',
      {},
      wangToken,
    ),
  );
  const today = shanghaiDay(Date.now());
  let added = 0;
  for (let i = 0; i < n; i++) {
    const start = Date.now() + (10 + i * 5) * 60_000;
    if (shanghaiDay(start) !== today) continue; // too close to midnight
    await ok(
      gql(
        server.url,
        `mutation($siteId: ID!, $input: AppointmentRequestInput!) {
          requestAppointment(siteId: $siteId, input: $input) { id }
        }`,
        {
          siteId,
          input: {
            categoryId: categories.find((c) => c.code === 'D')!.id,
            leadDepartmentId: departments.find((d) => d.name === '滨江销售部')!.id,
            purpose: `看房 ${i + 1}`,
            visitorCompany: `到访客户 ${i + 1}`,
            headcount: 2,
            hosts: 1,
            startAt: new Date(start).toISOString(),
            endAt: new Date(start + 30 * 60_000).toISOString(),
          },
        },
        wangToken,
      ),
    );
    added += 1;
  }
  return added;
}

describe('my work, notifications, the calendar and the day on the floor board', () => {
  it('the floor board and the wall screen show the appointments of the day, live', async () => {
    const before = await todaysCount();
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await expectLive(page);
    const panel = page.locator('[data-test=floor-page] [data-test=day-appointments]');
    await panel.locator('.el-table, .el-empty').first().waitFor();
    const rows = panel.locator('[data-test=day-appointment]');
    expect(await rows.count()).toBe(before);
    // The demo visit today (approved at short notice), unless the day is nearly over.
    if (before) await panel.getByText('华远科技有限公司').first().waitFor();

    // wang asks for more visits today (category D needs no room): the board follows, no reload.
    const added = await requestToday(6);
    const after = before + added;
    expect(await todaysCount()).toBe(after);
    await expect.poll(() => rows.count()).toBe(after);
    await panel.scrollIntoViewIfNeeded();
    // The manager was told about each request; those toasts are not the point here.
    if (added) await page.locator('.notification-toast').first().waitFor();
    await page.evaluate(() =>
      document.querySelectorAll('.el-notification').forEach((n) => n.remove()),
    );
    await screenshot(page, 'floor-day-appointments-zh');

    // The wall screen: the panel under the line, within 1920×1080 however many there are.
    const wall = await context.newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto(`/wall/${siteId}`);
    await wall.locator('[data-test=wall-line] li').first().waitFor();
    const wallPanel = wall.locator('[data-test=day-appointments]');
    await wallPanel.locator('.wall-title', { hasText: String(after) }).waitFor();
    // It fits the screen (the panel measures itself against it); rows that do not fit are
    // counted in one line ("另有 n 项").
    const panelBottom = () =>
      wall.evaluate(
        () =>
          document.querySelector('[data-test=day-appointments]')!.getBoundingClientRect().bottom,
      );
    await expect.poll(panelBottom).toBeLessThanOrEqual(1080);
    expect(await wall.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      1080,
    );
    const shown = await wallPanel.locator('[data-test=day-appointment]').count();
    if (after) expect(shown).toBeGreaterThan(0);
    const more = after - shown;
    if (more) await wallPanel.getByText(`另有 ${more} 项`).waitFor();
    await screenshot(wall, 'wall-day-appointments-zh');
    await context.close();
  });

  it('a request reaches the approver live: bell badge and approvals; then the calendar shows it', async () => {
    const { context, page } = await newSession(browser, server.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await expectLive(page);
    await page.locator('[data-test=side-nav] .el-menu-item', { hasText: '我的工作' }).click();
    await page.waitForURL(/\/me\/work$/);
    const approvals = page.locator('[data-test=work-approvals]');
    // The demo request of 链家门店 waits for the manager already.
    await approvals.locator('[data-test=approval-link]', { hasText: '链家门店' }).waitFor();
    // The manager leads the demo's category-A visit: its plan task links the visit, with its purpose.
    const task = page
      .locator('[data-test=work-tasks] .el-table__row', { hasText: '城建集团' })
      .first();
    await task.locator('a.visit-link', { hasText: '城建集团' }).waitFor();
    expect(await task.innerText()).toContain('集团领导考察项目');
    const bell = page.locator('[data-test=notification-bell]');
    const unreadBefore = Number(await bell.getAttribute('data-unread'));

    // wang asks for a visit led by 滨江销售部 (no head: the manager approves).
    const { departments } = await ok(
      gql<{ departments: Array<{ id: string; name: string }> }>(
        server.url,
        '{ departments { id name } }',
        {},
        wangToken,
      ),
    );
    const { categories } = await ok(
      gql<{ categories: Array<{ id: string; code: string }> }>(
        server.url,
        '{ categories { id code } }',
        {},
        wangToken,
      ),
    );
    const { rooms } = await ok(
      gql<{ rooms: Array<{ id: string; name: string }> }>(
        server.url,
        'query($siteId: ID!) { rooms(siteId: $siteId) { id name } }',
        { siteId },
        wangToken,
      ),
    );
    const visitDay = shanghaiDay(Date.now() + 4 * DAY);
    const startAt = new Date(shanghaiMidnight(visitDay) + 15 * HOUR).toISOString();
    const endAt = new Date(shanghaiMidnight(visitDay) + 16 * HOUR).toISOString();
    const company = '星河物业管理有限公司';
    const { requestAppointment } = await ok(
      gql<{ requestAppointment: { id: string; state: string } }>(
        server.url,
        `mutation($siteId: ID!, $input: AppointmentRequestInput!) {
          requestAppointment(siteId: $siteId, input: $input) { id state }
        }`,
        {
          siteId,
          input: {
            categoryId: categories.find((c) => c.code === 'C')!.id,
            leadDepartmentId: departments.find((d) => d.name === '滨江销售部')!.id,
            purpose: '物业服务合作洽谈',
            visitorCompany: company,
            headcount: 3,
            hosts: 1,
            startAt,
            endAt,
            roomId: rooms.find((r) => r.name === '洽谈室')!.id,
          },
        },
        wangToken,
      ),
    );
    expect(requestAppointment.state).toBe('REQUESTED');

    // Live, no reload: the toast, the badge, the approvals list.
    await page.locator('.notification-toast', { hasText: company }).waitFor();
    await page
      .locator(`[data-test=notification-bell][data-unread="${unreadBefore + 1}"]`)
      .waitFor();
    expect(
      await page.locator('[data-test=notification-badge] .el-badge__content').innerText(),
    ).toBe(String(unreadBefore + 1));
    const live = approvals.locator('[data-test=approval-link]', { hasText: company });
    await live.waitFor();
    await live.scrollIntoViewIfNeeded();
    await screenshot(page, 'my-work-zh', { keepMessages: true });

    // The bell lists it on top; a click marks it read and opens the appointment.
    await bell.click();
    const first = page.locator('[data-test=notification-item]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-kind')).toBe('APPROVAL_REQUESTED');
    expect(await first.innerText()).toContain(company);
    await screenshot(page, 'notifications-zh');
    await first.click();
    await page.waitForURL(new RegExp(`/appointments/${requestAppointment.id}$`));
    await page.locator(`[data-test=notification-bell][data-unread="${unreadBefore}"]`).waitFor();

    // The calendar: the visit in its week, by day and by room.
    await page.goto(`/appointments/calendar?week=${visitDay}`);
    const block = page.locator(
      `[data-test=calendar-by-day] .day-col[data-day="${visitDay}"] [data-test=calendar-block][data-id="${requestAppointment.id}"]`,
    );
    await block.waitFor();
    expect(await block.innerText()).toContain(company);
    expect(await block.getAttribute('data-state')).toBe('REQUESTED');
    await screenshot(page, 'calendar-by-day-zh');
    await page.locator('[data-test=mode-room]').click();
    await page.waitForURL(/mode=room/);
    const roomRow = page.locator('[data-test=calendar-by-room] [data-test=calendar-room]', {
      hasText: '洽谈室',
    });
    await roomRow.waitFor();
    await page
      .locator(
        `[data-test=calendar-by-room] .room-cell[data-day="${visitDay}"] [data-test=calendar-block][data-id="${requestAppointment.id}"]`,
      )
      .waitFor();
    await screenshot(page, 'calendar-by-room-zh');
    // Next and previous week move the URL and come back to the same week.
    const monday = await page.locator('[data-test=week-label]').getAttribute('data-monday');
    await page.locator('[data-test=next-week]').click();
    await page.waitForFunction(
      (m) => document.querySelector('[data-test=week-label]')?.getAttribute('data-monday') !== m,
      monday,
    );
    await page.locator('[data-test=prev-week]').click();
    await page.locator(`[data-test=week-label][data-monday="${monday}"]`).waitFor();
    await page.locator(`[data-test=calendar-block][data-id="${requestAppointment.id}"]`).waitFor();

    // Live: another request that week shows up without a reload (no room: the last row).
    const second = await ok(
      gql<{ requestAppointment: { id: string } }>(
        server.url,
        `mutation($siteId: ID!, $input: AppointmentRequestInput!) {
          requestAppointment(siteId: $siteId, input: $input) { id }
        }`,
        {
          siteId,
          input: {
            categoryId: categories.find((c) => c.code === 'D')!.id,
            leadDepartmentId: departments.find((d) => d.name === '滨江销售部')!.id,
            purpose: '参观样板间',
            visitorCompany: '晨光家居',
            headcount: 2,
            hosts: 1,
            startAt: new Date(shanghaiMidnight(visitDay) + 10 * HOUR).toISOString(),
            endAt: new Date(shanghaiMidnight(visitDay) + 11 * HOUR).toISOString(),
          },
        },
        wangToken,
      ),
    );
    const noRoom = page.locator('[data-test=calendar-by-room] [data-test=calendar-room]').last();
    expect(await noRoom.innerText()).toContain('未定会议室');
    await page
      .locator(
        `[data-test=calendar-by-room] .room-cell[data-day="${visitDay}"] [data-test=calendar-block][data-id="${second.requestAppointment.id}"]`,
      )
      .waitFor();
    await context.close();
  });
});
