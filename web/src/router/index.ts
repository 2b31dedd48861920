import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { decideNavigation } from './guards';
import { routes } from './routes';

export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes });

  router.beforeEach((to) => {
    const session = useSessionStore();
    return decideNavigation(to, {
      isSignedIn: session.isSignedIn,
      roles: session.roles,
      home: session.home,
    });
  });

  return router;
}
