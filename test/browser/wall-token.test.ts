import os from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { expectLive, launchBrowser, newSession, screenshot, signIn } from './browser.js';

// Issue 16: a manager creates a wall-screen link; a screen that never signed in opens it at
// 1920×1080, follows the floor live with privacy on, and says so when the manager revokes it.
interface FeedFrame {
  text: string;
  bytes: number;
  board: boolean;
  change: boolean;
}

/** One frame of the screen's socket: its size, and whether it carries a whole board or a change. */
function feedFrame(payload: string | Buffer): FeedFrame {
  const text = payload.toString();
  let feed: { board?: unknown; change?: unknown } | undefined;
  try {
    const message = JSON.parse(text) as { type?: string; payload?: { data?: { rotationBoardFeed?: typeof feed } } };
    if (message.type === 'next') feed = message.payload?.data?.rotationBoardFeed;
  } catch {
    // not JSON: not a feed message
  }
  return { text, bytes: Buffer.byteLength(text), board: Boolean(feed?.board), change: Boolean(feed?.change) };
}

let server: RunningServer;
let browser: Browser;
let siteId: string;
let deskToken: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  deskToken = await login(server.url, 'desk');
  const me = await gql<{ me: { sites: Array<{ id: string; name: string }> } }>(
    server.url,
    '{ me { sites { id name } } }',
    {},
    deskToken,
  );
  siteId = me.data!.me.sites.find((s) => s.name === '滨江售楼处')!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the wall screen with a board token', () => {
  it('issue 16: a manager issues a link; a fresh screen shows the live board without customer names; revoking disconnects it', async () => {
    const manager = await newSession(browser, server.url);
    await manager.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(manager.page, 'manager');
    await expectLive(manager.page);
    await manager.page.goto('/floor');
    const card = manager.page.locator('[data-test=board-tokens]');
    await card
      .locator('input[data-test=board-token-label], [data-test=board-token-label] input')
      .fill('大厅大屏');
    await card.locator('[data-test=board-token-issue]').click();
    const url = await card
      .locator('input[data-test=board-token-url], [data-test=board-token-url] input')
      .inputValue();
    expect(url).toMatch(new RegExp(`/wall/t/${siteId}/rbt_[A-Za-z0-9_-]{43}$`));
    await card.locator('[data-test=board-token-row]', { hasText: '大厅大屏' }).waitFor();
    await screenshot(manager.page, 'wall-token-issued');

    // Issue 17: a morning's history first, so the whole board is more than its header.
    for (let i = 0; i < 12; i++) {
      const early = await gql(
        server.url,
        'mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { board { seq } } }',
        { s: siteId, i: { kind: 'NEW', customerName: `早客${i}`, partySize: 1 } },
        deskToken,
      );
      expect(early.errors).toBeUndefined();
    }

    // A screen that never signed in, at wall size.
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
    });
    context.setDefaultTimeout(15_000);
    const wall = await context.newPage();
    const visited: string[] = [];
    wall.on('framenavigated', (f) => f === wall.mainFrame() && visited.push(f.url()));
    // Issue 17: what the screen's socket receives, to tell a whole board from a change.
    const frames: FeedFrame[] = [];
    wall.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(feedFrame(f.payload))));
    await wall.goto(url);
    await wall.locator('[data-test=wall-line] .row').first().waitFor();
    // The secret leaves the address bar (it stays in the tab's sessionStorage).
    await wall.waitForURL(new RegExp(`/wall/t/${siteId}$`));
    await wall.locator('.live:not(.off)').waitFor();
    // The site's name, from the token's own site (wallSite), and the switches a kiosk needs.
    await wall.locator('[data-test=wall-site]', { hasText: '滨江售楼处' }).waitFor();
    await wall.locator('[data-test=wall-voice]').waitFor();
    expect(await wall.locator('[data-test=wall-privacy]').count()).toBe(0);
    const total = Number(await wall.locator('[data-test=wall-walk-in-total]').innerText());
    // The whole board came first (in one or more pieces), and nothing but it so far.
    const wholeBytes = frames.filter((f) => f.board || f.change).reduce((n, f) => n + f.bytes, 0);
    expect(frames.some((f) => f.board)).toBe(true);
    const before = frames.length;

    // The desk records a walk-in with a name and a phone: the screen moves, the name stays off it.
    const r = await gql(
      server.url,
      'mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { board { seq } } }',
      {
        s: siteId,
        i: { kind: 'NEW', customerName: '钱多多', phone: '13987654321', unitsAsked: 2 },
      },
      deskToken,
    );
    expect(r.errors).toBeUndefined();
    await wall.locator('[data-test=wall-walk-in-total]', { hasText: String(total + 1) }).waitFor();
    const text = await wall.locator('[data-test=wall]').innerText();
    expect(text).not.toContain('钱多多');
    expect(text).not.toContain('4321');
    expect(await wall.locator('[data-test=wall]').getAttribute('data-privacy')).toBe('on');
    // Issue 17: the walk-in reached the screen as a change, not as a whole board, far smaller
    // than the board it applies to; its rows are private on the wire too.
    const after = frames.slice(before).filter((f) => f.board || f.change);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((f) => f.change && !f.board)).toBe(true);
    const largest = Math.max(...after.map((f) => f.bytes));
    console.log(`wall-token feed: whole board ${wholeBytes} B, largest change ${largest} B after a walk-in (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    expect(largest * 3).toBeLessThan(wholeBytes);
    expect(after.map((f) => f.text).join('')).not.toMatch(/钱多多|4321/);
    // A reload keeps the screen (the token is in sessionStorage), still without sign-in.
    await wall.reload();
    await wall.locator('[data-test=wall-line] .row').first().waitFor();
    await screenshot(wall, 'wall-token-live');

    // The manager revokes the link: the screen says so at once.
    await card
      .locator('[data-test=board-token-row]', { hasText: '大厅大屏' })
      .locator('[data-test=board-token-revoke]')
      .click();
    await manager.page.locator('.el-popconfirm .el-button--primary:visible').click();
    await card
      .locator('[data-test=board-token-row]', { hasText: '大厅大屏' })
      .waitFor({ state: 'detached' });
    await wall.locator('[data-test=wall-disconnected]').waitFor();
    expect(await wall.locator('[data-test=wall-disconnected]').innerText()).toContain(
      '本大屏已被经理断开',
    );
    await screenshot(wall, 'wall-token-revoked');
    expect(visited.some((u) => u.includes('/login'))).toBe(false);
    await context.close();
    await manager.context.close();
    // Two browser contexts and a reload on a shared machine: more than the default minute.
  }, 150_000);
});
