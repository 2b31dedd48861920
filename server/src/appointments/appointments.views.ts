import { Role } from '../accounts/domain/roles.js';
import { personOf } from '../accounts/accounts.loaders.js';
import type { Context } from '../context.js';
import { parseId } from '../platform/ids.js';
import type { AppointmentEntity, TaskEntity } from './appointments.entity.js';
import { standardOf, type CategoryRow } from './standards.service.js';
import type { AppointmentView, CategoryView, TaskView } from './appointments.types.js';

// What the appointment resolvers share: who may call them and how rows become views.

export const ALL = [Role.MANAGER, Role.ADMIN, Role.RECEPTION, Role.CONSULTANT];

export const optionalId = (field: string, v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : parseId(field, v));

export function categoryView(r: CategoryRow): CategoryView {
  const c = r.category;
  // The standard as the domain reads it (standardOf), under the names the API gives it.
  const { category: _code, equipment, ...standard } = standardOf(r);
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    description: c.description,
    sortOrder: c.sortOrder,
    archived: c.archived,
    standard: {
      responsibleDepartmentId: c.responsibleDepartmentId,
      responsibleRole: c.responsibleRole,
      receiver: c.receiver,
      ...standard,
      equipmentKinds: equipment,
    },
  };
}

export function appointmentView(a: AppointmentEntity): AppointmentView {
  return { ...a, state: a.state.toUpperCase(), supportingDepartmentIds: a.supportingDepartmentIds.map(Number) };
}

export const taskView = (t: TaskEntity, now: number): TaskView => ({ ...t, overdue: t.state === 'OPEN' && t.dueAt.getTime() < now });

export const person = (ctx: Context, id: number | null) => personOf(ctx.loaders, id);
