import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../accounts/accounts.entity.js';
import type { Principal } from '../accounts/domain/roles.js';
import type { Statement } from '../platform/db/statements.js';
import { badInput } from '../platform/errors.js';
import { normalizePhone } from '../platform/phone.js';
import { evolve, type Reception, type RotationEvent, type RotationState, type WalkInInput } from './domain/index.js';
import { RotationReceptionEntity } from './rotation.entity.js';
import type { CustomersService, WalkInFacts } from '../customers/customers.service.js';
import type { NotificationInput, NotificationsService } from '../notifications/notifications.service.js';
import type { StoredEvent } from './rotation.view.js';

/** What a floor command reads from and writes beside the log: the register, notices, reception rows. */
export class FloorRecords {
  constructor(
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * R14: a big buyer is told to every manager of the site at once, as a notification (in the
   * app, live, on any page and phone), not only as a line on the board.
   */
  async alertNotices(em: EntityManager, site: { id: number; name: string }, before: RotationState, events: RotationEvent[]): Promise<NotificationInput[]> {
    const raised = events.flatMap((e) => e.effects).flatMap((e) => (e.op === 'alert' && e.value && e.value.kind === 'BIG_BUYER' && !before.alerts[e.id] ? [e.value] : []));
    if (!raised.length) return [];
    const managers = await this.notifications.managersOf(em, site.id);
    if (!managers.length) return [];
    const last = events.at(-1)!;
    const folded = events.reduce(evolve, before);
    const people = await em.findBy(UserEntity, { id: In(raised.flatMap((a) => (a.consultantId === null ? [] : [a.consultantId]))) });
    return raised.flatMap((a) => {
      const r = a.receptionId ? folded.receptions.get(a.receptionId) : undefined;
      const params = {
        siteId: site.id,
        siteName: site.name,
        receptionId: a.receptionId,
        units: a.params.units ?? null,
        consultantId: a.consultantId,
        consultantName: people.find((u) => u.id === a.consultantId)?.displayName ?? null,
        customerName: r?.customerName ?? null,
        at: new Date(last.at).toISOString(),
      };
      return managers.map((userId) => ({ userId, kind: 'BIG_BUYER' as const, params }));
    });
  }

  /**
   * O1: the desk registers a walk-in who is not in the register in the same step, with the
   * consultant who receives them as the registering consultant; the reception keeps the new
   * customer's id. A walk-in who waits for someone to be free is not registered (no consultant
   * yet): the reception keeps the typed name and phone and can be linked later.
   */
  async registerWalkIn(em: EntityManager, p: Principal, site: { id: number; timezone: string }, events: RotationEvent[], who: { name: string; phone: string }) {
    const recorded = events.find((e) => e.type === 'WALK_IN_RECORDED' || e.type === 'ASSIGNED_BY_HAND');
    const effect = recorded?.effects.find((e) => e.op === 'reception' && e.id === recorded.receptionId);
    const r = effect?.op === 'reception' ? effect.value : null;
    if (!r || r.consultantId === null || r.status === 'WAITING') return null;
    const reg = await this.customers.registerIn(em, p, site.id, who, r.consultantId, site.timezone);
    for (const e of events) {
      for (const [i, ef] of e.effects.entries()) {
        if (ef.op === 'reception' && ef.id === r.id && ef.value) e.effects[i] = { ...ef, value: { ...ef.value, customerId: reg.customerId } };
      }
    }
    return reg;
  }

  /**
   * The statements that write each reception an event touched, as it now stands, in its row
   * (the customer's timeline reads them): built here, sent with the batch's other writes.
   */
  receptionWrites(em: EntityManager, siteId: number, stored: StoredEvent[]): Statement[] {
    const latest = new Map<string, { seq: number; day: string; value: Reception | null }>();
    for (const { seq, event } of stored) {
      for (const e of event.effects) if (e.op === 'reception') latest.set(e.id, { seq, day: event.day, value: e.value });
    }
    const statements: Statement[] = [];
    const gone = [...latest].filter(([, { value }]) => !value).map(([id]) => id);
    if (gone.length) statements.push(em.createQueryBuilder().delete().from(RotationReceptionEntity).where({ siteId, id: In(gone) }).getQueryAndParameters());
    const rows: Array<Partial<RotationReceptionEntity>> = [];
    for (const [id, { seq, day, value }] of latest) {
      if (!value) continue;
      rows.push({
        siteId,
        id,
        businessDay: day,
        arrivedAt: new Date(value.arrivedAt),
        linkedById: null,
        linkedAt: null,
        reception: JSON.stringify(value),
        lastSeq: seq,
        customerId: value.customerId ?? null,
        broughtById: value.broughtById ?? null,
      });
    }
    if (!rows.length) return statements;
    // One statement for a batch's receptions, new and changed, with no read before it (issue 17:
    // it runs under the site's lock): a changed row keeps its day, and its customer when the
    // floor's copy names none (a link made after the fact, see linkReception).
    const [sql, params] = em.createQueryBuilder().insert().into(RotationReceptionEntity).values(rows).getQueryAndParameters();
    statements.push([sql + upsertKeepingLinks(em), params]);
    return statements;
  }

  /**
   * R7–R9, O2: the register decides what the desk cannot know, on the customer's record —
   * picked by the desk (`customerId`) or found by the phone typed: whose customer the walk-in
   * is, whether they closed a deal, whether they became a customer today (R9). R8: the old
   * customer picked as the one who brings the walk-in along decides the variant by their owner
   * and their deal. A walk-in not in the register is registered in the same step when the
   * desk asks for it (name and phone needed, O1).
   */
  async fromRegister(
    p: Principal,
    siteId: number,
    timezone: string,
    w: WalkInInput,
    registerCustomer: boolean,
  ): Promise<{ walkIn: WalkInInput; register: { name: string; phone: string } | null }> {
    const customerKind = w.kind === 'NEW' || w.kind === 'RETURNING' || w.kind === 'BROUGHT_ALONG';
    let out: WalkInInput = { ...w };
    if (w.kind === 'BROUGHT_ALONG' && w.broughtById != null) {
      await this.customers.requireInSite(p, siteId, w.broughtById);
      const old = await this.customers.walkInFacts(siteId, w.broughtById, timezone);
      out = { ...out, ownerId: old.ownerId, dealClosed: old.dealClosed };
    }
    let facts: WalkInFacts | null = null;
    if (customerKind && w.customerId != null) {
      await this.customers.requireInSite(p, siteId, w.customerId);
      facts = await this.customers.walkInFacts(siteId, w.customerId, timezone);
    } else if (customerKind && w.phone) facts = await this.byPhone(p, siteId, timezone, w.phone);
    const register = !facts && customerKind && registerCustomer ? toRegister(w) : null;

    if (w.kind === 'BROUGHT_ALONG') {
      // R8: the new customer is "registered" when in the register already or registered now.
      if (facts) return { walkIn: { ...out, customerId: facts.customerId, customerName: w.customerName || facts.name, newCustomerRegistered: true }, register: null };
      return { walkIn: { ...out, customerId: null, newCustomerRegistered: !!register || !!w.newCustomerRegistered }, register };
    }
    if (!facts) return { walkIn: out, register };
    const known: WalkInInput = { ...out, customerId: facts.customerId, customerName: w.customerName || facts.name, registeredTodayBy: facts.registeredTodayBy, dealClosed: facts.dealClosed };
    // O2/O3: a customer nobody owns now is received as a new one, by the rotation.
    if (facts.ownerId === null) return { walkIn: { ...known, kind: 'NEW', ownerId: null }, register: null };
    return { walkIn: { ...known, kind: 'RETURNING', ownerId: facts.ownerId }, register: null };
  }

  /** The phone typed at the desk, through the one desk lookup (O9, rate limits): the owned record first. */
  private async byPhone(p: Principal, siteId: number, timezone: string, phone: string): Promise<WalkInFacts | null> {
    const normalized = normalizePhone(phone);
    if (!normalized || normalized.length <= 4) return null;
    const rows = (await this.customers.findByPhoneForDesk(p, siteId, normalized)).filter((r) => r.customer.phone === normalized);
    const pick = rows.find((r) => r.ownership.ownerId !== null) ?? rows[0];
    return pick ? this.customers.walkInFacts(siteId, pick.customer.id, timezone) : null;
  }
}

/** O1: the desk's same-step registration needs the real name and a phone number. */
function toRegister(w: WalkInInput): { name: string; phone: string } {
  const name = w.customerName?.trim();
  const phone = normalizePhone(w.phone);
  if (!name) throw badInput('input.customerName', 'The real name is required to register the customer (O1)');
  if (!phone) throw badInput('input.phone', 'A phone number is required to register the customer (O1)');
  return { name, phone };
}

/** The upsert clause of projectReceptions: the floor's columns replaced; a customer, once known, kept. */
function upsertKeepingLinks(em: EntityManager): string {
  const mysql = em.connection.options.type === 'mysql';
  const q = (c: string) => em.connection.driver.escape(c);
  const incoming = (c: string) => (mysql ? `VALUES(${q(c)})` : `excluded.${q(c)}`);
  const set = [
    ...['reception', 'lastSeq'].map((c) => `${q(c)} = ${incoming(c)}`),
    ...['customerId', 'broughtById'].map((c) => `${q(c)} = COALESCE(${incoming(c)}, ${q(c)})`),
  ].join(', ');
  return mysql ? ` ON DUPLICATE KEY UPDATE ${set}` : ` ON CONFLICT (${q('siteId')}, ${q('id')}) DO UPDATE SET ${set}`;
}
