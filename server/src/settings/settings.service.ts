import type { DataSource, EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { Principal } from '../accounts/domain/roles.js';
import { changedKeys, type SettingsArea, type SettingsValues } from './domain/changes.js';
import { SettingsChangeEntity } from './settings.entity.js';

export interface SettingsChange {
  id: number;
  siteId: number;
  area: SettingsArea;
  at: Date;
  byId: number;
  before: SettingsValues;
  after: SettingsValues;
  changed: string[];
}

/** Who changed a site's settings, when, from what to what. Features record; admins and managers read. */
export class SettingsHistoryService {
  constructor(
    private readonly ds: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * Appends a change in the caller's transaction (the one that saves the settings), or
   * nothing when no value differs. Says whether anything changed.
   */
  async record(
    em: EntityManager,
    change: { siteId: number; area: SettingsArea; at: Date; byId: number; before: SettingsValues; after: SettingsValues },
  ): Promise<boolean> {
    if (!changedKeys(change.before, change.after).length) return false;
    await em.insert(SettingsChangeEntity, { ...change, before: JSON.stringify(change.before), after: JSON.stringify(change.after) });
    return true;
  }

  /** The site's changes in one area, newest first. */
  async history(p: Principal, siteId: number, area: SettingsArea, limit: number): Promise<SettingsChange[]> {
    await this.accounts.requireSite(p, siteId);
    const rows = await this.ds.getRepository(SettingsChangeEntity).find({
      where: { siteId, area },
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows.map((r) => {
      const before = JSON.parse(r.before) as SettingsValues;
      const after = JSON.parse(r.after) as SettingsValues;
      return { ...r, before, after, changed: changedKeys(before, after) };
    });
  }
}
