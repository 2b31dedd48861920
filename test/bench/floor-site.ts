// The site, the documents and the log of bench:floor: what the floor is played on.
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { gql, login } from '../support/server.js';
import type { EventRow } from './log-check.js';
import { allDayShifts, BOARD_FIELDS, must, RECEPTION_FRAGMENT } from './support.js';

const PASSWORD = 'floor-bench-2026';

export interface BoardSeen {
  seq: number;
  consultants: Array<{
    consultant: { id: string };
    state: string;
    busyWith: Array<{ id: string; status: string }>;
  }>;
  waiting: Array<{ id: string }>;
  alerts: Array<{ id: string; kind: string }>;
}
export interface Change {
  board: BoardSeen;
  reception: { id: string; status: string; customerId: string | null } | null;
}
// What the web app asks for on every floor mutation: the whole board back (FloorChangeResult).
const CHANGE = `board { ${BOARD_FIELDS} } reception { id status customerId }`;
const mutation = (field: string, args: string, vars: string) =>
  `mutation(${vars}) { ${field}(${args}) { ${CHANGE} } } ${RECEPTION_FRAGMENT}`;
export const RECORD_WALK_IN = mutation(
  'recordWalkIn',
  'siteId: $s, input: $i',
  '$s: ID!, $i: WalkInInput!',
);
export const END_RECEPTION = mutation(
  'endReception',
  'siteId: $s, receptionId: $r',
  '$s: ID!, $r: ID!',
);
export const GO_AWAY = mutation('goAway', 'siteId: $s', '$s: ID!');
export const CHECK_IN = mutation('checkIn', 'siteId: $s', '$s: ID!');
export const ACKNOWLEDGE = mutation(
  'acknowledgeAlert',
  'siteId: $s, alertId: $a',
  '$s: ID!, $a: ID!',
);
export const LOOKUP =
  'query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { id name } }';

/** A site of its own with `count` consultants on shift all day and a desk of its own. */
export async function openSite(url: string, count: number) {
  const admin = await login(url, 'admin');
  const code = `FL${Date.now() % 100000}`;
  const { createSite } = await must<{ createSite: { id: string } }>(
    gql(
      url,
      'mutation($i: SiteInput!) { createSite(input: $i) { id } }',
      { i: { code, name: `高峰楼面 ${code}`, timezone: 'Asia/Shanghai' } },
      admin,
    ),
  );
  const siteId = createSite.id;
  const user = async (username: string, displayName: string, role: string) => {
    const input = { username, displayName, password: PASSWORD, roles: [role], siteIds: [siteId] };
    const d = await must<{ createUser: { id: string } }>(
      gql(
        url,
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: input },
        admin,
      ),
    );
    return { id: d.createUser.id, token: await login(url, username, PASSWORD) };
  };
  const desk = await user(`desk-${code}`, '前台', 'RECEPTION');
  const consultants: Array<{ id: string; token: string }> = [];
  for (let i = 1; i <= count; i++)
    consultants.push(await user(`c${i}-${code}`, `顾问${i}`, 'CONSULTANT'));
  const manager = await login(url, 'manager');
  const shifts = allDayShifts(consultants.map((c) => c.id));
  await must(
    gql(
      url,
      'mutation($s: ID!, $x: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $x) { id } }',
      { s: siteId, x: shifts },
      manager,
    ),
  );
  return { siteId, desk, consultants, manager };
}

/** The site's stored log, from a MariaDB URL or an SQLite file (read after the server stopped). */
export async function readLog(database: string, siteId: number): Promise<EventRow[]> {
  const sql = 'SELECT seq, payload FROM rotation_events WHERE siteId = ? ORDER BY seq';
  if (/^(mysql|mariadb):/.test(database)) {
    const c = await mysql.createConnection({ uri: database });
    const [rows] = await c.query<mysql.RowDataPacket[]>(sql, [siteId]);
    await c.end();
    return rows as EventRow[];
  }
  const db = new Database(database, { readonly: true });
  try {
    return db.prepare(sql).all(siteId) as EventRow[];
  } finally {
    db.close();
  }
}
