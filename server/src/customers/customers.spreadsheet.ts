import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, forbidden } from '../platform/errors.js';
import type { Match } from './domain/ownership.js';
import { ConflictEntity, CustomerEntity, CustomerPhoneKeyEntity, RegistrationEntity } from './customers.entity.js';
import type { Disputes } from './customers.disputes.js';
import {
  againstRegister,
  checkImport,
  IMPORT_SAMPLE_SIZE,
  ImportFileError,
  readTable,
  wallClock,
  writeRegister,
  type ImportCheck,
  type ImportRow,
} from './customers.import.js';
import type { CustomerRows } from './customers.rows.js';
import type { Intent } from './customers.service.js';

/** The register in a spreadsheet: the import (preview, then all rows or none) and the export. */
export class RegisterSpreadsheets {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly records: CustomerRows,
    private readonly disputes: Disputes,
  ) {}

  /** Reads and checks a file without writing anything: what the import would do. */
  async previewImport(p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<ImportCheck & { sample: ImportRow[] }> {
    const check = await this.checkFile(this.ds.manager, p, siteId, file);
    return { ...check, sample: check.rows.slice(0, IMPORT_SAMPLE_SIZE) };
  }

  /**
   * O1: every row becomes a customer with one registration by its consultant, all in one
   * transaction; if any row is invalid nothing is written (no partial import).
   */
  async importRegister(p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<{ imported: number; conflicts: number }> {
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager imports the register');
    const now = this.clock.now();
    const result = await this.tx.run(async (em) => {
      // Checked again inside the transaction: the register may have changed since the preview.
      const check = await this.checkFile(em, p, siteId, file);
      if (check.errors.length) {
        throw badInput('file', `${check.errors.length} problem(s) in the file; nothing was imported`, {
          errors: check.errors.slice(0, 200),
          errorCount: check.errors.length,
        });
      }
      const BATCH = 500;
      // O5: a name already in the register (or earlier in the file) with another phone is a
      // different person unless someone verifies it: the manager gets a conflict, as at the desk.
      const sameName = new Map<string, number[]>();
      const names = [...new Set(check.rows.map((r) => r.name))];
      for (let i = 0; i < names.length; i += BATCH) {
        const known = await em.find(CustomerEntity, { where: { siteId, name: In(names.slice(i, i + BATCH)) }, select: { id: true, name: true } });
        for (const k of known) sameName.set(k.name, [...(sameName.get(k.name) ?? []), k.id]);
      }
      let conflicts = 0;
      for (let i = 0; i < check.rows.length; i += BATCH) {
        const batch = check.rows.slice(i, i + BATCH);
        const at = (r: ImportRow) => new Date(r.registeredAt ?? now.getTime());
        await em
          .createQueryBuilder()
          .insert()
          .into(CustomerEntity)
          .values(batch.map((r) => ({ siteId, name: r.name, phone: r.phone, phoneLast4: r.phone.slice(-4), createdAt: at(r) })))
          .updateEntity(false)
          .execute();
        // O2: the numbers' key rows, as a registration at the desk would create them.
        await em
          .createQueryBuilder()
          .insert()
          .into(CustomerPhoneKeyEntity)
          .values(batch.map((r) => ({ siteId, phone: r.phone, createdAt: now })))
          .orIgnore()
          .updateEntity(false)
          .execute();
        // Phones are unique within the file and new to the site's register, so they find the new ids.
        const created = await em.find(CustomerEntity, { where: { siteId, phone: In(batch.map((r) => r.phone)) }, select: { id: true, phone: true } });
        const idOf = new Map(created.map((c) => [c.phone, c.id]));
        await em
          .createQueryBuilder()
          .insert()
          .into(RegistrationEntity)
          .values(
            batch.map((r) => ({
              siteId,
              customerId: idOf.get(r.phone)!,
              consultantId: r.consultantId,
              name: r.name,
              phone: r.phone,
              at: at(r),
              correctsId: null,
              intent: JSON.stringify({ budget: r.budget, size: r.size, source: r.source }),
              createdBy: p.userId,
            })),
          )
          .updateEntity(false)
          .execute();
        const flagged = batch.flatMap((r) => {
          const id = idOf.get(r.phone)!;
          const before = sameName.get(r.name) ?? [];
          sameName.set(r.name, [...before, id]);
          return before.length ? [{ customerId: id, customerIds: before }] : [];
        });
        if (flagged.length) {
          const regs = await em.find(RegistrationEntity, { where: { customerId: In(flagged.map((f) => f.customerId)) }, select: { id: true, customerId: true } });
          const regOf = new Map(regs.map((r) => [r.customerId, r.id]));
          await em.insert(
            ConflictEntity,
            flagged.map((f) => ({
              siteId,
              customerId: f.customerId,
              registrationId: regOf.get(f.customerId)!,
              kind: 'O5',
              details: JSON.stringify({ rule: 'O5', match: { kind: 'SAME_NAME', customerIds: f.customerIds } satisfies Match }),
              createdAt: now,
              resolvedAt: null,
            })),
          );
          conflicts += flagged.length;
        }
      }
      return { imported: check.rows.length, conflicts };
    });
    if (result.conflicts) await this.disputes.publishDisputes(siteId);
    return result;
  }

  /** The register as xlsx, with each phone as this viewer may read it (O9). */
  async exportRegister(p: Principal, siteId: number): Promise<{ fileName: string; content: Buffer }> {
    const site = await this.accounts.requireSite(p, siteId);
    const ids = (await this.ds.getRepository(CustomerEntity).find({ where: { siteId, mergedIntoId: IsNull() }, select: { id: true }, order: { id: 'ASC' } })).map((c) => c.id);
    const rows = await this.records.rows(p, siteId, ids, site.timezone);
    const regs = ids.length ? await this.firstRegistrations(ids) : new Map<number, RegistrationEntity>();
    const users = await this.ds.getRepository(UserEntity).find({ where: { companyId: p.companyId }, select: { id: true, displayName: true } });
    const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
    const content = await writeRegister(
      rows.map((r) => {
        const reg = regs.get(r.customer.id);
        const intent = reg ? (JSON.parse(reg.intent) as Intent) : {};
        return {
          name: r.customer.name,
          phone: r.phone ?? r.phoneMasked,
          consultant: reg?.consultantId ? (nameOf.get(reg.consultantId) ?? '') : '',
          registeredAt: wallClock(reg?.at ?? r.customer.createdAt, site.timezone),
          budget: intent.budget ?? '',
          size: intent.size ?? '',
          source: intent.source ?? '',
          grade: r.customer.intentGrade ?? '',
          owner: r.ownership.ownerId ? (nameOf.get(r.ownership.ownerId) ?? '') : '',
          ownership: r.ownership.rule,
          lapsesAt: wallClock(r.ownership.lapsesAt, site.timezone),
          dealClosed: r.dealClosed,
        };
      }),
    );
    const day = wallClock(this.clock.now(), site.timezone).slice(0, 10);
    return { fileName: `register-${site.code}-${day}.xlsx`, content };
  }

  private async checkFile(em: EntityManager, p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<ImportCheck> {
    const site = await this.accounts.requireSite(p, siteId);
    let table: string[][];
    try {
      table = await readTable(file.fileName, file.content);
    } catch (err) {
      if (err instanceof ImportFileError) throw badInput(err.code === 'UNSUPPORTED_FILE' ? 'fileName' : 'contentBase64', err.message, { reason: err.code });
      throw err;
    }
    const links = await em.findBy(UserSiteEntity, { siteId });
    const users = links.length ? await em.findBy(UserEntity, { id: In(links.map((l) => l.userId)) }) : [];
    const consultants = users.filter((u) => u.roles.includes(Role.CONSULTANT) && !u.disabled).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
    const check = checkImport(table, { consultants, timezone: site.timezone, now: this.clock.now().getTime() });
    const registered = new Map<string, number>();
    const phones = check.rows.map((r) => r.phone);
    for (let i = 0; i < phones.length; i += 1000) {
      const found = await em.find(CustomerEntity, { where: { siteId, phone: In(phones.slice(i, i + 1000)) }, select: { id: true, phone: true } });
      for (const c of found) if (!registered.has(c.phone)) registered.set(c.phone, c.id);
    }
    return againstRegister(check, registered);
  }

  /** The first registration of each customer (what the spreadsheet calls its consultant and date). */
  private async firstRegistrations(ids: number[]): Promise<Map<number, RegistrationEntity>> {
    const out = new Map<number, RegistrationEntity>();
    for (let i = 0; i < ids.length; i += 1000) {
      const regs = await this.ds.getRepository(RegistrationEntity).find({ where: { customerId: In(ids.slice(i, i + 1000)) }, order: { at: 'ASC', id: 'ASC' } });
      for (const r of regs) if (!out.has(r.customerId)) out.set(r.customerId, r);
    }
    return out;
  }
}
