import { In, IsNull, Not, type DataSource } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, type Principal } from '../accounts/domain/roles.js';
import {
  CustomerEntity,
  FollowUpEntity,
  OwnershipDecisionEntity,
  RegistrationEntity,
} from '../customers/customers.entity.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, forbidden, notFound } from '../platform/errors.js';
import { isValidRegion, type Region } from './domain/regions.js';
import { visitsDue, type DueVisit } from './domain/visits.js';
import { VisitEntity } from './visits.entity.js';
import type { VisitSettingsStore } from './visits.settings.js';
import { SUPERVISOR, toTime } from './visits.shared.js';

export interface DueVisitRow extends DueVisit {
  consultantId: number;
}

/** V2: customers' regions, and which owned customers are due for a visit. */
export class DueVisits {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly customers: CustomersService,
    private readonly settings: VisitSettingsStore,
  ) {}

  /** V2: sets (or clears) a customer's region. Consultants set their own customers'; managers any. */
  async setCustomerRegion(
    p: Principal,
    customerId: number,
    region: Region | null,
  ): Promise<CustomerEntity> {
    const customer = await this.ds.getRepository(CustomerEntity).findOneBy({ id: customerId });
    if (!customer) throw notFound('Customer');
    await this.accounts.requireSite(p, customer.siteId);
    if (!hasRole(p, ...SUPERVISOR)) {
      const [row] = await this.customers.rows(p, customer.siteId, [customerId]);
      if (row?.ownership.ownerId !== p.userId)
        throw forbidden('Only the owner or a manager sets the region');
    }
    if (region && !isValidRegion(region)) throw badInput('region', 'Not a known region');
    await this.tx.run((em) =>
      em.update(
        CustomerEntity,
        { id: customerId },
        {
          regionProvince: region?.province ?? null,
          regionCity: region?.city ?? null,
          regionDistrict: region?.district ?? null,
        },
      ),
    );
    return {
      ...customer,
      regionProvince: region?.province ?? null,
      regionCity: region?.city ?? null,
      regionDistrict: region?.district ?? null,
    };
  }

  /** Regions by customer id, for per-request loaders. */
  async regionsByIds(ids: readonly number[]): Promise<Array<Region | null>> {
    const rows = await this.ds.getRepository(CustomerEntity).find({
      where: { id: In([...ids]) },
      select: { id: true, regionProvince: true, regionCity: true, regionDistrict: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = byId.get(id);
      return r?.regionProvince && r.regionCity
        ? { province: r.regionProvince, city: r.regionCity, district: r.regionDistrict }
        : null;
    });
  }

  // ---- V2: who is due for a visit --------------------------------------------------------------

  /**
   * V2: the customers a consultant owns (or, for a manager without `consultantId`, every
   * owned customer of the site), when each is due, overdue first.
   */
  async due(p: Principal, siteId: number, consultantId: number | null): Promise<DueVisitRow[]> {
    const site = await this.accounts.requireSite(p, siteId);
    const supervisor = hasRole(p, ...SUPERVISOR);
    const who = supervisor ? consultantId : p.userId;
    if (!supervisor && consultantId !== null && consultantId !== p.userId)
      throw forbidden('Consultants see their own customers');
    const s = await this.settings.settingsIn(this.ds.manager, siteId, site.timezone);
    const ids = await this.candidateCustomers(siteId, who);
    const rows = (await this.customers.rows(p, siteId, ids, site.timezone)).filter(
      (r) => r.ownership.ownerId !== null && (who === null || r.ownership.ownerId === who),
    );
    const last = await this.lastVisits(rows.map((r) => r.customer.id));
    const now = this.clock.now().getTime();
    const owner = new Map(rows.map((r) => [r.customer.id, r.ownership.ownerId!]));
    return visitsDue(
      rows.map((r) => ({
        customerId: r.customer.id,
        region:
          r.customer.regionProvince && r.customer.regionCity
            ? {
                province: r.customer.regionProvince,
                city: r.customer.regionCity,
                district: r.customer.regionDistrict,
              }
            : null,
        lastVisitAt: last.get(r.customer.id) ?? null,
        ownedSince: r.ownership.since ?? r.customer.createdAt.getTime(),
      })),
      now,
      s,
    ).map((d) => ({ ...d, consultantId: owner.get(d.customerId)! }));
  }

  /** Customers with a region whose owner may be `consultantId` (any owner when null). */
  private async candidateCustomers(siteId: number, consultantId: number | null): Promise<number[]> {
    const withRegion = Not(IsNull());
    if (consultantId === null) {
      const all = await this.ds
        .getRepository(CustomerEntity)
        .find({ where: { siteId, regionCity: withRegion }, select: { id: true } });
      return all.map((c) => c.id);
    }
    const [regs, fus, decs] = await Promise.all([
      this.ds
        .getRepository(RegistrationEntity)
        .find({ where: { siteId, consultantId }, select: { customerId: true } }),
      this.ds
        .getRepository(FollowUpEntity)
        .find({ where: { consultantId }, select: { customerId: true } }),
      this.ds
        .getRepository(OwnershipDecisionEntity)
        .find({ where: { consultantId }, select: { customerId: true } }),
    ]);
    const ids = [...new Set([...regs, ...fus, ...decs].map((r) => r.customerId))];
    if (!ids.length) return [];
    const out: number[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const found = await this.ds.getRepository(CustomerEntity).find({
        where: { id: In(ids.slice(i, i + 1000)), siteId, regionCity: withRegion },
        select: { id: true },
      });
      out.push(...found.map((c) => c.id));
    }
    return out;
  }

  /** The last check-in per customer. */
  private async lastVisits(customerIds: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (let i = 0; i < customerIds.length; i += 1000) {
      const rows: Array<{ customerId: number; last: Date | string }> = await this.ds
        .getRepository(VisitEntity)
        .createQueryBuilder('v')
        .select('v.customerId', 'customerId')
        .addSelect('MAX(v.checkedInAt)', 'last')
        .where('v.customerId IN (:...ids)', { ids: customerIds.slice(i, i + 1000) })
        .andWhere('v.checkedInAt IS NOT NULL')
        .groupBy('v.customerId')
        .getRawMany();
      for (const r of rows) out.set(Number(r.customerId), toTime(r.last));
    }
    return out;
  }
}
