import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { fakeClient } from '@/composables/fake-client';
import { installClient } from '@/composables/use-client';
import type { Role } from '@/graphql/generated/graphql';
import { useSessionStore } from '@/stores/session';
import { safeRedirect } from './guards';
import { createAppRouter } from './index';

function signIn(roles: Role[] | null) {
  const session = useSessionStore();
  if (!roles) return;
  session.token = 'tok';
  session.setUser({
    id: '9',
    username: 'u',
    displayName: 'U',
    roles,
    disabled: false,
    sites: [],
    department: null,
  });
}

async function visit(path: string, roles: Role[] | null) {
  signIn(roles);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

describe('route guards', () => {
  beforeEach(() => {
    localStorage.clear();
    installClient(fakeClient().client);
    setActivePinia(createPinia());
  });
  afterEach(() => installClient(undefined));

  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    const route = await visit('/admin/users', null);
    expect(route.name).toBe('login');
    expect(route.query.redirect).toBe('/admin/users');
  });

  it('sends a signed-out visitor of / to sign-in without a redirect', async () => {
    const route = await visit('/', null);
    expect(route.fullPath).toBe('/login');
  });

  it.each([
    [['ADMIN'], '/admin/users'],
    [['MANAGER'], '/floor'],
    [['RECEPTION'], '/desk'],
    [['CONSULTANT'], '/me/floor'],
    [['CONSULTANT', 'MANAGER'], '/floor'],
  ] as Array<[Role[], string]>)('sends %j from / to %s', async (roles, home) => {
    expect((await visit('/', roles)).fullPath).toBe(home);
  });

  it('sends a signed-in user away from the sign-in page to their home', async () => {
    expect((await visit('/login', ['RECEPTION'])).fullPath).toBe('/desk');
  });

  it('shows 403 when the role does not allow the page', async () => {
    const route = await visit('/admin/users', ['CONSULTANT']);
    expect(route.name).toBe('forbidden');
    expect(route.query.from).toBe('/admin/users');
  });

  it('lets each role open its own pages', async () => {
    expect((await visit('/admin/sites', ['ADMIN'])).name).toBe('admin-sites');
    expect((await visit('/floor', ['MANAGER'])).name).toBe('floor');
    expect((await visit('/me/floor', ['CONSULTANT'])).name).toBe('my-floor');
  });

  it('issue 15: the figures are for managers and administrators only', async () => {
    expect((await visit('/figures', ['MANAGER'])).name).toBe('figures');
    expect((await visit('/figures', ['ADMIN'])).name).toBe('figures');
    expect((await visit('/figures', ['CONSULTANT'])).name).toBe('forbidden');
    expect((await visit('/figures', ['RECEPTION'])).name).toBe('forbidden');
  });

  it('shows 404 for an unknown address, signed in or not', async () => {
    expect((await visit('/no/such/page', null)).name).toBe('not-found');
    expect((await visit('/no/such/page', ['ADMIN'])).name).toBe('not-found');
  });

  it('shows 403 from / to a user without any role', async () => {
    expect((await visit('/', [])).name).toBe('forbidden');
  });
});

describe('safeRedirect', () => {
  it('follows only paths inside the app', () => {
    expect(safeRedirect('/admin/sites?x=1')).toBe('/admin/sites?x=1');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/login?redirect=/x')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});
