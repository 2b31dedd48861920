import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { fakeClient } from '@/composables/fake-client';
import { installClient } from '@/composables/use-client';
import type { SessionUserFragment } from '@/graphql/generated/graphql';
import { useSessionStore } from '@/stores/session';
import { useSiteStore } from '@/stores/site';
import { useSiteChoice } from './use-site-choice';

const BJ = { id: '1', name: '滨江售楼处', code: 'BJ', timezone: 'Asia/Shanghai' };
const CD = { id: '2', name: '城东展厅', code: 'CD', timezone: 'Asia/Shanghai' };
const HQ = { id: '3', name: '总部接待中心', code: 'HQ', timezone: 'Asia/Shanghai' };

function setUp(ownSites: SessionUserFragment['sites'], offered = [BJ, CD]) {
  installClient(fakeClient().client);
  setActivePinia(createPinia());
  const session = useSessionStore();
  session.token = 'tok';
  session.setUser({
    id: '1',
    username: 'admin',
    displayName: '系统管理员',
    roles: ['ADMIN'],
    disabled: false,
    sites: ownSites,
    department: null,
  });
  const store = useSiteStore();
  const sites = ref<Array<typeof BJ>>([]);
  const allowLeave = ref(true);
  const scope = effectScope();
  const choice = scope.run(() =>
    useSiteChoice({ sites: () => sites.value, mayLeave: async () => allowLeave.value }),
  )!;
  sites.value = offered;
  return { store, sites, allowLeave, choice, scope };
}

describe('the site a settings page works on', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => installClient(undefined));

  it('starts on the header’s site once the sites are known, and follows the header', async () => {
    const { store, choice } = setUp([BJ, CD]);
    store.select('2');
    await nextTick();
    expect(choice.siteId.value).toBe('2');
    store.select('1');
    await nextTick();
    await nextTick();
    expect(choice.site.value?.code).toBe('BJ');
    expect(choice.needsOwnPicker.value).toBe(false);
  });

  it('moves the header when the page picks one of the user’s sites', async () => {
    const { store, choice } = setUp([BJ, CD]);
    await nextTick();
    expect(await choice.choose('2')).toBe(true);
    expect(store.currentSite?.code).toBe('CD');
  });

  it('keeps the site (and puts the header back) when unsaved changes are not given up', async () => {
    const { store, allowLeave, choice } = setUp([BJ, CD]);
    await nextTick();
    allowLeave.value = false;
    expect(await choice.choose('2')).toBe(false);
    expect(choice.siteId.value).toBe('1');
    store.select('2');
    await nextTick();
    await Promise.resolve();
    await nextTick();
    expect(choice.siteId.value).toBe('1');
    expect(store.currentSite?.code).toBe('BJ');
  });

  it('offers its own picker when the header cannot reach every site (an administrator’s)', async () => {
    const { choice } = setUp([BJ], [BJ, CD, HQ]);
    await nextTick();
    expect(choice.needsOwnPicker.value).toBe(true);
    expect(await choice.choose('3')).toBe(true);
    expect(choice.site.value?.code).toBe('HQ');
  });
});
