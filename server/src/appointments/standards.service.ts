import { In, type DataSource, type EntityManager } from 'typeorm';
import { DepartmentEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict, isDuplicateKey, notFound } from '../platform/errors.js';
import { CategoryEntity, ChecklistItemEntity, EquipmentEntity, RoomEntity } from './appointments.entity.js';
import { DEFAULT_CATEGORIES, type ChecklistItem, type Season, type Standard } from './domain/standards.js';

export interface CategoryInput {
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  responsibleDepartmentId: number | null;
  responsibleRole: string;
  receiver: string;
  advanceNoticeDays: number;
  needsSeniorLeader: boolean;
  meetingRoom: boolean;
  equipmentKinds: string[];
  catering: boolean;
  pickUp: boolean;
  lodging: boolean;
  gifts: boolean;
  budgetPerGuest: number;
  hostsAtMostGuests: boolean;
  winterMonths: number[];
  checklist: Array<{ key: string; label: string; season: Season | null; dueHoursBefore: number; owner: ChecklistItem['owner'] }>;
}

export interface CategoryRow {
  category: CategoryEntity;
  checklist: ChecklistItemEntity[];
}

/** The reception standard of a category as the domain reads it (C1–C4). */
export function standardOf(row: CategoryRow): Standard & { hostsAtMostGuests: boolean } {
  const c = row.category;
  return {
    category: c.code,
    advanceNoticeDays: c.advanceNoticeDays,
    needsSeniorLeader: c.needsSeniorLeader,
    meetingRoom: c.meetingRoom,
    equipment: c.equipmentKinds,
    catering: c.catering,
    pickUp: c.pickUp,
    lodging: c.lodging,
    gifts: c.gifts,
    budgetPerGuest: c.budgetPerGuest,
    hostsAtMostGuests: c.hostsAtMostGuests,
    winterMonths: c.winterMonths.map(Number),
    checklist: row.checklist.map((i) => ({ key: i.key, label: i.label, season: i.season as Season | null, dueHoursBefore: i.dueHoursBefore, owner: i.owner as ChecklistItem['owner'] })),
  };
}

/**
 * Client categories with their reception standards (C1–C4), meeting rooms and equipment:
 * what an administrator configures.
 */
