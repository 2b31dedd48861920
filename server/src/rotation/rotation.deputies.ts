import { IsNull, MoreThanOrEqual, type DataSource } from 'typeorm';
import { UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, forbidden, notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { NextRead } from '../platform/next-read.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import { businessDay, deputyPeriodProblem, type RotationCommand } from './domain/index.js';
import { RotationDeputyEntity } from './rotation.entity.js';
import type { FloorDeputyView } from './rotation.types.js';
import type { Names } from './rotation.view.js';

/** R15: what only the manager (or a named deputy) does on the floor. */
export const SUPERVISOR_COMMANDS = new Set<RotationCommand['type']>(['MOVE', 'SKIP', 'REINSTATE', 'ASSIGN_BY_HAND', 'DECIDE_NON_BUYER', 'ACKNOWLEDGE_ALERT', 'RECORD_SAME_DAY_DEAL']);

function deputyView(r: RotationDeputyEntity, names: Names, today: string): FloorDeputyView {
  const who = (id: number) => ({ id, displayName: names.get(id) ?? `#${id}` });
  return { id: r.id, deputy: who(r.deputyId), manager: who(r.managerId), from: r.fromDay, to: r.toDay, active: r.fromDay <= today && today <= r.toDay };
}

// Issue 17: read for every floor command of a non-manager; built once (see Prebuilt).
const d = (property: keyof RotationDeputyEntity) => [RotationDeputyEntity, 'd', property] as const;
const SITE_DEPUTYSHIPS = new Prebuilt<RotationDeputyEntity, 'siteId'>(
  ['siteId'],
  { id: d('id'), siteId: d('siteId'), deputyId: d('deputyId'), managerId: d('managerId'), fromDay: d('fromDay'), toDay: d('toDay'), createdAt: d('createdAt'), revokedAt: d('revokedAt') },
  (qb) => qb.from(RotationDeputyEntity, 'd').where('d.siteId = :siteId AND d.revokedAt IS NULL'),
);

/** R15: the deputies a manager names to supervise the floor for them. */
export class Deputies {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly names: (companyId: number) => Promise<Names>,
  ) {}

  /** The deputyships naming this user at this site, not revoked (activeDeputyship picks the day's). */
  async deputyships(siteId: number, userId: number) {
    // The site's, read once for everyone asking at the same moment (NextRead), never from before they asked.
    const rows = await this.siteDeputyships.get(siteId, () => SITE_DEPUTYSHIPS.rows(this.ds.manager, { siteId }));
    return rows.filter((r) => r.deputyId === userId).map((r) => ({ ...r, revokedAt: null }));
  }

  private readonly siteDeputyships = new NextRead<number, RotationDeputyEntity[]>();

  /** Deputies named for today or later, earliest first. */
  async deputies(p: Principal, siteId: number): Promise<FloorDeputyView[]> {
    const site = await this.accounts.requireSite(p, siteId);
    const today = businessDay(this.clock.now(), site.timezone);
    const [rows, names] = await Promise.all([
      this.ds.getRepository(RotationDeputyEntity).find({ where: { siteId, revokedAt: IsNull(), toDay: MoreThanOrEqual(today) }, order: { fromDay: 'ASC', id: 'ASC' } }),
      this.names(p.companyId),
    ]);
    return rows.map((r) => deputyView(r, names, today));
  }

  /** R15: a manager names a deputy of the site for a period of business days. */
  async nameDeputy(p: Principal, siteId: number, input: { deputyId: string; from: string; to: string }): Promise<FloorDeputyView> {
    const site = await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only a manager names a deputy');
    const deputyId = parseId('deputyId', input.deputyId);
    if (deputyId === p.userId) throw badInput('deputyId', 'Name someone else as your deputy');
    const today = businessDay(this.clock.now(), site.timezone);
    const problem = deputyPeriodProblem(input.from, input.to, today);
    if (problem) throw badInput(problem.field, problem.message);
    const row = await this.tx.run(async (em) => {
      const link = await em.findOneBy(UserSiteEntity, { siteId, userId: deputyId });
      const user = link ? await em.findOneBy(UserEntity, { id: deputyId, companyId: p.companyId, disabled: false }) : null;
      if (!user) throw badInput('deputyId', 'Not an active person of this site');
      return em.save(
        em.create(RotationDeputyEntity, { siteId, deputyId, managerId: p.userId, fromDay: input.from, toDay: input.to, createdAt: this.clock.now(), revokedAt: null }),
      );
    });
    return deputyView(row, await this.names(p.companyId), today);
  }

  /** Ends a deputyship at once (a manager of the site). */
  async endDeputy(p: Principal, siteId: number, id: string): Promise<boolean> {
    await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only a manager ends a deputyship');
    const deputyshipId = parseId('id', id);
    await this.tx.run(async (em) => {
      const row = await em.findOneBy(RotationDeputyEntity, { id: deputyshipId, siteId, revokedAt: IsNull() });
      if (!row) throw notFound('Deputy');
      await em.update(RotationDeputyEntity, { id: row.id }, { revokedAt: this.clock.now() });
    });
    return true;
  }
}
