import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { launchBrowser, screenshot, signIn } from './browser.js';

// The floor for people (issue 16): the phone calls a consultant when their turn comes; a
// mistaken "leave" is taken back with the place kept and the correction in the log; the
// wall screen calls the walk-in aloud, keeps customers private and cannot miss a lost
// connection; no page shows a rule code or a raw enum value. Phone 390×844 and wall
// 1920×1080, both languages.

let server: RunningServer;
let browser: Browser;
let siteId: string;
let managerToken: string;
let deskToken: string;
const people = new Map<string, { id: string; displayName: string; token: string }>();
const CONSULTANTS = ['wang', 'li', 'zhang', 'liu'];

type Gql<T> = Promise<{ data?: T; errors?: unknown[] }>;
async function ok<T>(r: Gql<T>): Promise<T> {
  const body = await r;
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Rule codes (R3, O9…) and raw enum values (AT_DOOR, projector…) must not reach people. */
const RULE_CODE = /(?<![A-Za-z0-9])[RCOPV]\d{1,2}(?![0-9])/;
const RAW_ENUM = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;
async function expectPlainWords(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(RULE_CODE);
  expect(text).not.toMatch(RAW_ENUM);
}

/** Records what the page asked of the speakers, the vibrator and the notifications. */
async function instrument(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const calls = {
      tones: 0,
      vibrations: 0,
      notifications: [] as string[],
      spoken: [] as string[],
    };
    w.__calls = calls;
    class FakeAudio {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume() {
        return Promise.resolve();
      }
      createGain() {
        const node = {
          gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
          connect: (x: unknown) => x,
        };
        return node;
      }
      createOscillator() {
        return {
          type: 'sine',
          frequency: { value: 0 },
          connect: (x: unknown) => x,
          start: () => (calls.tones += 1),
          stop() {},
        };
      }
    }
    w.AudioContext = FakeAudio;
    Object.defineProperty(navigator, 'vibrate', {
      value: () => {
        calls.vibrations += 1;
        return true;
      },
    });
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string) {
        calls.notifications.push(title);
      }
    }
    w.Notification = FakeNotification;
    if ('speechSynthesis' in window) {
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        calls.spoken.push(`${u.lang}:${u.text}`);
      };
    }
  });
}

const recorded = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __calls: { tones: number; vibrations: number; notifications: string[]; spoken: string[] };
        }
      ).__calls,
  );

async function phoneOf(username: string, locale: 'zh-CN' | 'en') {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(20_000);
  await instrument(context);
  const page = await context.newPage();
  await page.goto('/login');
  await page.evaluate((l) => localStorage.setItem('reception.locale', l), locale);
  await page.reload();
  await signIn(page, username);
  await page.waitForURL(/\/me\/floor$/);
  await page.locator('[data-test=my-status]').waitFor();
  return { context, page };
}

type Board = {
  seq: number;
  consultants: Array<{ consultant: { id: string }; position: number | null }>;
  receptions: Array<{ id: string; status: string }>;
};
const board = () =>
  ok(
    gql<{ rotationBoard: Board }>(
      server.url,
      'query($s: ID!) { rotationBoard(siteId: $s) { seq consultants { consultant { id } position } receptions { id status } } }',
      { s: siteId },
      managerToken,
    ),
  ).then((d) => d.rotationBoard);

/** A fresh line: every customer gone, everyone off the floor, then these checked in in order. */
async function line(...usernames: string[]) {
  const b = await board();
  for (const r of b.receptions.filter((x) => x.status === 'ACTIVE'))
    await ok(
      gql(
        server.url,
        'mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { board { seq } } }',
        { s: siteId, r: r.id },
        managerToken,
      ),
    );
  for (const c of b.consultants.filter((x) => x.position !== null))
    await ok(
      gql(
        server.url,
        'mutation($s: ID!, $c: ID) { checkOut(siteId: $s, consultantId: $c) { board { seq } } }',
        { s: siteId, c: c.consultant.id },
        managerToken,
      ),
    );
  for (const u of usernames)
    await ok(
      gql(
        server.url,
        'mutation($s: ID!) { checkIn(siteId: $s) { board { seq } } }',
        { s: siteId },
        people.get(u)!.token,
      ),
    );
}

