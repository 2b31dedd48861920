export const Role = {
  ADMIN: 'ADMIN',
  MANAGER: 'MANAGER',
  CONSULTANT: 'CONSULTANT',
  RECEPTION: 'RECEPTION',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: Role[] = Object.values(Role);

export interface Principal {
  userId: number;
  companyId: number;
  roles: Role[];
  /** Sites the user belongs to (administrators may act on every site of their company). */
  siteIds: number[];
  sessionId: string;
  expiresAt: Date;
}

export const hasRole = (p: Principal, ...roles: Role[]) => roles.some((r) => p.roles.includes(r));

/** Site membership: administrators reach every site of their company, others their own. */
export function canActOnSite(p: Principal, site: { id: number; companyId: number }): boolean {
  if (site.companyId !== p.companyId) return false;
  return hasRole(p, Role.ADMIN) || p.siteIds.includes(site.id);
}
