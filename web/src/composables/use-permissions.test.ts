import { describe, expect, it } from 'vitest';
import { hasAnyRole, homeFor } from './use-permissions';

describe('homes by role', () => {
  it('sends each single role to its home', () => {
    expect(homeFor(['ADMIN'])).toBe('/admin/users');
    expect(homeFor(['MANAGER'])).toBe('/floor');
    expect(homeFor(['RECEPTION'])).toBe('/desk');
    expect(homeFor(['CONSULTANT'])).toBe('/me/floor');
  });

  it('lands a user of several roles on the first of ADMIN, MANAGER, RECEPTION, CONSULTANT', () => {
    expect(homeFor(['CONSULTANT', 'MANAGER'])).toBe('/floor');
    expect(homeFor(['CONSULTANT', 'RECEPTION'])).toBe('/desk');
    expect(homeFor(['RECEPTION', 'ADMIN', 'MANAGER'])).toBe('/admin/users');
  });

  it('has no home for a user without a role', () => {
    expect(homeFor([])).toBeNull();
  });

  it('allows a route without roles to anyone signed in, and a role route to its roles only', () => {
    expect(hasAnyRole([], undefined)).toBe(true);
    expect(hasAnyRole(['CONSULTANT'], ['MANAGER'])).toBe(false);
    expect(hasAnyRole(['CONSULTANT', 'MANAGER'], ['MANAGER'])).toBe(true);
  });
});
