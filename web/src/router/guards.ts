import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import type { Role } from '@/graphql/generated/graphql';
import { hasAnyRole } from '@/composables/use-permissions';

export interface GuardSession {
  isSignedIn: boolean;
  roles: readonly Role[];
  home: string | null;
}

/**
 * Where a navigation may go: `true` to let it through, else where to send the user.
 * - signed out: public routes only; anything else goes to sign-in, remembering the target
 * - signed in: the sign-in page and `/` lead home; a route for other roles shows 403
 */
export function decideNavigation(
  to: Pick<RouteLocationNormalized, 'name' | 'fullPath' | 'meta' | 'matched' | 'query'>,
  session: GuardSession,
): true | RouteLocationRaw {
  const isPublic = to.meta.public === true;
  if (!session.isSignedIn) {
    if (isPublic) return true;
    return to.name === 'home'
      ? { name: 'login' }
      : { name: 'login', query: { redirect: to.fullPath } };
  }
  if (to.name === 'login') {
    const redirect = typeof to.query.redirect === 'string' ? to.query.redirect : null;
    return safeRedirect(redirect) ?? session.home ?? { name: 'forbidden' };
  }
  if (to.name === 'home') return session.home ?? { name: 'forbidden' };
  // Every matched record's roles must allow the user (parents may restrict children).
  const allowed = to.matched.every((record) => hasAnyRole(session.roles, record.meta.roles));
  if (!allowed) return { name: 'forbidden', query: { from: to.fullPath } };
  return true;
}

/** Only same-app paths: never follow `//evil.example` or `https://…` after sign-in. */
export function safeRedirect(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return null;
  if (value.startsWith('/login')) return null;
  return value;
}
