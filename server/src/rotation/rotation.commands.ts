// A floor command as the service takes it, how a refusal becomes a GraphQL error, and what a
// command answers: the types around RotationService's group commit (rotation.service.ts).
import type { SiteEntity } from '../accounts/accounts.entity.js';
import type { Principal } from '../accounts/domain/roles.js';
import { AppError, ErrorCode } from '../platform/errors.js';
import type { Reception, Rejection, RotationCommand, RotationState } from './domain/index.js';
import type { ReceptionView, RotationBoardView, RotationEventView } from './rotation.types.js';
import type { StoredEvent } from './rotation.view.js';

/** A floor command without its actor: the service adds who is acting. */
export type FloorCommand = RotationCommand extends infer C ? (C extends RotationCommand ? Omit<C, 'actor'> : never) : never;

// Rejections about the state of the floor (someone else got there first, a window passed)
// are CONFLICT; permission ones FORBIDDEN; missing things NOT_FOUND; the rest bad input.
const STATE_CONFLICTS = /BUSY|ALREADY|NOT_ON|NO_ONE|NOT_AVAILABLE|PASSED|STATE|WINDOW|NOT_PENDING|NOTHING|NOT_SPLITTABLE/;

export function rejectionError(r: Rejection): AppError {
  const code = r.code.startsWith('FORBIDDEN')
    ? ErrorCode.FORBIDDEN
    : r.code.endsWith('NOT_FOUND')
      ? ErrorCode.NOT_FOUND
      : STATE_CONFLICTS.test(r.code)
        ? ErrorCode.CONFLICT
        : ErrorCode.BAD_USER_INPUT;
  return new AppError(code, r.message, { reason: r.code, params: r.params ?? {} });
}

/** A floor command ready to be decided: who acts, where, and the customer to register with it (O1). */
export interface FloorJob {
  p: Principal;
  site: Readonly<SiteEntity>;
  command: RotationCommand;
  registration: { name: string; phone: string } | null;
}
/** A floor command's answer: what it appended, not the whole board (issue 17). */
export interface FloorResult {
  /** The log's seq after this command. */
  seq: number;
  /** The events this command appended. */
  events: RotationEventView[];
  /** The reception the command was about, as it stands after it. */
  reception: ReceptionView | null;
  receptionId: string | null;
  registeredCustomerId: number | null;
  /** The whole board after this command, built on the first call. */
  board(): RotationBoardView;
}
/** A command's answer, taken when it was decided (the batch's state changes in place after it). */
export type Decided = {
  stored: StoredEvent[];
  seq: number;
  reception: Reception | null;
  /** Which of its events can be undone right after it. */
  undoable: Set<number>;
  after: () => RotationState;
  registered: { customerId: number; conflicted?: boolean } | null;
};

/** Every consultant a command names, so the service can check they belong to the site. */
export function consultantsNamed(c: RotationCommand): number[] {
  const ids: Array<number | null | undefined> = [];
  if ('consultantId' in c) ids.push(c.consultantId);
  if ('toConsultantId' in c) ids.push(c.toConsultantId);
  if ('colleagueId' in c) ids.push(c.colleagueId);
  if ('walkIn' in c && c.walkIn) ids.push(c.walkIn.ownerId, c.walkIn.helperId);
  return ids.filter((x): x is number => typeof x === 'number');
}
