import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import { forUpdate as rowLock } from '../platform/db/locks.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict, forbidden, notFound } from '../platform/errors.js';
import type { NotificationEntity } from '../notifications/notifications.entity.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { attributeDeal, buyerMatches, IMMEDIATE_FAMILY, ownershipAt, splitCredit, type KnownCustomer, type Match } from './domain/ownership.js';
import {
  ConflictEntity,
  CustomerEntity,
  CustomerFamilyEntity,
  DealEntity,
  FollowUpEntity,
  OwnershipDecisionEntity,
  RegistrationEntity,
} from './customers.entity.js';
import type { Disputes } from './customers.disputes.js';
import { ownershipInputs, type CustomerRows } from './customers.rows.js';
import type { RegisterSettingsStore } from './customers.settings.js';

/** A manager's decision on a customer's ownership (see OwnershipDecisions.decide). */
export interface DecisionInput {
  customerId: number;
  conflictId?: number | null;
  kind: 'ASSIGN' | 'RELEASE' | 'SAME_PERSON' | 'FAMILY' | 'DIFFERENT';
  consultantId?: number | null;
  reason: string;
  /** O5: which of the same-name customers this one is (needed when there are several). */
  sameAsId?: number | null;
  /** O6: how the person is related to the owner (PARENT or SPOUSE). */
  relation?: string | null;
}

