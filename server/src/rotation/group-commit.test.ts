import { describe, expect, it } from 'vitest';
import { GroupCommit, type Outcome } from './group-commit.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('issue 17: group commit of the commands waiting on one site', () => {
  it('commands arriving while a batch runs go together in the next one, in arrival order', async () => {
    const batches: number[][] = [];
    const g = new GroupCommit<number, number>(async (_key, jobs) => {
      batches.push(jobs);
      await tick();
      return jobs.map((j) => ({ ok: true, value: j * 10 }));
    });
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => g.submit(1, i)));
    expect(answers).toEqual([0, 10, 20, 30, 40, 50, 60]);
    // The first goes alone at once; the six that came while it ran go as one.
    expect(batches).toEqual([[0], [1, 2, 3, 4, 5, 6]]);
  });

  it('commands arriving while a batch waits for its lock join it (after the first, in order), up to maxBatch; the rest go next', async () => {
    const batches: number[][] = [];
    const g = new GroupCommit<number, number>(async (_key, jobs, join) => {
      await tick(); // waiting for the site's lock
      const all = [...jobs, ...join()];
      batches.push(all);
      await tick();
      return all.map((j) => ({ ok: true, value: j * 10 }));
    }, 4);
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => g.submit(1, i)));
    expect(answers).toEqual([0, 10, 20, 30, 40, 50, 60]);
    // Without join the first would go alone and the six behind it wait a whole cycle.
    expect(batches).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('a joined command whose batch fails runs again alone like the others; a refused one is refused alone', async () => {
    const g = new GroupCommit<number, number>(async (_key, jobs, join) => {
      await tick();
      const all = [...jobs, ...join()];
      if (all.length > 1 && all.includes(3)) throw new Error('deadlock');
      return all.map((j): Outcome<number> => (j === 2 ? { ok: false, error: new Error('refused') } : { ok: true, value: j }));
    });
    const settled = await Promise.allSettled([0, 1, 2, 3].map((i) => g.submit(1, i)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([0, 1, 'refused', 3]);
  });

  it('sites do not wait on each other, and a batch is at most maxBatch commands', async () => {
    const batches: Array<[number, number[]]> = [];
    const g = new GroupCommit<number, number>(async (key, jobs) => {
      batches.push([key, jobs]);
      await tick();
      return jobs.map((j) => ({ ok: true, value: j }));
    }, 3);
    await Promise.all([...[1, 2, 3, 4, 5, 6].map((i) => g.submit(1, i)), g.submit(2, 100)]);
    expect(batches).toEqual([
      [1, [1]],
      [2, [100]],
      [1, [2, 3, 4]],
      [1, [5, 6]],
    ]);
  });

  it('a refused command is refused alone; the others of its batch go through', async () => {
    const g = new GroupCommit<number, number>(async (_key, jobs) => {
      await tick();
      return jobs.map((j): Outcome<number> => (j % 2 ? { ok: false, error: new Error(`no ${j}`) } : { ok: true, value: j }));
    });
    const settled = await Promise.allSettled([0, 1, 2, 3].map((i) => g.submit(1, i)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([0, 'no 1', 2, 'no 3']);
  });

  it('when a batch fails (its transaction is gone), each command runs again alone: only the faulty one fails', async () => {
    const runs: number[][] = [];
    const g = new GroupCommit<number, number>(async (_key, jobs) => {
      runs.push(jobs);
      await tick();
      if (jobs.includes(3)) throw new Error('duplicate key');
      return jobs.map((j) => ({ ok: true, value: j }));
    });
    const settled = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => g.submit(1, i)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([0, 1, 2, 'duplicate key', 4]);
    expect(runs).toEqual([[0], [1, 2, 3, 4], [1], [2], [3], [4]]);
  });

  it('keeps serving a site after a failure, and forgets a site once nobody waits', async () => {
    let fail = true;
    const g = new GroupCommit<number, number>(async (_key, jobs) => {
      await tick();
      if (fail) throw new Error('database away');
      return jobs.map((j) => ({ ok: true, value: j }));
    });
    await expect(g.submit(5, 1)).rejects.toThrow('database away');
    fail = false;
    await expect(g.submit(5, 2)).resolves.toBe(2);
    expect((g as unknown as { waiting: Map<number, unknown> }).waiting.size).toBe(0);
  });
});
