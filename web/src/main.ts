// The theme's variables and base rules; each component's own CSS comes with its import
// (unplugin-element-plus in vite.config.ts).
import 'element-plus/theme-chalk/base.css';
// The v-loading directive has no component import to bring its style.
import 'element-plus/theme-chalk/el-loading.css';
import './styles/main.css';
import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import App from './App.vue';
import { createGraphQLClient, defaultWsUrl, installClient } from './composables/use-client';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import { useLocaleStore } from './stores/locale';
import { useSessionStore } from './stores/session';

async function bootstrap() {
  const app = createApp(App);
  const pinia = createPinia();
  app.use(pinia);
  const session = useSessionStore(pinia);

  const client = createGraphQLClient({
    url: '/graphql',
    wsUrl: defaultWsUrl('/graphql'),
    getToken: () => session.token,
    // An expired or revoked token (HTTP UNAUTHENTICATED, or the socket closed with 4403).
    onUnauthenticated: () => {
      if (session.token) session.end('expired');
    },
  });
  installClient(client);
  // Back online: do not sit out the rest of a long backoff wait.
  window.addEventListener('online', () => client.retryNow());

  const router = createAppRouter();
  app.use(i18n).use(router);

  // However the session ends, the user returns to sign-in; after an expiry they come back
  // to where they were once signed in again.
  watch(
    () => session.token,
    (token, previous) => {
      if (token || !previous) return;
      const route = router.currentRoute.value;
      if (route.meta.public) return;
      const query = session.endReason === 'signedOut' ? {} : { redirect: route.fullPath };
      void router.replace({ name: 'login', query });
    },
  );

  await Promise.all([session.restore(), useLocaleStore(pinia).ready()]);
  app.mount('#app');
}

void bootstrap();
