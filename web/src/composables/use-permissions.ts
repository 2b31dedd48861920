import { computed } from 'vue';
import type { Role } from '@/graphql/generated/graphql';
import { useSessionStore } from '@/stores/session';

/**
 * Which home a user lands on. A user with several roles lands on the home of the first
 * of ADMIN, MANAGER, RECEPTION, CONSULTANT that they hold.
 */
export const ROLE_PRIORITY: readonly Role[] = ['ADMIN', 'MANAGER', 'RECEPTION', 'CONSULTANT'];

export const HOME_BY_ROLE: Readonly<Record<Role, string>> = {
  ADMIN: '/admin/users',
  MANAGER: '/floor',
  RECEPTION: '/desk',
  CONSULTANT: '/me/floor',
};

/** The home path for these roles, or null for a user without any role. */
export function homeFor(roles: readonly Role[]): string | null {
  const role = ROLE_PRIORITY.find((r) => roles.includes(r));
  return role ? HOME_BY_ROLE[role] : null;
}

/** True when `required` is empty (any signed-in user) or the user holds one of its roles. */
export function hasAnyRole(roles: readonly Role[], required: readonly Role[] | undefined): boolean {
  return !required?.length || required.some((r) => roles.includes(r));
}

export function usePermissions() {
  const session = useSessionStore();
  return {
    roles: computed(() => session.roles),
    can: (required: readonly Role[] | undefined) => hasAnyRole(session.roles, required),
  };
}
