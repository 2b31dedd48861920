import type { EntityManager } from 'typeorm';

/** A statement and its parameters, as TypeORM's `getQueryAndParameters` gives them. */
export type Statement = [sql: string, parameters: unknown[]];

/**
 * Statements of one transaction sent together: on MySQL as one multi-statement query, in one
 * round trip; on SQLite one after another. Issue 17: under a site's lock each round trip also
 * waits for a busy event loop to pick its reply up. Only for statements built with parameters
 * (by TypeORM's query builders): the pool allows several statements in one query for this.
 */
export async function runTogether(em: EntityManager, statements: Statement[]): Promise<void> {
  if (em.connection.options.type !== 'mysql') {
    for (const [sql, parameters] of statements) await em.query(sql, parameters);
    return;
  }
  if (statements.length) await em.query(statements.map(([sql]) => sql).join(';\n'), statements.flatMap(([, parameters]) => parameters));
}
