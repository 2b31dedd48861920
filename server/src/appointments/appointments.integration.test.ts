import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  CompanyEntity,
  SiteEntity,
  UserEntity,
  UserSiteEntity,
} from '../accounts/accounts.entity.js';
import { hashPassword } from '../accounts/domain/password.js';
import { Role } from '../accounts/domain/roles.js';
import type { EventBus } from '../platform/pubsub.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/harness.js';
import {
  AppointmentEntity,
  AppointmentEventEntity,
  CategoryEntity,
  EquipmentReservationEntity,
  RoomBookingEntity,
  TaskEntity,
} from './appointments.entity.js';
import { NotificationEntity } from '../notifications/notifications.entity.js';

const kinds = await databaseKinds();

// Categories, reception standards and visit appointments (SPEC C1–C4, P1–P5) over GraphQL,
// end to end, on each database. Everything a test needs is set up through the API as an
// administrator on a site of its own (滨江/城东 belong to the demo data): users, department
// heads, categories, rooms and equipment, each with a unique name or kind, so the demo
// appointments never stand in a test's way. Time is a test clock in Asia/Shanghai; every
// test starts at 09:00 on a day of its own.

const H = 3600_000;
const DAY = 24 * H;
const PASSWORD = 'test-pass-1234';
/** Epoch ms of a wall-clock time in Asia/Shanghai (UTC+8, no DST). */
const shanghai = (y: number, m: number, d: number, h = 0, mi = 0) =>
  Date.UTC(y, m - 1, d, h - 8, mi);
const iso = (ms: number) => new Date(ms).toISOString();
const ms = (s: string | null) => (s === null ? null : new Date(s).getTime());

const APPT = `id state purpose visitorCompany headcount hosts startAt endAt late lateApproved decisionReason equipmentKinds estimatedCost
  category { id code } leadDepartment { id } supportingDepartments { id } lead { id } requestedBy { id } decidedBy { id } room { id }
  progress { done total } arrivedAt outcome cooperationIntent feedback satisfaction completedAt`;
const DETAIL = `appointment { ${APPT} }
  tasks { id key label dueAt state overdue owner { id } doneBy { id } }
  guests { name company title contact businessScope purpose needs recordedAt }
  roomBooking { active startAt endAt keysReturnedAt keysReturnedBy { id } room { id } }
  equipment { id startAt endAt checkedOutAt returnedAt overdue equipment { id kind } checkedOutBy { id } returnedBy { id } }
  specialRequests { id text promisedBy reply repliedAt overdue escalatedTo { id } raisedBy { id } }
  history { kind fromState toState params by { id } }
  approvers { id }
  can { decide change recordArrival complete }`;
const STANDARD = `responsibleDepartment { id } responsibleRole receiver advanceNoticeDays needsSeniorLeader meetingRoom equipmentKinds
  catering pickUp lodging gifts budgetPerGuest hostsAtMostGuests winterMonths checklist { key label season dueHoursBefore owner }`;
const CATEGORY = `id code name description sortOrder archived standard { ${STANDARD} }`;

