import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { createMariadbDatabase, mariadbAvailable, REDIS_URL } from '../support/mariadb.js';
import { gql, login, startServer, type RunningServer } from '../support/server.js';

const available = await mariadbAvailable();
if (!available)
  console.warn(
    'appointments-concurrency: MariaDB is not reachable; skipped (set REQUIRE_MARIADB=1 to make this a failure)',
  );

// P2 and C3 under load: two real server processes share one MariaDB database (and Redis).
// Requests for overlapping times in one room (or for one kind of equipment) are created
// first, then every approval is fired at once across both processes. Exactly one approval
// per group of mutually overlapping times wins the room (two for two projectors); every
// other is refused with its rule's code; and the database, read directly, holds no two
// active bookings of one room, nor reservations of one item, that overlap.

type Reply = {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};

const MINUTE = 60_000;
const PASSWORD = 'concurrency-1234';
const REQUEST = `mutation($s: ID!, $i: AppointmentRequestInput!) { requestAppointment(siteId: $s, input: $i) { id state startAt endAt } }`;
const APPROVE = `mutation($id: ID!) { approveAppointment(id: $id) { id state } }`;

/**
 * Five intervals (minutes from the slot's start) that all share minutes 29–31, so any two
 * overlap; all lie inside [0, 60], so slots an hour apart only touch.
 */
const VARIANTS: Array<[number, number]> = [
  [0, 60],
  [10, 50],
  [20, 40],
  [0, 31],
  [29, 60],
];

