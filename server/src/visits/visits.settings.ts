import type { DataSource, EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import { forUpdate } from '../platform/db/locks.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput } from '../platform/errors.js';
import { changedKeys, pickValues, SettingsArea } from '../settings/domain/changes.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import { isValidRegion } from './domain/regions.js';
import { DEFAULT_VISIT_SETTINGS, type VisitSettings } from './domain/settings.js';
import { VisitSettingsEntity } from './visits.entity.js';

/** A site's visit rules (V1–V3) and the site's own region (V2): read, changed with their history. */
export class VisitSettingsStore {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly settingsHistory: SettingsHistoryService,
  ) {}

  async settings(p: Principal, siteId: number): Promise<VisitSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async updateSettings(
    p: Principal,
    siteId: number,
    input: Omit<VisitSettings, 'timezone'>,
  ): Promise<VisitSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    if (input.siteProvince || input.siteCity) {
      if (
        !input.siteProvince ||
        !input.siteCity ||
        !isValidRegion({
          province: input.siteProvince,
          city: input.siteCity,
          district: input.siteDistrict,
        })
      )
        throw badInput('siteCity', 'Not a known region');
    }
    const keys = Object.keys(DEFAULT_VISIT_SETTINGS);
    await this.tx.run(async (em) => {
      const before = pickValues(await this.settingsIn(em, siteId, site.timezone, true), keys);
      const after = pickValues(
        { ...input, siteDistrict: input.siteProvince ? input.siteDistrict : null },
        keys,
      );
      if (!changedKeys(before, after).length) return;
      await em.save(VisitSettingsEntity, { siteId, settings: JSON.stringify(after) });
      await this.settingsHistory.record(em, {
        siteId,
        area: SettingsArea.VISITS,
        at: this.clock.now(),
        byId: p.userId,
        before,
        after,
      });
    });
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async settingsIn(
    em: EntityManager,
    siteId: number,
    timezone: string,
    lock = false,
  ): Promise<VisitSettings> {
    const row = await em.findOne(VisitSettingsEntity, {
      where: { siteId },
      ...(lock ? forUpdate(em) : {}),
    });
    return {
      ...DEFAULT_VISIT_SETTINGS,
      ...(row ? (JSON.parse(row.settings) as Partial<VisitSettings>) : {}),
      timezone,
    };
  }
}
