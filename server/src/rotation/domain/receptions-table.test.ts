import { describe, expect, it } from 'vitest';
import { Receptions, type Reception } from './types.js';

const r = (id: string, n: number) => ({ id, arrivedAt: n }) as unknown as Reception;

describe("today's receptions, copied on write (issue 17)", () => {
  it('a copy and its source change apart, each reading like a Map in insertion order', () => {
    const a = new Receptions([['r1', r('r1', 1)], ['r2', r('r2', 2)]]);
    const b = new Receptions(a);
    b.set('r2', r('r2', 20)).set('r3', r('r3', 3));
    a.set('r4', r('r4', 4));
    expect([...a].map(([id, x]) => `${id}:${x.arrivedAt}`)).toEqual(['r1:1', 'r2:2', 'r4:4']);
    expect([...b].map(([id, x]) => `${id}:${x.arrivedAt}`)).toEqual(['r1:1', 'r2:20', 'r3:3']);
    expect([a.size, b.size]).toEqual([3, 3]);
    expect(b.get('r4')).toBeUndefined();
    expect(JSON.stringify(b)).toBe(JSON.stringify({ r1: r('r1', 1), r2: r('r2', 20), r3: r('r3', 3) }));
  });

  it('random sets, deletes and copies give what a Map gives, through many generations', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    let table = new Receptions();
    let model = new Map<string, Reception>();
    const copies: Array<[Receptions, Array<[string, number]>]> = [];
    for (let i = 0; i < 5_000; i++) {
      const id = `r${rand(400)}`;
      const op = rand(20);
      if (op === 0) {
        expect(table.delete(id)).toBe(model.delete(id));
      } else if (op < 4) {
        // Copy: the older table is kept and checked at the end, unchanged by what follows.
        copies.push([table, [...model].map(([k, v]) => [k, v.arrivedAt])]);
        table = new Receptions(table);
        model = new Map(model);
      } else {
        const x = r(id, i);
        table.set(id, x);
        model.set(id, x);
      }
      expect(table.get(id)).toBe(model.get(id));
      expect(table.size).toBe(model.size);
    }
    expect([...table.keys()]).toEqual([...model.keys()]);
    expect([...table.values()]).toEqual([...model.values()]);
    for (const [old, seen] of copies) expect([...old].map(([k, v]) => [k, v.arrivedAt])).toEqual(seen);
  });
});
