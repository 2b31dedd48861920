import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { expectLive, launchBrowser, newSession, screenshot, signIn } from './browser.js';

// Issue 13, the customer record on the floor, in the browser: the desk types a phone → the
// number is not in the register → the desk registers and records the walk-in in one step →
// the walk-in is assigned → the customer's page shows the reception (who, counted, why).
// The same number typed again is found (masked for the desk, O9) and goes back to the same
// consultant (R9: a new customer of today counts once).

let server: RunningServer;
let browser: Browser;
let siteId: string;
let managerToken: string;
const people = new Map<string, { id: string; displayName: string; token: string }>();
const CONSULTANTS = ['wang', 'li', 'zhang', 'liu'];

/** Element Plus puts data-test on the native input (or on its wrapper). */
const field = (scope: Page | Locator, test: string) =>
  scope.locator(`input[data-test=${test}], [data-test=${test}] input`).first();

async function ok<T>(r: Promise<{ data?: T; errors?: unknown[] }>): Promise<T> {
  const body = await r;
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  managerToken = await login(server.url, 'manager');
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
  // Everyone in shift all day (R2), and on the floor (some may already be there).
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
  for (const p of people.values()) {
    const r = await gql(
      server.url,
      'mutation($siteId: ID!) { checkIn(siteId: $siteId) { board { seq } } }',
      { siteId },
      p.token,
    );
    if (r.errors) expect(JSON.stringify(r.errors)).toMatch(/ALREADY_ON_FLOOR|Already/);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the desk and the customer record in the browser', () => {
  it('O1/R7/R9: a phone typed at the desk → registered in the same step → walk-in assigned → the customer page shows the reception', async () => {
    const desk = await newSession(browser, server.url);
    await signIn(desk.page, 'desk');
    await desk.page.waitForURL(/\/desk$/);
    await desk.page.locator('[data-test=desk-at-door]').waitFor();
    await expectLive(desk.page);

    const phone = `1390${String(Date.now()).slice(-7)}`;
    const name = `一步登记${phone.slice(-4)}`;
    await field(desk.page, 'lookup-input').fill(phone);
    await desk.page.locator('[data-test=lookup-empty]').waitFor();
    await field(desk.page, 'desk-register-name').fill(name);
    await screenshot(desk.page, 'desk-register-zh');
    const answers: string[] = [];
    desk.page.on('response', (r) => {
      if (r.url().includes('/graphql'))
        void r.text().then((b) => b.includes('"errors"') && answers.push(b.slice(0, 600)));
    });
    await desk.page.locator('[data-test=desk-register-record]').click();
    const who = desk.page.locator('[data-test=desk-result-who]');
    const failed = desk.page.locator('.el-message--error');
    await Promise.race([
      who.waitFor(),
      failed.waitFor().then(async () => {
        throw new Error(`the desk was refused: ${await failed.textContent()}`);
      }),
    ]).catch(async (err: unknown) => {
      await screenshot(desk.page, 'desk-register-failed-zh', { keepMessages: true });
      console.error(
        answers.join('\n'),
        server
          .output()
          .split('\n')
          .filter((l) => /err/i.test(l))
          .slice(-6)
          .join('\n'),
      );
      throw err;
    });
    const receiver = (await who.textContent())!.trim();
    expect([...people.values()].map((p) => p.displayName)).toContain(receiver);
    await desk.page.locator('[data-test=desk-result-registered]').waitFor();
    await screenshot(desk.page, 'desk-registered-zh', { keepMessages: true });

    // The record exists, owned by the consultant who received them (O2).
    const { customerLookup } = await ok(
      gql<{
        customerLookup: Array<{
          id: string;
          name: string;
          ownership: { owner: { displayName: string } | null };
        }>;
      }>(
        server.url,
        'query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { id name ownership { owner { displayName } } } }',
        { s: siteId, q: phone },
        managerToken,
      ),
    );
    expect(customerLookup).toHaveLength(1);
    expect(customerLookup[0]).toMatchObject({
      name,
      ownership: { owner: { displayName: receiver } },
    });

    // Typed again: found (masked for the desk, O9), picked, back to the same consultant (R9).
    await field(desk.page, 'lookup-input').fill(phone);
    const row = desk.page.locator('[data-test=lookup-row]', { hasText: name });
    await row.waitFor();
    expect(await row.locator('[data-test=phone-masked]').count()).toBe(1);
    expect(await row.locator('[data-test=phone-full]').count()).toBe(0);
    await row.locator('[data-test=lookup-pick]').click();
    await desk.page.locator('[data-test=desk-result-why]', { hasText: '当天再次到访' }).waitFor();
    expect((await who.textContent())!.trim()).toBe(receiver);

    // The customer's page tells the story: both receptions, who received them, counted or not, why.
    const manager = await newSession(browser, server.url);
    await signIn(manager.page, 'manager');
    await manager.page.waitForURL(/\/floor$/);
    await manager.page.goto(`/customers/${customerLookup[0].id}`);
    const receptions = manager.page.locator('[data-test=timeline-entry][data-kind=reception]');
    await receptions.nth(1).waitFor();
    expect(await receptions.count()).toBe(2);
    // Newest first: the same-day return (not counted), then the first visit (counted).
    await expect(receptions.nth(0).textContent()).resolves.toContain(receiver);
    await expect(
      receptions.nth(0).locator('[data-test=timeline-counted]').textContent(),
    ).resolves.toContain('不计轮次');
    await expect(
      receptions.nth(1).locator('[data-test=timeline-counted]').textContent(),
    ).resolves.toMatch(/^\s*计轮次/);
    expect(
      (await receptions.nth(0).locator('[data-test=timeline-why]').textContent())!.trim().length,
    ).toBeGreaterThan(0);
    await manager.page.locator('[data-test=timeline-entry][data-kind=registration]').waitFor();
    await screenshot(manager.page, 'customer-timeline-zh');
    await desk.context.close();
    await manager.context.close();
  }, 120_000);

  it('R8: a brought-along walk-in with the old customer picked from the register goes to their owner, who decides the variant', async () => {
    // The old customer: registered by li through the API (O1), so li owns them (O2).
    const li = people.get('li')!;
    const oldPhone = `1391${String(Date.now()).slice(-7)}`;
    const oldName = `老客户${oldPhone.slice(-4)}`;
    await ok(
      gql(
        server.url,
        'mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { customer { id } } }',
        { s: siteId, i: { name: oldName, phone: oldPhone } },
        li.token,
      ),
    );

    const desk = await newSession(browser, server.url);
    await signIn(desk.page, 'desk');
    await desk.page.waitForURL(/\/desk$/);
    await expectLive(desk.page);
    const newName = `朋友${oldPhone.slice(-4)}`;
    await desk.page.locator('.details summary').click();
    await field(desk.page, 'customer-name').fill(newName);
    await desk.page.locator('[data-test=walk-in-BROUGHT_ALONG]').click();
    const dialog = desk.page.locator('.el-dialog[data-test=owner-dialog]');
    await dialog.waitFor();
    // Nothing picked yet: the owner is chosen by hand, and recording waits for one.
    expect(await dialog.locator('[data-test=owner-record]').isDisabled()).toBe(true);
    await field(dialog, 'lookup-input').fill(oldPhone.slice(-4));
    await dialog.locator('[data-test=lookup-search]').click();
    const row = dialog.locator('[data-test=lookup-row]', { hasText: oldName });
    await row.waitFor();
    await row.locator('[data-test=lookup-pick]').click();
    await dialog
      .locator('[data-test=brought-by-picked]', { hasText: `${oldName} · 归属 ${li.displayName}` })
      .waitFor();
    // The register decides the owner and the deal: no hand-picked owner any more.
    expect(await dialog.locator('[data-test^=owner-]:not([data-test=owner-record])').count()).toBe(
      0,
    );
    await screenshot(desk.page, 'desk-brought-along-zh');
    await dialog.locator('[data-test=owner-record]').click();
    await desk.page.locator('[data-test=desk-result-who]').waitFor();

    // The reception keeps the owner the register named (R8 decides on the record, not on a typed name).
    const { rotationBoard } = await ok(
      gql<{
        rotationBoard: {
          receptions: Array<{
            kind: string;
            customerName: string | null;
            owner: { id: string } | null;
          }>;
        };
      }>(
        server.url,
        'query($s: ID!) { rotationBoard(siteId: $s) { receptions { kind customerName owner { id } } } }',
        { s: siteId },
        managerToken,
      ),
    );
    const mine = rotationBoard.receptions.find((r) => r.customerName === newName);
    expect(mine).toMatchObject({ kind: 'BROUGHT_ALONG', owner: { id: li.id } });
    await desk.context.close();
  }, 120_000);
});
