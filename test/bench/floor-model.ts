// The busy floor of bench:floor (issue 17), as data: who walks in when, and what they say at the
// desk. Seeded, so two runs (or old and new code) see the same day.

import { seeded } from '../../server/src/demo/floor-day.js';

/** The demo's seeded generator (mulberry32): the same seed gives the same floor. */
export { seeded };

/** Minutes until the next event of a Poisson process with this mean interval. */
const expo = (rand: () => number, mean: number) => -Math.log(1 - rand()) * mean;
export const between = (rand: () => number, lo: number, hi: number) => lo + rand() * (hi - lo);

/** What the desk is told: R6–R8 kinds, and whether the walk-in gives a phone. */
export type Arrival =
  | { at: number; bus: boolean; kind: 'ASKING_WAY' | 'LOOKING_FOR_SOMEONE' }
  | { at: number; bus: boolean; kind: 'NEW'; partySize: number }
  /** A phone is given: the desk looks it up (R7); `known` numbers are in the register. */
  | { at: number; bus: boolean; kind: 'PHONE'; known: boolean; partySize: number }
  /** R8: an old customer from the register brings them along. */
  | { at: number; bus: boolean; kind: 'BROUGHT_ALONG'; partySize: number };

export interface FloorShape {
  minutes: number;
  /** Mean floor minutes between buses (a Poisson process); each brings `busSize` people within two minutes. */
  busEvery: number;
  busSize: [number, number];
  /** Mean floor minutes between single walk-ins, between the buses. */
  singleEvery: number;
}

function arrival(rand: () => number, at: number, bus: boolean): Arrival {
  const x = rand();
  const partySize = 1 + Math.floor(rand() * 3);
  if (x < 0.04) return { at, bus, kind: 'ASKING_WAY' };
  if (x < 0.07) return { at, bus, kind: 'LOOKING_FOR_SOMEONE' };
  if (x < 0.19) return { at, bus, kind: 'BROUGHT_ALONG', partySize };
  if (x < 0.64) return { at, bus, kind: 'PHONE', known: rand() < 0.2, partySize };
  return { at, bus, kind: 'NEW', partySize };
}

/** Every walk-in of the run, by floor minute: buses of several people, and single walk-ins. */
export function arrivals(rand: () => number, shape: FloorShape): Arrival[] {
  const out: Arrival[] = [];
  for (let t = expo(rand, shape.busEvery); t < shape.minutes; t += expo(rand, shape.busEvery)) {
    const [lo, hi] = shape.busSize;
    const n = lo + Math.floor(rand() * (hi - lo + 1));
    for (let i = 0; i < n; i++) out.push(arrival(rand, t + rand() * 2, true));
  }
  for (let t = expo(rand, shape.singleEvery); t < shape.minutes; t += expo(rand, shape.singleEvery))
    out.push(arrival(rand, t, false));
  return out.filter((a) => a.at < shape.minutes).sort((a, b) => a.at - b.at);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
export const customerName = (rand: () => number) =>
  `${SURNAMES[Math.floor(rand() * SURNAMES.length)]}${rand() < 0.5 ? '先生' : '女士'}`;

const BARS = '▁▂▃▄▅▆▇█';
/** `values` in `width` columns (each the largest of its slice), scaled to the largest. */
export function sparkline(values: number[], width: number): string {
  const cols = Math.min(width, values.length);
  const top = Math.max(1, ...values);
  return Array.from({ length: cols }, (_, i) => {
    const slice = values.slice(
      Math.floor((i * values.length) / cols),
      Math.floor(((i + 1) * values.length) / cols),
    );
    const v = Math.max(0, ...slice);
    return v === 0
      ? ' '
      : BARS[Math.min(BARS.length - 1, Math.floor((v / top) * BARS.length - 1e-9))];
  }).join('');
}
