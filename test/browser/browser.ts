import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../support/server.js';

/** Screenshots for people to look at; test-output/ is not committed. */
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-output', 'screenshots');

/**
 * Debian's chromium, never a downloaded browser. Playwright gives every launch a fresh
 * temporary profile (user-data-dir) and removes it on close; every context is isolated.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh, isolated browser session (own storage) at a desktop size. */
export async function newSession(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(
  page: Page,
  name: string,
  opts: { keepMessages?: boolean } = {},
): Promise<void> {
  // Toasts of earlier steps would hide the header; keep them only when they are the point.
  if (!opts.keepMessages)
    await page.evaluate(() => document.querySelectorAll('.el-message').forEach((m) => m.remove()));
  // Let transitions (drawer, dropdowns) finish so the picture shows the settled page.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

export async function signIn(page: Page, username: string, password = 'demo1234'): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('[data-test=login-submit]').click();
}

/** The live connection indicator says connected. */
export async function expectLive(page: Page): Promise<void> {
  await page.locator('[role=status][data-state=connected]').waitFor();
}

export async function chooseLanguage(page: Page, label: 'English' | '简体中文'): Promise<void> {
  await page.locator('[data-test=language-switch]').click();
  await page.locator('.el-dropdown-menu__item:visible', { hasText: label }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('[data-test=user-menu]').click();
  await page.locator('.el-dropdown-menu__item:visible[data-test=sign-out]').click();
  await page.waitForURL(/\/login/);
}
