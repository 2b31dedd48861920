import { randomBytes } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { CompanyEntity, SessionEntity, UserEntity } from './accounts.entity.js';
import { hashPassword } from './domain/password.js';
import { Role } from './domain/roles.js';

export const DEFAULT_ADMIN_USERNAME = 'admin';
export const MIN_ADMIN_PASSWORD = 12;

/** 20 characters from an alphabet without look-alikes: printed once, typed by a person. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface AdminResult {
  username: string;
  created: boolean;
  /** Only when the password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * An empty database (no company) without demo data gets its first administrator:
 * ADMIN_USERNAME (default `admin`) with ADMIN_PASSWORD, or a generated password. Does
 * nothing once a company exists.
 */
export async function ensureFirstAdmin(
  ds: DataSource,
  tx: Transactions,
  clock: Clock,
  admin: { username: string; password?: string } | undefined,
): Promise<AdminResult | null> {
  if ((await ds.getRepository(CompanyEntity).count()) > 0) return null;
  return setAdministrator(ds, tx, clock, admin?.username ?? DEFAULT_ADMIN_USERNAME, admin?.password);
}

/**
 * Creates an administrator, or resets an existing user into one: the password is set, the
 * administrator role added, the account enabled and its sessions revoked. Used by the first
 * start and by the `admin` command (server/src/cli.ts).
 */
export async function setAdministrator(
  ds: DataSource,
  tx: Transactions,
  clock: Clock,
  username: string,
  password?: string,
): Promise<AdminResult> {
  const name = username.trim();
  if (!name || name.length > 64) throw new Error('The username must have 1 to 64 characters');
  if (password !== undefined && password.length < MIN_ADMIN_PASSWORD) {
    throw new Error(`The password must have at least ${MIN_ADMIN_PASSWORD} characters`);
  }
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const created = await tx.run(async (em) => {
    const now = clock.now();
    const existing = await em.findOneBy(UserEntity, { username: name });
    if (existing) {
      const roles = existing.roles.includes(Role.ADMIN) ? existing.roles : [...existing.roles, Role.ADMIN];
      await em.update(UserEntity, { id: existing.id }, { passwordHash, roles, disabled: false, updatedAt: now });
      await em.update(SessionEntity, { userId: existing.id, revokedAt: IsNull() }, { revokedAt: now });
      return false;
    }
    const company =
      (await em.findOne(CompanyEntity, { where: {}, order: { id: 'ASC' } })) ??
      (await em.save(em.create(CompanyEntity, { name: 'Reception', createdAt: now })));
    await em.save(
      em.create(UserEntity, {
        companyId: company.id,
        username: name,
        displayName: name,
        passwordHash,
        roles: [Role.ADMIN],
        disabled: false,
        departmentId: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    return true;
  });
  return { username: name, created, generatedPassword };
}
