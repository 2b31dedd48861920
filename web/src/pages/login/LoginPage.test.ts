import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { fakeClient } from '@/composables/fake-client';
import { GraphQLRequestError, installClient } from '@/composables/use-client';
import { i18n } from '@/i18n';
import { createAppRouter } from '@/router';
import { useLocaleStore } from '@/stores/locale';
import LoginPage from './LoginPage.vue';

const desk = {
  id: '3',
  username: 'desk',
  displayName: '前台小赵',
  roles: ['RECEPTION'],
  disabled: false,
  sites: [{ id: '1', name: '滨江售楼处', code: 'BJ', timezone: 'Asia/Shanghai' }],
  department: null,
};

async function renderAt(path: string, login: () => unknown) {
  installClient(fakeClient({ Login: login }).client);
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  const wrapper = mount(LoginPage, {
    global: { plugins: [pinia, router, i18n] },
    attachTo: document.body,
  });
  return { wrapper, router };
}

async function submit(
  wrapper: Awaited<ReturnType<typeof renderAt>>['wrapper'],
  username: string,
  password: string,
) {
  await wrapper.get('input[name=username]').setValue(username);
  await wrapper.get('input[name=password]').setValue(password);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  await new Promise((r) => setTimeout(r, 0));
  await flushPromises();
}

describe('LoginPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    document.body.innerHTML = '';
    installClient(undefined);
    i18n.global.locale.value = 'zh-CN';
  });

  it('shows "wrong username or password" for UNAUTHENTICATED and clears the password', async () => {
    const { wrapper, router } = await renderAt('/login', () => {
      throw new GraphQLRequestError([
        { message: 'Wrong username or password', code: 'UNAUTHENTICATED' },
      ]);
    });
    await submit(wrapper, 'desk', 'nope-nope');
    expect(wrapper.get('[data-test=login-error]').text()).toContain('用户名或密码错误');
    expect((wrapper.get('input[name=password]').element as HTMLInputElement).value).toBe('');
    expect(router.currentRoute.value.name).toBe('login');
  });

  it('tells a disabled account apart from a wrong password, in English too', async () => {
    const { wrapper } = await renderAt('/login', () => {
      throw new GraphQLRequestError([
        { message: 'This account is disabled', code: 'UNAUTHENTICATED' },
      ]);
    });
    useLocaleStore().setLocale('en');
    await submit(wrapper, 'desk', 'demo1234');
    expect(wrapper.get('[data-test=login-error]').text()).toContain('This account is disabled');
  });

  it('signs in and goes to the remembered page, or else home', { timeout: 40_000 }, async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const ok = () => ({ login: { token: 't', expiresAt, user: desk } });

    const first = await renderAt('/login', ok);
    await submit(first.wrapper, 'desk', 'demo1234');
    // The home page is a lazy chunk: the navigation ends once it has loaded.
    // Its first import is compiled on demand: seconds on a busy machine.
    await vi.waitFor(() => expect(first.router.currentRoute.value.fullPath).toBe('/desk'), { timeout: 15_000 });
    first.wrapper.unmount();

    localStorage.clear();
    const second = await renderAt('/login?redirect=%2F403', ok);
    await submit(second.wrapper, 'desk', 'demo1234');
    await vi.waitFor(() => expect(second.router.currentRoute.value.path).toBe('/403'), { timeout: 15_000 });
  });
});
