import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { maskPhone } from '../platform/phone.js';
import { followUpDue, type FollowUpDue } from './domain/follow-up-due.js';
import { ownershipAt, type Ownership } from './domain/ownership.js';
import { CustomerEntity, DealEntity, FollowUpEntity, OwnershipDecisionEntity, RegistrationEntity } from './customers.entity.js';
import type { RegisterSettingsStore } from './customers.settings.js';

/** A customer with what the viewer may see of them (O9) and who owns them now. */
export interface CustomerRow {
  customer: CustomerEntity;
  ownership: Ownership;
  /** Issue 13: follow-up due within the site's window, or overdue (O3). */
  followUpDue: FollowUpDue | null;
  dealClosed: boolean;
  /** O9: the full number, only for the owner, managers and administrators. */
  phone: string | null;
  phoneMasked: string;
}

/** What ownership (O2, O3) is computed from, for these customers. */
export async function ownershipInputs(em: EntityManager, customerIds: number[]) {
  if (!customerIds.length) return { registrations: [], followUps: [], decisions: [] };
  const [regs, fus, decs] = await Promise.all([
    em.findBy(RegistrationEntity, { customerId: In(customerIds) }),
    em.findBy(FollowUpEntity, { customerId: In(customerIds) }),
    em.findBy(OwnershipDecisionEntity, { customerId: In(customerIds), kind: In(['ASSIGN', 'RELEASE']) }),
  ]);
  return {
    registrations: regs.map((r) => ({ id: r.id, customerId: r.customerId, consultantId: r.consultantId, name: r.name, phone: r.phone, at: r.at.getTime(), correctsId: r.correctsId })),
    followUps: fus.map((f) => ({ customerId: f.customerId, consultantId: f.consultantId, at: f.at.getTime() })),
    decisions: decs.map((d) => ({ customerId: d.customerId, kind: d.kind as 'ASSIGN' | 'RELEASE', consultantId: d.consultantId, at: d.at.getTime() })),
  };
}

/** Customers as a viewer sees them (O9) with their owner now (O2, O3). */
export class CustomerRows {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly registerSettings: RegisterSettingsStore,
  ) {}

  /** Customers with their owner now and the phone as this viewer may see it (O9). A fixed number of queries. */
  async rows(p: Principal, siteId: number, ids: number[], timezone?: string): Promise<CustomerRow[]> {
    if (!ids.length) return [];
    const tz = timezone ?? (await this.accounts.requireSite(p, siteId)).timezone;
    const unique = [...new Set(ids)];
    const chunks: number[][] = [];
    for (let i = 0; i < unique.length; i += 1000) chunks.push(unique.slice(i, i + 1000));
    const s = await this.registerSettings.settingsIn(this.ds.manager, siteId, tz);
    const now = this.clock.now().getTime();
    const out: CustomerRow[] = [];
    const supervisor = hasRole(p, Role.MANAGER, Role.ADMIN);
    for (const chunk of chunks) {
      const [customers, input, deals] = await Promise.all([
        this.ds.getRepository(CustomerEntity).findBy({ id: In(chunk), siteId }),
        ownershipInputs(this.ds.manager, chunk),
        this.ds.getRepository(DealEntity).find({ where: { customerId: In(chunk) }, select: { customerId: true } }),
      ]);
      const closed = new Set(deals.map((d) => d.customerId));
      const byId = new Map(customers.map((c) => [c.id, c]));
      for (const id of chunk) {
        const c = byId.get(id);
        if (!c) continue;
        const ownership = ownershipAt(id, input, now, s);
        const mayRead = supervisor || ownership.ownerId === p.userId;
        out.push({
          customer: c,
          ownership,
          followUpDue: followUpDue(ownership, now, s.followUpDueDays),
          dealClosed: closed.has(id),
          phone: mayRead ? c.phone : null,
          phoneMasked: maskPhone(c.phone)!,
        });
      }
    }
    return out;
  }

  async requireCustomer(p: Principal, id: number): Promise<CustomerEntity> {
    const c = await this.ds.getRepository(CustomerEntity).findOneBy({ id });
    if (!c) throw notFound('Customer');
    await this.accounts.requireSite(p, c.siteId);
    return c;
  }
}
