// P3: an appointment's life cycle as one table, checked by one transition().
export type AppointmentState = 'requested' | 'approved' | 'rescheduled' | 'prepared' | 'arrived' | 'completed' | 'rejected' | 'cancelled';

/**
 * Every allowed move. A reschedule keeps an approved plan (tasks and room move with it);
 * a rescheduled request still needs its approval.
 */
export const LIFECYCLE: Record<AppointmentState, { to: AppointmentState[] }> = {
  requested: { to: ['approved', 'rejected', 'cancelled', 'rescheduled'] },
  approved: { to: ['prepared', 'arrived', 'cancelled', 'rescheduled'] },
  rescheduled: { to: ['approved', 'rejected', 'prepared', 'arrived', 'cancelled', 'rescheduled'] },
  prepared: { to: ['arrived', 'cancelled', 'rescheduled'] },
  arrived: { to: ['completed'] },
  completed: { to: [] },
  rejected: { to: [] },
  cancelled: { to: [] },
};

export type Transition = { ok: true; from: AppointmentState; to: AppointmentState } | { ok: false; code: 'INVALID_TRANSITION'; message: string; params: { from: AppointmentState; to: AppointmentState; allowed: AppointmentState[] } };

export function transition(from: AppointmentState, to: AppointmentState): Transition {
  const allowed = LIFECYCLE[from].to;
  if (allowed.includes(to)) return { ok: true, from, to };
  return { ok: false, code: 'INVALID_TRANSITION', message: `An appointment that is ${from} cannot become ${to}`, params: { from, to, allowed } };
}

/** A rescheduled request that was never approved still needs approval before preparation. */
export function wasApproved(history: AppointmentState[]): boolean {
  return history.includes('approved');
}

/** P3: approved (or rescheduled after approval) becomes prepared once every task is done. */
export function preparedWhenDone(state: AppointmentState, approvedOnce: boolean, openTasks: number): AppointmentState | null {
  if (openTasks > 0) return null;
  if (state === 'approved' || (state === 'rescheduled' && approvedOnce)) return 'prepared';
  return null;
}

/** Rooms, equipment and open tasks are held only while the appointment may still happen. */
export const HOLDS_RESOURCES: AppointmentState[] = ['approved', 'rescheduled', 'prepared', 'arrived'];
