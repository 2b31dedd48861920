import { describe, expect, it } from 'vitest';
import { SharedBoards } from './shared-boards.js';

describe('SharedBoards (issue 17: the first board built once per seq, not per socket)', () => {
  it('issue 17: subscribers at one key share one build; it is rebuilt after the time, a clock move, forget() or a failure', async () => {
    let real = 0;
    let clock = new Date('2026-12-07T08:00:00Z');
    const boards = new SharedBoards<{ n: number }>({ now: () => clock }, 1000, () => real);
    let builds = 0;
    const build = async () => ({ n: ++builds });
    const first = await Promise.all([boards.get('1:5:', build), boards.get('1:5:', build), boards.get('1:5:', build)]);
    expect(builds).toBe(1);
    expect(first[0]).toBe(first[1]);
    expect(first[0]).toBe(first[2]);
    // Another seq or catch-up point is another board.
    await boards.get('1:6:', build);
    await boards.get('1:5:3', build);
    expect(builds).toBe(3);

    real = 999;
    expect(await boards.get('1:5:', build)).toBe(first[0]);
    real = 1000;
    expect((await boards.get('1:5:', build)).n).toBe(4);

    clock = new Date('2026-12-07T08:00:05Z');
    expect((await boards.get('1:5:', build)).n).toBe(5);
    // Old entries are dropped when a new one is built.
    expect(boards.size).toBe(1);

    boards.forget();
    expect((await boards.get('1:5:', build)).n).toBe(6);

    const failing = boards.get('2:1:', async () => Promise.reject(new Error('database away')));
    await expect(failing).rejects.toThrow('database away');
    expect((await boards.get('2:1:', build)).n).toBe(7);
  });
});
