// Demo register: a handful of customers in different states of ownership (O2, O3) and a deal.
import type { EntityManager } from 'typeorm';
import { CustomerEntity, DealEntity, FollowUpEntity, RegistrationEntity } from '../customers/customers.entity.js';

const DAY = 24 * 3600_000;

interface DemoCustomer {
  name: string;
  phone: string;
  /** Index into the site's consultants. */
  by: number;
  registeredDaysAgo: number;
  followUpsDaysAgo: number[];
  dealDaysAgo?: number;
  intent: { budget?: string; size?: string; source?: string };
}

const CUSTOMERS: DemoCustomer[] = [
  { name: '钱先生', phone: '13544445555', by: 0, registeredDaysAgo: 20, followUpsDaysAgo: [14, 8, 3], intent: { budget: '300万', size: '120㎡', source: '朋友介绍' } },
  { name: '何先生', phone: '13755556666', by: 0, registeredDaysAgo: 40, followUpsDaysAgo: [35, 28, 21], dealDaysAgo: 18, intent: { budget: '450万', size: '143㎡', source: '网络' } },
  { name: '陈先生', phone: '13911112222', by: 1, registeredDaysAgo: 10, followUpsDaysAgo: [6], intent: { budget: '200万', size: '89㎡', source: '路过' } },
  { name: '林女士', phone: '13633334444', by: 2, registeredDaysAgo: 30, followUpsDaysAgo: [], intent: { size: '100㎡', source: '户外广告' } },
  { name: '黄女士', phone: '13822223333', by: 3, registeredDaysAgo: 2, followUpsDaysAgo: [1], intent: { budget: '260万', source: '老带新' } },
];

export async function seedCustomers(em: EntityManager, siteId: number, consultants: number[], managerId: number, now: Date) {
  for (const c of CUSTOMERS) {
    const consultantId = consultants[c.by];
    const at = new Date(now.getTime() - c.registeredDaysAgo * DAY);
    const customer = await em.save(em.create(CustomerEntity, { siteId, name: c.name, phone: c.phone, phoneLast4: c.phone.slice(-4), createdAt: at }));
    await em.insert(RegistrationEntity, {
      siteId,
      customerId: customer.id,
      consultantId,
      name: c.name,
      phone: c.phone,
      at,
      correctsId: null,
      intent: JSON.stringify(c.intent),
      createdBy: consultantId,
    });
    for (const d of c.followUpsDaysAgo) {
      await em.insert(FollowUpEntity, { customerId: customer.id, consultantId, at: new Date(now.getTime() - d * DAY), kind: 'CALL', note: null, nextAt: null });
    }
    if (c.dealDaysAgo !== undefined) {
      const dealAt = new Date(now.getTime() - c.dealDaysAgo * DAY);
      await em.insert(DealEntity, {
        siteId,
        customerId: customer.id,
        buyerName: c.name,
        dealAt,
        units: 1,
        credit: JSON.stringify([{ consultantId, share: 1 }]),
        attribution: JSON.stringify({ consultantId, rule: 'O7', lookedBack: false, buyerMatches: true, lookbackDays: 7 }),
        recordedBy: managerId,
        createdAt: dealAt,
      });
    }
  }
}