/** The manager's decisions (O5, O6 merges, O7, O8 deals). */
export class OwnershipDecisions {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
    private readonly registerSettings: RegisterSettingsStore,
    private readonly records: CustomerRows,
    private readonly disputes: Disputes,
  ) {}

  /**
   * A manager settles ownership with a reason: ASSIGN to a consultant, RELEASE (free), or a
   * conflict's answer. O5 SAME_PERSON merges the two records; O6 FAMILY makes the person
   * immediate family of the phone's owner and merges their record there; DIFFERENT on O5
   * keeps both; DIFFERENT on O6 ("not family") keeps the conflict open with the O2 outcome.
   */
  async decide(
    p: Principal,
    input: DecisionInput,
  ) {
    let customer = await this.records.requireCustomer(p, input.customerId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager decides ownership');
    const reason = input.reason.trim();
    if (!reason) throw badInput('reason', 'A decision needs a reason');
    if (input.kind === 'ASSIGN' && !input.consultantId) throw badInput('consultantId', 'Name the consultant');
    if ((input.kind === 'SAME_PERSON' || input.kind === 'FAMILY') && !input.conflictId) {
      throw badInput('conflictId', 'Answer the conflict this decision settles');
    }
    if (input.kind === 'FAMILY' && input.relation && !IMMEDIATE_FAMILY.includes(input.relation as (typeof IMMEDIATE_FAMILY)[number])) {
      throw badInput('relation', 'Only parents and spouse are immediate family (O6)');
    }
    const site = await this.accounts.requireSite(p, customer.siteId);
    const { notified, survivorId } = await this.tx.run(async (em) => {
      const now = this.clock.now();
      if (input.kind === 'ASSIGN') await this.accounts.requireConsultants(em, customer.siteId, [input.consultantId!]);
      let c: ConflictEntity | null = null;
      if (input.conflictId) {
        c = await em.findOne(ConflictEntity, { where: { id: input.conflictId, customerId: customer.id }, ...rowLock(em) });
        if (!c) throw notFound('Conflict');
        if (c.resolvedAt) throw conflict('This conflict is already settled');
      }
      const facts = c ? (JSON.parse(c.details) as { rule?: string; match?: Match; notFamily?: unknown }) : {};
      let details: Record<string, unknown> | null = null;
      let merge: { survivorId: number; absorbedId: number; family?: string } | null = null;
      let resolve = c !== null;
      if (input.kind === 'SAME_PERSON') {
        // O5: verified the same person: the two records become one.
        if (c!.kind !== 'O5' || facts.match?.kind !== 'SAME_NAME') throw badInput('kind', 'Only a same-name conflict (O5) is answered with "same person"');
        const candidates = facts.match.customerIds;
        const otherId = input.sameAsId ?? (candidates.length === 1 ? candidates[0] : null);
        if (otherId === null || !candidates.includes(otherId)) throw badInput('sameAsId', 'Choose which registered customer this is');
        const other = await em.findOneBy(CustomerEntity, { id: otherId, siteId: customer.siteId });
        if (!other) throw notFound('Customer');
        const target = other.mergedIntoId ?? other.id;
        // The older record carries on; ownership then follows O2 over both histories.
        const older = await this.olderOf(em, customer.id, target);
        merge = { survivorId: older, absorbedId: older === customer.id ? target : customer.id };
      } else if (input.kind === 'FAMILY') {
        // O6: immediate family of the phone's owner: joins that customer's family and stays with the owner.
        if (c!.kind !== 'O6' || facts.match?.kind !== 'PHONE_CONFLICT') throw badInput('kind', 'Only a same-phone conflict (O6) is answered with "family"');
        const owner = await em.findOneBy(CustomerEntity, { id: facts.match.customerId, siteId: customer.siteId });
        if (!owner) throw notFound('Customer');
        merge = { survivorId: owner.mergedIntoId ?? owner.id, absorbedId: customer.id, family: input.relation ?? 'SPOUSE' };
      } else if (input.kind === 'DIFFERENT' && c?.kind === 'O6') {
        // O6 "not family": still a conflict for the manager, now stating what O2 gives each record.
        if (facts.notFamily) throw conflict('This conflict was already answered "not family"; assign or release the customer');
        const phoneOwnerId = facts.match?.kind === 'PHONE_CONFLICT' ? facts.match.customerId : null;
        const ids = [customer.id, ...(phoneOwnerId !== null ? [phoneOwnerId] : [])];
        const s = await this.registerSettings.settingsIn(em, customer.siteId, site.timezone);
        const input2 = await ownershipInputs(em, ids);
        const o2 = ids.map((id) => ({ customerId: id, ownerId: ownershipAt(id, input2, now.getTime(), s).ownerId }));
        details = { rule: 'O6', family: false, o2 };
        resolve = false;
        await em.update(ConflictEntity, { id: c.id }, { details: JSON.stringify({ ...facts, notFamily: { at: now.toISOString(), by: p.userId }, o2 }) });
      }
      if (resolve && c) await em.update(ConflictEntity, { id: c.id }, { resolvedAt: now });
      let notified: NotificationEntity[] = [];
      let survivorId = customer.id;
      if (merge) {
        const done = await this.merge(em, customer.siteId, site.timezone, merge, now);
        details = done.details;
        notified = done.notified;
        survivorId = merge.survivorId;
      }
      await em.insert(OwnershipDecisionEntity, {
        customerId: survivorId,
        conflictId: input.conflictId ?? null,
        kind: input.kind,
        consultantId: input.consultantId ?? null,
        at: now,
        reason,
        decidedBy: p.userId,
        details: details ? JSON.stringify(details) : null,
      });
      return { notified, survivorId };
    });
    this.notifications.publish(notified);
    if (input.conflictId) await this.disputes.publishDisputes(customer.siteId);
    customer = await this.records.requireCustomer(p, survivorId);
    const [row] = await this.records.rows(p, customer.siteId, [customer.id]);
    return row;
  }

  /** Of two customers, the one registered first (the record that carries on after a merge). */
  private async olderOf(em: EntityManager, a: number, b: number): Promise<number> {
    const both = await em.find(CustomerEntity, { where: { id: In([a, b]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return both[0].id;
  }

  /**
   * O5/O6: moves the absorbed record's whole history (registrations, follow-ups, decisions,
   * conflicts, deals, family) to the survivor; nothing is deleted, the absorbed row points at
   * the survivor. Ownership then follows O2 over both histories; a consultant who owned either
   * record before and does not own the result is notified.
   */
  private async merge(
    em: EntityManager,
    siteId: number,
    timezone: string,
    m: { survivorId: number; absorbedId: number; family?: string },
    now: Date,
  ): Promise<{ details: Record<string, unknown>; notified: NotificationEntity[] }> {
    const pair = await em.find(CustomerEntity, { where: { id: In([m.survivorId, m.absorbedId]), siteId }, ...rowLock(em) });
    const survivor = pair.find((x) => x.id === m.survivorId);
    const absorbed = pair.find((x) => x.id === m.absorbedId);
    if (!survivor || !absorbed || survivor.id === absorbed.id) throw notFound('Customer');
    if (survivor.mergedIntoId !== null || absorbed.mergedIntoId !== null) throw conflict('One of these customers was already merged into another');
    const s = await this.registerSettings.settingsIn(em, siteId, timezone);
    const at = now.getTime();
    const before = await ownershipInputs(em, [survivor.id, absorbed.id]);
    const ownersBefore = [survivor.id, absorbed.id].map((id) => ({ customerId: id, ownerId: ownershipAt(id, before, at, s).ownerId }));
    const move = { customerId: absorbed.id };
    const to = { customerId: survivor.id };
    await em.update(RegistrationEntity, move, to);
    await em.update(FollowUpEntity, move, to);
    await em.update(OwnershipDecisionEntity, move, to);
    await em.update(ConflictEntity, move, to);
    await em.update(DealEntity, move, to);
    await em.update(CustomerFamilyEntity, move, to);
    if (m.family && !(await em.existsBy(CustomerFamilyEntity, { customerId: survivor.id, name: absorbed.name }))) {
      await em.insert(CustomerFamilyEntity, { customerId: survivor.id, name: absorbed.name, phone: absorbed.phone, relation: m.family });
    }
    await em.update(CustomerEntity, { id: absorbed.id }, { mergedIntoId: survivor.id });
    const after = ownershipAt(survivor.id, await ownershipInputs(em, [survivor.id]), at, s);
    const losers = [...new Set(ownersBefore.map((o) => o.ownerId))].filter((id): id is number => id !== null && id !== after.ownerId);
    const details = {
      rule: m.family ? 'O6' : 'O5',
      merged: { customerId: absorbed.id, name: absorbed.name, phoneLast4: absorbed.phoneLast4 },
      into: { customerId: survivor.id, name: survivor.name },
      ...(m.family ? { relation: m.family } : {}),
      ownersBefore,
      ownerAfter: after.ownerId,
      ownerRule: after.rule,
      registrationId: after.registrationId,
    };
    const notified = losers.length
      ? await this.notifications.stage(
          em,
          losers.map((userId) => ({
            userId,
            kind: 'CUSTOMER_OWNERSHIP_LOST' as const,
            params: { rule: details.rule, customerId: survivor.id, customerName: survivor.name, mergedName: absorbed.name, ownerId: after.ownerId },
          })),
        )
      : [];
    return { details, notified };
  }

  /** O7/O8: a deal, attributed by looking back from its date; a helper splits the credit. */
  async recordDeal(p: Principal, input: { customerId: number; buyerName: string; dealAt: Date; units: number; helperId?: number | null }) {
    const customer = await this.records.requireCustomer(p, input.customerId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager records deals');
    if (input.dealAt.getTime() > this.clock.now().getTime()) throw badInput('dealAt', 'A deal cannot be in the future');
    const site = await this.accounts.requireSite(p, customer.siteId);
    const { deal, disputed } = await this.tx.run(async (em) => {
      const s = await this.registerSettings.settingsIn(em, customer.siteId, site.timezone);
      const input2 = await ownershipInputs(em, [customer.id]);
      const a = attributeDeal(customer.id, input2, input.dealAt.getTime(), s);
      const family = await em.findBy(CustomerFamilyEntity, { customerId: customer.id });
      const known: KnownCustomer = { id: customer.id, name: customer.name, phone: customer.phone, family };
      const buyerOk = buyerMatches(input.buyerName, known);
      if (input.helperId) await this.accounts.requireConsultants(em, customer.siteId, [input.helperId], 'helperId');
      const credit = a.consultantId === null ? [] : input.helperId ? splitCredit(a.consultantId, input.helperId) : splitCredit(a.consultantId, a.consultantId);
      const deal = await em.save(
        em.create(DealEntity, {
          siteId: customer.siteId,
          customerId: customer.id,
          buyerName: input.buyerName.trim(),
          dealAt: input.dealAt,
          units: input.units,
          credit: JSON.stringify(credit),
          attribution: JSON.stringify({ ...a, buyerMatches: buyerOk, lookbackDays: s.dealLookbackDays }),
          recordedBy: p.userId,
          createdAt: this.clock.now(),
        }),
      );
      // A buyer who is neither the customer nor immediate family, or no owner to credit: the manager settles it.
      if (!buyerOk || a.consultantId === null) {
        await em.insert(ConflictEntity, {
          siteId: customer.siteId,
          customerId: customer.id,
          registrationId: null,
          kind: 'DEAL',
          details: JSON.stringify({ rule: 'O7', dealId: deal.id, buyerName: input.buyerName, buyerMatches: buyerOk, owner: a.consultantId }),
          createdAt: this.clock.now(),
          resolvedAt: null,
        });
      }
      return { deal, disputed: !buyerOk || a.consultantId === null };
    });
    if (disputed) await this.disputes.publishDisputes(customer.siteId);
    return deal;
  }

  /** Deals of a site, newest first, with the customers' names. */
  async deals(p: Principal, siteId: number, opts: { limit: number; offset: number }) {
    await this.accounts.requireSite(p, siteId);
    const [deals, total] = await this.ds.getRepository(DealEntity).findAndCount({ where: { siteId }, order: { dealAt: 'DESC', id: 'DESC' }, take: opts.limit, skip: opts.offset });
    return { total, deals };
  }
}
