import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SettingsArea } from './domain/changes.js';

/** One saved change of a site's settings: who, when, the values before and after (JSON). Append-only. */
@Entity('settings_changes')
@Index(['siteId', 'area', 'at'])
export class SettingsChangeEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'varchar', length: 16 }) area: SettingsArea;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ type: 'int' }) byId: number;
  @Column({ type: 'text' }) before: string;
  @Column({ type: 'text' }) after: string;
}

export const settingsEntities = [SettingsChangeEntity];
