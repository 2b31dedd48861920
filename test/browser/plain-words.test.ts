import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer, type RunningServer } from '../support/server.js';
import { launchBrowser, signIn } from './browser.js';

// Issue 16, plain words: no rule code (R3, O9, C1…), no event number and no raw enum value
// on any page, for the manager, the desk and a consultant, at phone and wall size, in both
// languages. Rule ids may sit in a manager's tooltip, which innerText does not include.

const SHOTS = '/tmp/h3-shots';
const RULE_CODE = /(?<![A-Za-z0-9])[ROCPV]\d{1,2}(?![0-9])/;
const EVENT_NUMBER = /#\d+/;

/** Every GraphQL enum value of two letters or more (A/B variants are ordinary letters). */
function schemaEnumValues(): string[] {
  const schema = readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
  const values = new Set<string>();
  for (const block of schema.matchAll(/^enum \w+ \{([^}]*)\}/gm))
    for (const v of block[1].matchAll(/^\s*([A-Z][A-Z0-9_]+)\s*$/gm)) values.add(v[1]);
  return [...values];
}
// Upper-case enum values as whole words (case-sensitive: "New" and "Open" are English words),
// plus the equipment kind codes of the demo.
const RAW_ENUM = new RegExp(
  `(?<![A-Za-z_-])(?:${[...schemaEnumValues(), 'projector', 'laser-pointer'].join('|')})(?![A-Za-z_-])`,
);

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'wall', width: 1920, height: 1080 },
] as const;
const LANGS = ['zh-CN', 'en'] as const;
const SHOT_ROUTES = ['/floor', '/wall', '/desk', '/me/floor', '/appointments/1', '/customers/'];

const USERS: Array<{ username: string; pages: string[] }> = [
  {
    username: 'manager',
    pages: [
      '/floor',
      '/floor/history',
      '/me/work',
      '/appointments',
      '/appointments/new',
      '/appointments/calendar',
      '/visits/plan',
      '/visits/due',
      '/customers/register',
      '/customers',
      '/customers/conflicts',
      '/deals',
      '/figures',
      '/admin/shifts',
      '/customers/import',
      '/admin/categories',
      '/admin/visits',
      '/wall',
    ],
  },
  {
    username: 'desk',
    pages: [
      '/desk',
      '/me/work',
      '/appointments',
      '/appointments/new',
      '/appointments/calendar',
      '/customers/register',
    ],
  },
  {
    username: 'wang',
    pages: [
      '/me/floor',
      '/me/work',
      '/appointments',
      '/appointments/new',
      '/appointments/calendar',
      '/me/visits',
      '/visits/plan',
      '/visits/due',
      '/customers/mine',
      '/customers/register',
      '/customers',
    ],
  },
];

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits for the page's data: no request in flight, no skeleton or loading mask. */
async function settle(page: Page) {
  await page
    .waitForFunction(
      () => !document.querySelector('.el-skeleton, .el-loading-mask:not([style*="display: none"])'),
      undefined,
      { timeout: 2_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(200);
}

/** What a person reads on the page that is a rule code, an event number or a raw value. */
async function unplain(page: Page, where: string): Promise<string | null> {
  // The words as written: an upper-case heading style ("WAITING" on the wall) is not a raw value.
  await page.addStyleTag({ content: '* { text-transform: none !important; }' });
  const text = await page.evaluate(() => document.body.innerText);
  const found = [RULE_CODE, EVENT_NUMBER, RAW_ENUM]
    .map((re) => re.exec(text))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `"${m[0]}" in …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  return found.length ? `${where}: ${found.join(' | ').replace(/\s+/g, ' ')}` : null;
}

/** The first detail link of a list page (a customer, an appointment), if there is one. */
async function firstDetail(page: Page, pattern: RegExp): Promise<string | null> {
  const hrefs = await page.evaluate(() =>
    Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? ''),
  );
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

describe('plain words on every page (issue 16)', () => {
  for (const user of USERS) {
    it(`${user.username}: no rule code, event number or raw enum at phone and wall size, in both languages`, async () => {
      const failures: string[] = [];
      for (const lang of LANGS) {
        // One load per page and language, checked at wall size and again at phone size:
        // the layout (and so the words shown) changes with the width.
        const context = await browser.newContext({
          baseURL: server.url,
          viewport: { width: VIEWPORTS[1].width, height: VIEWPORTS[1].height },
          locale: lang,
        });
        context.setDefaultTimeout(15_000);
        await context.addInitScript((l) => localStorage.setItem('reception.locale', l), lang);
        const page = await context.newPage();
        await signIn(page, user.username);
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        const pages = [...user.pages];
        for (let i = 0; i < pages.length; i++) {
          const route = pages[i];
          await page.setViewportSize({ width: VIEWPORTS[1].width, height: VIEWPORTS[1].height });
          await page.goto(route);
          try {
            await page.locator('h1, h2').first().waitFor({ timeout: 8_000 });
          } catch {
            // The wall screen has no heading; any other page without one did not load.
            if (route !== '/wall') failures.push(`${user.username} ${lang} ${route}: no heading`);
          }
          await settle(page);
          // A list leads to one of its details: those pages show the most words.
          if (route === '/customers' || route === '/appointments') {
            const detail = await firstDetail(
              page,
              route === '/customers' ? /^\/customers\/\d+$/ : /^\/appointments\/\d+$/,
            );
            if (detail && !pages.includes(detail)) pages.push(detail);
          }
          for (const vp of [VIEWPORTS[1], VIEWPORTS[0]]) {
            if (vp !== VIEWPORTS[1]) {
              await page.setViewportSize({ width: vp.width, height: vp.height });
              await page.waitForTimeout(300);
            }
            const where = `${user.username} ${lang} ${vp.name} ${route}`;
            const found = await unplain(page, where);
            if (found) failures.push(found);
            if (SHOT_ROUTES.some((r) => route.startsWith(r)))
              await page.screenshot({
                path: path.join(SHOTS, `${where.replace(/[ /]+/g, '-')}.png`),
              });
          }
        }
        await context.close();
      }
      expect(failures).toEqual([]);
    }, 360_000);
  }
});
