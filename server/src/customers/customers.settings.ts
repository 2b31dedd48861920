import type { DataSource, EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import { forUpdate as rowLock } from '../platform/db/locks.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput } from '../platform/errors.js';
import { changedKeys, pickValues, SettingsArea } from '../settings/domain/changes.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import { DEFAULT_FOLLOW_UP_DUE_DAYS, gradeKeys, INTENT_GRADES, type IntentGrade } from './domain/follow-up-due.js';
import { DEFAULT_OWNERSHIP_SETTINGS, type OwnershipSettings } from './domain/ownership.js';
import { CustomerSettingsEntity } from './customers.entity.js';

/**
 * A site's register settings as stored (flat values, so the settings history diffs them):
 * O3, O7, and (issue 13) the follow-up-due window and the intent grades' wording.
 */
const REGISTER_DEFAULTS: Record<string, string | number | null> = {
  ...DEFAULT_OWNERSHIP_SETTINGS,
  followUpDueDays: DEFAULT_FOLLOW_UP_DUE_DAYS,
  ...Object.fromEntries(INTENT_GRADES.flatMap((g) => Object.values(gradeKeys(g)).map((k) => [k, null]))),
};

export interface RegisterSettings extends OwnershipSettings {
  followUpDueDays: number;
  /** Null label or description: the default wording. */
  grades: Array<{ grade: IntentGrade; label: string | null; description: string | null }>;
}

export interface RegisterSettingsInput {
  followUpDays: number;
  dealLookbackDays: number;
  followUpDueDays?: number | null;
  grades?: Array<{ grade: string; label?: string | null; description?: string | null }> | null;
}

/** A site's register settings (O3, O7, issue 13): read, changed with their history, read in a transaction. */
export class RegisterSettingsStore {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly settingsHistory: SettingsHistoryService,
  ) {}

  async settings(p: Principal, siteId: number): Promise<RegisterSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async updateSettings(p: Principal, siteId: number, input: RegisterSettingsInput) {
    const site = await this.accounts.requireSite(p, siteId);
    const keys = Object.keys(REGISTER_DEFAULTS);
    const given: Record<string, string | number | null> = { followUpDays: input.followUpDays, dealLookbackDays: input.dealLookbackDays };
    if (input.followUpDueDays !== undefined && input.followUpDueDays !== null) given.followUpDueDays = input.followUpDueDays;
    for (const [i, g] of (input.grades ?? []).entries()) {
      if (!(INTENT_GRADES as readonly string[]).includes(g.grade)) throw badInput(`grades.${i}.grade`, 'Unknown grade');
      const k = gradeKeys(g.grade as IntentGrade);
      // Blank wording goes back to the default.
      given[k.label] = g.label?.trim() || null;
      given[k.description] = g.description?.trim() || null;
    }
    await this.tx.run(async (em) => {
      // Under the row's lock, so two saves at once each record what the other left.
      const stored = await this.storedSettings(em, siteId, true);
      const before = pickValues(stored, keys);
      // Settings not in the input keep their value.
      const after = pickValues({ ...stored, ...given }, keys);
      if (!changedKeys(before, after).length) return;
      await em.save(CustomerSettingsEntity, { siteId, settings: JSON.stringify(after) });
      await this.settingsHistory.record(em, { siteId, area: SettingsArea.CUSTOMERS, at: this.clock.now(), byId: p.userId, before, after });
    });
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  private async storedSettings(em: EntityManager, siteId: number, forUpdate = false): Promise<Record<string, string | number | null>> {
    const row = await em.findOne(CustomerSettingsEntity, {
      where: { siteId },
      // FOR UPDATE on MySQL; SQLite's transactions are already one at a time.
      ...(forUpdate ? rowLock(em) : {}),
    });
    return { ...REGISTER_DEFAULTS, ...(row ? (JSON.parse(row.settings) as Record<string, string | number | null>) : {}) };
  }

  async settingsIn(em: EntityManager, siteId: number, timezone: string, forUpdate = false): Promise<RegisterSettings> {
    const v = await this.storedSettings(em, siteId, forUpdate);
    const str = (x: unknown) => (typeof x === 'string' ? x : null);
    return {
      followUpDays: Number(v.followUpDays),
      dealLookbackDays: Number(v.dealLookbackDays),
      followUpDueDays: Number(v.followUpDueDays),
      grades: INTENT_GRADES.map((grade) => ({ grade, label: str(v[gradeKeys(grade).label]), description: str(v[gradeKeys(grade).description]) })),
      timezone,
    };
  }
}