export class StandardsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
  ) {}

  // ---- categories ------------------------------------------------------------------------

  /** The company's categories; the defaults of SPEC section 3 appear on first use. */
  async categories(p: Principal, includeArchived = false): Promise<CategoryRow[]> {
    await this.ensureDefaults(p.companyId);
    const cats = await this.ds.getRepository(CategoryEntity).find({
      where: includeArchived ? { companyId: p.companyId } : { companyId: p.companyId, archived: false },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    return this.withChecklists(this.ds.manager, cats);
  }

  async category(em: EntityManager, companyId: number, id: number): Promise<CategoryRow> {
    const c = await em.findOneBy(CategoryEntity, { id, companyId });
    if (!c) throw notFound('Category');
    return (await this.withChecklists(em, [c]))[0];
  }

  async createCategory(p: Principal, input: CategoryInput): Promise<CategoryRow> {
    await this.ensureDefaults(p.companyId);
    return this.tx.run(async (em) => {
      await this.checkInput(em, p, input);
      if (await em.existsBy(CategoryEntity, { companyId: p.companyId, code: input.code })) {
        throw conflict('A category with this code exists', { field: 'code' });
      }
      const c = em.create(CategoryEntity, { companyId: p.companyId, archived: false });
      return this.write(em, c, input);
    });
  }

  async updateCategory(p: Principal, id: number, input: CategoryInput): Promise<CategoryRow> {
    return this.tx.run(async (em) => {
      const c = await em.findOneBy(CategoryEntity, { id, companyId: p.companyId });
      if (!c) throw notFound('Category');
      await this.checkInput(em, p, input);
      const clash = await em.findOneBy(CategoryEntity, { companyId: p.companyId, code: input.code });
      if (clash && clash.id !== id) throw conflict('A category with this code exists', { field: 'code' });
      return this.write(em, c, input);
    });
  }

  /** Archived categories keep their appointments but take no new requests. */
  async setCategoryArchived(p: Principal, id: number, archived: boolean): Promise<CategoryRow> {
    return this.tx.run(async (em) => {
      const c = await em.findOneBy(CategoryEntity, { id, companyId: p.companyId });
      if (!c) throw notFound('Category');
      c.archived = archived;
      c.updatedAt = this.clock.now();
      await em.save(c);
      return (await this.withChecklists(em, [c]))[0];
    });
  }

  private write(em: EntityManager, c: CategoryEntity, input: CategoryInput): Promise<CategoryRow> {
    return writeCategory(em, c, input, this.clock.now());
  }

  private async checkInput(em: EntityManager, p: Principal, input: CategoryInput) {
    if (input.responsibleDepartmentId !== null && !(await em.existsBy(DepartmentEntity, { id: input.responsibleDepartmentId, companyId: p.companyId }))) {
      throw badInput('input.responsibleDepartmentId', 'Unknown department');
    }
    const keys = input.checklist.map((i) => i.key);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) throw badInput('input.checklist', `Checklist key "${dup}" appears twice`);
    if (input.winterMonths.some((m) => m < 1 || m > 12)) throw badInput('input.winterMonths', 'Months are 1 to 12');
  }

  private async withChecklists(em: EntityManager, cats: CategoryEntity[]): Promise<CategoryRow[]> {
    if (!cats.length) return [];
    const items = await em.find(ChecklistItemEntity, { where: { categoryId: In(cats.map((c) => c.id)) }, order: { position: 'ASC' } });
    return cats.map((category) => ({ category, checklist: items.filter((i) => i.categoryId === category.id) }));
  }

  /** C1: SPEC section 3's A–D, written once per company (a unique code makes a race harmless). */
  async ensureDefaults(companyId: number): Promise<void> {
    if (await this.ds.getRepository(CategoryEntity).existsBy({ companyId })) return;
    try {
      await this.tx.run(async (em) => {
        if (await em.existsBy(CategoryEntity, { companyId })) return;
        for (const input of defaultCategoryInputs()) await this.write(em, em.create(CategoryEntity, { companyId, archived: false }), input);
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  // ---- rooms and equipment -------------------------------------------------------------------

  async rooms(p: Principal, siteId: number, includeArchived = false) {
    await this.accounts.requireSite(p, siteId);
    return this.ds.getRepository(RoomEntity).find({ where: includeArchived ? { siteId } : { siteId, archived: false }, order: { name: 'ASC' } });
  }

  async createRoom(p: Principal, siteId: number, input: { name: string; capacity: number; location: string }) {
    await this.accounts.requireSite(p, siteId);
    return this.tx.run((em) => em.save(em.create(RoomEntity, { siteId, ...input, name: input.name.trim(), archived: false })));
  }

  async updateRoom(p: Principal, id: number, input: { name?: string; capacity?: number; location?: string; archived?: boolean }) {
    // The site is checked before the transaction: inside it, a second pooled connection could wait forever.
    const found = await this.ds.getRepository(RoomEntity).findOneBy({ id });
    if (!found) throw notFound('Room');
    await this.accounts.requireSite(p, found.siteId);
    return this.tx.run(async (em) => {
      const room = await em.findOneByOrFail(RoomEntity, { id });
      for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== null) (room as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
      return em.save(room);
    });
  }

  async equipment(p: Principal, siteId: number, includeArchived = false) {
    await this.accounts.requireSite(p, siteId);
    return this.ds.getRepository(EquipmentEntity).find({ where: includeArchived ? { siteId } : { siteId, archived: false }, order: { kind: 'ASC', name: 'ASC' } });
  }

  async createEquipment(p: Principal, siteId: number, input: { kind: string; name: string }) {
    await this.accounts.requireSite(p, siteId);
    return this.tx.run((em) => em.save(em.create(EquipmentEntity, { siteId, kind: input.kind.trim(), name: input.name.trim(), archived: false })));
  }

  async updateEquipment(p: Principal, id: number, input: { kind?: string; name?: string; archived?: boolean }) {
    // The site is checked before the transaction: inside it, a second pooled connection could wait forever.
    const found = await this.ds.getRepository(EquipmentEntity).findOneBy({ id });
    if (!found) throw notFound('Equipment');
    await this.accounts.requireSite(p, found.siteId);
    return this.tx.run(async (em) => {
      const item = await em.findOneByOrFail(EquipmentEntity, { id });
      for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== null) (item as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
      return em.save(item);
    });
  }

  async categoriesByIds(ids: readonly number[]): Promise<(CategoryRow | null)[]> {
    const rows = await this.withChecklists(this.ds.manager, await this.ds.getRepository(CategoryEntity).findBy({ id: In([...ids]) }));
    return ids.map((id) => rows.find((r) => r.category.id === id) ?? null);
  }

  async roomsByIds(ids: readonly number[]): Promise<(RoomEntity | null)[]> {
    const rows = await this.ds.getRepository(RoomEntity).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }
}

/** Writes a category and replaces its checklist (C1, C2). */
export async function writeCategory(em: EntityManager, c: CategoryEntity, input: CategoryInput, now: Date): Promise<CategoryRow> {
  const { checklist, ...fields } = input;
  Object.assign(c, {
    ...fields,
    code: input.code.trim(),
    name: input.name.trim(),
    equipmentKinds: [...new Set(input.equipmentKinds.map((k) => k.trim()).filter(Boolean))],
    winterMonths: [...new Set(input.winterMonths)].sort((a, b) => a - b).map(String),
    updatedAt: now,
  });
  const saved = await em.save(CategoryEntity, c);
  await em.delete(ChecklistItemEntity, { categoryId: saved.id });
  const items = checklist.map((i, position) => em.create(ChecklistItemEntity, { ...i, label: i.label.trim(), categoryId: saved.id, position }));
  if (items.length) await em.save(ChecklistItemEntity, items);
  return { category: saved, checklist: items };
}

/** C1: SPEC section 3's categories A–D as inputs; `departments` names each one's responsible department. */
export function defaultCategoryInputs(departments: Partial<Record<string, number>> = {}): CategoryInput[] {
  return DEFAULT_CATEGORIES.map((d, i) => ({
    code: d.code,
    name: d.name.zh,
    description: d.who.zh,
    sortOrder: i + 1,
    responsibleDepartmentId: departments[d.code] ?? null,
    responsibleRole: d.department.zh,
    receiver: d.receiver.zh,
    advanceNoticeDays: d.standard.advanceNoticeDays,
    needsSeniorLeader: d.standard.needsSeniorLeader,
    meetingRoom: d.standard.meetingRoom,
    equipmentKinds: d.standard.equipment,
    catering: d.standard.catering,
    pickUp: d.standard.pickUp,
    lodging: d.standard.lodging,
    gifts: d.standard.gifts,
    budgetPerGuest: d.standard.budgetPerGuest,
    hostsAtMostGuests: true,
    winterMonths: d.standard.winterMonths,
    checklist: d.standard.checklist,
  }));
}