const Q = {
  categories: `query($all: Boolean) { categories(includeArchived: $all) { ${CATEGORY} } }`,
  createCategory: `mutation($i: CategoryInput!) { createCategory(input: $i) { ${CATEGORY} } }`,
  updateCategory: `mutation($id: ID!, $i: CategoryInput!) { updateCategory(id: $id, input: $i) { ${CATEGORY} } }`,
  createRoom: `mutation($s: ID!, $i: RoomInput!) { createRoom(siteId: $s, input: $i) { id name capacity } }`,
  createEquipment: `mutation($s: ID!, $i: EquipmentInput!) { createEquipment(siteId: $s, input: $i) { id kind name } }`,
  request: `mutation($s: ID!, $i: AppointmentRequestInput!) { requestAppointment(siteId: $s, input: $i) { ${APPT} } }`,
  approve: `mutation($id: ID!, $i: ApproveInput) { approveAppointment(id: $id, input: $i) { ${APPT} } }`,
  reject: `mutation($id: ID!, $r: String!) { rejectAppointment(id: $id, reason: $r) { ${APPT} } }`,
  reschedule: `mutation($id: ID!, $i: RescheduleInput!) { rescheduleAppointment(id: $id, input: $i) { ${APPT} } }`,
  cancel: `mutation($id: ID!, $r: String!) { cancelAppointment(id: $id, reason: $r) { ${APPT} } }`,
  detail: `query($id: ID!) { appointment(id: $id) { ${DETAIL} } }`,
  list: `query($s: ID!, $f: AppointmentFilterInput) { appointments(siteId: $s, filter: $f, limit: 500) { total rows { id state } } }`,
  setTaskDone: `mutation($id: ID!, $d: Boolean!) { setTaskDone(id: $id, done: $d) { task { id state doneAt doneBy { id } } appointment { id state progress { done total } } } }`,
  arrive: `mutation($id: ID!, $g: [GuestInput!]!) { recordArrival(id: $id, guests: $g) { ${APPT} } }`,
  complete: `mutation($id: ID!, $i: OutcomeInput!) { completeAppointment(id: $id, input: $i) { ${APPT} } }`,
  checkOut: `mutation($r: ID!, $u: ID!) { checkOutEquipment(reservationId: $r, byUserId: $u) { id checkedOutAt checkedOutBy { id } returnedAt overdue equipment { id } } }`,
  returnEquipment: `mutation($r: ID!) { returnEquipment(reservationId: $r) { id checkedOutAt returnedAt returnedBy { id } overdue } }`,
  returnKeys: `mutation($a: ID!) { returnRoomKeys(appointmentId: $a) { active keysReturnedAt keysReturnedBy { id } room { id } } }`,
  raise: `mutation($a: ID!, $i: SpecialRequestInput!) { raiseSpecialRequest(appointmentId: $a, input: $i) { id text overdue promisedBy reply repliedAt escalatedTo { id } raisedBy { id } } }`,
  answer: `mutation($id: ID!, $r: String!) { answerSpecialRequest(id: $id, reply: $r) { id overdue reply repliedAt } }`,
  availability: `query($s: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $ignore: ID) { roomAvailability(siteId: $s, startAt: $from, endAt: $to, ignoreAppointmentId: $ignore) { room { id } free appointmentIds } }`,
  myTasks: `query($all: Boolean) { myTasks(includeDone: $all) { id key state appointmentId } }`,
  myApprovals: `{ myApprovals { id } }`,
  mySpecialRequests: `{ mySpecialRequests { id overdue } }`,
  notifications: `query($n: Int) { notifications(limit: $n) { unread rows { id kind appointmentId params createdAt readAt } } }`,
  markRead: `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
};

interface Ref {
  id: string;
}
interface Appointment {
  id: string;
  state: string;
  purpose: string;
  visitorCompany: string;
  headcount: number;
  hosts: number;
  startAt: string;
  endAt: string;
  late: boolean;
  lateApproved: boolean;
  decisionReason: string | null;
  equipmentKinds: string[];
  estimatedCost: number | null;
  category: { id: string; code: string };
  leadDepartment: Ref;
  supportingDepartments: Ref[];
  lead: Ref;
  requestedBy: Ref;
  decidedBy: Ref | null;
  room: Ref | null;
  progress: { done: number; total: number };
  arrivedAt: string | null;
  outcome: string | null;
  cooperationIntent: string | null;
  feedback: string | null;
  satisfaction: number | null;
  completedAt: string | null;
}
interface Task {
  id: string;
  key: string;
  label: string;
  dueAt: string;
  state: string;
  overdue: boolean;
  owner: Ref;
  doneBy: Ref | null;
}
interface Reservation {
  id: string;
  startAt: string;
  endAt: string;
  checkedOutAt: string | null;
  returnedAt: string | null;
  overdue: boolean;
  equipment: { id: string; kind: string };
  checkedOutBy: Ref | null;
  returnedBy: Ref | null;
}
interface Detail {
  appointment: Appointment;
  tasks: Task[];
  guests: Array<Record<string, string>>;
  roomBooking: {
    active: boolean;
    startAt: string;
    endAt: string;
    keysReturnedAt: string | null;
    keysReturnedBy: Ref | null;
    room: Ref;
  } | null;
  equipment: Reservation[];
  specialRequests: Array<{
    id: string;
    text: string;
    promisedBy: string;
    reply: string | null;
    repliedAt: string | null;
    overdue: boolean;
    escalatedTo: Ref;
    raisedBy: Ref;
  }>;
  history: Array<{
    kind: string;
    fromState: string | null;
    toState: string | null;
    params: Record<string, unknown>;
    by: Ref | null;
  }>;
  approvers: Ref[];
  can: { decide: boolean; change: boolean; recordArrival: boolean; complete: boolean };
}
interface ChecklistItem {
  key: string;
  label: string;
  season?: 'WINTER' | 'SUMMER' | null;
  dueHoursBefore: number;
  owner: 'LEAD' | 'ADMINISTRATION' | 'RECEIVER';
}
interface Category {
  id: string;
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  archived: boolean;
  standard: {
    responsibleDepartment: Ref | null;
    responsibleRole: string;
    receiver: string;
    advanceNoticeDays: number;
    needsSeniorLeader: boolean;
    meetingRoom: boolean;
    equipmentKinds: string[];
    catering: boolean;
    pickUp: boolean;
    lodging: boolean;
    gifts: boolean;
    budgetPerGuest: number;
    hostsAtMostGuests: boolean;
    winterMonths: number[];
    checklist: ChecklistItem[];
  };
}
type ErrorExtensions = { code?: string; field?: string; reason?: string; [k: string]: unknown };

/** The checklist most tests use: one item for each kind of owner. */
const CHECKLIST: ChecklistItem[] = [
  { key: 'plan', label: '专项接待方案', season: null, dueHoursBefore: 48, owner: 'LEAD' },
  { key: 'room', label: '会议室准备', season: null, dueHoursBefore: 2, owner: 'ADMINISTRATION' },
  { key: 'greet', label: '迎接引导', season: null, dueHoursBefore: 0, owner: 'RECEIVER' },
];
const PLATES: ChecklistItem[] = [
  {
    key: 'winter-plates',
    label: '三盘干果、一盘水果',
    season: 'WINTER',
    dueHoursBefore: 1,
    owner: 'ADMINISTRATION',
  },
  {
    key: 'summer-plates',
    label: '三盘水果、一盘干果',
    season: 'SUMMER',
    dueHoursBefore: 1,
    owner: 'ADMINISTRATION',
  },
];

/** A category as the input that would write it again (for updateCategory). */
function inputOf(c: Category) {
  const s = c.standard;
  return {
    code: c.code,
    name: c.name,
    description: c.description,
    sortOrder: c.sortOrder,
    responsibleDepartmentId: s.responsibleDepartment?.id ?? null,
    responsibleRole: s.responsibleRole,
    receiver: s.receiver,
    advanceNoticeDays: s.advanceNoticeDays,
    needsSeniorLeader: s.needsSeniorLeader,
    meetingRoom: s.meetingRoom,
    equipmentKinds: s.equipmentKinds,
    catering: s.catering,
    pickUp: s.pickUp,
    lodging: s.lodging,
    gifts: s.gifts,
    budgetPerGuest: s.budgetPerGuest,
    hostsAtMostGuests: s.hostsAtMostGuests,
    winterMonths: s.winterMonths,
    checklist: s.checklist,
  };
}

describe.each(kinds)('appointments over GraphQL on %s', (kind) => {
  let t: TestApp;
  // 09:00 Asia/Shanghai, Monday 5 January 2026 (winter); each test moves on a day.
  let now = shanghai(2026, 1, 5, 9);
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  /** This file's own site, and the demo's second site (yang belongs there only). */
  let site: string;
  const dept: Record<'lead' | 'admin' | 'support' | 'headless', string> = {
    lead: '',
    admin: '',
    support: '',
    headless: '',
  };
  /** The category most tests use: notice 1 day, a room, budget 500, the three-owner checklist. */
  let standard: Category;
  let seq = 0;
  const unique = (prefix: string) => `${prefix}${++seq}`;
  /** Another company with its own site, admin and staff (C1 first use, isolation). */
  const other = { companyId: 0, site: '', admin: '', staff: '' };

  // ---- plumbing ----------------------------------------------------------------------------------------

  async function ok<T = any>(
    as: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const r = await t.gql<T>(query, variables, as ? tokens[as] : undefined);
    expect(
      r.errors,
      `${as}: ${query.slice(0, 60)} ${JSON.stringify(variables).slice(0, 300)}`,
    ).toBeUndefined();
    return r.data!;
  }
  async function refused(
    as: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<ErrorExtensions> {
    const r: GqlResult<unknown> = await t.gql(query, variables, as ? tokens[as] : undefined);
    expect(r.errors, `${as}: ${query.slice(0, 60)} should be refused`).toBeDefined();
    expect(r.data ?? null).toBeNull();
    return r.errors![0].extensions as ErrorExtensions;
  }

  /** Epoch ms of hh:mm Asia/Shanghai, `days` after today (site time). */
  function day(days: number, hh: number, mm = 0) {
    const local = new Date(now + 8 * H);
    return Date.UTC(
      local.getUTCFullYear(),
      local.getUTCMonth(),
      local.getUTCDate() + days,
      hh - 8,
      mm,
    );
  }

  async function category(over: Record<string, unknown> = {}): Promise<Category> {
    const n = ++seq;
    const input = {
      code: `T${n}`,
      name: `测试类别${n}`,
      description: '',
      sortOrder: 100 + n,
      responsibleDepartmentId: dept.admin,
      responsibleRole: '行政部负责人',
      receiver: '业务负责人',
      advanceNoticeDays: 1,
      needsSeniorLeader: false,
      meetingRoom: true,
      equipmentKinds: [],
      catering: false,
      pickUp: false,
      lodging: false,
      gifts: false,
      budgetPerGuest: 500,
      hostsAtMostGuests: true,
      winterMonths: [11, 12, 1, 2, 3],
      checklist: CHECKLIST,
      ...over,
    };
    return (await ok<{ createCategory: Category }>('admin', Q.createCategory, { i: input }))
      .createCategory;
  }
  const room = async (capacity = 10): Promise<string> =>
    (
      await ok('admin', Q.createRoom, {
        s: site,
        i: { name: unique('测试会议室'), capacity, location: '三楼' },
      })
    ).createRoom.id;
  /** A fresh equipment kind with `count` items; returns the kind and the item ids. */
  async function equipment(prefix: string, count: number) {
    const k = `${prefix}-${++seq}`;
    const items: string[] = [];
    for (let i = 1; i <= count; i++)
      items.push(
        (await ok('admin', Q.createEquipment, { s: site, i: { kind: k, name: `${k} 号${i}` } }))
          .createEquipment.id,
      );
    return { kind: k, items };
  }

  /** Request input: the standard category, 10:00–12:00 in a week, a fresh room unless `roomId` is given. */
  async function requestInput(over: Record<string, unknown> = {}) {
    return {
      categoryId: standard.id,
      purpose: '合作洽谈',
      visitorCompany: '远景科技',
      headcount: 3,
      hosts: 2,
      startAt: iso(day(7, 10)),
      endAt: iso(day(7, 12)),
      leadDepartmentId: dept.lead,
      supportingDepartmentIds: [],
      equipmentKinds: [],
      ...over,
      roomId: 'roomId' in over ? over.roomId : await room(),
    };
  }
  const request = async (over: Record<string, unknown> = {}, as = 'tlead'): Promise<Appointment> =>
    (
      await ok<{ requestAppointment: Appointment }>(as, Q.request, {
        s: site,
        i: await requestInput(over),
      })
    ).requestAppointment;
  const approve = async (
    a: string,
    input: Record<string, unknown> | null = null,
    as = 'thead',
  ): Promise<Appointment> =>
    (await ok<{ approveAppointment: Appointment }>(as, Q.approve, { id: a, i: input }))
      .approveAppointment;
  const detail = async (a: string, as = 'tlead'): Promise<Detail> =>
    (await ok<{ appointment: Detail }>(as, Q.detail, { id: a })).appointment;
  const task = (d: Detail, key: string) => d.tasks.find((x) => x.key === key)!;
  const availability = async (from: number, to: number, ignore: string | null = null) =>
    (
      await ok<{ roomAvailability: Array<{ room: Ref; free: boolean; appointmentIds: string[] }> }>(
        'tlead',
        Q.availability,
        { s: site, from: iso(from), to: iso(to), ignore },
      )
    ).roomAvailability;

  /** What the database holds for one appointment: a refused mutation must leave it exactly so. */
  async function stored(appointmentId: string) {
    const a = Number(appointmentId);
    const ds = t.app.ds;
    const strip = <T extends object>(rows: T[]) =>
      rows.map((r) => JSON.parse(JSON.stringify(r)) as T);
    return {
      appointment: strip([await ds.getRepository(AppointmentEntity).findOneByOrFail({ id: a })])[0],
      tasks: strip(
        await ds
          .getRepository(TaskEntity)
          .find({ where: { appointmentId: a }, order: { id: 'ASC' } }),
      ),
      bookings: strip(
        await ds
          .getRepository(RoomBookingEntity)
          .find({ where: { appointmentId: a }, order: { id: 'ASC' } }),
      ),
      reservations: strip(
        await ds
          .getRepository(EquipmentReservationEntity)
          .find({ where: { appointmentId: a }, order: { id: 'ASC' } }),
      ),
      events: await ds.getRepository(AppointmentEventEntity).countBy({ appointmentId: a }),
      notifications: await ds.getRepository(NotificationEntity).countBy({ appointmentId: a }),
    };
  }
  /** Who was told `kind` about an appointment, as user names. */
  async function told(appointmentId: string, kind: string) {
    const rows = await t.app.ds
      .getRepository(NotificationEntity)
      .findBy({ appointmentId: Number(appointmentId), kind });
    const name = (userId: number) =>
      Object.keys(id).find((u) => id[u] === String(userId)) ?? `#${userId}`;
    return rows.map((r) => name(r.userId)).sort();
  }

  // ---- the server's bus, watched: a subscription is "listening" once its first read registered it ----

  const listeners = new Map<string, number>();
  const listenWaiters: Array<() => void> = [];
  /** Resolves once the server has `count` listeners on `topic` (e.g. NOTIFICATIONS:NOTIFIED:12). */
  async function listening(topic: string, count = 1) {
    while ((listeners.get(topic) ?? 0) < count)
      await new Promise<void>((resolve) => listenWaiters.push(resolve));
  }
  function watchTheBus() {
    const bus = (t.app.services.appointments as unknown as { bus: EventBus }).bus;
    const original = bus.pubSub.subscribe.bind(bus.pubSub) as unknown as (
      key: string,
      id?: unknown,
    ) => AsyncIterableIterator<unknown>;
    bus.pubSub.subscribe = ((key: string, topicId?: unknown) => {
      const source = original(key, topicId);
      const topic = topicId === undefined ? key : `${key}:${String(topicId)}`;
      let started = false;
      const it: AsyncIterableIterator<unknown> = {
        [Symbol.asyncIterator]: () => it,
        next: () => {
          // The pub/sub registers its listener synchronously inside the first next().
          const p = source.next();
          if (!started) {
            started = true;
            listeners.set(topic, (listeners.get(topic) ?? 0) + 1);
            listenWaiters.splice(0).forEach((w) => w());
          }
          return p;
        },
        return: (v?: unknown) => source.return!(v),
        throw: (e?: unknown) => source.throw!(e),
      };
      return it;
    }) as unknown as typeof bus.pubSub.subscribe;
  }

  /** A real graphql-ws client; messages are kept in arrival order. */
  function subscribe<T>(as: string, query: string, variables: Record<string, unknown> = {}) {
    const client: Client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens[as]}` },
      retryAttempts: 0,
    });
    const received: T[] = [];
    const waiters: Array<() => void> = [];
    let failure: unknown = null;
    const wake = () => waiters.splice(0).forEach((w) => w());
    client.subscribe<T>(
      { query, variables },
      {
        next: (m) => {
          if (m.errors) failure = m.errors;
          else received.push(m.data as T);
          wake();
        },
        error: (e) => {
          failure = e ?? 'error';
          wake();
        },
        complete: wake,
      },
    );
    let taken = 0;
    return {
      received,
      async next(): Promise<T> {
        while (received.length <= taken) {
          if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
        return received[taken++];
      },
      /** The error the server ended the subscription with. */
      async failed(): Promise<unknown> {
        while (!failure) {
          if (received.length)
            throw new Error(`expected a refusal, got ${JSON.stringify(received)}`);
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
        return failure;
      },
      dispose: () => client.dispose(),
    };
  }

  // ---- set-up through the API ---------------------------------------------------------------------------

  beforeAll(async () => {
    t = await startTestApp(kind, {
      clock: { now: () => new Date(now) },
      env: { JWT_TTL: '1000d' },
    });
    watchTheBus();
    for (const u of ['admin', 'manager', 'yang']) tokens[u] = await t.login(u);
    for (const u of ['admin', 'manager', 'yang'])
      id[u] = (await ok<{ me: Ref }>(u, '{ me { id } }')).me.id;
    site = (
      await ok('admin', 'mutation($i: SiteInput!) { createSite(input: $i) { id } }', {
        i: { code: 'TS', name: '测试接待中心', timezone: 'Asia/Shanghai' },
      })
    ).createSite.id;

    const createDept = async (name: string) =>
      (
        await ok('admin', 'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }', {
          i: { name, siteId: site },
        })
      ).createDepartment.id;
    dept.lead = await createDept('测试业务部');
    dept.admin = await createDept('测试行政组');
    dept.support = await createDept('测试项目部');
    dept.headless = await createDept('测试无负责人部');

    // tmgr is the site's manager; thead heads the lead department, tadm administration.
    const users: Array<[string, Role, string]> = [
      ['tmgr', Role.MANAGER, dept.headless],
      ['thead', Role.CONSULTANT, dept.lead],
      ['tadm', Role.CONSULTANT, dept.admin],
      ['tlead', Role.CONSULTANT, dept.lead],
      ['tother', Role.CONSULTANT, dept.support],
      ['tdesk', Role.RECEPTION, dept.admin],
    ];
    for (const [username, role, departmentId] of users) {
      const u = await ok(
        'admin',
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            username,
            displayName: `测试${username}`,
            password: PASSWORD,
            roles: [role],
            siteIds: [site],
            departmentId,
          },
        },
      );
      id[username] = u.createUser.id;
      tokens[username] = await t.login(username, PASSWORD);
    }
    const setHead = (d: string, name: string, head: string) =>
      ok(
        'admin',
        'mutation($id: ID!, $i: DepartmentInput!) { updateDepartment(id: $id, input: $i) { id head { id } } }',
        { id: d, i: { name, siteId: site, headUserId: id[head] } },
      );
    expect((await setHead(dept.lead, '测试业务部', 'thead')).updateDepartment.head.id).toBe(
      id.thead,
    );
    await setHead(dept.admin, '测试行政组', 'tadm');
    standard = await category();

    // Another company, written straight into the database (the API creates no companies).
    const ds = t.app.ds;
    const at = new Date(now);
    const company = await ds
      .getRepository(CompanyEntity)
      .save({ name: '另一家公司', createdAt: at });
    const otherSite = await ds
      .getRepository(SiteEntity)
      .save({
        companyId: company.id,
        name: '另一展厅',
        code: 'XS',
        timezone: 'Asia/Shanghai',
        createdAt: at,
      });
    const passwordHash = await hashPassword(PASSWORD);
    for (const [username, roles] of [
      ['x-admin', [Role.ADMIN]],
      ['x-staff', [Role.CONSULTANT]],
    ] as const) {
      const u = await ds
        .getRepository(UserEntity)
        .save({
          companyId: company.id,
          username,
          displayName: username,
          passwordHash,
          roles: [...roles],
          disabled: false,
          departmentId: null,
          createdAt: at,
          updatedAt: at,
        });
      await ds.getRepository(UserSiteEntity).insert({ userId: u.id, siteId: otherSite.id });
      tokens[username] = await t.login(username, PASSWORD);
    }
    Object.assign(other, { companyId: company.id, site: String(otherSite.id) });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    now = day(1, 9);
  });

  // ---- C1 ---------------------------------------------------------------------------------------------

  it('C1: the A–D defaults of SPEC section 3 appear on first use; an administrator edits a standard and adds a category; others may not', async () => {
    const categories = t.app.ds.getRepository(CategoryEntity);
    expect(await categories.countBy({ companyId: other.companyId })).toBe(0);
    const first = (await ok<{ categories: Category[] }>('x-staff', Q.categories)).categories;
    expect(
      first.map((c) => [
        c.code,
        c.standard.advanceNoticeDays,
        c.standard.meetingRoom,
        c.standard.hostsAtMostGuests,
      ]),
    ).toEqual([
      ['A', 2, true, true],
      ['B', 2, true, true],
      ['C', 1, true, true],
      ['D', 1, false, true],
    ]);
    const a = first[0];
    expect(a.standard.needsSeniorLeader).toBe(true);
    expect(a.standard.equipmentKinds).toEqual(['projector', 'laser-pointer']);
    expect(a.standard.checklist.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        'tables',
        'temperature',
        'winter-plates',
        'summer-plates',
        'tea',
        'cigarettes',
      ]),
    );
    expect(a.standard.checklist.find((i) => i.key === 'winter-plates')).toMatchObject({
      season: 'WINTER',
      label: '三盘干果、一盘水果',
    });
    // Asking again writes nothing more.
    await ok('x-admin', Q.categories);
    expect(await categories.countBy({ companyId: other.companyId })).toBe(4);

    // The administrator edits A's notice and checklist…
    const flowers: ChecklistItem = {
      key: 'flowers',
      label: '鲜花',
      season: null,
      dueHoursBefore: 24,
      owner: 'ADMINISTRATION',
    };
    const edited = (
      await ok<{ updateCategory: Category }>('x-admin', Q.updateCategory, {
        id: a.id,
        i: { ...inputOf(a), advanceNoticeDays: 3, checklist: [...a.standard.checklist, flowers] },
      })
    ).updateCategory;
    expect(edited.standard.advanceNoticeDays).toBe(3);
    expect(edited.standard.checklist.at(-1)).toEqual(flowers);
    // …and adds a fifth category.
    const e = (
      await ok<{ createCategory: Category }>('x-admin', Q.createCategory, {
        i: { ...inputOf(first[3]), code: 'E', name: 'E类 供应商', sortOrder: 5 },
      })
    ).createCategory;
    const after = (await ok<{ categories: Category[] }>('x-staff', Q.categories)).categories;
    expect(after.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(after[0].standard.advanceNoticeDays).toBe(3);
    expect(after[0].standard.checklist.map((i) => i.key)).toContain('flowers');
    expect(after[4]).toMatchObject({ id: e.id, name: 'E类 供应商' });
    // A code is unique within the company.
    expect(
      await refused('x-admin', Q.createCategory, { i: { ...inputOf(first[3]), code: 'E' } }),
    ).toMatchObject({ code: 'CONFLICT', field: 'code' });

    // Nobody but an administrator edits standards.
    for (const who of ['x-staff', 'manager', 'tlead']) {
      expect(
        (
          await refused(who, Q.updateCategory, {
            id: a.id,
            i: { ...inputOf(a), advanceNoticeDays: 0 },
          })
        ).code,
        who,
      ).toBe('FORBIDDEN');
      expect(
        (await refused(who, Q.createCategory, { i: { ...inputOf(a), code: 'Z' } })).code,
        who,
      ).toBe('FORBIDDEN');
    }
    expect(
      (await ok<{ categories: Category[] }>('x-staff', Q.categories)).categories[0].standard
        .advanceNoticeDays,
    ).toBe(3);
    // Another company's administrator does not even find it; our company's A is untouched.
    expect((await refused('admin', Q.updateCategory, { id: a.id, i: inputOf(a) })).code).toBe(
      'NOT_FOUND',
    );
    const ours = (await ok<{ categories: Category[] }>('admin', Q.categories)).categories;
    expect(ours.find((c) => c.code === 'A')!.standard.checklist.map((i) => i.key)).not.toContain(
      'flowers',
    );
    expect(ours.map((c) => c.code)).not.toContain('E');
  });

  it('C1: a request with less notice than its category asks is allowed and flagged; approval needs acknowledgeLate', async () => {
    const twoDays = await category({ advanceNoticeDays: 2 });
    // 09:00 today; 10:00 tomorrow is 25 hours away: late for a 2-day category.
    const late = await request({
      categoryId: twoDays.id,
      startAt: iso(day(1, 10)),
      endAt: iso(day(1, 11)),
    });
    expect(late).toMatchObject({ state: 'REQUESTED', late: true, lateApproved: false });
    expect((await detail(late.id)).history[0]).toMatchObject({
      kind: 'REQUESTED',
      toState: 'REQUESTED',
      params: { late: true, noticeDays: 2 },
    });
    const before = await stored(late.id);
    expect(await refused('thead', Q.approve, { id: late.id, i: null })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'acknowledgeLate',
      reason: 'C1_LATE',
    });
    expect(
      await refused('thead', Q.approve, { id: late.id, i: { acknowledgeLate: false } }),
    ).toMatchObject({ reason: 'C1_LATE' });
    expect(await stored(late.id)).toEqual(before);
    const approved = await approve(late.id, { acknowledgeLate: true, note: '客户临时来访' });
    expect(approved).toMatchObject({
      state: 'APPROVED',
      late: true,
      lateApproved: true,
      decisionReason: '客户临时来访',
      decidedBy: { id: id.thead },
    });

    // Exactly two days ahead is on time: approved without saying anything.
    const onTime = await request({
      categoryId: twoDays.id,
      startAt: iso(day(2, 9)),
      endAt: iso(day(2, 10)),
    });
    expect(onTime.late).toBe(false);
    expect(await approve(onTime.id)).toMatchObject({
      state: 'APPROVED',
      late: false,
      lateApproved: false,
    });
  });

  it('C1: a category that needs a meeting room refuses a request without one; one that does not, takes it', async () => {
    expect(
      await refused('tlead', Q.request, { s: site, i: await requestInput({ roomId: null }) }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roomId', reason: 'C1_ROOM' });
    const noRoom = await category({ meetingRoom: false });
    const a = await request({ categoryId: noRoom.id, roomId: null });
    expect(a.room).toBeNull();
    await approve(a.id);
    expect((await detail(a.id)).roomBooking).toBeNull();
  });

  // ---- C2 ---------------------------------------------------------------------------------------------

  it("C2: approving a winter visit creates the winter plates task and not the summer one, and vice versa, by the site's time zone", async () => {
    const seasonal = await category({ checklist: [...CHECKLIST, ...PLATES] });
    const keysOf = async (start: number) => {
      const a = await request({
        categoryId: seasonal.id,
        startAt: iso(start),
        endAt: iso(start + H),
      });
      await approve(a.id);
      return (await detail(a.id)).tasks.map((x) => x.key).sort();
    };
    const winter = ['greet', 'plan', 'room', 'winter-plates'];
    const summer = ['greet', 'plan', 'room', 'summer-plates'];
    expect(await keysOf(shanghai(2027, 1, 20, 10))).toEqual(winter);
    expect(await keysOf(shanghai(2026, 7, 15, 10))).toEqual(summer);
    // 02:00 on 1 November in Shanghai is still 31 October in UTC: Shanghai's November decides.
    expect(await keysOf(shanghai(2026, 11, 1, 2))).toEqual(winter);
    expect(await keysOf(shanghai(2026, 10, 31, 23))).toEqual(summer);
  });

  // ---- C3 ---------------------------------------------------------------------------------------------

  it('C3: approval reserves one free item of each kind; an overlapping one takes the other projector, a third finds none', async () => {
    const projector = await equipment('projector', 2);
    const pointer = await equipment('pointer', 1);
    const ten = day(3, 10);
    const first = await request({
      equipmentKinds: [projector.kind, pointer.kind],
      startAt: iso(ten),
      endAt: iso(ten + 2 * H),
    });
    expect(first.equipmentKinds.sort()).toEqual([projector.kind, pointer.kind].sort());
    await approve(first.id);
    const held = (await detail(first.id)).equipment;
    expect(held.map((r) => r.equipment.kind).sort()).toEqual([projector.kind, pointer.kind].sort());
    const firstProjector = held.find((r) => r.equipment.kind === projector.kind)!;
    expect(firstProjector).toMatchObject({
      startAt: iso(ten),
      endAt: iso(ten + 2 * H),
      checkedOutAt: null,
      returnedAt: null,
      overdue: false,
    });

    const second = await request({
      equipmentKinds: [projector.kind],
      startAt: iso(ten + H),
      endAt: iso(ten + 3 * H),
    });
    await approve(second.id);
    const secondProjector = (await detail(second.id)).equipment;
    expect(secondProjector).toHaveLength(1);
    expect([firstProjector.equipment.id, secondProjector[0].equipment.id].sort()).toEqual(
      [...projector.items].sort(),
    );

    const third = await request({
      equipmentKinds: [projector.kind],
      startAt: iso(ten + 30 * 60_000),
      endAt: iso(ten + 90 * 60_000),
    });
    const before = await stored(third.id);
    expect(await refused('thead', Q.approve, { id: third.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_EQUIPMENT_UNAVAILABLE',
      kind: projector.kind,
    });
    expect(await stored(third.id)).toEqual(before);

    // From the end of the first meeting its projector is free again (half-open times).
    const fourth = await request({
      equipmentKinds: [projector.kind],
      startAt: iso(ten + 2 * H),
      endAt: iso(ten + 3 * H),
    });
    await approve(fourth.id);
    expect((await detail(fourth.id)).equipment.map((r) => r.equipment.id)).toEqual([
      firstProjector.equipment.id,
    ]);

    // A kind the site does not have is refused at the request.
    expect(
      await refused('tlead', Q.request, {
        s: site,
        i: await requestInput({ equipmentKinds: ['no-such-thing'] }),
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.equipmentKinds',
      reason: 'C3_UNKNOWN_KIND',
    });
  });

  it('C3: equipment is checked out by a named person and returned; still out after the meeting it is overdue; keys go back after the meeting only', async () => {
    const projector = await equipment('projector', 1);
    const pointer = await equipment('pointer', 1);
    const start = day(1, 10);
    const a = await request({
      equipmentKinds: [projector.kind, pointer.kind],
      startAt: iso(start),
      endAt: iso(start + 2 * H),
    });
    await approve(a.id);
    const reservations = (await detail(a.id)).equipment;
    const p = reservations.find((r) => r.equipment.kind === projector.kind)!;
    const l = reservations.find((r) => r.equipment.kind === pointer.kind)!;

    expect(await refused('tdesk', Q.checkOut, { r: p.id, u: '99999999' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'byUserId',
    });
    expect(await refused('tdesk', Q.returnEquipment, { r: p.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_NOT_CHECKED_OUT',
    });
    now = start - 30 * 60_000;
    const out = (await ok('tdesk', Q.checkOut, { r: p.id, u: id.tlead })).checkOutEquipment;
    expect(out).toMatchObject({
      id: p.id,
      checkedOutAt: iso(now),
      checkedOutBy: { id: id.tlead },
      returnedAt: null,
      overdue: false,
      equipment: { id: p.equipment.id },
    });
    expect(await refused('tdesk', Q.checkOut, { r: p.id, u: id.tother })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_CHECKED_OUT',
    });
    expect(await refused('tdesk', Q.returnKeys, { a: a.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_NOT_MET',
    });

    now = start + 5 * 60_000;
    await ok('tdesk', Q.arrive, { id: a.id, g: [{ name: '陈总' }] });
    // During the meeting it is out, not overdue; a minute after the end it is.
    now = start + 2 * H;
    expect((await detail(a.id)).equipment.find((r) => r.id === p.id)!.overdue).toBe(false);
    now = start + 2 * H + 60_000;
    const late = await detail(a.id);
    expect(late.equipment.find((r) => r.id === p.id)).toMatchObject({
      overdue: true,
      checkedOutBy: { id: id.tlead },
    });
    // Never taken out is never overdue.
    expect(late.equipment.find((r) => r.id === l.id)!.overdue).toBe(false);

    const back = (await ok('tdesk', Q.returnEquipment, { r: p.id })).returnEquipment;
    expect(back).toMatchObject({
      returnedAt: iso(now),
      returnedBy: { id: id.tdesk },
      overdue: false,
    });
    expect(await refused('tdesk', Q.returnEquipment, { r: p.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_RETURNED',
    });

    const keys = (await ok('tdesk', Q.returnKeys, { a: a.id })).returnRoomKeys;
    expect(keys).toMatchObject({
      active: true,
      keysReturnedAt: iso(now),
      keysReturnedBy: { id: id.tdesk },
      room: { id: a.room!.id },
    });
    expect(await refused('tdesk', Q.returnKeys, { a: a.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_RETURNED',
    });
    expect((await detail(a.id)).history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(['EQUIPMENT_OUT', 'EQUIPMENT_RETURNED', 'KEYS_RETURNED']),
    );
  });

  it('C3: cancelling frees what was not checked out at once; what is out stays held until it is returned', async () => {
    const projector = await equipment('projector', 1);
    const pointer = await equipment('pointer', 1);
    const start = day(4, 14);
    const times = { startAt: iso(start), endAt: iso(start + H) };
    const a = await request({ equipmentKinds: [projector.kind, pointer.kind], ...times });
    await approve(a.id);
    const l = (await detail(a.id)).equipment.find((r) => r.equipment.kind === pointer.kind)!;
    await ok('tdesk', Q.checkOut, { r: l.id, u: id.tdesk });
    await ok('tlead', Q.cancel, { id: a.id, r: '客户改期未定' });
    expect((await detail(a.id)).equipment.map((r) => r.id)).toEqual([l.id]);

    const wantsProjector = await request({ equipmentKinds: [projector.kind], ...times });
    await approve(wantsProjector.id);
    expect((await detail(wantsProjector.id)).equipment.map((r) => r.equipment.id)).toEqual(
      projector.items,
    );
    const wantsPointer = await request({ equipmentKinds: [pointer.kind], ...times });
    expect(await refused('thead', Q.approve, { id: wantsPointer.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_EQUIPMENT_UNAVAILABLE',
      kind: pointer.kind,
    });

    // Once the pointer is back, the cancelled visit no longer holds it.
    const back = (await ok('tdesk', Q.returnEquipment, { r: l.id })).returnEquipment;
    expect(back).toMatchObject({
      id: l.id,
      returnedAt: iso(now),
      returnedBy: { id: id.tdesk },
      overdue: false,
    });
    expect((await detail(a.id)).equipment).toEqual([]);
    await approve(wantsPointer.id);
    expect((await detail(wantsPointer.id)).equipment.map((r) => r.equipment.id)).toEqual(
      pointer.items,
    );
  });

  // ---- C4 ---------------------------------------------------------------------------------------------

  it('C4: more hosts than guests is refused unless the category turns the rule off; a cost over budget × guests is refused', async () => {
    expect(
      await refused('tlead', Q.request, {
        s: site,
        i: await requestInput({ headcount: 2, hosts: 3 }),
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.hosts', reason: 'C4_HOSTS' });
    expect((await request({ headcount: 2, hosts: 2 })).hosts).toBe(2);
    const relaxed = await category({ hostsAtMostGuests: false });
    expect(relaxed.standard.hostsAtMostGuests).toBe(false);
    expect(await request({ categoryId: relaxed.id, headcount: 2, hosts: 3 })).toMatchObject({
      headcount: 2,
      hosts: 3,
    });

    // Budget 500 per guest, two guests: 1000 is the limit, whatever the hosts rule.
    expect(
      await refused('tlead', Q.request, {
        s: site,
        i: await requestInput({ headcount: 2, hosts: 1, estimatedCost: 1001 }),
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.estimatedCost',
      reason: 'C4_BUDGET',
    });
    expect(
      await refused('tlead', Q.request, {
        s: site,
        i: await requestInput({
          categoryId: relaxed.id,
          headcount: 2,
          hosts: 3,
          estimatedCost: 1001,
        }),
      }),
    ).toMatchObject({ reason: 'C4_BUDGET' });
    expect((await request({ headcount: 2, hosts: 1, estimatedCost: 1000 })).estimatedCost).toBe(
      1000,
    );
    // Guests and hosts must fit the room.
    expect(
      await refused('tlead', Q.request, {
        s: site,
        i: await requestInput({ headcount: 3, hosts: 2, roomId: await room(4) }),
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roomId', reason: 'ROOM_TOO_SMALL' });
  });

  // ---- P1 ---------------------------------------------------------------------------------------------

  it('P1: a request records purpose, headcount, time, category, lead and supporting departments; it waits for the lead department’s head', async () => {
    const start = day(5, 14);
    const a = await request({
      purpose: '  考察样板间  ',
      visitorCompany: '华东设计院',
      headcount: 4,
      hosts: 2,
      startAt: iso(start),
      endAt: iso(start + 90 * 60_000),
      supportingDepartmentIds: [dept.support, dept.lead, dept.support],
      leadUserId: id.tother,
    });
    expect(a).toMatchObject({
      state: 'REQUESTED',
      purpose: '考察样板间',
      visitorCompany: '华东设计院',
      headcount: 4,
      hosts: 2,
      startAt: iso(start),
      endAt: iso(start + 90 * 60_000),
      category: { id: standard.id },
      leadDepartment: { id: dept.lead },
      supportingDepartments: [{ id: dept.support }],
      lead: { id: id.tother },
      requestedBy: { id: id.tlead },
      decidedBy: null,
      late: false,
      progress: { done: 0, total: 0 },
    });
    const d = await detail(a.id, 'thead');
    expect(d.approvers).toEqual([{ id: id.thead }]);
    expect(d.can).toMatchObject({ decide: true, change: true });
    expect((await detail(a.id, 'tlead')).can.decide).toBe(false);
    expect(
      (await ok<{ myApprovals: Ref[] }>('thead', Q.myApprovals)).myApprovals.map((x) => x.id),
    ).toContain(a.id);
    expect(
      (await ok<{ myApprovals: Ref[] }>('tmgr', Q.myApprovals)).myApprovals.map((x) => x.id),
    ).not.toContain(a.id);
    expect(await told(a.id, 'APPROVAL_REQUESTED')).toEqual(['thead']);
    const listed = (
      await ok('tother', Q.list, {
        s: site,
        f: {
          states: ['REQUESTED'],
          categoryIds: [standard.id],
          departmentIds: [dept.lead],
          search: '样板间',
        },
      })
    ).appointments;
    expect(listed.rows.map((r: Ref) => r.id)).toContain(a.id);
    expect(
      (
        await ok('tother', Q.list, { s: site, f: { states: ['APPROVED'], search: '样板间' } })
      ).appointments.rows.map((r: Ref) => r.id),
    ).not.toContain(a.id);
  });

  it('P1: only the lead department’s head decides (the site’s managers when it has none); others are refused with P1_NOT_APPROVER; a rejection needs a reason', async () => {
    const a = await request();
    for (const who of ['tmgr', 'tother', 'tlead', 'admin', 'tadm']) {
      expect(await refused(who, Q.approve, { id: a.id }), who).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'P1_NOT_APPROVER',
      });
      expect(await refused(who, Q.reject, { id: a.id, r: '不合适' }), who).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'P1_NOT_APPROVER',
      });
    }
    expect((await detail(a.id)).appointment.state).toBe('REQUESTED');
    expect(await refused('thead', Q.reject, { id: a.id, r: '   ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const rejected = (
      await ok<{ rejectAppointment: Appointment }>('thead', Q.reject, {
        id: a.id,
        r: '  时间冲突，请改期  ',
      })
    ).rejectAppointment;
    expect(rejected).toMatchObject({
      state: 'REJECTED',
      decisionReason: '时间冲突，请改期',
      decidedBy: { id: id.thead },
    });
    expect(await told(a.id, 'REJECTED')).toEqual(['tlead']);
    expect(await refused('thead', Q.approve, { id: a.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P3_INVALID_TRANSITION',
    });

    // A lead department without a head: the site's managers decide, and are told; the demo's
    // manager is company-wide, so a manager of this new site too.
    const b = await request({ leadDepartmentId: dept.headless });
    const approvers = (await detail(b.id)).approvers.map((a: Ref) => a.id).sort();
    expect(approvers).toEqual([id.manager, id.tmgr].sort());
    expect(await told(b.id, 'APPROVAL_REQUESTED')).toEqual(['manager', 'tmgr']);
    expect(await refused('thead', Q.approve, { id: b.id })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'P1_NOT_APPROVER',
    });
    // A manager of another site only does not even see it.
    expect(await refused('yang', Q.approve, { id: b.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await approve(b.id, null, 'tmgr')).toMatchObject({
      state: 'APPROVED',
      decidedBy: { id: id.tmgr },
    });

    // A disabled head decides nothing: the managers step in.
    const deputy = (
      await ok('admin', 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: {
          username: unique('deputy'),
          displayName: '副主任',
          password: PASSWORD,
          roles: ['CONSULTANT'],
          siteIds: [site],
        },
      })
    ).createUser.id;
    const headed = (
      await ok('admin', 'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }', {
        i: { name: unique('测试临时部'), siteId: site, headUserId: deputy },
      })
    ).createDepartment.id;
    const c = await request({ leadDepartmentId: headed });
    expect((await detail(c.id)).approvers).toEqual([{ id: deputy }]);
    await ok('admin', 'mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', {
      id: deputy,
    });
    expect((await detail(c.id)).approvers.map((a: Ref) => a.id).sort()).toEqual([id.manager, id.tmgr].sort());
    expect(await approve(c.id, null, 'tmgr')).toMatchObject({
      state: 'APPROVED',
      decidedBy: { id: id.tmgr },
    });
  });

  it('P1: approval creates one task per checklist item with its owner (lead, administration head, receiver) and a due time that is never in the past', async () => {
    const withEarly = await category({
      checklist: [
        ...CHECKLIST,
        { key: 'invite', label: '发送邀请函', season: null, dueHoursBefore: 240, owner: 'LEAD' },
      ],
    });
    const start = day(3, 10);
    const a = await request({
      categoryId: withEarly.id,
      startAt: iso(start),
      endAt: iso(start + H),
      leadUserId: id.tother,
    });
    await approve(a.id);
    const d = await detail(a.id);
    expect(d.tasks).toHaveLength(4);
    const byKey = Object.fromEntries(
      d.tasks.map((x) => [
        x.key,
        { owner: x.owner.id, dueAt: ms(x.dueAt), state: x.state, label: x.label },
      ]),
    );
    expect(byKey).toEqual({
      plan: { owner: id.tother, dueAt: start - 48 * H, state: 'OPEN', label: '专项接待方案' },
      room: { owner: id.tadm, dueAt: start - 2 * H, state: 'OPEN', label: '会议室准备' },
      greet: { owner: id.tother, dueAt: start, state: 'OPEN', label: '迎接引导' },
      // Ten days before a visit in three days is already past: due in an hour, not overdue at once.
      invite: { owner: id.tother, dueAt: now + H, state: 'OPEN', label: '发送邀请函' },
    });
    expect(d.appointment.progress).toEqual({ done: 0, total: 4 });
    expect(await told(a.id, 'TASK_ASSIGNED')).toEqual(['tadm', 'tother']);
    expect(await told(a.id, 'APPROVED')).toEqual(['tlead', 'tother']);
    const assigned = await t.app.ds
      .getRepository(NotificationEntity)
      .findOneByOrFail({
        appointmentId: Number(a.id),
        kind: 'TASK_ASSIGNED',
        userId: Number(id.tother),
      });
    expect(JSON.parse(assigned.params)).toMatchObject({ count: 3, purpose: '合作洽谈' });
    expect(
      (
        await ok<{ myTasks: Array<{ key: string; appointmentId: string }> }>('tadm', Q.myTasks)
      ).myTasks
        .filter((x) => x.appointmentId === a.id)
        .map((x) => x.key),
    ).toEqual(['room']);

    // Without a responsible department, administration's items fall to the lead.
    const noAdmin = await category({ responsibleDepartmentId: null });
    const b = await request({ categoryId: noAdmin.id });
    await approve(b.id);
    expect(task(await detail(b.id), 'room').owner.id).toBe(id.tlead);
  });

  it('P1: the approver may name other task owners; an unknown checklist key or user is refused and nothing is written', async () => {
    const a = await request();
    const before = await stored(a.id);
    expect(
      await refused('thead', Q.approve, {
        id: a.id,
        i: { taskOwners: [{ key: 'no-such-item', userId: id.tdesk }] },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taskOwners' });
    expect(
      await refused('thead', Q.approve, {
        id: a.id,
        i: { taskOwners: [{ key: 'room', userId: '99999999' }] },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taskOwners' });
    // Task owners are people of the appointment's site: yang works at the other site.
    expect(
      await refused('thead', Q.approve, {
        id: a.id,
        i: { taskOwners: [{ key: 'room', userId: id.yang }] },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taskOwners' });
    expect(await stored(a.id)).toEqual(before);
    await approve(a.id, {
      taskOwners: [
        { key: 'room', userId: id.tdesk },
        { key: 'greet', userId: id.tother },
      ],
    });
    const d = await detail(a.id);
    expect(Object.fromEntries(d.tasks.map((x) => [x.key, x.owner.id]))).toEqual({
      plan: id.tlead,
      room: id.tdesk,
      greet: id.tother,
    });
  });

  // ---- P2 ---------------------------------------------------------------------------------------------

  it('P2: a second approval of the same room and time is refused with P2_ROOM_TAKEN; touching times and another room are fine', async () => {
    const r1 = await room();
    const r2 = await room();
    const ten = day(2, 10);
    const at = (from: number, to: number, roomId = r1) =>
      request({ roomId, startAt: iso(ten + from * H), endAt: iso(ten + to * H) });
    // All requested first: a request does not hold the room yet.
    const first = await at(0, 2);
    const overlapping = await at(1, 3);
    const touching = await at(2, 3);
    const elsewhere = await at(1, 3, r2);
    await approve(first.id);
    const before = await stored(overlapping.id);
    expect(await refused('thead', Q.approve, { id: overlapping.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P2_ROOM_TAKEN',
      field: 'roomId',
      appointmentIds: [Number(first.id)],
    });
    expect(await stored(overlapping.id)).toEqual(before);
    expect((await detail(overlapping.id)).appointment.state).toBe('REQUESTED');
    await approve(touching.id);
    await approve(elsewhere.id);

    // roomAvailability says who holds what.
    const mid = await availability(ten + H, ten + 90 * 60_000);
    expect(mid.find((x) => x.room.id === r1)).toEqual({
      room: { id: r1 },
      free: false,
      appointmentIds: [first.id],
    });
    expect(mid.find((x) => x.room.id === r2)).toEqual({
      room: { id: r2 },
      free: false,
      appointmentIds: [elsewhere.id],
    });
    expect(
      (await availability(ten + H, ten + 90 * 60_000, first.id)).find((x) => x.room.id === r1),
    ).toMatchObject({ free: true, appointmentIds: [] });
    expect(
      (await availability(ten + 2 * H, ten + 3 * H)).find((x) => x.room.id === r1),
    ).toMatchObject({ free: false, appointmentIds: [touching.id] });
    expect(
      (await availability(ten + 3 * H, ten + 4 * H)).find((x) => x.room.id === r1),
    ).toMatchObject({ free: true });
    expect((await availability(ten - H, ten)).find((x) => x.room.id === r1)).toMatchObject({
      free: true,
    });
    expect(
      (await refused('tlead', Q.availability, { s: site, from: iso(ten), to: iso(ten) })).code,
    ).toBe('BAD_USER_INPUT');

    // A request for a booked room is refused at once; the rest of the hour is fine.
    expect(
      await refused('tlead', Q.request, {
        s: site,
        i: await requestInput({ roomId: r1, startAt: iso(ten + 30 * 60_000), endAt: iso(ten + H) }),
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'P2_ROOM_TAKEN',
    });
    await at(3, 4);
  });

  // ---- P3 ---------------------------------------------------------------------------------------------

  it('P3: invalid moves are refused with P3_INVALID_TRANSITION and change nothing; arrival before approval is P1_NOT_APPROVED', async () => {
    const a = await request();
    const requested = await stored(a.id);
    expect(
      await refused('tlead', Q.complete, {
        id: a.id,
        i: { outcome: '好', cooperationIntent: 'HIGH', feedback: '', satisfaction: 5 },
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'P3_INVALID_TRANSITION',
      from: 'requested',
      to: 'completed',
      allowed: ['approved', 'rejected', 'cancelled', 'rescheduled'],
    });
    expect(await refused('tdesk', Q.arrive, { id: a.id, g: [{ name: '访客' }] })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P1_NOT_APPROVED',
    });
    expect(await refused('tdesk', Q.returnKeys, { a: a.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_NOT_MET',
    });
    expect(await stored(a.id)).toEqual(requested);

    await approve(a.id);
    const approved = await stored(a.id);
    expect(await refused('thead', Q.approve, { id: a.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P3_INVALID_TRANSITION',
      from: 'approved',
      to: 'approved',
    });
    expect(await refused('thead', Q.reject, { id: a.id, r: '改主意了' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P3_INVALID_TRANSITION',
    });
    expect(
      await refused('tlead', Q.complete, {
        id: a.id,
        i: { outcome: '好', cooperationIntent: 'HIGH', feedback: '', satisfaction: 5 },
      }),
    ).toMatchObject({ reason: 'P3_INVALID_TRANSITION' });
    expect(await stored(a.id)).toEqual(approved);

    await ok('tlead', Q.cancel, { id: a.id, r: '客户取消' });
    const cancelled = await stored(a.id);
    expect(await refused('tlead', Q.cancel, { id: a.id, r: '再取消' })).toMatchObject({
      reason: 'P3_INVALID_TRANSITION',
      from: 'cancelled',
      allowed: [],
    });
    expect(
      await refused('tlead', Q.reschedule, {
        id: a.id,
        i: { startAt: iso(day(9, 10)), endAt: iso(day(9, 11)), reason: '改期' },
      }),
    ).toMatchObject({ reason: 'P3_INVALID_TRANSITION' });
    expect(await refused('thead', Q.approve, { id: a.id })).toMatchObject({
      reason: 'P3_INVALID_TRANSITION',
    });
    expect(await refused('tdesk', Q.arrive, { id: a.id, g: [{ name: '访客' }] })).toMatchObject({
      reason: 'P3_INVALID_TRANSITION',
    });
    expect(
      await refused('tlead', Q.setTaskDone, { id: (await detail(a.id)).tasks[0].id, d: true }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'TASKS_CLOSED' });
    expect(
      await refused('tlead', Q.raise, {
        a: a.id,
        i: { text: '需要翻译', escalatedToId: id.thead, promisedBy: iso(now + H) },
      }),
    ).toMatchObject({ reason: 'P3_INVALID_TRANSITION' });
    expect(await stored(a.id)).toEqual(cancelled);
  });

  it('P3: ticking the last preparation task makes the appointment PREPARED; only owner, lead or approver tick', async () => {
    const a = await request();
    await approve(a.id);
    const d = await detail(a.id);
    expect(
      await refused('tother', Q.setTaskDone, { id: task(d, 'room').id, d: true }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const one = (await ok('tadm', Q.setTaskDone, { id: task(d, 'room').id, d: true })).setTaskDone;
    expect(one).toMatchObject({
      task: { state: 'DONE', doneAt: iso(now), doneBy: { id: id.tadm } },
      appointment: { state: 'APPROVED', progress: { done: 1, total: 3 } },
    });
    // Ticking twice changes nothing.
    expect(
      (await ok('tadm', Q.setTaskDone, { id: task(d, 'room').id, d: true })).setTaskDone.appointment
        .progress,
    ).toEqual({ done: 1, total: 3 });
    expect(
      (await ok('tlead', Q.setTaskDone, { id: task(d, 'plan').id, d: true })).setTaskDone
        .appointment.state,
    ).toBe('APPROVED');
    const last = (await ok('thead', Q.setTaskDone, { id: task(d, 'greet').id, d: true }))
      .setTaskDone;
    expect(last).toMatchObject({
      task: { state: 'DONE', doneBy: { id: id.thead } },
      appointment: { state: 'PREPARED', progress: { done: 3, total: 3 } },
    });
    expect((await detail(a.id)).history.filter((h) => h.toState === 'PREPARED')).toEqual([
      expect.objectContaining({ kind: 'PREPARED', fromState: 'APPROVED' }),
    ]);
    expect(
      (await ok<{ myTasks: Array<{ id: string }> }>('tadm', Q.myTasks)).myTasks.map((x) => x.id),
    ).not.toContain(task(d, 'room').id);
    expect(
      (
        await ok<{ myTasks: Array<{ id: string; state: string }> }>('tadm', Q.myTasks, {
          all: true,
        })
      ).myTasks.find((x) => x.id === task(d, 'room').id)!.state,
    ).toBe('DONE');
  });

  it('P3: a reschedule moves open tasks by the same delta and the room booking, and notifies the owners', async () => {
    const start = day(6, 10);
    const a = await request({ startAt: iso(start), endAt: iso(start + 2 * H) });
    await approve(a.id);
    const before = await detail(a.id);
    await ok('tlead', Q.setTaskDone, { id: task(before, 'plan').id, d: true });

    const moved = start + DAY + H;
    expect(
      await refused('thead', Q.reschedule, {
        id: a.id,
        i: { startAt: iso(moved), endAt: iso(moved + 2 * H), reason: '' },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    const r = (
      await ok<{ rescheduleAppointment: Appointment }>('thead', Q.reschedule, {
        id: a.id,
        i: { startAt: iso(moved), endAt: iso(moved + 2 * H), reason: '客户航班改期' },
      })
    ).rescheduleAppointment;
    expect(r).toMatchObject({
      state: 'RESCHEDULED',
      startAt: iso(moved),
      endAt: iso(moved + 2 * H),
      room: { id: a.room!.id },
    });
    const after = await detail(a.id);
    // Open tasks move by the delta; the done one stays where it was.
    expect(ms(task(after, 'room').dueAt)).toBe(ms(task(before, 'room').dueAt)! + DAY + H);
    expect(ms(task(after, 'greet').dueAt)).toBe(ms(task(before, 'greet').dueAt)! + DAY + H);
    expect(task(after, 'plan')).toMatchObject({ state: 'DONE', dueAt: task(before, 'plan').dueAt });
    expect(after.roomBooking).toMatchObject({
      active: true,
      startAt: iso(moved),
      endAt: iso(moved + 2 * H),
      room: { id: a.room!.id },
    });
    expect(
      (await availability(start, start + 2 * H)).find((x) => x.room.id === a.room!.id)!.free,
    ).toBe(true);
    expect(
      (await availability(moved, moved + H)).find((x) => x.room.id === a.room!.id),
    ).toMatchObject({ free: false, appointmentIds: [a.id] });
    // The owners of open tasks (tadm, tlead — also lead and requester) are told; the one who moved it is not.
    expect(await told(a.id, 'RESCHEDULED')).toEqual(['tadm', 'tlead']);
    const n = await t.app.ds
      .getRepository(NotificationEntity)
      .findOneByOrFail({
        appointmentId: Number(a.id),
        kind: 'RESCHEDULED',
        userId: Number(id.tadm),
      });
    expect(JSON.parse(n.params)).toMatchObject({
      from: iso(start),
      to: iso(moved),
      reason: '客户航班改期',
    });
    expect(after.history.at(-1)).toMatchObject({
      kind: 'RESCHEDULED',
      fromState: 'APPROVED',
      toState: 'RESCHEDULED',
      params: {
        reason: '客户航班改期',
        from: { startAt: iso(start) },
        to: { startAt: iso(moved) },
      },
    });

    // Into another room: the booking follows, the old room is free. Still approved: ticking the rest prepares it.
    const r2 = await room();
    await ok('tlead', Q.reschedule, {
      id: a.id,
      i: { startAt: iso(moved), endAt: iso(moved + 2 * H), roomId: r2, reason: '换大会议室' },
    });
    expect((await detail(a.id)).roomBooking).toMatchObject({ active: true, room: { id: r2 } });
    const free = await availability(moved, moved + H);
    expect(free.find((x) => x.room.id === a.room!.id)!.free).toBe(true);
    expect(free.find((x) => x.room.id === r2)).toMatchObject({
      free: false,
      appointmentIds: [a.id],
    });
    await ok('tadm', Q.setTaskDone, { id: task(after, 'room').id, d: true });
    expect(
      (await ok('tlead', Q.setTaskDone, { id: task(after, 'greet').id, d: true })).setTaskDone
        .appointment.state,
    ).toBe('PREPARED');
  });

  it('P3: a rescheduled visit keeps its approval (no second approval or rejection); a fully prepared one stays prepared; an unapproved one still needs its approver', async () => {
    const a = await request();
    await approve(a.id);
    const start = day(9, 10);
    await ok('tlead', Q.reschedule, {
      id: a.id,
      i: { startAt: iso(start), endAt: iso(start + H), reason: '改期' },
    });
    expect(await refused('thead', Q.approve, { id: a.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P3_INVALID_TRANSITION',
      from: 'rescheduled',
      to: 'approved',
    });
    expect(await refused('thead', Q.reject, { id: a.id, r: '不批了' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P3_INVALID_TRANSITION',
      to: 'rejected',
    });
    expect((await detail(a.id, 'thead')).can.decide).toBe(false);
    // Ticked to the end it is prepared; moved again, it stays prepared and its booking moves.
    for (const x of (await detail(a.id)).tasks)
      await ok('thead', Q.setTaskDone, { id: x.id, d: true });
    expect((await detail(a.id)).appointment.state).toBe('PREPARED');
    const later = start + DAY;
    const moved = (
      await ok<{ rescheduleAppointment: Appointment }>('tlead', Q.reschedule, {
        id: a.id,
        i: { startAt: iso(later), endAt: iso(later + H), reason: '再改期' },
      })
    ).rescheduleAppointment;
    expect(moved).toMatchObject({ state: 'PREPARED', startAt: iso(later) });
    expect((await detail(a.id)).roomBooking).toMatchObject({ active: true, startAt: iso(later) });
    expect(
      (await detail(a.id)).history.slice(-2).map((h) => [h.kind, h.fromState, h.toState]),
    ).toEqual([
      ['RESCHEDULED', 'PREPARED', 'RESCHEDULED'],
      ['PREPARED', 'RESCHEDULED', 'PREPARED'],
    ]);

    // A request moved before its approval books nothing and is still the approver's to decide.
    const b = await request();
    await ok('tlead', Q.reschedule, {
      id: b.id,
      i: { startAt: iso(start), endAt: iso(start + H), reason: '客户改期' },
    });
    expect(await told(b.id, 'RESCHEDULED')).toEqual(['thead']);
    const d = await detail(b.id, 'thead');
    expect(d).toMatchObject({ roomBooking: null, tasks: [], can: { decide: true } });
    expect(await approve(b.id)).toMatchObject({ state: 'APPROVED', startAt: iso(start) });
    expect((await detail(b.id)).roomBooking).toMatchObject({ active: true, startAt: iso(start) });
  });

  it('P3: a reschedule onto a taken room or equipment is refused and nothing is half written', async () => {
    const projector = await equipment('projector', 1);
    const r1 = await room();
    const r2 = await room();
    const t1 = day(6, 9);
    const t2 = day(6, 14);
    const a = await request({
      roomId: r1,
      equipmentKinds: [projector.kind],
      startAt: iso(t1),
      endAt: iso(t1 + H),
    });
    const b = await request({ roomId: r2, startAt: iso(t2), endAt: iso(t2 + H) });
    const c = await request({
      equipmentKinds: [projector.kind],
      startAt: iso(t2 + 2 * H),
      endAt: iso(t2 + 3 * H),
    });
    for (const x of [a, b, c]) await approve(x.id);
    const before = await stored(a.id);
    const view = await detail(a.id);

    // r2 is b's at t2.
    expect(
      await refused('tlead', Q.reschedule, {
        id: a.id,
        i: { startAt: iso(t2), endAt: iso(t2 + H), roomId: r2, reason: '挪到下午' },
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'P2_ROOM_TAKEN' });
    expect(await stored(a.id)).toEqual(before);
    // r1 is free at t2 + 2h, the projector is not: the room was already re-booked inside the transaction, and is rolled back.
    expect(
      await refused('tlead', Q.reschedule, {
        id: a.id,
        i: { startAt: iso(t2 + 2 * H), endAt: iso(t2 + 3 * H), reason: '挪到傍晚' },
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_EQUIPMENT_UNAVAILABLE',
    });
    expect(await stored(a.id)).toEqual(before);
    expect(await detail(a.id)).toEqual(view);
    expect((await availability(t2 + 2 * H, t2 + 3 * H)).find((x) => x.room.id === r1)!.free).toBe(
      true,
    );
    expect(await told(a.id, 'RESCHEDULED')).toEqual([]);
  });

  it('P3: a cancellation frees room and equipment, cancels open tasks and tells their owners', async () => {
    const projector = await equipment('projector', 1);
    const start = day(5, 15);
    const times = { startAt: iso(start), endAt: iso(start + H) };
    const a = await request({ equipmentKinds: [projector.kind], ...times });
    await approve(a.id);
    const d = await detail(a.id);
    await ok('tlead', Q.setTaskDone, { id: task(d, 'plan').id, d: true });
    expect(await refused('tother', Q.cancel, { id: a.id, r: '不来了' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refused('thead', Q.cancel, { id: a.id, r: ' ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const cancelled = (
      await ok<{ cancelAppointment: Appointment }>('thead', Q.cancel, {
        id: a.id,
        r: '客户行程取消',
      })
    ).cancelAppointment;
    expect(cancelled.state).toBe('CANCELLED');
    const after = await detail(a.id);
    expect(Object.fromEntries(after.tasks.map((x) => [x.key, x.state]))).toEqual({
      plan: 'DONE',
      room: 'CANCELLED',
      greet: 'CANCELLED',
    });
    expect(after.roomBooking).toMatchObject({ active: false });
    expect(after.equipment).toEqual([]);
    expect(after.can).toEqual({
      decide: false,
      change: false,
      recordArrival: false,
      complete: false,
    });
    expect(
      (await availability(start, start + H)).find((x) => x.room.id === a.room!.id),
    ).toMatchObject({ free: true, appointmentIds: [] });
    expect(await told(a.id, 'CANCELLED')).toEqual(['tadm', 'tlead']);
    expect(
      (await ok<{ myTasks: Array<{ id: string }> }>('tadm', Q.myTasks, { all: true })).myTasks.map(
        (x) => x.id,
      ),
    ).not.toContain(task(d, 'room').id);

    // The same room, time and projector go to the next visit.
    const b = await request({ equipmentKinds: [projector.kind], roomId: a.room!.id, ...times });
    await approve(b.id);
    expect((await detail(b.id)).equipment.map((r) => r.equipment.id)).toEqual(projector.items);
  });

  // ---- P4 ---------------------------------------------------------------------------------------------

  it('P4: on arrival the desk records the guests; afterwards the lead records outcome, intent, feedback and a 1–5 satisfaction', async () => {
    const start = day(1, 10);
    const a = await request({ startAt: iso(start), endAt: iso(start + 2 * H) });
    await approve(a.id);
    now = start - 5 * 60_000;
    expect((await detail(a.id, 'tdesk')).can).toMatchObject({
      recordArrival: true,
      complete: false,
    });
    expect((await detail(a.id, 'tother')).can).toMatchObject({
      recordArrival: false,
      change: false,
    });
    expect(await refused('tother', Q.arrive, { id: a.id, g: [{ name: '访客' }] })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refused('tdesk', Q.arrive, { id: a.id, g: [] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'guests',
    });

    const guests = [
      {
        name: ' 陈立 ',
        company: '远景科技',
        title: '副总裁',
        contact: '13900001111',
        businessScope: '智能制造',
        purpose: '考察合作',
        needs: '需要投影',
      },
      { name: '王敏' },
    ];
    const arrived = (
      await ok<{ recordArrival: Appointment }>('tdesk', Q.arrive, { id: a.id, g: guests })
    ).recordArrival;
    expect(arrived).toMatchObject({ state: 'ARRIVED', arrivedAt: iso(now) });
    const d = await detail(a.id);
    expect(d.guests).toEqual([
      {
        name: '陈立',
        company: '远景科技',
        title: '副总裁',
        contact: '13900001111',
        businessScope: '智能制造',
        purpose: '考察合作',
        needs: '需要投影',
        recordedAt: iso(now),
      },
      {
        name: '王敏',
        company: '',
        title: '',
        contact: '',
        businessScope: '',
        purpose: '',
        needs: '',
        recordedAt: iso(now),
      },
    ]);
    // Preparation still open is moot once the guests are here.
    expect(d.tasks.every((x) => x.state === 'CANCELLED')).toBe(true);
    expect(await told(a.id, 'GUESTS_ARRIVED')).toEqual(['tlead']);
    expect(d.can).toMatchObject({ complete: true, recordArrival: false });

    now = start + 2 * H + 10 * 60_000;
    const outcome = {
      outcome: '达成初步合作意向',
      cooperationIntent: 'HIGH',
      feedback: '接待周到',
      satisfaction: 5,
    };
    expect(await refused('tother', Q.complete, { id: a.id, i: outcome })).toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const satisfaction of [6, 0]) {
      const e = await refused('tlead', Q.complete, { id: a.id, i: { ...outcome, satisfaction } });
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.field).toMatch(/satisfaction$/);
    }
    expect((await detail(a.id)).appointment.state).toBe('ARRIVED');
    const done = (
      await ok<{ completeAppointment: Appointment }>('tlead', Q.complete, {
        id: a.id,
        i: { ...outcome, satisfaction: 4 },
      })
    ).completeAppointment;
    expect(done).toMatchObject({
      state: 'COMPLETED',
      outcome: '达成初步合作意向',
      cooperationIntent: 'HIGH',
      feedback: '接待周到',
      satisfaction: 4,
      completedAt: iso(now),
    });
    expect((await detail(a.id)).history.at(-1)).toMatchObject({
      kind: 'COMPLETED',
      fromState: 'ARRIVED',
      toState: 'COMPLETED',
      params: { satisfaction: 4, cooperationIntent: 'HIGH' },
      by: { id: id.tlead },
    });
    expect(await refused('tlead', Q.complete, { id: a.id, i: outcome })).toMatchObject({
      reason: 'P3_INVALID_TRANSITION',
    });
  });

  // ---- P5 ---------------------------------------------------------------------------------------------

  it('P5: a special request gets a promised reply time; past it unanswered it is overdue; the answer clears it; only its addressee answers', async () => {
    const a = await request();
    expect(
      await refused('tlead', Q.raise, {
        a: a.id,
        i: { text: '需要同声传译', escalatedToId: id.thead, promisedBy: iso(now) },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promisedBy' });
    const promised = now + 2 * H;
    const r = (
      await ok('tlead', Q.raise, {
        a: a.id,
        i: { text: '需要同声传译', escalatedToId: id.thead, promisedBy: iso(promised) },
      })
    ).raiseSpecialRequest;
    expect(r).toMatchObject({
      text: '需要同声传译',
      overdue: false,
      promisedBy: iso(promised),
      reply: null,
      escalatedTo: { id: id.thead },
      raisedBy: { id: id.tlead },
    });
    expect(await told(a.id, 'SPECIAL_REQUEST')).toEqual(['thead']);
    expect(
      (
        await ok<{ mySpecialRequests: Array<{ id: string; overdue: boolean }> }>(
          'thead',
          Q.mySpecialRequests,
        )
      ).mySpecialRequests,
    ).toContainEqual({ id: r.id, overdue: false });

    now = promised;
    expect((await detail(a.id)).specialRequests[0].overdue).toBe(false);
    now = promised + 60_000;
    expect((await detail(a.id)).specialRequests[0].overdue).toBe(true);
    expect(
      (
        await ok<{ mySpecialRequests: Array<{ id: string; overdue: boolean }> }>(
          'thead',
          Q.mySpecialRequests,
        )
      ).mySpecialRequests,
    ).toContainEqual({ id: r.id, overdue: true });

    expect(await refused('tother', Q.answer, { id: r.id, r: '我来安排' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refused('yang', Q.answer, { id: r.id, r: '我来安排' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const answered = (await ok('thead', Q.answer, { id: r.id, r: '已联系翻译公司' }))
      .answerSpecialRequest;
    expect(answered).toMatchObject({
      reply: '已联系翻译公司',
      repliedAt: iso(now),
      overdue: false,
    });
    expect((await detail(a.id)).specialRequests[0]).toMatchObject({
      overdue: false,
      reply: '已联系翻译公司',
    });
    expect(
      (await ok<{ mySpecialRequests: Ref[] }>('thead', Q.mySpecialRequests)).mySpecialRequests.map(
        (x) => x.id,
      ),
    ).not.toContain(r.id);
    expect(await refused('thead', Q.answer, { id: r.id, r: '再答一次' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'P5_ANSWERED',
    });
    const n = await t.app.ds
      .getRepository(NotificationEntity)
      .findOneByOrFail({ appointmentId: Number(a.id), kind: 'SPECIAL_REQUEST_ANSWERED' });
    expect(n.userId).toBe(Number(id.tlead));
    expect(JSON.parse(n.params)).toMatchObject({ requestId: Number(r.id), late: true });
  });

  // ---- notifications ----------------------------------------------------------------------------------

  it('P1, P3: notifications count the unread; marking some or all read changes only the reader’s own', async () => {
    type Page = {
      notifications: {
        unread: number;
        rows: Array<{
          id: string;
          kind: string;
          appointmentId: string;
          params: Record<string, unknown>;
          readAt: string | null;
        }>;
      };
    };
    await ok('thead', Q.markRead, { ids: null });
    expect((await ok<Page>('thead', Q.notifications)).notifications.unread).toBe(0);
    const made: Appointment[] = [];
    for (const purpose of ['来访一', '来访二', '来访三']) made.push(await request({ purpose }));
    const page = (await ok<Page>('thead', Q.notifications, { n: 3 })).notifications;
    expect(page.unread).toBe(3);
    expect(page.rows.map((r) => [r.kind, r.appointmentId, r.params.purpose, r.readAt])).toEqual([
      ['APPROVAL_REQUESTED', made[2].id, '来访三', null],
      ['APPROVAL_REQUESTED', made[1].id, '来访二', null],
      ['APPROVAL_REQUESTED', made[0].id, '来访一', null],
    ]);
    expect(page.rows[0].params).toMatchObject({
      visitorCompany: '远景科技',
      startAt: made[2].startAt,
      late: false,
    });

    // Someone else's ids change nothing.
    expect((await ok('tother', Q.markRead, { ids: [page.rows[0].id] })).markNotificationsRead).toBe(
      0,
    );
    expect((await ok('thead', Q.markRead, { ids: [page.rows[0].id] })).markNotificationsRead).toBe(
      1,
    );
    expect((await ok('thead', Q.markRead, { ids: [page.rows[0].id] })).markNotificationsRead).toBe(
      0,
    );
    const after = (await ok<Page>('thead', Q.notifications, { n: 3 })).notifications;
    expect(after.unread).toBe(2);
    expect(after.rows[0].readAt).toBe(iso(now));
    expect(after.rows[1].readAt).toBeNull();
    expect((await ok('thead', Q.markRead, { ids: null })).markNotificationsRead).toBe(2);
    expect((await ok<Page>('thead', Q.notifications)).notifications.unread).toBe(0);
    expect((await refused('thead', Q.notifications, { n: 0 })).code).toBe('BAD_USER_INPUT');
  });

  it('P1: myNotifications over a real WebSocket brings the approver the request as it is stored, and nobody else’s notifications', async () => {
    type Message = {
      myNotifications: {
        id: string;
        kind: string;
        appointmentId: string;
        params: Record<string, unknown>;
      };
    };
    const SUB = 'subscription { myNotifications { id kind appointmentId params } }';
    // Everyone else on the site listens too.
    const others = ['tmgr', 'tadm', 'tlead', 'tother', 'tdesk'];
    const head = subscribe<Message>('thead', SUB);
    const bystanders = others.map((u) => subscribe<Message>(u, SUB));
    try {
      for (const u of ['thead', ...others]) await listening(`NOTIFICATIONS:NOTIFIED:${id[u]}`);
      const a = await request({ purpose: '实时通知' });
      const first = (await head.next()).myNotifications;
      expect(first).toMatchObject({
        kind: 'APPROVAL_REQUESTED',
        appointmentId: a.id,
        params: { purpose: '实时通知', late: false },
      });
      const storedRow = (
        await ok<{ notifications: { rows: Array<{ id: string }> } }>('thead', Q.notifications, {
          n: 1,
        })
      ).notifications.rows[0];
      expect(first.id).toBe(storedRow.id);

      // Then one notification for each of the others: it is the first and only thing each of them hears.
      for (const [i, u] of others.entries()) {
        await ok(u === 'tlead' ? 'tother' : 'tlead', Q.raise, {
          a: a.id,
          i: { text: `标记${u}`, escalatedToId: id[u], promisedBy: iso(now + H) },
        });
        expect((await bystanders[i].next()).myNotifications, u).toMatchObject({
          kind: 'SPECIAL_REQUEST',
          appointmentId: a.id,
        });
      }
      // And a last one for the approver: in order, nothing of the others' in between.
      await ok('tlead', Q.raise, {
        a: a.id,
        i: { text: '需要会标', escalatedToId: id.thead, promisedBy: iso(now + H) },
      });
      expect((await head.next()).myNotifications).toMatchObject({
        kind: 'SPECIAL_REQUEST',
        appointmentId: a.id,
      });
      expect(head.received.map((m) => m.myNotifications.kind)).toEqual([
        'APPROVAL_REQUESTED',
        'SPECIAL_REQUEST',
      ]);
      for (const [i, u] of others.entries())
        expect(
          bystanders[i].received.map((m) => m.myNotifications.kind),
          u,
        ).toEqual(['SPECIAL_REQUEST']);
    } finally {
      for (const c of [head, ...bystanders]) await c.dispose();
    }
  });

  it("P3: appointmentChanged streams a site's changes to its users and refuses a site the user cannot see", async () => {
    type Message = { appointmentChanged: { siteId: string; appointmentId: string; state: string } };
    const SUB =
      'subscription($s: ID!) { appointmentChanged(siteId: $s) { siteId appointmentId state } }';
    const outsider = subscribe<Message>('yang', SUB, { s: site });
    try {
      expect(JSON.stringify(await outsider.failed())).toContain('FORBIDDEN');
    } finally {
      await outsider.dispose();
    }
    const stranger = subscribe<Message>('x-admin', SUB, { s: site });
    try {
      expect(JSON.stringify(await stranger.failed())).toContain('NOT_FOUND');
    } finally {
      await stranger.dispose();
    }

    const desk = subscribe<Message>('tdesk', SUB, { s: site });
    try {
      await listening(`APPOINTMENTS:SITE_CHANGED:${site}`);
      const a = await request();
      expect((await desk.next()).appointmentChanged).toEqual({
        siteId: site,
        appointmentId: a.id,
        state: 'REQUESTED',
      });
      await approve(a.id);
      expect((await desk.next()).appointmentChanged).toEqual({
        siteId: site,
        appointmentId: a.id,
        state: 'APPROVED',
      });
    } finally {
      await desk.dispose();
    }
  });

  // ---- authorization --------------------------------------------------------------------------------

  it("P1: nobody signed out, of another site or of another company reads or changes a site's appointments", async () => {
    const a = await request();
    for (const [query, variables] of [
      [Q.categories, {}],
      [Q.detail, { id: a.id }],
      [Q.request, { s: site, i: await requestInput() }],
      [Q.approve, { id: a.id }],
      [Q.notifications, {}],
      [Q.myTasks, {}],
    ] as const) {
      expect((await refused(null, query, variables)).code, query.slice(0, 40)).toBe(
        'UNAUTHENTICATED',
      );
    }
    // Another site of the same company: the appointment is not there for yang; the site is not hers.
    expect((await refused('yang', Q.detail, { id: a.id })).code).toBe('NOT_FOUND');
    expect((await refused('yang', Q.cancel, { id: a.id, r: '越权' })).code).toBe('NOT_FOUND');
    expect((await refused('yang', Q.list, { s: site })).code).toBe('FORBIDDEN');
    expect((await refused('yang', Q.request, { s: site, i: await requestInput() })).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await refused('yang', Q.availability, {
          s: site,
          from: iso(day(2, 10)),
          to: iso(day(2, 11)),
        })
      ).code,
    ).toBe('FORBIDDEN');
    // Another company: nothing of ours exists.
    expect((await refused('x-admin', Q.detail, { id: a.id })).code).toBe('NOT_FOUND');
    expect((await refused('x-admin', Q.cancel, { id: a.id, r: '越权' })).code).toBe('NOT_FOUND');
    expect((await refused('x-admin', Q.list, { s: site })).code).toBe('NOT_FOUND');
    expect(
      (await refused('x-admin', Q.createRoom, { s: site, i: { name: '入侵', capacity: 5 } })).code,
    ).toBe('NOT_FOUND');
    // Nor may ours point at theirs.
    const theirs = (await ok<{ categories: Category[] }>('x-admin', Q.categories)).categories[0];
    expect(
      await refused('tlead', Q.request, {
        s: site,
        i: await requestInput({ categoryId: theirs.id }),
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.categoryId' });
    expect(
      (await refused('tlead', Q.request, { s: other.site, i: await requestInput() })).code,
    ).toBe('NOT_FOUND');
    expect((await detail(a.id)).appointment.state).toBe('REQUESTED');
  });

  // ---- transactions ---------------------------------------------------------------------------------

  it('P1, C3: a refused approval leaves no task, no booking, no reservation and the state unchanged', async () => {
    const beamer = await equipment('beamer', 1);
    const pointer = await equipment('pointer', 1);
    const start = day(8, 10);
    const times = { startAt: iso(start), endAt: iso(start + H) };
    const blocker = await request({ equipmentKinds: [pointer.kind], ...times });
    await approve(blocker.id);
    // The beamer sorts first and is free: it is reserved inside the transaction before the pointer fails.
    const a = await request({ equipmentKinds: [beamer.kind, pointer.kind], ...times });
    const before = await stored(a.id);
    expect(before.tasks).toEqual([]);
    expect(await refused('thead', Q.approve, { id: a.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'C3_EQUIPMENT_UNAVAILABLE',
      kind: pointer.kind,
    });
    const after = await stored(a.id);
    expect(after).toEqual(before);
    expect(after.tasks).toEqual([]);
    expect(after.bookings).toEqual([]);
    expect(after.reservations).toEqual([]);
    expect(after.appointment).toMatchObject({
      state: 'requested',
      approvedOnce: false,
      decidedById: null,
    });
    expect((await availability(start, start + H)).find((x) => x.room.id === a.room!.id)!.free).toBe(
      true,
    );
    // The beamer of that hour is still free.
    const rival = await request({ equipmentKinds: [beamer.kind], ...times });
    await approve(rival.id);

    // With the pointer freed, the same approval goes through.
    await ok('tlead', Q.cancel, { id: blocker.id, r: '让出激光笔' });
    await ok('tlead', Q.cancel, { id: rival.id, r: '让出投影仪' });
    await approve(a.id);
    const done = await stored(a.id);
    expect(done.appointment.state).toBe('approved');
    expect(done.tasks).toHaveLength(3);
    expect(done.bookings.filter((b) => b.active)).toHaveLength(1);
    expect(
      done.reservations
        .filter((r) => r.active)
        .map((r) => r.equipmentId)
        .sort(),
    ).toEqual([...beamer.items, ...pointer.items].map(Number).sort());
  });
});
