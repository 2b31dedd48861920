import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';
import { expectLive, launchBrowser, newSession, screenshot, signIn } from './browser.js';

// One database and one signing key for both server processes, so a restart keeps the
// sessions: the browser must reconnect by itself, still signed in.
let dbDir: string;
let env: Record<string, string>;
let server: RunningServer | undefined;
let browser: Browser;

beforeAll(async () => {
  dbDir = mkdtempSync(path.join(tmpdir(), 'reception-live-'));
  env = {
    DATABASE_URL: `sqlite:${path.join(dbDir, 'reception.sqlite')}`,
    JWT_SECRET: 'browser-test-secret-that-is-long-enough-0123456789',
  };
  server = await startServer({ env });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dbDir, { recursive: true, force: true });
});

describe('live connection in the browser', () => {
  it('shows the connection dropping when the server stops, and live again once it is back', async () => {
    const { context, page } = await newSession(browser, server!.url);
    await signIn(page, 'manager');
    await page.waitForURL(/\/floor$/);
    await expectLive(page);

    const port = new URL(server!.url).port;
    await server!.stop();
    server = undefined;
    await page
      .locator('[role=status][data-state=reconnecting], [role=status][data-state=offline]')
      .waitFor();
    await screenshot(page, 'connection-lost-zh');

    server = await startServer({ env: { ...env, PORT: port } });
    // "Retry now" skips what is left of the backoff wait (unless the client got there first).
    const retryNow = page.locator('[role=status] button', { hasText: '立即重试' });
    if (await retryNow.isVisible()) await retryNow.click({ timeout: 2_000 }).catch(() => undefined);
    await expectLive(page);
    await page.locator('[data-test=user-menu]', { hasText: '周经理' }).waitFor();
    await screenshot(page, 'connection-back-zh');
    await context.close();
  });
});
