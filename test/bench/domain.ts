// The rotation domain alone (issue 17): CPU per command (decide + evolve) and per event of a
// fold (evolve), late in a busy day, when the state holds the day's receptions. No database, no
// server: what the site's lock holder spends in the process per command.
//
//   pnpm --filter @reception/test bench:domain
//   BENCH_CONSULTANTS=10 BENCH_WALK_INS=400 pnpm --filter @reception/test bench:domain
import os from 'node:os';
import { seeded, simulateDay, weeklyShifts } from '../../server/src/demo/floor-day.js';
import {
  businessDay,
  DEFAULT_ROTATION_SETTINGS,
  initialState,
  replay,
  shiftsForDay,
} from '../../server/src/rotation/domain/index.js';
import { machine } from './support.js';

const CONSULTANTS = Number(process.env.BENCH_CONSULTANTS ?? 50);
const WALK_INS = Number(process.env.BENCH_WALK_INS ?? 800);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TZ = 'Asia/Shanghai';

const ids = Array.from({ length: CONSULTANTS }, (_, i) => i + 100);
const templates = weeklyShifts(ids);
const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
const day = businessDay(Date.UTC(2026, 0, 5, 4), TZ);

console.log(
  `rotation domain — ${machine()}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}; ` +
    `${CONSULTANTS} consultants, ~${WALK_INS} walk-ins in a day, best of ${ROUNDS}`,
);
let best = { simulate: Infinity, fold: Infinity };
let events = 0;
let receptions = 0;
for (let round = 0; round < ROUNDS; round++) {
  const t0 = process.hrtime.bigint();
  // decide + evolve for each command, as the lock holder does (and the shifts of the day).
  const sim = simulateDay(initialState(), {
    day,
    consultants: ids,
    deskId: 1,
    managerId: 2,
    settings,
    shifts: shiftsForDay(templates, [], day, TZ),
    walkIns: WALK_INS,
    registerShare: 0.45,
    rnd: seeded(17),
  });
  const t1 = process.hrtime.bigint();
  // evolve alone: another instance catching up, or a fold from the snapshot.
  replay(sim.events.map((e) => e.event));
  const t2 = process.hrtime.bigint();
  events = sim.events.length;
  receptions = sim.state.receptions.size;
  best = {
    simulate: Math.min(best.simulate, Number(t1 - t0) / 1e3),
    fold: Math.min(best.fold, Number(t2 - t1) / 1e3),
  };
}
console.log(
  `  a day: ${events} events, ${receptions} receptions at its end` +
    `\n  decide + evolve: ${(best.simulate / events).toFixed(0)} µs per event (the day: ${(best.simulate / 1e3).toFixed(0)} ms)` +
    `\n  evolve alone (a fold): ${(best.fold / events).toFixed(0)} µs per event (the day: ${(best.fold / 1e3).toFixed(0)} ms)`,
);