const walkIn = (name: string) =>
  ok(
    gql<{ recordWalkIn: { reception: { consultant: { displayName: string } | null } | null } }>(
      server.url,
      'mutation($s: ID!, $w: WalkInInput!) { recordWalkIn(siteId: $s, input: $w) { reception { consultant { displayName } } } }',
      { s: siteId, w: { kind: 'NEW', customerName: name } },
      deskToken,
    ),
  );

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  managerToken = await login(server.url, 'manager');
  deskToken = await login(server.url, 'desk');
  const me = await ok(
    gql<{ me: { sites: Array<{ id: string; name: string }> } }>(
      server.url,
      '{ me { sites { id name } } }',
      {},
      managerToken,
    ),
  );
  siteId = me.me.sites.find((s) => s.name === '滨江售楼处')!.id;
  for (const username of CONSULTANTS) {
    const token = await login(server.url, username);
    const { me: user } = await ok(
      gql<{ me: { id: string; displayName: string } }>(
        server.url,
        '{ me { id displayName } }',
        {},
        token,
      ),
    );
    people.set(username, { ...user, token });
  }
  // Everyone in shift all day (R2): the test does not depend on the hour.
  const shifts = [...people.values()].flatMap((p) =>
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      consultantId: p.id,
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
      managerToken,
    ),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the floor for people', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`the phone calls the consultant when their turn comes and when a walk-in is theirs (${locale})`, async () => {
      await line('liu', 'zhang', 'wang');
      const { context, page } = await phoneOf('zhang', locale);
      // Second in line: next, on phone duty (R13).
      await page.locator('[data-test=my-next]').waitFor();
      await page.locator('[data-test=enable-alerts]').waitFor({ state: 'detached' });
      await screenshot(page, `call-next-phone-${locale}`);
      await expectPlainWords(page);

      // Liu takes a walk-in: Zhang is at the door, and is called.
      await walkIn(`客户甲${locale}`);
      const overlay = page.locator('[data-test=call-overlay][data-kind=door]');
      await overlay.waitFor();
      await screenshot(page, `call-door-phone-${locale}`);
      let calls = await recorded(page);
      expect(calls.tones).toBeGreaterThan(0);
      expect(calls.vibrations).toBeGreaterThan(0);
      await page.locator('[data-test=call-dismiss]').click();
      await overlay.waitFor({ state: 'detached' });
      await page.locator('[data-test=my-turn]').waitFor();

      // The next walk-in is Zhang's: called again, for the customer.
      const tonesBefore = calls.tones;
      await walkIn(`客户乙${locale}`);
      await page.locator('[data-test=call-overlay][data-kind=customer]').waitFor();
      calls = await recorded(page);
      expect(calls.tones).toBeGreaterThan(tonesBefore);
      await screenshot(page, `call-customer-phone-${locale}`);
      await page.locator('[data-test=call-dismiss]').click();
      await expectPlainWords(page);
      await context.close();
    });

    it(`a mistaken "leave" is taken back on the phone, the place kept and the correction in the log (${locale})`, async () => {
      await line('wang', 'li', 'zhang', 'liu');
      const { context, page } = await phoneOf('li', locale);
      await page.locator('[data-test=my-place]', { hasText: '2' }).waitFor();
      await page.locator('[data-test=check-out]').click();
      // It asks first.
      await page.locator('.el-message-box').waitFor();
      await screenshot(page, `leave-ask-phone-${locale}`);
      await page.locator('.el-message-box .el-button--primary').click();
      await page.locator('[data-test=undo-bar]').waitFor();
      await page.locator('[data-test=my-place]', { hasText: '—' }).waitFor();
      await screenshot(page, `leave-undo-bar-phone-${locale}`);
      await page.locator('[data-test=undo-tap]').click();
      await page.locator('[data-test=undo-bar]').waitFor({ state: 'detached' });
      await page.locator('[data-test=my-place]', { hasText: '2' }).waitFor();
      await screenshot(page, `leave-taken-back-phone-${locale}`, { keepMessages: true });

      const li = people.get('li')!;
      const b = await board();
      expect(b.consultants.find((c) => c.consultant.id === li.id)?.position).toBe(2);
      const { rotationHistory } = await ok(
        gql<{
          rotationHistory: { events: Array<{ type: string; consultant: { id: string } | null }> };
        }>(
          server.url,
          'query($s: ID!) { rotationHistory(siteId: $s, limit: 5) { events { type consultant { id } } } }',
          { s: siteId },
          managerToken,
        ),
      );
      const mine = rotationHistory.events
        .filter((e) => e.consultant?.id === li.id)
        .map((e) => e.type);
      expect(mine.slice(0, 2)).toEqual(['TAKEN_BACK', 'CHECKED_OUT']);
      await expectPlainWords(page);
      await context.close();
    });
  }

  it('the wall screen: privacy by default, the walk-in called aloud, an unmissable lost-connection banner that catches up', async () => {
    await line('wang', 'li');
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
    });
    context.setDefaultTimeout(20_000);
    await instrument(context);
    const page = await context.newPage();
    let down = false;
    const open: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/graphql/, (ws) => {
      if (down) {
        void ws.close({ code: 4000, reason: 'test: network down' });
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await page.goto(`/wall/${siteId}`);
    await page.locator('[data-test=wall-line] li').first().waitFor();
    expect(await page.locator('[data-test=wall]').getAttribute('data-privacy')).toBe('on');

    const customer = `隐私客户${Date.now() % 10000}`;
    const got = await walkIn(customer);
    const receiver = got.recordWalkIn.reception!.consultant!.displayName;
    await page.locator('[data-test=wall-why]').waitFor();
    await expect
      .poll(async () => (await recorded(page)).spoken)
      .toContain(`zh-CN:请 ${receiver} 接待`);
    expect(await page.locator('body').innerText()).not.toContain(customer);
    await expectPlainWords(page);
    await screenshot(page, 'wall-privacy-zh');

    // The manager can show the names.
    await page.locator('[data-test=wall-privacy]').click();
    await page.locator('[data-test=wall-line]', { hasText: customer }).waitFor();
    await page.locator('[data-test=wall-privacy]').click();
    await page
      .locator('[data-test=wall]')
      .filter({ hasText: customer })
      .waitFor({ state: 'detached' });

    // The connection drops: a banner with the time of the last update.
    down = true;
    for (const ws of open.splice(0)) await ws.close({ code: 4000, reason: 'test: network down' });
    const banner = page.locator('[data-test=wall-offline]');
    await banner.waitFor();
    await screenshot(page, 'wall-offline-zh');
    // A change while it is down…
    const zhang = people.get('zhang')!;
    await ok(
      gql(
        server.url,
        'mutation($s: ID!) { checkIn(siteId: $s) { board { seq } } }',
        { s: siteId },
        zhang.token,
      ),
    );
    // …comes back by itself once the network does.
    down = false;
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    await page.locator('[data-test=wall-line]', { hasText: zhang.displayName }).waitFor();

    await page.evaluate(() => localStorage.setItem('reception.locale', 'en'));
    await page.reload();
    await page.locator('[data-test=wall-line] li').first().waitFor();
    await expectPlainWords(page);
    await screenshot(page, 'wall-privacy-en');
    await context.close();
  }, 120_000);
});
