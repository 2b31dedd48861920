import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { boolColumn, datetimeColumn, idColumn, intColumn, textColumn, varcharColumn } from '../../platform/db/columns.js';

const fk = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
const appointment = fk('appointmentId', 'appointments');

export class Appointments1732600000000 implements MigrationInterface {
  name = 'Appointments1732600000000';

  async up(q: QueryRunner): Promise<void> {
    // Approval goes to the head of the lead department (P1).
    await q.addColumn('departments', new TableColumn(intColumn('headUserId', true)));
    await q.createTable(
      new Table({
        name: 'categories',
        columns: [
          idColumn(),
          intColumn('companyId'),
          varcharColumn('code', 16),
          varcharColumn('name', 100),
          varcharColumn('description', 500),
          intColumn('sortOrder'),
          boolColumn('archived'),
          intColumn('responsibleDepartmentId', true),
          varcharColumn('responsibleRole', 200),
          varcharColumn('receiver', 200),
          intColumn('advanceNoticeDays'),
          boolColumn('needsSeniorLeader'),
          boolColumn('meetingRoom'),
          textColumn('equipmentKinds'),
          boolColumn('catering'),
          boolColumn('pickUp'),
          boolColumn('lodging'),
          boolColumn('gifts'),
          intColumn('budgetPerGuest'),
          boolColumn('hostsAtMostGuests', true),
          textColumn('winterMonths'),
          datetimeColumn('updatedAt'),
        ],
        indices: [new TableIndex({ columnNames: ['companyId', 'code'], isUnique: true })],
        foreignKeys: [fk('companyId', 'companies')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'checklist_items',
        columns: [idColumn(), intColumn('categoryId'), intColumn('position'), varcharColumn('key', 40), varcharColumn('label', 200), varcharColumn('season', 8, true), intColumn('dueHoursBefore'), varcharColumn('owner', 16)],
        indices: [new TableIndex({ columnNames: ['categoryId'] })],
        foreignKeys: [fk('categoryId', 'categories')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rooms',
        columns: [idColumn(), intColumn('siteId'), varcharColumn('name', 100), intColumn('capacity'), varcharColumn('location', 200), boolColumn('archived')],
        indices: [new TableIndex({ columnNames: ['siteId'] })],
        foreignKeys: [fk('siteId', 'sites')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'equipment',
        columns: [idColumn(), intColumn('siteId'), varcharColumn('kind', 40), varcharColumn('name', 100), boolColumn('archived')],
        indices: [new TableIndex({ columnNames: ['siteId'] })],
        foreignKeys: [fk('siteId', 'sites')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appointments',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('categoryId'),
          varcharColumn('state', 16),
          boolColumn('approvedOnce'),
          varcharColumn('purpose', 500),
          varcharColumn('visitorCompany', 200),
          intColumn('headcount'),
          intColumn('hosts'),
          datetimeColumn('startAt'),
          datetimeColumn('endAt'),
          intColumn('leadDepartmentId'),
          textColumn('supportingDepartmentIds'),
          intColumn('leadUserId'),
          intColumn('roomId', true),
          textColumn('equipmentKinds'),
          intColumn('estimatedCost', true),
          boolColumn('catering'),
          boolColumn('pickUp'),
          boolColumn('lodging'),
          boolColumn('gifts'),
          varcharColumn('notes', 1000),
          boolColumn('late'),
          intColumn('requestedById'),
          datetimeColumn('requestedAt'),
          intColumn('decidedById', true),
          datetimeColumn('decidedAt', true),
          varcharColumn('decisionReason', 500, true),
          boolColumn('lateApproved'),
          datetimeColumn('arrivedAt', true),
          varcharColumn('outcome', 1000, true),
          varcharColumn('cooperationIntent', 16, true),
          varcharColumn('feedback', 1000, true),
          intColumn('satisfaction', true),
          datetimeColumn('completedAt', true),
          datetimeColumn('updatedAt'),
        ],
        indices: [new TableIndex({ columnNames: ['siteId', 'startAt'] })],
        foreignKeys: [fk('siteId', 'sites'), fk('categoryId', 'categories'), fk('leadDepartmentId', 'departments'), fk('roomId', 'rooms')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appointment_events',
        columns: [idColumn(), intColumn('appointmentId'), datetimeColumn('at'), intColumn('byId', true), varcharColumn('kind', 32), varcharColumn('fromState', 16, true), varcharColumn('toState', 16, true), textColumn('params')],
        indices: [new TableIndex({ columnNames: ['appointmentId'] })],
        foreignKeys: [appointment],
      }),
    );
    await q.createTable(
      new Table({
        name: 'room_bookings',
        columns: [idColumn(), intColumn('roomId'), intColumn('appointmentId'), datetimeColumn('startAt'), datetimeColumn('endAt'), boolColumn('active', true), datetimeColumn('keysReturnedAt', true), intColumn('keysReturnedById', true)],
        indices: [new TableIndex({ columnNames: ['roomId', 'startAt'] }), new TableIndex({ columnNames: ['appointmentId'] })],
        foreignKeys: [appointment, fk('roomId', 'rooms')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'equipment_reservations',
        columns: [
          idColumn(),
          intColumn('equipmentId'),
          intColumn('appointmentId'),
          datetimeColumn('startAt'),
          datetimeColumn('endAt'),
          boolColumn('active', true),
          intColumn('checkedOutById', true),
          datetimeColumn('checkedOutAt', true),
          datetimeColumn('returnedAt', true),
          intColumn('returnedById', true),
        ],
        indices: [new TableIndex({ columnNames: ['equipmentId', 'startAt'] }), new TableIndex({ columnNames: ['appointmentId'] })],
        foreignKeys: [appointment, fk('equipmentId', 'equipment')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appointment_guests',
        columns: [
          idColumn(),
          intColumn('appointmentId'),
          varcharColumn('name', 50),
          varcharColumn('company', 200),
          varcharColumn('title', 100),
          varcharColumn('contact', 100),
          varcharColumn('businessScope', 500),
          varcharColumn('purpose', 500),
          varcharColumn('needs', 500),
          datetimeColumn('recordedAt'),
        ],
        indices: [new TableIndex({ columnNames: ['appointmentId'] })],
        foreignKeys: [appointment],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appointment_tasks',
        columns: [
          idColumn(),
          intColumn('appointmentId'),
          intColumn('ownerId'),
          varcharColumn('key', 40),
          varcharColumn('label', 200),
          datetimeColumn('dueAt'),
          varcharColumn('state', 12),
          datetimeColumn('doneAt', true),
          intColumn('doneById', true),
        ],
        indices: [new TableIndex({ columnNames: ['appointmentId'] }), new TableIndex({ columnNames: ['ownerId'] })],
        foreignKeys: [appointment, fk('ownerId', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'special_requests',
        columns: [
          idColumn(),
          intColumn('appointmentId'),
          varcharColumn('text', 1000),
          intColumn('raisedById'),
          datetimeColumn('raisedAt'),
          intColumn('escalatedToId'),
          datetimeColumn('promisedBy'),
          varcharColumn('reply', 1000, true),
          datetimeColumn('repliedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['appointmentId'] }), new TableIndex({ columnNames: ['escalatedToId'] })],
        foreignKeys: [appointment, fk('escalatedToId', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [idColumn(), intColumn('userId'), varcharColumn('kind', 32), intColumn('appointmentId', true), textColumn('params'), datetimeColumn('createdAt'), datetimeColumn('readAt', true)],
        indices: [new TableIndex({ columnNames: ['userId', 'id'] })],
        foreignKeys: [fk('userId', 'users')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notifications', 'special_requests', 'appointment_tasks', 'appointment_guests', 'equipment_reservations', 'room_bookings', 'appointment_events', 'appointments', 'equipment', 'rooms', 'checklist_items', 'categories']) {
      await q.dropTable(t);
    }
    await q.dropColumn('departments', 'headUserId');
  }
}
