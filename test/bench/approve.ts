// Appointment benchmark on MariaDB: C concurrent clients request and approve visit
// appointments through GraphQL (each approval books a room under its row lock, reserves a
// projector and writes the checklist tasks, P1/P2/C3), then the same number of approvals race
// for ONE room at overlapping times. Prints throughput and latency and checks the stored
// bookings: no two active bookings of a room, and no two reservations of an item, overlap.
//
//   pnpm --filter @reception/test bench:approve
//   BENCH_OPS=400 BENCH_CONCURRENCY=20 pnpm --filter @reception/test bench:approve
import os from 'node:os';
import mysql from 'mysql2/promise';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startServer } from '../support/server.js';
import { fmt, machine, must, summary, wallMs } from './support.js';

const OPS = Number(process.env.BENCH_OPS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const RACE = Number(process.env.BENCH_RACE ?? 100);
const HOUR = 3600_000;

async function drive<T>(lanes: number, items: T[], op: (item: T) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = wallMs();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t = wallMs();
        await op(item);
        latencies.push(wallMs() - t);
      }
    }),
  );
  const seconds = (wallMs() - t0) / 1000;
  return { seconds, throughput: latencies.length / seconds, ...summary(latencies) };
}

async function main() {
  if (!(await mariadbAvailable())) throw new Error('MariaDB is not reachable at 127.0.0.1:3306');
  const db = await createMariadbDatabase();
  const server = await startServer({ env: { DATABASE_URL: db.url, LOG_LEVEL: 'info', DEMO_DATA: 'true' } });
  try {
    const url = server.url;
    const admin = await login(url, 'admin');
    const manager = await login(url, 'manager');
    const wang = await login(url, 'wang');
    const { sites } = await must<{ sites: Array<{ id: string; code: string }> }>(gql(url, '{ sites { id code } }', undefined, admin));
    const siteId = sites.find((s) => s.code === 'BJ')!.id;
    const { departments } = await must<{ departments: Array<{ id: string; name: string }> }>(gql(url, '{ departments { id name } }', undefined, admin));
    const lead = departments.find((d) => d.name === '总经理办公室')!.id; // headed by manager in the demo
    const { categories } = await must<{ categories: Array<{ id: string; code: string }> }>(gql(url, '{ categories { id code } }', undefined, admin));
    const categoryB = categories.find((c) => c.code === 'B')!.id; // room + projector, three checklist items

    // As many rooms and projectors as lanes, so the first phase contends only on what it must.
    const rooms: string[] = [];
    for (let i = 0; i < CONCURRENCY; i++) {
      const r = await must<{ createRoom: { id: string } }>(
        gql(url, 'mutation($s: ID!, $i: RoomInput!) { createRoom(siteId: $s, input: $i) { id } }', { s: siteId, i: { name: `Bench ${i}`, capacity: 20 } }, admin),
      );
      rooms.push(r.createRoom.id);
      await must(gql(url, 'mutation($s: ID!, $i: EquipmentInput!) { createEquipment(siteId: $s, input: $i) { id } }', { s: siteId, i: { kind: 'projector', name: `Bench projector ${i}` } }, admin));
    }

    const REQUEST = 'mutation($s: ID!, $i: AppointmentRequestInput!) { requestAppointment(siteId: $s, input: $i) { id } }';
    const APPROVE = 'mutation($id: ID!) { approveAppointment(id: $id, input: { acknowledgeLate: true }) { id state } }';
    const base = Date.now() + 30 * 24 * HOUR;
    const input = (room: string, slot: number, minutes = 60) => ({
      categoryId: categoryB,
      purpose: `bench ${slot}`,
      visitorCompany: 'Bench Ltd',
      headcount: 4,
      hosts: 2,
      startAt: new Date(base + slot * HOUR).toISOString(),
      endAt: new Date(base + slot * HOUR + minutes * 60_000).toISOString(),
      leadDepartmentId: lead,
      roomId: room,
    });

    // Phase 1: request + approve, each lane in its own room, consecutive hours.
    const slots = Array.from({ length: OPS }, (_, i) => i);
    const requestStats = { lat: [] as number[] };
    const approveStats = { lat: [] as number[] };
    const flow = await drive(CONCURRENCY, slots, async (i) => {
      const lane = i % CONCURRENCY;
      let t = wallMs();
      const r = await must<{ requestAppointment: { id: string } }>(gql(url, REQUEST, { s: siteId, i: input(rooms[lane], Math.floor(i / CONCURRENCY)) }, wang));
      requestStats.lat.push(wallMs() - t);
      t = wallMs();
      await must(gql(url, APPROVE, { id: r.requestAppointment.id }, manager));
      approveStats.lat.push(wallMs() - t);
    });

    // Phase 2: RACE requests for one room at overlapping times (each overlaps the next), approved all at once.
    const raceRoom = rooms[0];
    const raceBase = OPS + 10;
    const pending: string[] = [];
    for (let i = 0; i < RACE; i++) {
      // 30-minute steps of 90-minute meetings: every request overlaps its neighbours.
      const r = await must<{ requestAppointment: { id: string } }>(
        gql(url, REQUEST, { s: siteId, i: { ...input(raceRoom, raceBase, 90), startAt: new Date(base + raceBase * HOUR + i * 30 * 60_000).toISOString(), endAt: new Date(base + raceBase * HOUR + i * 30 * 60_000 + 90 * 60_000).toISOString() } }, wang),
      );
      pending.push(r.requestAppointment.id);
    }
    let won = 0;
    let refused = 0;
    const race = await drive(CONCURRENCY, pending, async (id) => {
      const r = await gql(url, APPROVE, { id }, manager);
      if (!r.errors) won += 1;
      else if (r.errors[0].extensions?.reason === 'P2_ROOM_TAKEN') refused += 1;
      else throw new Error(JSON.stringify(r.errors));
    });

    // The proof: no overlapping active bookings per room, no double-reserved item.
    const c = await mysql.createConnection({ uri: db.url });
    const [roomClash] = await c.query(
      'SELECT COUNT(*) AS n FROM room_bookings a JOIN room_bookings b ON a.roomId = b.roomId AND a.id < b.id AND a.active = 1 AND b.active = 1 AND a.startAt < b.endAt AND b.startAt < a.endAt',
    );
    const [itemClash] = await c.query(
      'SELECT COUNT(*) AS n FROM equipment_reservations a JOIN equipment_reservations b ON a.equipmentId = b.equipmentId AND a.id < b.id AND a.active = 1 AND b.active = 1 AND a.startAt < b.endAt AND b.startAt < a.endAt',
    );
    const [tasks] = await c.query("SELECT COUNT(*) AS n FROM appointment_tasks WHERE state = 'OPEN'");
    await c.end();

    const req = summary(requestStats.lat);
    const appr = summary(approveStats.lat);
    console.log(`machine: ${machine()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, MariaDB`);
    console.log(`request + approve, ${OPS} appointments, ${CONCURRENCY} clients, one room each:`);
    console.log(`  ${flow.throughput.toFixed(1)} appointments/s over ${flow.seconds.toFixed(1)} s`);
    console.log(`  request p50 ${fmt(req.p50)} p99 ${fmt(req.p99)}; approve p50 ${fmt(appr.p50)} p99 ${fmt(appr.p99)} (books room, reserves projector, writes tasks)`);
    console.log(`race: ${RACE} overlapping approvals of one room, ${CONCURRENCY} at a time:`);
    console.log(`  ${won} approved, ${refused} refused P2_ROOM_TAKEN; p50 ${fmt(race.p50)} p99 ${fmt(race.p99)}; ${race.throughput.toFixed(1)} decisions/s`);
    console.log(`check: overlapping active room bookings ${(roomClash as Array<{ n: number }>)[0].n}, double-reserved items ${(itemClash as Array<{ n: number }>)[0].n}, open tasks ${(tasks as Array<{ n: number }>)[0].n}`);
    if (Number((roomClash as Array<{ n: number }>)[0].n) || Number((itemClash as Array<{ n: number }>)[0].n)) process.exitCode = 1;
  } catch (err) {
    console.error(server.output().split('\n').filter((l) => l.includes('"level":50')).slice(0, 3).join('\n'));
    throw err;
  } finally {
    await server.stop();
    await db.drop();
  }
}

await main();
