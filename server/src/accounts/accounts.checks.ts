import { In, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { DepartmentEntity, SiteEntity, UserEntity } from './accounts.entity.js';
import type { Principal } from './domain/roles.js';

// Lookups and input checks the users, sites and departments share, in the caller's transaction.

export async function requireUser(em: EntityManager, userId: number) {
  const user = await em.findOneBy(UserEntity, { id: userId });
  if (!user) throw notFound('User');
  return user;
}

export async function companyUser(em: EntityManager, p: Principal, userId: number) {
  const user = await em.findOneBy(UserEntity, { id: userId, companyId: p.companyId });
  if (!user) throw notFound('User');
  return user;
}

export async function checkSites(em: EntityManager, p: Principal, ids: string[], field: string): Promise<number[]> {
  const siteIds = ids.map((id) => parseId(field, id));
  if (!siteIds.length) return [];
  const found = await em.findBy(SiteEntity, { id: In(siteIds), companyId: p.companyId });
  if (found.length !== new Set(siteIds).size) throw badInput(field, 'Unknown site');
  return siteIds;
}

export async function checkHead(em: EntityManager, p: Principal, id: string | null | undefined) {
  if (id === null || id === undefined || id === '') return null;
  const userId = parseId('headUserId', id);
  const user = await em.findOneBy(UserEntity, { id: userId, companyId: p.companyId });
  if (!user || user.disabled) throw badInput('headUserId', 'The head must be an active user of this company');
  return userId;
}

export async function checkDepartment(em: EntityManager, p: Principal, id: string | null | undefined, field: string) {
  if (id === null || id === undefined || id === '') return null;
  const departmentId = parseId(field, id);
  if (!(await em.existsBy(DepartmentEntity, { id: departmentId, companyId: p.companyId }))) {
    throw badInput(field, 'Unknown department');
  }
  return departmentId;
}

export async function companySiteIds(em: EntityManager, companyId: number): Promise<number[]> {
  return (await em.find(SiteEntity, { where: { companyId }, select: { id: true }, order: { id: 'ASC' } })).map((s) => s.id);
}
