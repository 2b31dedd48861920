import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';
import { expectLive, launchBrowser, newSession, signIn } from './browser.js';

// Issue 14: the built app runs under its Content-Security-Policy without a violation, the
// live socket included; the wall screen may be framed only by FRAME_ANCESTORS.
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { FRAME_ANCESTORS: 'https://tv.example.com' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('security headers in the browser', () => {
  it('the app signs in and goes live under its CSP, with no violation reported', async () => {
    const { context, page } = await newSession(browser, server.url);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Refused to ${e.violatedDirective}: ${e.blockedURI}`);
      });
    });
    const res = await page.goto('/');
    expect(res!.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    await page.waitForURL(/\/login$/);
    await signIn(page, 'manager');
    await expectLive(page);
    await page.goto('/wall');
    await page.waitForTimeout(1000);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('only the wall screen may be framed, and only by FRAME_ANCESTORS', async () => {
    const page = await fetch(`${server.url}/login`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const wall = await fetch(`${server.url}/wall/1`, { headers: { accept: 'text/html' } });
    expect(wall.headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/tv\.example\.com/);
    expect(wall.headers.get('x-frame-options')).toBeNull();
  });
});