describe.skipIf(!available)(
  'P2/C3 under load: parallel approvals from two processes on one MariaDB',
  () => {
    let db: { url: string; drop(): Promise<void> };
    let a: RunningServer;
    let b: RunningServer;
    let conn: mysql.Connection;
    const token: Record<string, string> = {};
    let site: string;
    let leadDepartment: string;
    let withRoom: string;
    let withoutRoom: string;
    /** A whole hour a month ahead: far from anything the demo data books. */
    const base = Math.ceil((Date.now() + 30 * 24 * 60 * MINUTE) / (60 * MINUTE)) * 60 * MINUTE;
    const server = (i: number) => (i % 2 === 0 ? a.url : b.url);

    async function ok(url: string, query: string, variables: Record<string, unknown>, as: string) {
      const r = (await gql(url, query, variables, token[as])) as Reply;
      expect(r.errors, query.slice(0, 60)).toBeUndefined();
      return r.data!;
    }
    /**
     * A watchdog, not a wait: a reply that never comes (transactions waiting on each other for
     * pooled connections or locks) is counted as NO_ANSWER instead of hanging the test.
     */
    const answered = (reply: Promise<unknown>): Promise<Reply> => {
      let timer: NodeJS.Timeout | undefined;
      const silence = new Promise<Reply>((resolve) => {
        timer = setTimeout(
          () =>
            resolve({
              errors: [{ message: 'no answer in 20 s', extensions: { code: 'NO_ANSWER' } }],
            }),
          20_000,
        );
      });
      return Promise.race([reply as Promise<Reply>, silence]).finally(() => clearTimeout(timer));
    };
    const codes = (replies: Reply[]) =>
      replies.reduce<Record<string, number>>((acc, r) => {
        const key = r.errors
          ? `${r.errors[0].extensions?.code}:${r.errors[0].extensions?.reason ?? ''}`
          : 'OK';
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {});

    beforeAll(async () => {
      db = await createMariadbDatabase();
      const env = {
        DATABASE_URL: db.url,
        REDIS_URL,
        JWT_SECRET: 'shared-secret-shared-secret-shared-secret',
      };
      a = await startServer({ env });
      b = await startServer({ env: { ...env, DEMO_DATA: 'false' } });
      conn = await mysql.createConnection({ uri: db.url });
      token.admin = await login(a.url, 'admin');

      // A site of this test's own, its head of department (the approver) and a requester.
      site = (
        await ok(
          a.url,
          'mutation($i: SiteInput!) { createSite(input: $i) { id } }',
          { i: { code: 'CC', name: '并发接待中心', timezone: 'Asia/Shanghai' } },
          'admin',
        )
      ).createSite.id;
      const user = async (username: string) => {
        const u = await ok(
          a.url,
          'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
          {
            i: {
              username,
              displayName: username,
              password: PASSWORD,
              roles: ['CONSULTANT'],
              siteIds: [site],
            },
          },
          'admin',
        );
        token[username] = await login(a.url, username, PASSWORD);
        return u.createUser.id as string;
      };
      const head = await user('cc-head');
      await user('cc-requester');
      leadDepartment = (
        await ok(
          a.url,
          'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }',
          { i: { name: '并发业务部', siteId: site, headUserId: head } },
          'admin',
        )
      ).createDepartment.id;
      const category = async (code: string, meetingRoom: boolean) =>
        (
          await ok(
            a.url,
            'mutation($i: CategoryInput!) { createCategory(input: $i) { id } }',
            {
              i: {
                code,
                name: `并发${code}`,
                advanceNoticeDays: 0,
                meetingRoom,
                budgetPerGuest: 1000,
                checklist: [
                  { key: 'room', label: '会议室准备', dueHoursBefore: 2, owner: 'ADMINISTRATION' },
                  { key: 'plan', label: '接待方案', dueHoursBefore: 24, owner: 'LEAD' },
                ],
              },
            },
            'admin',
          )
        ).createCategory.id as string;
      withRoom = await category('CCROOM', true);
      withoutRoom = await category('CCFREE', false);
    });
    afterAll(async () => {
      await conn?.end();
      await Promise.all([a?.stop(), b?.stop()]);
      await db?.drop();
    });

    const requestInput = (startAt: number, endAt: number, extra: Record<string, unknown>) => ({
      categoryId: withRoom,
      purpose: '并发测试',
      visitorCompany: '并发公司',
      headcount: 2,
      hosts: 1,
      startAt: new Date(startAt).toISOString(),
      endAt: new Date(endAt).toISOString(),
      leadDepartmentId: leadDepartment,
      equipmentKinds: [],
      ...extra,
    });

    /** Requests for `slots` hours × the five variants, created (in parallel, over both servers) before any approval. */
    async function requestAll(slots: number, from: number, extra: Record<string, unknown>) {
      const wanted = Array.from({ length: slots }, (_, slot) =>
        VARIANTS.map(([s, e]) => ({
          slot,
          startAt: from + slot * 60 * MINUTE + s * MINUTE,
          endAt: from + slot * 60 * MINUTE + e * MINUTE,
        })),
      ).flat();
      const replies = await Promise.all(
        wanted.map((w, i) =>
          answered(
            gql(
              server(i),
              REQUEST,
              { s: site, i: requestInput(w.startAt, w.endAt, extra) },
              token['cc-requester'],
            ),
          ),
        ),
      );
      expect(codes(replies)).toEqual({ OK: wanted.length });
      return wanted.map((w, i) => ({ ...w, id: replies[i].data!.requestAppointment.id as string }));
    }

    /** Every approval at once, alternating between the two processes. */
    async function approveAll(requests: Array<{ id: string }>) {
      return Promise.all(
        requests.map((r, i) =>
          answered(gql(server(i + 1), APPROVE, { id: r.id }, token['cc-head'])),
        ),
      );
    }

    it('P2: of 50 approvals fired at once for one room, exactly one per group of overlapping times succeeds; every other is P2_ROOM_TAKEN; no active bookings overlap', async () => {
      const room = (
        await ok(
          a.url,
          'mutation($s: ID!, $i: RoomInput!) { createRoom(siteId: $s, input: $i) { id } }',
          { s: site, i: { name: '并发会议室', capacity: 20 } },
          'admin',
        )
      ).createRoom.id as string;
      // 50: more than one process's 20 pooled connections, so every transaction must make do with its own.
      const requests = await requestAll(10, base, { roomId: room });
      expect(requests).toHaveLength(50);
      const replies = await approveAll(requests);
      const summary = codes(replies);
      console.log('P2 concurrency:', JSON.stringify(summary));
      expect(summary).toEqual({ OK: 10, 'CONFLICT:P2_ROOM_TAKEN': 40 });

      // One winner per slot; the winners touch but never overlap.
      const winners = requests.filter((_, i) => !replies[i].errors);
      expect(winners.map((w) => w.slot).sort((x, y) => x - y)).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      ]);
      for (const r of replies)
        if (!r.errors) expect(r.data!.approveAppointment.state).toBe('APPROVED');

      // The database, read directly.
      const [overlapping] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT x.id, y.id FROM room_bookings x JOIN room_bookings y
         ON x.roomId = y.roomId AND x.id < y.id AND x.active AND y.active AND x.startAt < y.endAt AND y.startAt < x.endAt`,
      );
      expect(overlapping).toEqual([]);
      const [bookings] = await conn.query<mysql.RowDataPacket[]>(
        'SELECT appointmentId, active FROM room_bookings WHERE roomId = ?',
        [Number(room)],
      );
      expect(
        bookings
          .filter((x) => x.active)
          .map((x) => String(x.appointmentId))
          .sort(),
      ).toEqual(winners.map((w) => w.id).sort());
      // The refused left nothing behind: no booking row (rolled back, not deactivated), no task, still requested.
      expect(bookings).toHaveLength(10);
      const [states] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT a.id, a.state, a.approvedOnce, (SELECT COUNT(*) FROM appointment_tasks t WHERE t.appointmentId = a.id) AS tasks
         FROM appointments a WHERE a.roomId = ?`,
        [Number(room)],
      );
      const byId = new Map(states.map((s) => [String(s.id), s]));
      for (const r of requests) {
        const row = byId.get(r.id)!;
        const won = winners.includes(r);
        expect(
          { state: row.state, approvedOnce: Boolean(row.approvedOnce), tasks: Number(row.tasks) },
          r.id,
        ).toEqual(
          won
            ? { state: 'approved', approvedOnce: true, tasks: 2 }
            : { state: 'requested', approvedOnce: false, tasks: 0 },
        );
      }

      // P2: with the room booked, 20 requests at once for overlapping times are all refused early…
      const clashing = Array.from({ length: 20 }, (_, i) => {
        const slot = i % 10;
        return gql(
          server(i),
          REQUEST,
          {
            s: site,
            i: requestInput(
              base + slot * 60 * MINUTE + 15 * MINUTE,
              base + slot * 60 * MINUTE + 45 * MINUTE,
              { roomId: room },
            ),
          },
          token['cc-requester'],
        );
      });
      expect(codes((await Promise.all(clashing)) as Reply[])).toEqual({
        'CONFLICT:P2_ROOM_TAKEN': 20,
      });
      // …while requests for the free hour after them are taken.
      const after = base + 10 * 60 * MINUTE;
      const free = Array.from({ length: 4 }, (_, i) =>
        gql(
          server(i),
          REQUEST,
          { s: site, i: requestInput(after, after + 30 * MINUTE, { roomId: room }) },
          token['cc-requester'],
        ),
      );
      expect(codes((await Promise.all(free)) as Reply[])).toEqual({ OK: 4 });
    });

    it('C3: of 30 approvals fired at once for one kind with two items, exactly two per group of overlapping times get one; the rest are C3_EQUIPMENT_UNAVAILABLE; no item is double-reserved', async () => {
      const kind = 'cc-projector';
      const items: string[] = [];
      for (const name of ['投影仪甲', '投影仪乙']) {
        items.push(
          (
            await ok(
              a.url,
              'mutation($s: ID!, $i: EquipmentInput!) { createEquipment(siteId: $s, input: $i) { id } }',
              { s: site, i: { kind, name } },
              'admin',
            )
          ).createEquipment.id,
        );
      }
      const from = base + 24 * 60 * MINUTE;
      const requests = await requestAll(6, from, {
        categoryId: withoutRoom,
        roomId: null,
        equipmentKinds: [kind],
      });
      expect(requests).toHaveLength(30);
      const replies = await approveAll(requests);
      const summary = codes(replies);
      console.log('C3 concurrency:', JSON.stringify(summary));
      expect(summary).toEqual({ OK: 12, 'CONFLICT:C3_EQUIPMENT_UNAVAILABLE': 18 });
      const winners = requests.filter((_, i) => !replies[i].errors);
      const perSlot = winners.reduce<Record<number, number>>(
        (acc, w) => ((acc[w.slot] = (acc[w.slot] ?? 0) + 1), acc),
        {},
      );
      expect(perSlot).toEqual({ 0: 2, 1: 2, 2: 2, 3: 2, 4: 2, 5: 2 });

      const [overlapping] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT x.id, y.id FROM equipment_reservations x JOIN equipment_reservations y
         ON x.equipmentId = y.equipmentId AND x.id < y.id AND x.active AND y.active AND x.startAt < y.endAt AND y.startAt < x.endAt`,
      );
      expect(overlapping).toEqual([]);
      const [reservations] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT appointmentId, equipmentId, active FROM equipment_reservations WHERE equipmentId IN (?)`,
        [items.map(Number)],
      );
      // One reservation per winner, both items in every slot; the refused left no row.
      expect(reservations).toHaveLength(12);
      expect(reservations.every((r) => r.active)).toBe(true);
      expect(reservations.map((r) => String(r.appointmentId)).sort()).toEqual(
        winners.map((w) => w.id).sort(),
      );
      for (let slot = 0; slot < 6; slot++) {
        const ids = winners.filter((w) => w.slot === slot).map((w) => w.id);
        expect(
          reservations
            .filter((r) => ids.includes(String(r.appointmentId)))
            .map((r) => String(r.equipmentId))
            .sort(),
          `slot ${slot}`,
        ).toEqual([...items].sort());
      }
    });
  },
);
