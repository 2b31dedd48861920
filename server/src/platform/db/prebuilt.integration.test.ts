import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { CompanyEntity, UserEntity } from '../../accounts/accounts.entity.js';
import { Role } from '../../accounts/domain/roles.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test-support/databases.js';
import { openDatabase } from './data-source.js';
import { takesRowLocks } from './locks.js';
import { Prebuilt } from './prebuilt.js';

const kinds = await databaseKinds();

type UserRow = Pick<UserEntity, 'id' | 'username' | 'roles' | 'disabled' | 'departmentId' | 'createdAt'>;
const COLUMNS = {
  id: [UserEntity, 'u', 'id'],
  username: [UserEntity, 'u', 'username'],
  roles: [UserEntity, 'u', 'roles'],
  disabled: [UserEntity, 'u', 'disabled'],
  departmentId: [UserEntity, 'u', 'departmentId'],
  createdAt: [UserEntity, 'u', 'createdAt'],
} as const;

// Parameters listed in another order than the SQL uses them, one used twice, and a fixed
// boolean (converted by the driver at build time): each must land in its own position.
const USERS = new Prebuilt<UserRow, 'name' | 'company' | 'fromId'>(['name', 'company', 'fromId'], COLUMNS, (qb, ds) => {
  qb.from(UserEntity, 'u')
    .where('u.companyId = :company AND u.id >= :fromId AND (u.username = :name OR u.disabled = :off OR u.username = :name)', { off: false })
    .orderBy('u.id', 'ASC');
  return takesRowLocks(ds.manager) ? qb.setLock('pessimistic_write') : qb;
});

describe.each(kinds)('Prebuilt statements on %s', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  let company: number;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    ds = await openDatabase(kind === 'mariadb' ? { type: 'mysql', url: db.url } : { type: 'better-sqlite3', file: db.url.slice('sqlite:'.length) });
    company = (await ds.getRepository(CompanyEntity).save({ name: 'Co', createdAt: new Date() })).id;
    const at = new Date(Date.UTC(2025, 2, 10, 4, 5, 6, 789));
    const user = (username: string, disabled: boolean, roles: Role[]) => ({
      companyId: company,
      username,
      displayName: username,
      passwordHash: 'x',
      roles,
      disabled,
      allSites: false,
      departmentId: null,
      createdAt: at,
      updatedAt: at,
    });
    await ds.getRepository(UserEntity).save([user('on', false, [Role.CONSULTANT, Role.MANAGER]), user('off', true, [Role.RECEPTION]), user('other', true, [Role.CONSULTANT])]);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const viaFind = (em = ds.manager) =>
    em.find(UserEntity, {
      where: [{ companyId: company, disabled: false }, { companyId: company, username: 'off' }],
      select: { id: true, username: true, roles: true, disabled: true, departmentId: true, createdAt: true },
      order: { id: 'ASC' },
    });

  it('a boolean, a date with milliseconds, a simple-array and a NULL read as TypeORM find reads them', async () => {
    const rows = await ds.transaction((em) => USERS.rows(em, { company, fromId: 0, name: 'off' }));
    expect(rows.map((r) => r.username)).toEqual(['on', 'off']);
    expect(rows[0]).toEqual({ ...(await viaFind())[0] });
    expect(rows).toEqual((await viaFind()).map((u) => ({ ...u })));
    expect(rows[1]).toMatchObject({ disabled: true, roles: [Role.RECEPTION], departmentId: null });
    expect(rows[0].createdAt).toBeInstanceOf(Date);
    expect(rows[0].createdAt.toISOString()).toBe('2025-03-10T04:05:06.789Z');
    // Outside a transaction too, and the other parameters are really bound.
    expect(await USERS.rows(ds.manager, { company, fromId: rows[1].id + 1, name: 'nobody' })).toEqual([]);
    expect(await USERS.first(ds.manager, { company: company + 1, fromId: 0, name: 'on' })).toBeNull();
  });

  it('keeps the lock where the database takes row locks', () => {
    expect(/FOR UPDATE/.test(USERS.sqlFor(ds))).toBe(kind === 'mariadb');
  });
});
