import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The figures of one closed business day of a site's floor log, folded once and kept: a day
 * is a fresh floor and no event is appended to it once it is over, so its facts never change.
 * A cache: deleting rows only makes the next figures query fold those days again.
 */
@Entity('figure_days')
export class FigureDayEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  /** DayFacts as JSON. */
  @Column({ type: 'text' }) facts: string;
  @Column({ type: 'datetime', precision: 3 }) computedAt: Date;
}

export const figuresEntities = [FigureDayEntity];
