// Rejections and the checks a command starts with (who may do it, what must exist). A
// rejection is thrown inside decide() and returned from it as a value with a code.
import type { Draft } from './draft.js';
import type { Actor, Member, Reception, Rejection } from './types.js';

export class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}
export const reject = (code: string, message: string, params?: Record<string, unknown>): never => {
  throw new Rejected({ code, message, params });
};

export function requireReception(d: Draft, id: string, status?: Reception['status']): Reception {
  const r = d.state.receptions.get(id);
  if (!r) return reject('RECEPTION_NOT_FOUND', 'No such reception today', { receptionId: id });
  if (status && r.status !== status) reject('RECEPTION_STATE', `The reception is ${r.status.toLowerCase()}`, { receptionId: id, status: r.status });
  return r;
}

export function requireServer(actor: Actor, r: Reception) {
  if (!actor.supervisor && !actor.desk && actor.userId !== r.consultantId) {
    reject('FORBIDDEN_NOT_YOURS', 'Only the consultant serving this customer (or a manager) may do this');
  }
}

export function requireSelf(actor: Actor, consultantId: number) {
  if (!actor.supervisor && !actor.desk && actor.userId !== consultantId) reject('FORBIDDEN_NOT_YOURS', 'You may only change your own floor status');
}

export function requireSupervisor(actor: Actor) {
  if (!actor.supervisor) reject('FORBIDDEN_SUPERVISOR', 'Only the sales manager may do this');
}

export function requireReason(reason: string | null | undefined): string {
  const r = reason?.trim();
  if (!r) reject('REASON_REQUIRED', "A manager's change needs a reason (R15)");
  return r!;
}

export function requireInLine(d: Draft, consultantId: number): Member {
  const m = d.member(consultantId);
  if (!m || m.queuedAt === null) reject('NOT_ON_FLOOR', 'This consultant is not in the line', { consultantId });
  return m!;
}
