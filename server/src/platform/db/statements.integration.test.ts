import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, EntityManager } from 'typeorm';
import { CompanyEntity } from '../../accounts/accounts.entity.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test-support/databases.js';
import { openDatabase } from './data-source.js';
import { runTogether, type Statement } from './statements.js';

const kinds = await databaseKinds();

// Issue 17: a floor batch's writes (log, receptions, head) go as one multi-statement query on
// MySQL. They must behave as the same statements sent one by one: all written, or none when one fails.
describe.each(kinds)('runTogether on %s', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    ds = await openDatabase(kind === 'mariadb' ? { type: 'mysql', url: db.url } : { type: 'better-sqlite3', file: db.url.slice('sqlite:'.length) });
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const insert = (em: EntityManager, name: string, id?: number): Statement =>
    em
      .createQueryBuilder()
      .insert()
      .into(CompanyEntity)
      .values({ ...(id ? { id } : {}), name, createdAt: new Date(Date.UTC(2025, 2, 10, 4, 5, 6, 789)) })
      .getQueryAndParameters();
  const names = async () => (await ds.getRepository(CompanyEntity).find({ order: { id: 'ASC' } })).map((c) => c.name);

  /** The queries the transaction's connection was sent (its COMMIT aside). */
  async function counting<T>(work: (em: EntityManager, sent: string[]) => Promise<T>) {
    const sent: string[] = [];
    return ds.transaction(async (em) => {
      const runner = em.queryRunner!;
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        if (!/^(COMMIT|ROLLBACK)/.test(sql)) sent.push(sql);
        return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof runner.query;
      return work(em, sent);
    });
  }

  it('issue 17: the statements are all written, with their own parameters (quotes, semicolons and question marks in values), in one query on MySQL', async () => {
    const sent = await counting(async (em, sent) => {
      await runTogether(em, [insert(em, "O'Neil; DROP TABLE companies; --"), insert(em, '问号?'), em.createQueryBuilder().update(CompanyEntity).set({ name: '改名' }).where({ name: '问号?' }).getQueryAndParameters()]);
      return sent;
    });
    expect(sent).toHaveLength(kind === 'mariadb' ? 1 : 3);
    expect(await names()).toEqual(["O'Neil; DROP TABLE companies; --", '改名']);
  });

  it('issue 17: when one statement fails, the transaction writes none of them', async () => {
    const before = await names();
    const taken = (await ds.getRepository(CompanyEntity).find())[0].id;
    await expect(ds.transaction((em) => runTogether(em, [insert(em, '前'), insert(em, '重复', taken), insert(em, '后')]))).rejects.toThrow();
    expect(await names()).toEqual(before);
  });
});
