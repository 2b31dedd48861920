import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** A column of the result: its entity, that entity's alias in the statement, its property. */
export type ColumnRef = readonly [EntityTarget<ObjectLiteral>, string, string];
/**
 * A value bound per call. No lists: `IN (:...ids)` changes the SQL with the list's length. No
 * booleans or dates either: TypeORM converts those per driver when it builds, and this does not
 * build per call (set them as fixed values inside `build`).
 */
export type Param = string | number;

interface Built<P extends string> {
  sql: string;
  /** Each positional parameter: the per-call parameter's name, or null for a fixed one. */
  slots: Array<P | null>;
  fixed: unknown[];
  columns: Array<readonly [string, ColumnMetadata]>;
  driver: Driver;
}

/**
 * Issue 17: a read built ONCE by TypeORM's query builder and then sent as it is with
 * `em.query` (so inside the caller's transaction when there is one), its rows read with the
 * driver's own conversions (dates, booleans, simple-array) into plain objects. On the floor's
 * hot path, building a query and hydrating entities per call cost as much CPU as running it.
 *
 * `build` gives FROM, joins, WHERE (`:name` for each per-call parameter), ORDER and lock;
 * the columns are selected here, each under its key in `Row`. Built per data source (driver).
 */
export class Prebuilt<Row extends object, P extends string = never> {
  private readonly built = new WeakMap<DataSource, Built<P>>();

  constructor(
    private readonly params: readonly P[],
    private readonly columns: { readonly [K in keyof Row]: ColumnRef },
    private readonly build: (qb: SelectQueryBuilder<ObjectLiteral>, ds: DataSource) => SelectQueryBuilder<ObjectLiteral>,
  ) {}

  async rows(em: EntityManager, values: Readonly<Record<P, Param>>): Promise<Row[]> {
    const ds = em.connection;
    let b = this.built.get(ds);
    if (!b) this.built.set(ds, (b = this.prepare(ds)));
    const args = b.slots.map((name, i) => (name === null ? b.fixed[i] : values[name]));
    const raw = (await em.query(b.sql, args)) as Array<Record<string, unknown>>;
    const { columns, driver } = b;
    return raw.map((r) => {
      const row: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const v = r[key];
        row[key] = v == null ? null : driver.prepareHydratedValue(v, column);
      }
      return row as Row;
    });
  }

  async first(em: EntityManager, values: Readonly<Record<P, Param>>): Promise<Row | null> {
    return (await this.rows(em, values))[0] ?? null;
  }

  /** The SQL as sent, for tests. */
  sqlFor(ds: DataSource): string {
    let b = this.built.get(ds);
    if (!b) this.built.set(ds, (b = this.prepare(ds)));
    return b.sql;
  }

  private prepare(ds: DataSource): Built<P> {
    const qb = this.build(ds.createQueryBuilder(), ds);
    const columns = Object.entries<ColumnRef>(this.columns).map(([key, [entity, alias, property]]) => {
      qb.addSelect(`${alias}.${property}`, key);
      const column = ds.getMetadata(entity).findColumnWithPropertyName(property);
      if (!column) throw new Error(`Prebuilt: no column ${property} in ${ds.getMetadata(entity).name}`);
      return [key, column] as const;
    });
    // Each per-call parameter is a unique object while building, so its positions in TypeORM's
    // emitted order (repeats included) are found by identity afterwards.
    const marks = new Map(this.params.map((name) => [{ name }, name]));
    for (const [mark, name] of marks) qb.setParameter(name, mark);
    const [sql, emitted] = qb.getQueryAndParameters();
    const slots = emitted.map((v) => marks.get(v as { name: P }) ?? null);
    const missing = this.params.filter((name) => !slots.includes(name));
    if (missing.length) throw new Error(`Prebuilt: parameter ${missing.join(', ')} not in ${sql}`);
    return { sql, slots, fixed: emitted.map((v, i) => (slots[i] === null ? v : undefined)), columns, driver: ds.driver };
  }
}
