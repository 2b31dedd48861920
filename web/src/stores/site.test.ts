import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClient } from '@/composables/fake-client';
import { installClient } from '@/composables/use-client';
import type { SessionUserFragment } from '@/graphql/generated/graphql';
import { useSessionStore } from './session';
import { useSiteStore } from './site';

const user = (sites: SessionUserFragment['sites']): SessionUserFragment => ({
  id: '2',
  username: 'manager',
  displayName: '周经理',
  roles: ['MANAGER'],
  disabled: false,
  sites,
  department: null,
});
const BJ = { id: '1', name: '滨江售楼处', code: 'BJ', timezone: 'Asia/Shanghai' };
const CD = { id: '2', name: '城东展厅', code: 'CD', timezone: 'Asia/Urumqi' };

function signInWith(sites: SessionUserFragment['sites']) {
  installClient(fakeClient().client);
  setActivePinia(createPinia());
  const session = useSessionStore();
  session.token = 'tok';
  session.setUser(user(sites));
  return { session, site: useSiteStore() };
}

describe('site store', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => installClient(undefined));

  it('starts on the first of the user’s sites and offers a choice when there are several', () => {
    const { site } = signInWith([BJ, CD]);
    expect(site.currentSite?.code).toBe('BJ');
    expect(site.hasChoice).toBe(true);
  });

  it('remembers the chosen site for this user, and its time zone follows', () => {
    signInWith([BJ, CD]).site.select('2');
    const { site } = signInWith([BJ, CD]);
    expect(site.currentSite?.code).toBe('CD');
    expect(site.timezone).toBe('Asia/Urumqi');
  });

  it('ignores a site the user does not belong to', () => {
    const { site } = signInWith([BJ]);
    site.select('2');
    expect(site.currentSite?.code).toBe('BJ');
    expect(site.hasChoice).toBe(false);
  });

  it('has no site and the default time zone for a user without sites', () => {
    const { site } = signInWith([]);
    expect(site.currentSite).toBeNull();
    expect(site.timezone).toBe('Asia/Shanghai');
  });
});
