/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AppointmentFilterInput = {
  categoryIds?: Array<string> | null | undefined;
  /** Lead department */
  departmentIds?: Array<string> | null | undefined;
  /** Ends after this */
  from?: string | null | undefined;
  search?: string | null | undefined;
  states?: Array<AppointmentState> | null | undefined;
  /** Starts before this */
  to?: string | null | undefined;
};

export type AppointmentRequestInput = {
  categoryId: string;
  catering?: boolean | null | undefined;
  endAt: string;
  /** Defaults to the category's */
  equipmentKinds?: Array<string> | null | undefined;
  /** C4: the whole estimated cost in yuan */
  estimatedCost?: number | null | undefined;
  gifts?: boolean | null | undefined;
  /** Guests */
  headcount: number;
  hosts?: number;
  leadDepartmentId: string;
  /** The lead person (receiver); defaults to the requester */
  leadUserId?: string | null | undefined;
  lodging?: boolean | null | undefined;
  notes?: string;
  pickUp?: boolean | null | undefined;
  purpose: string;
  roomId?: string | null | undefined;
  startAt: string;
  supportingDepartmentIds?: Array<string>;
  visitorCompany: string;
};

/** P3: the life cycle of a visit appointment */
export type AppointmentState =
  | 'APPROVED'
  | 'ARRIVED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'PREPARED'
  | 'REJECTED'
  | 'REQUESTED'
  | 'RESCHEDULED';

export type ApproveInput = {
  /** C1: required to approve a late request */
  acknowledgeLate?: boolean;
  note?: string | null | undefined;
  /** Owners other than the default, by checklist key */
  taskOwners?: Array<TaskOwnerInput>;
};

export type AssignByHandInput = {
  consultantId: string;
  /** Counts as the consultant's turn (never outside their shift, R2) */
  counted: boolean;
  reason: string;
  /** A waiting walk-in */
  receptionId?: string | null | undefined;
  /** Or a new walk-in */
  walkIn?: WalkInInput | null | undefined;
};

export type CategoryInput = {
  advanceNoticeDays: number;
  budgetPerGuest: number;
  catering?: boolean;
  checklist?: Array<ChecklistItemInput>;
  code: string;
  description?: string;
  equipmentKinds?: Array<string>;
  gifts?: boolean;
  hostsAtMostGuests?: boolean;
  lodging?: boolean;
  meetingRoom?: boolean;
  name: string;
  needsSeniorLeader?: boolean;
  pickUp?: boolean;
  receiver?: string;
  responsibleDepartmentId?: string | null | undefined;
  responsibleRole?: string;
  sortOrder?: number;
  winterMonths?: Array<number>;
};

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

export type ChecklistItemInput = {
  dueHoursBefore: number;
  key: string;
  label: string;
  owner: ChecklistOwner;
  season?: Season | null | undefined;
};

/** P1: who gets the task: the appointment's lead, the responsible department's head (administration), or the receiver */
export type ChecklistOwner =
  | 'ADMINISTRATION'
  | 'LEAD'
  | 'RECEIVER';

/** P4: intent to cooperate after the visit */
export type CooperationIntent =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'NONE';

export type CreateUserInput = {
  /** Company-wide: every site, including later ones (siteIds is then ignored) */
  allSites?: boolean | null | undefined;
  departmentId?: string | null | undefined;
  displayName: string;
  password: string;
  roles: Array<Role>;
  siteIds: Array<string>;
  username: string;
};

export type CustomerScope =
  | 'ALL'
  | 'FREE'
  | 'MINE';

export type CustomerSettingsInput = {
  dealLookbackDays: number;
  followUpDays: number;
  /** Left out: unchanged */
  followUpDueDays?: number | null | undefined;
  /** Left out: unchanged */
  grades?: Array<IntentGradeOptionInput> | null | undefined;
};

/** What happened on a customer's timeline */
export type CustomerTimelineKind =
  | 'APPOINTMENT'
  | 'DEAL'
  | 'DECISION'
  | 'DISPUTE_OPENED'
  | 'DISPUTE_SETTLED'
  | 'FOLLOW_UP'
  | 'GRADE'
  | 'LINKED'
  | 'RECEPTION'
  | 'REGISTRATION';

export type DealInput = {
  buyerName: string;
  customerId: string;
  dealAt: string;
  /** O8: the helper who shares the credit half/half */
  helperId?: string | null | undefined;
  units: number;
};

export type DecisionInput = {
  conflictId?: string | null | undefined;
  consultantId?: string | null | undefined;
  customerId: string;
  kind: OwnershipDecisionKind;
  reason: string;
  /** O6 FAMILY: PARENT or SPOUSE (default SPOUSE) */
  relation?: FamilyRelation | null | undefined;
  /** O5 SAME_PERSON: which of the same-name customers this is (needed when several) */
  sameAsCustomerId?: string | null | undefined;
};

export type DepartmentInput = {
  /** P1: approves the visit appointments this department leads */
  headUserId?: string | null | undefined;
  name: string;
  siteId?: string | null | undefined;
};

export type EquipmentChangeInput = {
  archived?: boolean | null | undefined;
  kind?: string | null | undefined;
  name?: string | null | undefined;
};

export type EquipmentInput = {
  kind: string;
  name: string;
};

export type FamilyMemberInput = {
  name: string;
  phone?: string | null | undefined;
  relation: FamilyRelation;
};

/** PARENT and SPOUSE are immediate family (O6, O7) */
export type FamilyRelation =
  | 'CHILD'
  | 'OTHER'
  | 'PARENT'
  | 'SIBLING'
  | 'SPOUSE';

/** A day, its ISO week, its month, or from–to, in the site's time zone */
export type FiguresPeriod =
  | 'CUSTOM'
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type FloorAlertKind =
  | 'BIG_BUYER'
  | 'NON_BUYER_TO_CONFIRM'
  | 'NO_ONE_FREE'
  | 'SECOND_RECEPTION';

export type FloorDeputyInput = {
  deputyId: string;
  from: string;
  to: string;
};

/** A consultant's state on the floor board (SPEC section 6) */
export type FloorState =
  | 'ABSENT'
  | 'AT_DOOR'
  | 'AWAY'
  | 'BUSY'
  | 'OFF_SHIFT'
  | 'WAITING';

export type FollowUpDueState =
  | 'DUE'
  | 'OVERDUE';

export type FollowUpInput = {
  kind: FollowUpKind;
  nextAt?: string | null | undefined;
  note?: string | null | undefined;
};

export type FollowUpKind =
  | 'CALL'
  | 'MESSAGE'
  | 'VISIT';

export type GuestInput = {
  businessScope?: string;
  company?: string;
  contact?: string;
  name: string;
  needs?: string;
  purpose?: string;
  title?: string;
};

/** A customer's buying intent, A (ready to buy) to D (little intent); the meanings are a site setting */
export type IntentGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

export type IntentGradeOptionInput = {
  /** Blank: the default wording */
  description?: string | null | undefined;
  grade: IntentGrade;
  /** Blank: the default wording */
  label?: string | null | undefined;
};

export type IntentInput = {
  budget?: string | null | undefined;
  size?: string | null | undefined;
  source?: string | null | undefined;
};

export type LoginInput = {
  password: string;
  username: string;
};

export type NonBuyerState =
  | 'CONFIRMED'
  | 'REJECTED'
  | 'REPORTED';

export type NotificationKind =
  | 'APPROVAL_REQUESTED'
  | 'APPROVED'
  | 'BIG_BUYER'
  | 'CANCELLED'
  | 'CUSTOMER_OWNERSHIP_LOST'
  | 'GUESTS_ARRIVED'
  | 'LOOKUP_BURST'
  | 'OWNERSHIP_LAPSING'
  | 'REJECTED'
  | 'RESCHEDULED'
  | 'SPECIAL_REQUEST'
  | 'SPECIAL_REQUEST_ANSWERED'
  | 'SPECIAL_REQUEST_OVERDUE'
  | 'TASK_ASSIGNED'
  | 'TASK_DUE'
  | 'TASK_OVERDUE'
  | 'VISIT_PLAN_APPROVED'
  | 'VISIT_PLAN_DUE'
  | 'VISIT_PLAN_LATE'
  | 'VISIT_PLAN_RETURNED'
  | 'VISIT_PLAN_SUBMITTED'
  | 'VISIT_REPORT_DUE'
  | 'VISIT_REPORT_LATE'
  | 'VISIT_TASK_ASSIGNED'
  | 'VISIT_TASK_DUE'
  | 'VISIT_TASK_OVERDUE';

export type OutcomeInput = {
  cooperationIntent: CooperationIntent;
  feedback?: string;
  outcome: string;
  /** 1 to 5 */
  satisfaction: number;
};

export type OwnershipDecisionKind =
  | 'ASSIGN'
  | 'DIFFERENT'
  | 'FAMILY'
  | 'RELEASE'
  | 'SAME_PERSON';

export type PromisedItemInput = {
  dueAt: string;
  /** Defaults to the reporting consultant */
  ownerId?: string | null | undefined;
  text: string;
};

export type ReceptionStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'UNDONE'
  | 'WAITING';

export type RegionInput = {
  city: string;
  district?: string | null | undefined;
  province: string;
};

export type RegisterCustomerInput = {
  /** The desk and managers name the consultant; a consultant registers for themselves */
  consultantId?: string | null | undefined;
  family?: Array<FamilyMemberInput> | null | undefined;
  intent?: IntentInput | null | undefined;
  name: string;
  phone: string;
  /** O6: immediate family of the number's owner */
  relation?: FamilyRelation | null | undefined;
};

/** How a name and phone relate to the register (O5, O6) */
export type RegisterMatch =
  | 'FAMILY'
  | 'NEW'
  | 'PHONE_CONFLICT'
  | 'SAME'
  | 'SAME_NAME';

export type RescheduleInput = {
  acknowledgeLate?: boolean;
  endAt: string;
  reason: string;
  /** Another room; the same when omitted */
  roomId?: string | null | undefined;
  startAt: string;
};

/** What a user may do */
export type Role =
  | 'ADMIN'
  | 'CONSULTANT'
  | 'MANAGER'
  | 'RECEPTION';

export type RoomChangeInput = {
  archived?: boolean | null | undefined;
  capacity?: number | null | undefined;
  location?: string | null | undefined;
  name?: string | null | undefined;
};

export type RoomInput = {
  capacity: number;
  location?: string;
  name: string;
};

export type RotationSettingsInput = {
  bigBuyerUnits: number;
  nonBuyerWindowMinutes: number;
  r7OpenRevisit: RuleVariant;
  r8BroughtAlong: RuleVariant;
  r9SameDay: RuleVariant;
  r11ColleagueCustomer: RuleVariant;
  undoWindowMinutes: number;
};

/** Which of the two variants of a rule a site follows */
export type RuleVariant =
  | 'A'
  | 'B';

export type SaveVisitPlanInput = {
  items: Array<VisitPlanItemInput>;
  month: string;
  siteId: string;
};

/** C2: seasonal checklist items follow the month of the visit */
export type Season =
  | 'SUMMER'
  | 'WINTER';

/** ROTATION: floor rules (R7–R14); CUSTOMERS: register rules (O3, O7) */
export type SettingsArea =
  | 'CUSTOMERS'
  | 'ROTATION'
  | 'VISITS';

export type ShiftExceptionInput = {
  consultantId: string;
  date: string;
  endTime?: string | null | undefined;
  kind: ShiftExceptionKind;
  note?: string | null | undefined;
  startTime?: string | null | undefined;
};

export type ShiftExceptionKind =
  | 'LEAVE'
  | 'OFF'
  | 'SHIFT';

export type ShiftTemplateInput = {
  consultantId: string;
  endTime: string;
  startTime: string;
  weekday: number;
};

export type SiteInput = {
  code: string;
  name: string;
  timezone: string;
};

export type SpecialRequestInput = {
  escalatedToId: string;
  /** P5: the promised reply time */
  promisedBy: string;
  text: string;
};

export type TaskOwnerInput = {
  key: string;
  userId: string;
};

export type TaskState =
  | 'CANCELLED'
  | 'DONE'
  | 'OPEN';

export type UpdateUserInput = {
  /** Company-wide: every site, including later ones (siteIds is then ignored) */
  allSites?: boolean | null | undefined;
  departmentId?: string | null | undefined;
  displayName?: string | null | undefined;
  roles?: Array<Role> | null | undefined;
  siteIds?: Array<string> | null | undefined;
};

/** V2: the customer's region compared with the site's */
export type VisitDistance =
  | 'ELSEWHERE'
  | 'SAME_CITY'
  | 'SAME_PROVINCE';

export type VisitLocationInput = {
  accuracy: number;
  latitude: number;
  longitude: number;
};

/** V3: how a visit went */
export type VisitOutcome =
  | 'DEAL'
  | 'INTERESTED'
  | 'NOT_INTERESTED'
  | 'NOT_MET'
  | 'UNDECIDED';

export type VisitPlanItemInput = {
  content?: string;
  customerId: string;
  day: string;
  purpose: string;
};

/** V1: draft → submitted → approved, or returned for rework */
export type VisitPlanState =
  | 'APPROVED'
  | 'DRAFT'
  | 'RETURNED'
  | 'SUBMITTED';

export type VisitReportInput = {
  feedback: string;
  nextSteps: string;
  outcome: VisitOutcome;
  promises?: Array<PromisedItemInput>;
  /** 1–5 */
  satisfaction?: number | null | undefined;
};

export type VisitSettingsInput = {
  elsewhereMonths: number;
  planReminderDays: number;
  reportDueDays: number;
  sameCityMonths: number;
  sameProvinceMonths: number;
  siteRegion?: RegionInput | null | undefined;
};

export type WalkInInput = {
  /** R8: the old customer (picked from the register) who brings this walk-in along */
  broughtById?: string | null | undefined;
  /** R7: the customer found in the register (owner and deal come from it) */
  customerId?: string | null | undefined;
  customerName?: string | null | undefined;
  dealClosed?: boolean | null | undefined;
  /** R10: a helper named by the busy owner */
  helperId?: string | null | undefined;
  kind: WalkInKind;
  /** R8: the brought-along customer is registered */
  newCustomerRegistered?: boolean | null | undefined;
  /** R7/R8: the customer’s owner */
  ownerId?: string | null | undefined;
  /** R10: the busy owner serves both */
  ownerServesBoth?: boolean | null | undefined;
  partySize?: number | null | undefined;
  phone?: string | null | undefined;
  /** O1: not in the register: register name and phone in the same step, with the consultant who receives them */
  registerCustomer?: boolean | null | undefined;
  /** R14: units asked for */
  unitsAsked?: number | null | undefined;
};

/** What the desk records about a walk-in (R6–R12) */
export type WalkInKind =
  | 'ASKING_WAY'
  | 'BROUGHT_ALONG'
  | 'LOOKING_FOR_SOMEONE'
  | 'NEW'
  | 'NON_BUYER'
  | 'RETURNING';

export type AppointmentListRowFragment = { id: string, siteId: string, state: AppointmentState, startAt: string, endAt: string, purpose: string, visitorCompany: string, headcount: number, hosts: number, late: boolean, lateApproved: boolean, category: { id: string, code: string, name: string }, leadDepartment: { id: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null, progress: { done: number, total: number } };

export type AppointmentCategoryStandardFragment = { id: string, code: string, name: string, description: string, archived: boolean, standard: { advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, receiver: string, responsibleRole: string, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string, head: { id: string, displayName: string } | null } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } };

export type AppointmentDepartmentOptionFragment = { id: string, name: string, head: { id: string, displayName: string } | null, site: { id: string } | null };

export type AppointmentListQueryVariables = Exact<{
  siteId: string;
  filter?: AppointmentFilterInput | null | undefined;
  limit: number;
  offset: number;
}>;


export type AppointmentListQuery = { appointments: { total: number, rows: Array<{ id: string, siteId: string, state: AppointmentState, startAt: string, endAt: string, purpose: string, visitorCompany: string, headcount: number, hosts: number, late: boolean, lateApproved: boolean, category: { id: string, code: string, name: string }, leadDepartment: { id: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null, progress: { done: number, total: number } }> } };

export type AppointmentFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AppointmentFilterOptionsQuery = { categories: Array<{ id: string, code: string, name: string }>, departments: Array<{ id: string, name: string, head: { id: string, displayName: string } | null, site: { id: string } | null }> };

export type AppointmentRequestOptionsQueryVariables = Exact<{
  siteId: string;
}>;


export type AppointmentRequestOptionsQuery = { categories: Array<{ id: string, code: string, name: string, description: string, archived: boolean, standard: { advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, receiver: string, responsibleRole: string, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string, head: { id: string, displayName: string } | null } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } }>, departments: Array<{ id: string, name: string, head: { id: string, displayName: string } | null, site: { id: string } | null }>, sitePeople: Array<{ id: string, displayName: string }>, equipment: Array<{ id: string, kind: string, name: string }> };

export type AppointmentRoomAvailabilityQueryVariables = Exact<{
  siteId: string;
  startAt: string;
  endAt: string;
  ignoreAppointmentId?: string | null | undefined;
}>;


export type AppointmentRoomAvailabilityQuery = { roomAvailability: Array<{ free: boolean, appointmentIds: Array<string>, room: { id: string, name: string, capacity: number, location: string } }> };

export type AppointmentRequestVisitMutationVariables = Exact<{
  siteId: string;
  input: AppointmentRequestInput;
}>;


export type AppointmentRequestVisitMutation = { requestAppointment: { id: string, state: AppointmentState, late: boolean } };

export type AppointmentTaskRowFragment = { id: string, key: string, label: string, state: TaskState, dueAt: string, doneAt: string | null, overdue: boolean, owner: { id: string, displayName: string }, doneBy: { id: string, displayName: string } | null };

export type AppointmentReservationRowFragment = { id: string, startAt: string, endAt: string, checkedOutAt: string | null, returnedAt: string | null, overdue: boolean, checkedOutBy: { id: string, displayName: string } | null, returnedBy: { id: string, displayName: string } | null, equipment: { id: string, kind: string, name: string } };

export type AppointmentSpecialRequestRowFragment = { id: string, text: string, raisedAt: string, promisedBy: string, reply: string | null, repliedAt: string | null, overdue: boolean, raisedBy: { id: string, displayName: string }, escalatedTo: { id: string, displayName: string } };

export type AppointmentDetailQueryVariables = Exact<{
  id: string;
}>;


export type AppointmentDetailQuery = { appointment: { appointment: { requestedAt: string, decidedAt: string | null, decisionReason: string | null, equipmentKinds: Array<string>, estimatedCost: number | null, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, notes: string, arrivedAt: string | null, completedAt: string | null, outcome: string | null, cooperationIntent: CooperationIntent | null, feedback: string | null, satisfaction: number | null, id: string, siteId: string, state: AppointmentState, startAt: string, endAt: string, purpose: string, visitorCompany: string, headcount: number, hosts: number, late: boolean, lateApproved: boolean, requestedBy: { id: string, displayName: string }, decidedBy: { id: string, displayName: string } | null, supportingDepartments: Array<{ id: string, name: string }>, room: { id: string, name: string, capacity: number, location: string } | null, category: { id: string, code: string, name: string, description: string, archived: boolean, standard: { advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, receiver: string, responsibleRole: string, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string, head: { id: string, displayName: string } | null } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } }, leadDepartment: { id: string, name: string }, lead: { id: string, displayName: string }, progress: { done: number, total: number } }, approvers: Array<{ id: string, displayName: string }>, can: { decide: boolean, change: boolean, recordArrival: boolean, complete: boolean }, tasks: Array<{ id: string, key: string, label: string, state: TaskState, dueAt: string, doneAt: string | null, overdue: boolean, owner: { id: string, displayName: string }, doneBy: { id: string, displayName: string } | null }>, guests: Array<{ id: string, name: string, company: string, title: string, contact: string, businessScope: string, purpose: string, needs: string, recordedAt: string }>, roomBooking: { active: boolean, startAt: string, endAt: string, keysReturnedAt: string | null, keysReturnedBy: { id: string, displayName: string } | null, room: { id: string, name: string } } | null, equipment: Array<{ id: string, startAt: string, endAt: string, checkedOutAt: string | null, returnedAt: string | null, overdue: boolean, checkedOutBy: { id: string, displayName: string } | null, returnedBy: { id: string, displayName: string } | null, equipment: { id: string, kind: string, name: string } }>, specialRequests: Array<{ id: string, text: string, raisedAt: string, promisedBy: string, reply: string | null, repliedAt: string | null, overdue: boolean, raisedBy: { id: string, displayName: string }, escalatedTo: { id: string, displayName: string } }>, history: Array<{ id: string, at: string, kind: string, params: unknown, fromState: AppointmentState | null, toState: AppointmentState | null, by: { id: string, displayName: string } | null }> } };

export type AppointmentSiteDirectoryQueryVariables = Exact<{
  siteId: string;
}>;


export type AppointmentSiteDirectoryQuery = { sitePeople: Array<{ id: string, displayName: string }>, rooms: Array<{ id: string, name: string }>, equipment: Array<{ id: string, kind: string, name: string }> };

export type AppointmentApproveMutationVariables = Exact<{
  id: string;
  input?: ApproveInput | null | undefined;
}>;


export type AppointmentApproveMutation = { approveAppointment: { id: string, state: AppointmentState } };

export type AppointmentRejectMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type AppointmentRejectMutation = { rejectAppointment: { id: string, state: AppointmentState } };

export type AppointmentRescheduleMutationVariables = Exact<{
  id: string;
  input: RescheduleInput;
}>;


export type AppointmentRescheduleMutation = { rescheduleAppointment: { id: string, state: AppointmentState, startAt: string } };

export type AppointmentCancelMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type AppointmentCancelMutation = { cancelAppointment: { id: string, state: AppointmentState } };

export type AppointmentTaskDoneMutationVariables = Exact<{
  id: string;
  done: boolean;
}>;


export type AppointmentTaskDoneMutation = { setTaskDone: { task: { id: string, key: string, label: string, state: TaskState, dueAt: string, doneAt: string | null, overdue: boolean, owner: { id: string, displayName: string }, doneBy: { id: string, displayName: string } | null }, appointment: { id: string, state: AppointmentState, progress: { done: number, total: number } } } };

export type AppointmentRecordArrivalMutationVariables = Exact<{
  id: string;
  guests: Array<GuestInput> | GuestInput;
}>;


export type AppointmentRecordArrivalMutation = { recordArrival: { id: string, state: AppointmentState } };

export type AppointmentCompleteMutationVariables = Exact<{
  id: string;
  input: OutcomeInput;
}>;


export type AppointmentCompleteMutation = { completeAppointment: { id: string, state: AppointmentState } };

export type AppointmentCheckOutEquipmentMutationVariables = Exact<{
  reservationId: string;
  byUserId: string;
}>;


export type AppointmentCheckOutEquipmentMutation = { checkOutEquipment: { id: string, startAt: string, endAt: string, checkedOutAt: string | null, returnedAt: string | null, overdue: boolean, checkedOutBy: { id: string, displayName: string } | null, returnedBy: { id: string, displayName: string } | null, equipment: { id: string, kind: string, name: string } } };

export type AppointmentReturnEquipmentMutationVariables = Exact<{
  reservationId: string;
}>;


export type AppointmentReturnEquipmentMutation = { returnEquipment: { id: string, startAt: string, endAt: string, checkedOutAt: string | null, returnedAt: string | null, overdue: boolean, checkedOutBy: { id: string, displayName: string } | null, returnedBy: { id: string, displayName: string } | null, equipment: { id: string, kind: string, name: string } } };

export type AppointmentReturnRoomKeysMutationVariables = Exact<{
  appointmentId: string;
}>;


export type AppointmentReturnRoomKeysMutation = { returnRoomKeys: { keysReturnedAt: string | null } };

export type AppointmentRaiseSpecialRequestMutationVariables = Exact<{
  appointmentId: string;
  input: SpecialRequestInput;
}>;


export type AppointmentRaiseSpecialRequestMutation = { raiseSpecialRequest: { id: string, text: string, raisedAt: string, promisedBy: string, reply: string | null, repliedAt: string | null, overdue: boolean, raisedBy: { id: string, displayName: string }, escalatedTo: { id: string, displayName: string } } };

export type AppointmentAnswerSpecialRequestMutationVariables = Exact<{
  id: string;
  reply: string;
}>;


export type AppointmentAnswerSpecialRequestMutation = { answerSpecialRequest: { id: string, text: string, raisedAt: string, promisedBy: string, reply: string | null, repliedAt: string | null, overdue: boolean, raisedBy: { id: string, displayName: string }, escalatedTo: { id: string, displayName: string } } };

export type AppointmentPageChangedSubscriptionVariables = Exact<{
  siteId: string;
}>;


export type AppointmentPageChangedSubscription = { appointmentChanged: { appointmentId: string, siteId: string, state: AppointmentState } };

export type CalendarAppointmentFragment = { id: string, startAt: string, endAt: string, state: AppointmentState, purpose: string, visitorCompany: string, headcount: number, late: boolean, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null };

export type CalendarWeekQueryVariables = Exact<{
  siteId: string;
  from: string;
  to: string;
}>;


export type CalendarWeekQuery = { appointments: { total: number, rows: Array<{ id: string, startAt: string, endAt: string, state: AppointmentState, purpose: string, visitorCompany: string, headcount: number, late: boolean, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null }> }, rooms: Array<{ id: string, name: string, capacity: number }>, shiftTemplates: Array<{ startTime: string, endTime: string }> };

export type DayAppointmentFragment = { id: string, startAt: string, endAt: string, state: AppointmentState, purpose: string, visitorCompany: string, headcount: number, late: boolean, progress: { done: number, total: number }, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null };

export type DayAppointmentsQueryVariables = Exact<{
  siteId: string;
  from: string;
  to: string;
  states: Array<AppointmentState> | AppointmentState;
}>;


export type DayAppointmentsQuery = { appointments: { total: number, rows: Array<{ id: string, startAt: string, endAt: string, state: AppointmentState, purpose: string, visitorCompany: string, headcount: number, late: boolean, progress: { done: number, total: number }, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null }> } };

export type SiteAppointmentChangedSubscriptionVariables = Exact<{
  siteId: string;
}>;


export type SiteAppointmentChangedSubscription = { appointmentChanged: { appointmentId: string, siteId: string, state: AppointmentState } };

export type ChecklistItemRowFragment = { key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner };

export type CategoryRowFragment = { id: string, code: string, name: string, description: string, sortOrder: number, archived: boolean, standard: { responsibleRole: string, receiver: string, advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } };

export type CategoriesQueryVariables = Exact<{
  includeArchived: boolean;
}>;


export type CategoriesQuery = { categories: Array<{ id: string, code: string, name: string, description: string, sortOrder: number, archived: boolean, standard: { responsibleRole: string, receiver: string, advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } }> };

export type CreateCategoryMutationVariables = Exact<{
  input: CategoryInput;
}>;


export type CreateCategoryMutation = { createCategory: { id: string, code: string, name: string, description: string, sortOrder: number, archived: boolean, standard: { responsibleRole: string, receiver: string, advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } } };

export type UpdateCategoryMutationVariables = Exact<{
  id: string;
  input: CategoryInput;
}>;


export type UpdateCategoryMutation = { updateCategory: { id: string, code: string, name: string, description: string, sortOrder: number, archived: boolean, standard: { responsibleRole: string, receiver: string, advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } } };

export type SetCategoryArchivedMutationVariables = Exact<{
  id: string;
  archived: boolean;
}>;


export type SetCategoryArchivedMutation = { setCategoryArchived: { id: string, code: string, name: string, description: string, sortOrder: number, archived: boolean, standard: { responsibleRole: string, receiver: string, advanceNoticeDays: number, needsSeniorLeader: boolean, meetingRoom: boolean, equipmentKinds: Array<string>, catering: boolean, pickUp: boolean, lodging: boolean, gifts: boolean, budgetPerGuest: number, hostsAtMostGuests: boolean, winterMonths: Array<number>, responsibleDepartment: { id: string, name: string } | null, checklist: Array<{ key: string, label: string, season: Season | null, dueHoursBefore: number, owner: ChecklistOwner }> } } };

export type EquipmentKindsQueryVariables = Exact<{
  siteId: string;
}>;


export type EquipmentKindsQuery = { equipment: Array<{ id: string, kind: string }> };

export type PreviewCustomerImportQueryVariables = Exact<{
  siteId: string;
  fileName: string;
  contentBase64: string;
}>;


export type PreviewCustomerImportQuery = { previewCustomerImport: { rows: number, valid: number, errorCount: number, errors: Array<{ row: number, field: string, code: string, message: string, params: unknown }>, sample: Array<{ row: number, name: string, phone: string, consultant: string, registeredAt: string | null, budget: string | null, size: string | null, source: string | null }> } };

export type ImportCustomersMutationVariables = Exact<{
  siteId: string;
  fileName: string;
  contentBase64: string;
}>;


export type ImportCustomersMutation = { importCustomers: { imported: number, conflicts: number } };

export type ExportCustomersQueryVariables = Exact<{
  siteId: string;
}>;


export type ExportCustomersQuery = { exportCustomers: { fileName: string, contentBase64: string } };

export type CustomerPersonFragment = { id: string, displayName: string };

export type CustomerRowFragment = { id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null };

export type CustomerDealFragment = { id: string, customerId: string, customerName: string, buyerName: string, dealAt: string, units: number, attribution: unknown, credit: Array<{ share: number, consultant: { id: string, displayName: string } | null }> };

export type CustomerConflictRowFragment = { id: string, customerId: string, customerName: string, kind: string, details: unknown, createdAt: string, resolvedAt: string | null };

export type RegisterCheckQueryVariables = Exact<{
  siteId: string;
  name: string;
  phone: string;
}>;


export type RegisterCheckQuery = { registerCheck: { match: RegisterMatch, customers: Array<{ id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null }> } };

export type RegisterCustomerMutationVariables = Exact<{
  siteId: string;
  input: RegisterCustomerInput;
}>;


export type RegisterCustomerMutation = { registerCustomer: { match: RegisterMatch, registrationId: string, customer: { id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null } } };

export type RegisterConsultantsQueryVariables = Exact<{
  siteId: string;
}>;


export type RegisterConsultantsQuery = { siteConsultants: Array<{ id: string, displayName: string }> };

export type CustomersQueryVariables = Exact<{
  siteId: string;
  scope: CustomerScope;
  search?: string | null | undefined;
  limit: number;
  offset: number;
  grade?: IntentGrade | null | undefined;
  followUpDue?: boolean;
}>;


export type CustomersQuery = { customers: { total: number, rows: Array<{ id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null }> } };

export type CustomerLookupQueryVariables = Exact<{
  siteId: string;
  query: string;
}>;


export type CustomerLookupQuery = { customerLookup: Array<{ id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null }> };

export type CustomerDetailQueryVariables = Exact<{
  id: string;
}>;


export type CustomerDetailQuery = { customer: { customer: { siteId: string, id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null }, family: Array<{ id: string, name: string, phone: string | null, relation: FamilyRelation }>, registrations: Array<{ id: string, name: string | null, phone: string | null, at: string, correctsId: string | null, intent: unknown, consultant: { id: string, displayName: string } | null }>, followUps: Array<{ id: string, at: string, kind: FollowUpKind, note: string | null, nextAt: string | null, consultant: { id: string, displayName: string } | null }>, decisions: Array<{ id: string, at: string, kind: OwnershipDecisionKind, reason: string, details: unknown, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null }>, deals: Array<{ id: string, customerId: string, customerName: string, buyerName: string, dealAt: string, units: number, attribution: unknown, credit: Array<{ share: number, consultant: { id: string, displayName: string } | null }> }>, conflicts: Array<{ id: string, customerId: string, customerName: string, kind: string, details: unknown, createdAt: string, resolvedAt: string | null }>, timeline: Array<{ at: string, kind: CustomerTimelineKind, counted: boolean | null, rule: string | null, details: unknown, consultant: { id: string, displayName: string } | null, actor: { id: string, displayName: string } | null, people: Array<{ id: string, displayName: string }> }> } };

export type LogFollowUpMutationVariables = Exact<{
  customerId: string;
  input: FollowUpInput;
}>;


export type LogFollowUpMutation = { logFollowUp: { id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null } };

export type CorrectRegistrationMutationVariables = Exact<{
  id: string;
  name: string;
  phone: string;
}>;


export type CorrectRegistrationMutation = { correctRegistration: { id: string, correctsId: string | null } };

export type DecideOwnershipMutationVariables = Exact<{
  input: DecisionInput;
}>;


export type DecideOwnershipMutation = { decideOwnership: { id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null } };

export type RecordDealMutationVariables = Exact<{
  input: DealInput;
}>;


export type RecordDealMutation = { recordDeal: { id: string, customerId: string, customerName: string, buyerName: string, dealAt: string, units: number, attribution: unknown, credit: Array<{ share: number, consultant: { id: string, displayName: string } | null }> } };

export type CustomerConflictsQueryVariables = Exact<{
  siteId: string;
}>;


export type CustomerConflictsQuery = { customerConflicts: Array<{ id: string, customerId: string, customerName: string, kind: string, details: unknown, createdAt: string, resolvedAt: string | null }> };

export type DealsQueryVariables = Exact<{
  siteId: string;
  limit: number;
  offset: number;
}>;


export type DealsQuery = { deals: { total: number, deals: Array<{ id: string, customerId: string, customerName: string, buyerName: string, dealAt: string, units: number, attribution: unknown, credit: Array<{ share: number, consultant: { id: string, displayName: string } | null }> }> } };

export type CustomerSettingsQueryVariables = Exact<{
  siteId: string;
}>;


export type CustomerSettingsQuery = { customerSettings: { siteId: string, followUpDays: number, dealLookbackDays: number, followUpDueDays: number, grades: Array<{ grade: IntentGrade, label: string | null, description: string | null }> } };

export type UpdateCustomerSettingsMutationVariables = Exact<{
  siteId: string;
  input: CustomerSettingsInput;
}>;


export type UpdateCustomerSettingsMutation = { updateCustomerSettings: { siteId: string, followUpDays: number, dealLookbackDays: number, followUpDueDays: number, grades: Array<{ grade: IntentGrade, label: string | null, description: string | null }> } };

export type CustomerDisputesLiveSubscriptionVariables = Exact<{
  siteId: string;
}>;


export type CustomerDisputesLiveSubscription = { customerDisputes: { siteId: string, open: number } };

export type CustomerSettingsFieldsFragment = { siteId: string, followUpDays: number, dealLookbackDays: number, followUpDueDays: number, grades: Array<{ grade: IntentGrade, label: string | null, description: string | null }> };

export type SetCustomerGradeMutationVariables = Exact<{
  customerId: string;
  grade?: IntentGrade | null | undefined;
}>;


export type SetCustomerGradeMutation = { setCustomerGrade: { id: string, name: string, phone: string | null, phoneMasked: string, createdAt: string, dealClosed: boolean, intentGrade: IntentGrade | null, ownership: { since: string | null, lapsesAt: string | null, rule: string, lapsesSoon: boolean, owner: { id: string, displayName: string } | null }, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null } };

export type CustomersByIdsQueryVariables = Exact<{
  siteId: string;
  ids: Array<string> | string;
}>;


export type CustomersByIdsQuery = { customersByIds: Array<{ id: string, followUpDue: { state: FollowUpDueState, inDays: number | null, lapsesAt: string | null } | null } | null> };

export type DepartmentRowFragment = { id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null, head: { id: string, displayName: string } | null };

export type DepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentsQuery = { departments: Array<{ id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null, head: { id: string, displayName: string } | null }> };

export type CreateDepartmentMutationVariables = Exact<{
  input: DepartmentInput;
}>;


export type CreateDepartmentMutation = { createDepartment: { id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null, head: { id: string, displayName: string } | null } };

export type UpdateDepartmentMutationVariables = Exact<{
  id: string;
  input: DepartmentInput;
}>;


export type UpdateDepartmentMutation = { updateDepartment: { id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null, head: { id: string, displayName: string } | null } };

export type DeleteDepartmentMutationVariables = Exact<{
  id: string;
}>;


export type DeleteDepartmentMutation = { deleteDepartment: boolean };

export type FigureWalkInsFragment = { new: number, returning: number, broughtAlong: number, nonBuyer: number };

export type SiteFiguresQueryVariables = Exact<{
  siteId: string;
  period: FiguresPeriod;
  date: string;
  to?: string | null | undefined;
}>;


export type SiteFiguresQuery = { siteFigures: { siteId: string, from: string, to: string, days: Array<{ day: string, counted: number, enquiries: number, walkIns: { new: number, returning: number, broughtAlong: number, nonBuyer: number } }>, consultants: Array<{ counted: number, makeUpsGiven: number, makeUpsUsed: number, skips: number, absences: number, registrations: number, followUps: number, followUpsDue: number, followUpsOnTime: number, deals: number, dealUnits: number, conversion: number | null, appointments: number, appointmentsCompleted: number, satisfaction: number | null, satisfactionCount: number, visitsPlanned: number, visitsDone: number, visitReportsOnTime: number, visitReportsLate: number, consultant: { id: string, displayName: string }, walkIns: { new: number, returning: number, broughtAlong: number, nonBuyer: number } }>, fairness: { spread: number, rows: Array<{ sharedDays: number, counted: number, expected: number, deviation: number, makeUpsGiven: number, makeUpsUsed: number, consultant: { id: string, displayName: string }, makeUpRules: Array<{ rule: string, count: number }> }> } } };

export type FloorPersonFragment = { id: string, displayName: string };

export type FloorReceptionFragment = { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> };

export type FloorEventFragment = { seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null };

export type FloorConsultantFragment = { state: FloorState, position: number | null, since: string | null, inShift: boolean, shiftStart: string | null, shiftEnd: string | null, phoneDuty: boolean, next: boolean, priorityMakeUps: number, makeUps: number, counted: number, reinstatable: boolean, consultant: { id: string, displayName: string }, busyWith: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }> };

export type FloorAlertFragment = { id: string, kind: FloorAlertKind, at: string, receptionId: string | null, params: unknown, consultant: { id: string, displayName: string } | null };

export type FloorBoardFragment = { siteId: string, seq: number, day: string, at: string, round: number, atDoor: { id: string, displayName: string } | null, phoneDuty: { id: string, displayName: string } | null, upNext: Array<{ id: string, displayName: string }>, consultants: Array<{ state: FloorState, position: number | null, since: string | null, inShift: boolean, shiftStart: string | null, shiftEnd: string | null, phoneDuty: boolean, next: boolean, priorityMakeUps: number, makeUps: number, counted: number, reinstatable: boolean, consultant: { id: string, displayName: string }, busyWith: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }> }>, waiting: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }>, receptions: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }>, walkInsByKind: Array<{ kind: WalkInKind, count: number }>, alerts: Array<{ id: string, kind: FloorAlertKind, at: string, receptionId: string | null, params: unknown, consultant: { id: string, displayName: string } | null }>, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }> };

export type FloorChangeResultFragment = { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null };

export type FloorBoardChangeFragment = { siteId: string, seq: number, baseSeq: number, day: string, at: string, round: number, atDoor: { id: string, displayName: string } | null, phoneDuty: { id: string, displayName: string } | null, upNext: Array<{ id: string, displayName: string }>, walkInsByKind: Array<{ kind: WalkInKind, count: number }>, consultants: { removed: Array<string>, upserted: Array<{ index: number, row: { state: FloorState, position: number | null, since: string | null, inShift: boolean, shiftStart: string | null, shiftEnd: string | null, phoneDuty: boolean, next: boolean, priorityMakeUps: number, makeUps: number, counted: number, reinstatable: boolean, consultant: { id: string, displayName: string }, busyWith: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }> } }> }, waiting: { removed: Array<string>, upserted: Array<{ index: number, row: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } }> }, receptions: { removed: Array<string>, upserted: Array<{ index: number, row: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } }> }, alerts: { removed: Array<string>, upserted: Array<{ index: number, row: { id: string, kind: FloorAlertKind, at: string, receptionId: string | null, params: unknown, consultant: { id: string, displayName: string } | null } }> }, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }> };

export type FloorBoardFeedSubscriptionVariables = Exact<{
  siteId: string;
  afterSeq?: number | null | undefined;
}>;


export type FloorBoardFeedSubscription = { rotationBoardFeed: { seq: number, baseSeq: number | null, complete: boolean, board: { siteId: string, seq: number, day: string, at: string, round: number, atDoor: { id: string, displayName: string } | null, phoneDuty: { id: string, displayName: string } | null, upNext: Array<{ id: string, displayName: string }>, consultants: Array<{ state: FloorState, position: number | null, since: string | null, inShift: boolean, shiftStart: string | null, shiftEnd: string | null, phoneDuty: boolean, next: boolean, priorityMakeUps: number, makeUps: number, counted: number, reinstatable: boolean, consultant: { id: string, displayName: string }, busyWith: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }> }>, waiting: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }>, receptions: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }>, walkInsByKind: Array<{ kind: WalkInKind, count: number }>, alerts: Array<{ id: string, kind: FloorAlertKind, at: string, receptionId: string | null, params: unknown, consultant: { id: string, displayName: string } | null }>, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }> } | null, change: { siteId: string, seq: number, baseSeq: number, day: string, at: string, round: number, atDoor: { id: string, displayName: string } | null, phoneDuty: { id: string, displayName: string } | null, upNext: Array<{ id: string, displayName: string }>, walkInsByKind: Array<{ kind: WalkInKind, count: number }>, consultants: { removed: Array<string>, upserted: Array<{ index: number, row: { state: FloorState, position: number | null, since: string | null, inShift: boolean, shiftStart: string | null, shiftEnd: string | null, phoneDuty: boolean, next: boolean, priorityMakeUps: number, makeUps: number, counted: number, reinstatable: boolean, consultant: { id: string, displayName: string }, busyWith: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }> } }> }, waiting: { removed: Array<string>, upserted: Array<{ index: number, row: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } }> }, receptions: { removed: Array<string>, upserted: Array<{ index: number, row: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } }> }, alerts: { removed: Array<string>, upserted: Array<{ index: number, row: { id: string, kind: FloorAlertKind, at: string, receptionId: string | null, params: unknown, consultant: { id: string, displayName: string } | null } }> }, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }> } | null } };

export type FloorBoardAtQueryVariables = Exact<{
  siteId: string;
  seq: number;
}>;


export type FloorBoardAtQuery = { rotationBoardAt: { siteId: string, seq: number, day: string, at: string, round: number, atDoor: { id: string, displayName: string } | null, phoneDuty: { id: string, displayName: string } | null, upNext: Array<{ id: string, displayName: string }>, consultants: Array<{ state: FloorState, position: number | null, since: string | null, inShift: boolean, shiftStart: string | null, shiftEnd: string | null, phoneDuty: boolean, next: boolean, priorityMakeUps: number, makeUps: number, counted: number, reinstatable: boolean, consultant: { id: string, displayName: string }, busyWith: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }> }>, waiting: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }>, receptions: Array<{ id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> }>, walkInsByKind: Array<{ kind: WalkInKind, count: number }>, alerts: Array<{ id: string, kind: FloorAlertKind, at: string, receptionId: string | null, params: unknown, consultant: { id: string, displayName: string } | null }>, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }> } };

export type FloorHistoryQueryVariables = Exact<{
  siteId: string;
  day?: string | null | undefined;
  beforeSeq?: number | null | undefined;
  limit: number;
}>;


export type FloorHistoryQuery = { rotationHistory: { hasMore: boolean, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }> } };

export type FloorConsultantsQueryVariables = Exact<{
  siteId: string;
}>;


export type FloorConsultantsQuery = { siteConsultants: Array<{ id: string, displayName: string }> };

export type FloorUndoWindowQueryVariables = Exact<{
  siteId: string;
}>;


export type FloorUndoWindowQuery = { rotationSettings: { siteId: string, undoWindowMinutes: number, nonBuyerWindowMinutes: number, bigBuyerUnits: number } };

export type CheckInMutationVariables = Exact<{
  siteId: string;
  consultantId?: string | null | undefined;
}>;


export type CheckInMutation = { checkIn: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type GoAwayMutationVariables = Exact<{
  siteId: string;
  consultantId?: string | null | undefined;
}>;


export type GoAwayMutation = { goAway: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type CheckOutMutationVariables = Exact<{
  siteId: string;
  consultantId?: string | null | undefined;
}>;


export type CheckOutMutation = { checkOut: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type EndReceptionMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
}>;


export type EndReceptionMutation = { endReception: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type HandOverMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
  toConsultantId: string;
}>;


export type HandOverMutation = { handOver: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type KeepForColleagueMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
  colleagueId: string;
}>;


export type KeepForColleagueMutation = { keepForColleague: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type ReportNonBuyerMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
  keep: boolean;
}>;


export type ReportNonBuyerMutation = { reportNonBuyer: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type ReportBigBuyerMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
  units: number;
}>;


export type ReportBigBuyerMutation = { reportBigBuyer: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type RecordWalkInMutationVariables = Exact<{
  siteId: string;
  input: WalkInInput;
}>;


export type RecordWalkInMutation = { recordWalkIn: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type MarkAbsentMutationVariables = Exact<{
  siteId: string;
  consultantId: string;
  reason?: string | null | undefined;
}>;


export type MarkAbsentMutation = { markAbsent: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type UndoFloorChangeMutationVariables = Exact<{
  siteId: string;
  seq: number;
  reason?: string | null | undefined;
}>;


export type UndoFloorChangeMutation = { undoFloorChange: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type TakeBackMyChangeMutationVariables = Exact<{
  siteId: string;
  seq: number;
}>;


export type TakeBackMyChangeMutation = { takeBackMyChange: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type AssignByHandMutationVariables = Exact<{
  siteId: string;
  input: AssignByHandInput;
}>;


export type AssignByHandMutation = { assignByHand: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type MoveInLineMutationVariables = Exact<{
  siteId: string;
  consultantId: string;
  position: number;
  reason: string;
}>;


export type MoveInLineMutation = { moveInLine: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type SkipTurnMutationVariables = Exact<{
  siteId: string;
  consultantId: string;
  reason: string;
}>;


export type SkipTurnMutation = { skipTurn: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type ReinstateMutationVariables = Exact<{
  siteId: string;
  consultantId: string;
  reason: string;
}>;


export type ReinstateMutation = { reinstate: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type DecideNonBuyerMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
  confirmed: boolean;
  reason: string;
}>;


export type DecideNonBuyerMutation = { decideNonBuyer: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type AcknowledgeAlertMutationVariables = Exact<{
  siteId: string;
  alertId: string;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type RecordSameDayDealMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
}>;


export type RecordSameDayDealMutation = { recordSameDayDeal: { seq: number, events: Array<{ seq: number, type: string, at: string, day: string, receptionId: string | null, reason: string | null, rule: string, explanation: unknown, undoable: boolean, actor: { id: string, displayName: string }, actingFor: { id: string, displayName: string } | null, consultant: { id: string, displayName: string } | null }>, reception: { id: string, kind: WalkInKind, customerName: string | null, customerId: string | null, phoneMasked: string | null, partySize: number, unitsAsked: number | null, status: ReceptionStatus, arrivedAt: string, startedAt: string | null, endedAt: string | null, counted: boolean, rule: string, explanation: unknown, secondApproved: boolean, nonBuyer: NonBuyerState | null, sameDayDeal: boolean, consultant: { id: string, displayName: string } | null, owner: { id: string, displayName: string } | null, credit: Array<{ share: number, consultant: { id: string, displayName: string } }> } | null } };

export type UnlinkedReceptionsQueryVariables = Exact<{
  siteId: string;
}>;


export type UnlinkedReceptionsQuery = { unlinkedReceptions: Array<{ id: string, kind: WalkInKind, customerName: string | null, arrivedAt: string, consultant: { id: string, displayName: string } | null }> };

export type LinkReceptionToCustomerMutationVariables = Exact<{
  siteId: string;
  receptionId: string;
  customerId: string;
}>;


export type LinkReceptionToCustomerMutation = { linkReceptionToCustomer: boolean };

export type FloorDeputyRowFragment = { id: string, from: string, to: string, active: boolean, deputy: { id: string, displayName: string }, manager: { id: string, displayName: string } };

export type FloorDeputiesQueryVariables = Exact<{
  siteId: string;
}>;


export type FloorDeputiesQuery = { floorDeputies: Array<{ id: string, from: string, to: string, active: boolean, deputy: { id: string, displayName: string }, manager: { id: string, displayName: string } }> };

export type NameFloorDeputyMutationVariables = Exact<{
  siteId: string;
  input: FloorDeputyInput;
}>;


export type NameFloorDeputyMutation = { nameFloorDeputy: { id: string, from: string, to: string, active: boolean, deputy: { id: string, displayName: string }, manager: { id: string, displayName: string } } };

export type EndFloorDeputyMutationVariables = Exact<{
  siteId: string;
  id: string;
}>;


export type EndFloorDeputyMutation = { endFloorDeputy: boolean };

export type WorkAppointmentFragment = { id: string, purpose: string, visitorCompany: string, startAt: string, endAt: string, state: AppointmentState, late: boolean, headcount: number, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null };

export type WorkTaskFragment = { id: string, key: string, label: string, dueAt: string, overdue: boolean, state: TaskState, doneAt: string | null, appointmentId: string, appointment: { id: string, purpose: string, visitorCompany: string, startAt: string, endAt: string, state: AppointmentState, late: boolean, headcount: number, progress: { done: number, total: number }, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null } };

export type MyTasksQueryVariables = Exact<{
  includeDone: boolean;
}>;


export type MyTasksQuery = { myTasks: Array<{ id: string, key: string, label: string, dueAt: string, overdue: boolean, state: TaskState, doneAt: string | null, appointmentId: string, appointment: { id: string, purpose: string, visitorCompany: string, startAt: string, endAt: string, state: AppointmentState, late: boolean, headcount: number, progress: { done: number, total: number }, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null } }> };

export type MyApprovalsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyApprovalsQuery = { myApprovals: Array<{ requestedAt: string, id: string, purpose: string, visitorCompany: string, startAt: string, endAt: string, state: AppointmentState, late: boolean, headcount: number, requestedBy: { id: string, displayName: string }, leadDepartment: { id: string, name: string }, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null }> };

export type MySpecialRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySpecialRequestsQuery = { mySpecialRequests: Array<{ id: string, text: string, promisedBy: string, overdue: boolean, raisedAt: string, appointmentId: string, raisedBy: { id: string, displayName: string }, appointment: { id: string, purpose: string, visitorCompany: string, startAt: string, endAt: string, state: AppointmentState, late: boolean, headcount: number, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null } }> };

export type SetMyTaskDoneMutationVariables = Exact<{
  id: string;
  done: boolean;
}>;


export type SetMyTaskDoneMutation = { setTaskDone: { task: { id: string, key: string, label: string, dueAt: string, overdue: boolean, state: TaskState, doneAt: string | null, appointmentId: string, appointment: { id: string, purpose: string, visitorCompany: string, startAt: string, endAt: string, state: AppointmentState, late: boolean, headcount: number, progress: { done: number, total: number }, category: { id: string, code: string, name: string }, lead: { id: string, displayName: string }, room: { id: string, name: string } | null } } } };

export type NotificationRowFragment = { id: string, kind: NotificationKind, params: unknown, appointmentId: string | null, createdAt: string, readAt: string | null };

export type NotificationsQueryVariables = Exact<{
  limit: number;
}>;


export type NotificationsQuery = { notifications: { unread: number, rows: Array<{ id: string, kind: NotificationKind, params: unknown, appointmentId: string | null, createdAt: string, readAt: string | null }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type MyNotificationsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MyNotificationsSubscription = { myNotifications: { id: string, kind: NotificationKind, params: unknown, appointmentId: string | null, createdAt: string, readAt: string | null } };

export type RoomRowFragment = { id: string, siteId: string, name: string, capacity: number, location: string, archived: boolean };

export type EquipmentRowFragment = { id: string, siteId: string, kind: string, name: string, archived: boolean };

export type RoomsAndEquipmentQueryVariables = Exact<{
  siteId: string;
}>;


export type RoomsAndEquipmentQuery = { rooms: Array<{ id: string, siteId: string, name: string, capacity: number, location: string, archived: boolean }>, equipment: Array<{ id: string, siteId: string, kind: string, name: string, archived: boolean }> };

export type CreateRoomMutationVariables = Exact<{
  siteId: string;
  input: RoomInput;
}>;


export type CreateRoomMutation = { createRoom: { id: string, siteId: string, name: string, capacity: number, location: string, archived: boolean } };

export type UpdateRoomMutationVariables = Exact<{
  id: string;
  input: RoomChangeInput;
}>;


export type UpdateRoomMutation = { updateRoom: { id: string, siteId: string, name: string, capacity: number, location: string, archived: boolean } };

export type CreateEquipmentMutationVariables = Exact<{
  siteId: string;
  input: EquipmentInput;
}>;


export type CreateEquipmentMutation = { createEquipment: { id: string, siteId: string, kind: string, name: string, archived: boolean } };

export type UpdateEquipmentMutationVariables = Exact<{
  id: string;
  input: EquipmentChangeInput;
}>;


export type UpdateEquipmentMutation = { updateEquipment: { id: string, siteId: string, kind: string, name: string, archived: boolean } };

export type RotationSettingsFieldsFragment = { siteId: string, r7OpenRevisit: RuleVariant, r8BroughtAlong: RuleVariant, r9SameDay: RuleVariant, r11ColleagueCustomer: RuleVariant, undoWindowMinutes: number, nonBuyerWindowMinutes: number, bigBuyerUnits: number };

export type RotationSettingsQueryVariables = Exact<{
  siteId: string;
}>;


export type RotationSettingsQuery = { rotationSettings: { siteId: string, r7OpenRevisit: RuleVariant, r8BroughtAlong: RuleVariant, r9SameDay: RuleVariant, r11ColleagueCustomer: RuleVariant, undoWindowMinutes: number, nonBuyerWindowMinutes: number, bigBuyerUnits: number } };

export type UpdateRotationSettingsMutationVariables = Exact<{
  siteId: string;
  input: RotationSettingsInput;
}>;


export type UpdateRotationSettingsMutation = { updateRotationSettings: { siteId: string, r7OpenRevisit: RuleVariant, r8BroughtAlong: RuleVariant, r9SameDay: RuleVariant, r11ColleagueCustomer: RuleVariant, undoWindowMinutes: number, nonBuyerWindowMinutes: number, bigBuyerUnits: number } };

export type ShiftTemplateRowFragment = { id: string, consultantId: string, weekday: number, startTime: string, endTime: string };

export type ShiftExceptionRowFragment = { id: string, consultantId: string, date: string, kind: ShiftExceptionKind, startTime: string | null, endTime: string | null, note: string | null };

export type ShiftWeekQueryVariables = Exact<{
  siteId: string;
}>;


export type ShiftWeekQuery = { siteConsultants: Array<{ id: string, displayName: string }>, shiftTemplates: Array<{ id: string, consultantId: string, weekday: number, startTime: string, endTime: string }> };

export type SetShiftTemplatesMutationVariables = Exact<{
  siteId: string;
  shifts: Array<ShiftTemplateInput> | ShiftTemplateInput;
}>;


export type SetShiftTemplatesMutation = { setShiftTemplates: Array<{ id: string, consultantId: string, weekday: number, startTime: string, endTime: string }> };

export type ShiftExceptionsQueryVariables = Exact<{
  siteId: string;
  from: string;
  to: string;
}>;


export type ShiftExceptionsQuery = { shiftExceptions: Array<{ id: string, consultantId: string, date: string, kind: ShiftExceptionKind, startTime: string | null, endTime: string | null, note: string | null }> };

export type AddShiftExceptionMutationVariables = Exact<{
  siteId: string;
  input: ShiftExceptionInput;
}>;


export type AddShiftExceptionMutation = { addShiftException: { id: string, consultantId: string, date: string, kind: ShiftExceptionKind, startTime: string | null, endTime: string | null, note: string | null } };

export type RemoveShiftExceptionMutationVariables = Exact<{
  siteId: string;
  id: string;
}>;


export type RemoveShiftExceptionMutation = { removeShiftException: boolean };

export type SessionUserFragment = { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, sites: Array<{ id: string, name: string, code: string, timezone: string }>, department: { id: string, name: string } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, sites: Array<{ id: string, name: string, code: string, timezone: string }>, department: { id: string, name: string } | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, sites: Array<{ id: string, name: string, code: string, timezone: string }>, department: { id: string, name: string } | null } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type ChangeMyPasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangeMyPasswordMutation = { changeMyPassword: boolean };

export type AccountChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AccountChangedSubscription = { accountChanged: { signedOut: boolean, user: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, sites: Array<{ id: string, name: string, code: string, timezone: string }>, department: { id: string, name: string } | null } } };

export type SettingsHistoryQueryVariables = Exact<{
  siteId: string;
  area: SettingsArea;
  limit?: number | null | undefined;
}>;


export type SettingsHistoryQuery = { settingsHistory: Array<{ id: string, at: string, before: unknown, after: unknown, changed: Array<string>, by: { id: string, displayName: string } }> };

export type SiteRowFragment = { id: string, name: string, code: string, timezone: string, createdAt: string };

export type SitesQueryVariables = Exact<{ [key: string]: never; }>;


export type SitesQuery = { sites: Array<{ id: string, name: string, code: string, timezone: string, createdAt: string }> };

export type CreateSiteMutationVariables = Exact<{
  input: SiteInput;
}>;


export type CreateSiteMutation = { createSite: { id: string, name: string, code: string, timezone: string, createdAt: string } };

export type UpdateSiteMutationVariables = Exact<{
  id: string;
  input: SiteInput;
}>;


export type UpdateSiteMutation = { updateSite: { id: string, name: string, code: string, timezone: string, createdAt: string } };

export type UserRowFragment = { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, allSites: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: Array<{ id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, allSites: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, allSites: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null } };

export type UpdateUserMutationVariables = Exact<{
  id: string;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, allSites: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null } };

export type SetUserDisabledMutationVariables = Exact<{
  id: string;
  disabled: boolean;
}>;


export type SetUserDisabledMutation = { setUserDisabled: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, allSites: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null } };

export type ResetUserPasswordMutationVariables = Exact<{
  id: string;
  password: string;
}>;


export type ResetUserPasswordMutation = { resetUserPassword: boolean };

export type VisitRegionFragment = { province: string, city: string, district: string | null };

export type VisitSettingsRowFragment = { sameCityMonths: number, sameProvinceMonths: number, elsewhereMonths: number, reportDueDays: number, planReminderDays: number, timezone: string, siteRegion: { province: string, city: string, district: string | null } | null };

export type VisitTaskRowFragment = { id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null };

export type VisitRowFragment = { id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> };

export type VisitPlanRowFragment = { id: string, siteId: string, month: string, state: VisitPlanState, submittedAt: string | null, late: boolean, decidedAt: string | null, comment: string | null, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, visits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }> };

export type DueVisitRowFragment = { customerId: string, customerName: string, distance: VisitDistance, intervalMonths: number, dueAt: string, lastVisitAt: string | null, overdue: boolean, region: { province: string, city: string, district: string | null } | null, consultant: { id: string, displayName: string } | null };

export type VisitSettingsQueryVariables = Exact<{
  siteId: string;
}>;


export type VisitSettingsQuery = { visitSettings: { sameCityMonths: number, sameProvinceMonths: number, elsewhereMonths: number, reportDueDays: number, planReminderDays: number, timezone: string, siteRegion: { province: string, city: string, district: string | null } | null } };

export type UpdateVisitSettingsMutationVariables = Exact<{
  siteId: string;
  input: VisitSettingsInput;
}>;


export type UpdateVisitSettingsMutation = { updateVisitSettings: { sameCityMonths: number, sameProvinceMonths: number, elsewhereMonths: number, reportDueDays: number, planReminderDays: number, timezone: string, siteRegion: { province: string, city: string, district: string | null } | null } };

export type CustomerRegionQueryVariables = Exact<{
  id: string;
}>;


export type CustomerRegionQuery = { customer: { customer: { id: string, region: { province: string, city: string, district: string | null } | null } } };

export type SetCustomerRegionMutationVariables = Exact<{
  customerId: string;
  region?: RegionInput | null | undefined;
}>;


export type SetCustomerRegionMutation = { setCustomerRegion: { province: string, city: string, district: string | null } | null };

export type DueVisitsQueryVariables = Exact<{
  siteId: string;
  consultantId?: string | null | undefined;
}>;


export type DueVisitsQuery = { dueVisits: Array<{ customerId: string, customerName: string, distance: VisitDistance, intervalMonths: number, dueAt: string, lastVisitAt: string | null, overdue: boolean, region: { province: string, city: string, district: string | null } | null, consultant: { id: string, displayName: string } | null }> };

export type VisitPlanQueryVariables = Exact<{
  siteId: string;
  month: string;
  consultantId?: string | null | undefined;
}>;


export type VisitPlanQuery = { visitPlan: { id: string, siteId: string, month: string, state: VisitPlanState, submittedAt: string | null, late: boolean, decidedAt: string | null, comment: string | null, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, visits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }> } | null };

export type VisitPlansQueryVariables = Exact<{
  siteId: string;
  month: string;
}>;


export type VisitPlansQuery = { visitPlans: Array<{ id: string, siteId: string, month: string, state: VisitPlanState, submittedAt: string | null, late: boolean, decidedAt: string | null, comment: string | null, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, visits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }> }> };

export type SaveVisitPlanMutationVariables = Exact<{
  input: SaveVisitPlanInput;
}>;


export type SaveVisitPlanMutation = { saveVisitPlan: { id: string, siteId: string, month: string, state: VisitPlanState, submittedAt: string | null, late: boolean, decidedAt: string | null, comment: string | null, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, visits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }> } };

export type SubmitVisitPlanMutationVariables = Exact<{
  planId: string;
}>;


export type SubmitVisitPlanMutation = { submitVisitPlan: { id: string, siteId: string, month: string, state: VisitPlanState, submittedAt: string | null, late: boolean, decidedAt: string | null, comment: string | null, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, visits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }> } };

export type ApproveVisitPlanMutationVariables = Exact<{
  planId: string;
  comment?: string | null | undefined;
}>;


export type ApproveVisitPlanMutation = { approveVisitPlan: { id: string, siteId: string, month: string, state: VisitPlanState, submittedAt: string | null, late: boolean, decidedAt: string | null, comment: string | null, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, visits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }> } };

export type ReturnVisitPlanMutationVariables = Exact<{
  planId: string;
  comment: string;
}>;


export type ReturnVisitPlanMutation = { returnVisitPlan: { id: string, siteId: string, month: string, state: VisitPlanState, submittedAt: string | null, late: boolean, decidedAt: string | null, comment: string | null, consultant: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, visits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }> } };

export type MyVisitsQueryVariables = Exact<{
  siteId: string;
}>;


export type MyVisitsQuery = { myVisits: Array<{ id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> }>, myVisitTasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> };

export type CheckInVisitMutationVariables = Exact<{
  visitId: string;
  location?: VisitLocationInput | null | undefined;
}>;


export type CheckInVisitMutation = { checkInVisit: { id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> } };

export type ReportVisitMutationVariables = Exact<{
  visitId: string;
  input: VisitReportInput;
}>;


export type ReportVisitMutation = { reportVisit: { id: string, planId: string, customerId: string, customerName: string, day: string, purpose: string, content: string, checkedInAt: string | null, reportDueAt: string | null, reportedAt: string | null, reportLate: boolean, outcome: VisitOutcome | null, feedback: string | null, nextSteps: string | null, satisfaction: number | null, location: { latitude: number, longitude: number, accuracy: number } | null, tasks: Array<{ id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null }> } };

export type SetVisitTaskDoneMutationVariables = Exact<{
  id: string;
  done: boolean;
}>;


export type SetVisitTaskDoneMutation = { setVisitTaskDone: { id: string, visitId: string, text: string, dueAt: string, done: boolean, doneAt: string | null } };

export type BoardTokenRowFragment = { id: string, siteId: string, label: string, createdByName: string, createdAt: string, revokedAt: string | null, revokedByName: string | null, lastUsedAt: string | null };

export type BoardTokensQueryVariables = Exact<{
  siteId: string;
}>;


export type BoardTokensQuery = { boardTokens: Array<{ id: string, siteId: string, label: string, createdByName: string, createdAt: string, revokedAt: string | null, revokedByName: string | null, lastUsedAt: string | null }> };

export type IssueBoardTokenMutationVariables = Exact<{
  siteId: string;
  label: string;
}>;


export type IssueBoardTokenMutation = { issueBoardToken: { secret: string, wallPath: string, token: { id: string, siteId: string, label: string, createdByName: string, createdAt: string, revokedAt: string | null, revokedByName: string | null, lastUsedAt: string | null } } };

export type RevokeBoardTokenMutationVariables = Exact<{
  id: string;
}>;


export type RevokeBoardTokenMutation = { revokeBoardToken: { id: string, siteId: string, label: string, createdByName: string, createdAt: string, revokedAt: string | null, revokedByName: string | null, lastUsedAt: string | null } };

export type WallSiteQueryVariables = Exact<{
  siteId: string;
}>;


export type WallSiteQuery = { wallSite: { id: string, name: string, timezone: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AppointmentListRowFragmentDoc = new TypedDocumentString(`
    fragment AppointmentListRow on Appointment {
  id
  siteId
  state
  startAt
  endAt
  purpose
  visitorCompany
  headcount
  hosts
  late
  lateApproved
  category {
    id
    code
    name
  }
  leadDepartment {
    id
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
  progress {
    done
    total
  }
}
    `, {"fragmentName":"AppointmentListRow"}) as unknown as TypedDocumentString<AppointmentListRowFragment, unknown>;
export const AppointmentCategoryStandardFragmentDoc = new TypedDocumentString(`
    fragment AppointmentCategoryStandard on Category {
  id
  code
  name
  description
  archived
  standard {
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    receiver
    responsibleRole
    winterMonths
    responsibleDepartment {
      id
      name
      head {
        id
        displayName
      }
    }
    checklist {
      key
      label
      season
      dueHoursBefore
      owner
    }
  }
}
    `, {"fragmentName":"AppointmentCategoryStandard"}) as unknown as TypedDocumentString<AppointmentCategoryStandardFragment, unknown>;
export const AppointmentDepartmentOptionFragmentDoc = new TypedDocumentString(`
    fragment AppointmentDepartmentOption on Department {
  id
  name
  head {
    id
    displayName
  }
  site {
    id
  }
}
    `, {"fragmentName":"AppointmentDepartmentOption"}) as unknown as TypedDocumentString<AppointmentDepartmentOptionFragment, unknown>;
export const AppointmentTaskRowFragmentDoc = new TypedDocumentString(`
    fragment AppointmentTaskRow on Task {
  id
  key
  label
  state
  dueAt
  doneAt
  overdue
  owner {
    id
    displayName
  }
  doneBy {
    id
    displayName
  }
}
    `, {"fragmentName":"AppointmentTaskRow"}) as unknown as TypedDocumentString<AppointmentTaskRowFragment, unknown>;
export const AppointmentReservationRowFragmentDoc = new TypedDocumentString(`
    fragment AppointmentReservationRow on EquipmentReservation {
  id
  startAt
  endAt
  checkedOutAt
  returnedAt
  overdue
  checkedOutBy {
    id
    displayName
  }
  returnedBy {
    id
    displayName
  }
  equipment {
    id
    kind
    name
  }
}
    `, {"fragmentName":"AppointmentReservationRow"}) as unknown as TypedDocumentString<AppointmentReservationRowFragment, unknown>;
export const AppointmentSpecialRequestRowFragmentDoc = new TypedDocumentString(`
    fragment AppointmentSpecialRequestRow on SpecialRequest {
  id
  text
  raisedAt
  promisedBy
  reply
  repliedAt
  overdue
  raisedBy {
    id
    displayName
  }
  escalatedTo {
    id
    displayName
  }
}
    `, {"fragmentName":"AppointmentSpecialRequestRow"}) as unknown as TypedDocumentString<AppointmentSpecialRequestRowFragment, unknown>;
export const CalendarAppointmentFragmentDoc = new TypedDocumentString(`
    fragment CalendarAppointment on Appointment {
  id
  startAt
  endAt
  state
  purpose
  visitorCompany
  headcount
  late
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}
    `, {"fragmentName":"CalendarAppointment"}) as unknown as TypedDocumentString<CalendarAppointmentFragment, unknown>;
export const DayAppointmentFragmentDoc = new TypedDocumentString(`
    fragment DayAppointment on Appointment {
  ...CalendarAppointment
  progress {
    done
    total
  }
}
    fragment CalendarAppointment on Appointment {
  id
  startAt
  endAt
  state
  purpose
  visitorCompany
  headcount
  late
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}`, {"fragmentName":"DayAppointment"}) as unknown as TypedDocumentString<DayAppointmentFragment, unknown>;
export const ChecklistItemRowFragmentDoc = new TypedDocumentString(`
    fragment ChecklistItemRow on ChecklistItem {
  key
  label
  season
  dueHoursBefore
  owner
}
    `, {"fragmentName":"ChecklistItemRow"}) as unknown as TypedDocumentString<ChecklistItemRowFragment, unknown>;
export const CategoryRowFragmentDoc = new TypedDocumentString(`
    fragment CategoryRow on Category {
  id
  code
  name
  description
  sortOrder
  archived
  standard {
    responsibleDepartment {
      id
      name
    }
    responsibleRole
    receiver
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    winterMonths
    checklist {
      ...ChecklistItemRow
    }
  }
}
    fragment ChecklistItemRow on ChecklistItem {
  key
  label
  season
  dueHoursBefore
  owner
}`, {"fragmentName":"CategoryRow"}) as unknown as TypedDocumentString<CategoryRowFragment, unknown>;
export const CustomerPersonFragmentDoc = new TypedDocumentString(`
    fragment CustomerPerson on Person {
  id
  displayName
}
    `, {"fragmentName":"CustomerPerson"}) as unknown as TypedDocumentString<CustomerPersonFragment, unknown>;
export const CustomerRowFragmentDoc = new TypedDocumentString(`
    fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}`, {"fragmentName":"CustomerRow"}) as unknown as TypedDocumentString<CustomerRowFragment, unknown>;
export const CustomerDealFragmentDoc = new TypedDocumentString(`
    fragment CustomerDeal on Deal {
  id
  customerId
  customerName
  buyerName
  dealAt
  units
  credit {
    consultant {
      ...CustomerPerson
    }
    share
  }
  attribution
}
    fragment CustomerPerson on Person {
  id
  displayName
}`, {"fragmentName":"CustomerDeal"}) as unknown as TypedDocumentString<CustomerDealFragment, unknown>;
export const CustomerConflictRowFragmentDoc = new TypedDocumentString(`
    fragment CustomerConflictRow on CustomerConflict {
  id
  customerId
  customerName
  kind
  details
  createdAt
  resolvedAt
}
    `, {"fragmentName":"CustomerConflictRow"}) as unknown as TypedDocumentString<CustomerConflictRowFragment, unknown>;
export const CustomerSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment CustomerSettingsFields on CustomerSettings {
  siteId
  followUpDays
  dealLookbackDays
  followUpDueDays
  grades {
    grade
    label
    description
  }
}
    `, {"fragmentName":"CustomerSettingsFields"}) as unknown as TypedDocumentString<CustomerSettingsFieldsFragment, unknown>;
export const DepartmentRowFragmentDoc = new TypedDocumentString(`
    fragment DepartmentRow on Department {
  id
  name
  createdAt
  site {
    id
    name
    code
  }
  head {
    id
    displayName
  }
}
    `, {"fragmentName":"DepartmentRow"}) as unknown as TypedDocumentString<DepartmentRowFragment, unknown>;
export const FigureWalkInsFragmentDoc = new TypedDocumentString(`
    fragment FigureWalkIns on WalkInCounts {
  new
  returning
  broughtAlong
  nonBuyer
}
    `, {"fragmentName":"FigureWalkIns"}) as unknown as TypedDocumentString<FigureWalkInsFragment, unknown>;
export const FloorPersonFragmentDoc = new TypedDocumentString(`
    fragment FloorPerson on Person {
  id
  displayName
}
    `, {"fragmentName":"FloorPerson"}) as unknown as TypedDocumentString<FloorPersonFragment, unknown>;
export const FloorReceptionFragmentDoc = new TypedDocumentString(`
    fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
    fragment FloorPerson on Person {
  id
  displayName
}`, {"fragmentName":"FloorReception"}) as unknown as TypedDocumentString<FloorReceptionFragment, unknown>;
export const FloorConsultantFragmentDoc = new TypedDocumentString(`
    fragment FloorConsultant on BoardConsultant {
  consultant {
    ...FloorPerson
  }
  state
  position
  since
  inShift
  shiftStart
  shiftEnd
  phoneDuty
  next
  busyWith {
    ...FloorReception
  }
  priorityMakeUps
  makeUps
  counted
  reinstatable
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}`, {"fragmentName":"FloorConsultant"}) as unknown as TypedDocumentString<FloorConsultantFragment, unknown>;
export const FloorAlertFragmentDoc = new TypedDocumentString(`
    fragment FloorAlert on FloorAlert {
  id
  kind
  at
  receptionId
  consultant {
    ...FloorPerson
  }
  params
}
    fragment FloorPerson on Person {
  id
  displayName
}`, {"fragmentName":"FloorAlert"}) as unknown as TypedDocumentString<FloorAlertFragment, unknown>;
export const FloorEventFragmentDoc = new TypedDocumentString(`
    fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
    fragment FloorPerson on Person {
  id
  displayName
}`, {"fragmentName":"FloorEvent"}) as unknown as TypedDocumentString<FloorEventFragment, unknown>;
export const FloorBoardFragmentDoc = new TypedDocumentString(`
    fragment FloorBoard on RotationBoard {
  siteId
  seq
  day
  at
  round
  atDoor {
    ...FloorPerson
  }
  phoneDuty {
    ...FloorPerson
  }
  upNext {
    ...FloorPerson
  }
  consultants {
    ...FloorConsultant
  }
  waiting {
    ...FloorReception
  }
  receptions {
    ...FloorReception
  }
  walkInsByKind {
    kind
    count
  }
  alerts {
    ...FloorAlert
  }
  events {
    ...FloorEvent
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorConsultant on BoardConsultant {
  consultant {
    ...FloorPerson
  }
  state
  position
  since
  inShift
  shiftStart
  shiftEnd
  phoneDuty
  next
  busyWith {
    ...FloorReception
  }
  priorityMakeUps
  makeUps
  counted
  reinstatable
}
fragment FloorAlert on FloorAlert {
  id
  kind
  at
  receptionId
  consultant {
    ...FloorPerson
  }
  params
}`, {"fragmentName":"FloorBoard"}) as unknown as TypedDocumentString<FloorBoardFragment, unknown>;
export const FloorChangeResultFragmentDoc = new TypedDocumentString(`
    fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}`, {"fragmentName":"FloorChangeResult"}) as unknown as TypedDocumentString<FloorChangeResultFragment, unknown>;
export const FloorBoardChangeFragmentDoc = new TypedDocumentString(`
    fragment FloorBoardChange on RotationBoardChange {
  siteId
  seq
  baseSeq
  day
  at
  round
  atDoor {
    ...FloorPerson
  }
  phoneDuty {
    ...FloorPerson
  }
  upNext {
    ...FloorPerson
  }
  walkInsByKind {
    kind
    count
  }
  consultants {
    removed
    upserted {
      index
      row {
        ...FloorConsultant
      }
    }
  }
  waiting {
    removed
    upserted {
      index
      row {
        ...FloorReception
      }
    }
  }
  receptions {
    removed
    upserted {
      index
      row {
        ...FloorReception
      }
    }
  }
  alerts {
    removed
    upserted {
      index
      row {
        ...FloorAlert
      }
    }
  }
  events {
    ...FloorEvent
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorConsultant on BoardConsultant {
  consultant {
    ...FloorPerson
  }
  state
  position
  since
  inShift
  shiftStart
  shiftEnd
  phoneDuty
  next
  busyWith {
    ...FloorReception
  }
  priorityMakeUps
  makeUps
  counted
  reinstatable
}
fragment FloorAlert on FloorAlert {
  id
  kind
  at
  receptionId
  consultant {
    ...FloorPerson
  }
  params
}`, {"fragmentName":"FloorBoardChange"}) as unknown as TypedDocumentString<FloorBoardChangeFragment, unknown>;
export const FloorDeputyRowFragmentDoc = new TypedDocumentString(`
    fragment FloorDeputyRow on FloorDeputy {
  id
  deputy {
    ...FloorPerson
  }
  manager {
    ...FloorPerson
  }
  from
  to
  active
}
    fragment FloorPerson on Person {
  id
  displayName
}`, {"fragmentName":"FloorDeputyRow"}) as unknown as TypedDocumentString<FloorDeputyRowFragment, unknown>;
export const WorkAppointmentFragmentDoc = new TypedDocumentString(`
    fragment WorkAppointment on Appointment {
  id
  purpose
  visitorCompany
  startAt
  endAt
  state
  late
  headcount
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}
    `, {"fragmentName":"WorkAppointment"}) as unknown as TypedDocumentString<WorkAppointmentFragment, unknown>;
export const WorkTaskFragmentDoc = new TypedDocumentString(`
    fragment WorkTask on Task {
  id
  key
  label
  dueAt
  overdue
  state
  doneAt
  appointmentId
  appointment {
    ...WorkAppointment
    progress {
      done
      total
    }
  }
}
    fragment WorkAppointment on Appointment {
  id
  purpose
  visitorCompany
  startAt
  endAt
  state
  late
  headcount
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}`, {"fragmentName":"WorkTask"}) as unknown as TypedDocumentString<WorkTaskFragment, unknown>;
export const NotificationRowFragmentDoc = new TypedDocumentString(`
    fragment NotificationRow on Notification {
  id
  kind
  params
  appointmentId
  createdAt
  readAt
}
    `, {"fragmentName":"NotificationRow"}) as unknown as TypedDocumentString<NotificationRowFragment, unknown>;
export const RoomRowFragmentDoc = new TypedDocumentString(`
    fragment RoomRow on Room {
  id
  siteId
  name
  capacity
  location
  archived
}
    `, {"fragmentName":"RoomRow"}) as unknown as TypedDocumentString<RoomRowFragment, unknown>;
export const EquipmentRowFragmentDoc = new TypedDocumentString(`
    fragment EquipmentRow on Equipment {
  id
  siteId
  kind
  name
  archived
}
    `, {"fragmentName":"EquipmentRow"}) as unknown as TypedDocumentString<EquipmentRowFragment, unknown>;
export const RotationSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment RotationSettingsFields on RotationSettings {
  siteId
  r7OpenRevisit
  r8BroughtAlong
  r9SameDay
  r11ColleagueCustomer
  undoWindowMinutes
  nonBuyerWindowMinutes
  bigBuyerUnits
}
    `, {"fragmentName":"RotationSettingsFields"}) as unknown as TypedDocumentString<RotationSettingsFieldsFragment, unknown>;
export const ShiftTemplateRowFragmentDoc = new TypedDocumentString(`
    fragment ShiftTemplateRow on ShiftTemplate {
  id
  consultantId
  weekday
  startTime
  endTime
}
    `, {"fragmentName":"ShiftTemplateRow"}) as unknown as TypedDocumentString<ShiftTemplateRowFragment, unknown>;
export const ShiftExceptionRowFragmentDoc = new TypedDocumentString(`
    fragment ShiftExceptionRow on ShiftException {
  id
  consultantId
  date
  kind
  startTime
  endTime
  note
}
    `, {"fragmentName":"ShiftExceptionRow"}) as unknown as TypedDocumentString<ShiftExceptionRowFragment, unknown>;
export const SessionUserFragmentDoc = new TypedDocumentString(`
    fragment SessionUser on User {
  id
  username
  displayName
  roles
  disabled
  sites {
    id
    name
    code
    timezone
  }
  department {
    id
    name
  }
}
    `, {"fragmentName":"SessionUser"}) as unknown as TypedDocumentString<SessionUserFragment, unknown>;
export const SiteRowFragmentDoc = new TypedDocumentString(`
    fragment SiteRow on Site {
  id
  name
  code
  timezone
  createdAt
}
    `, {"fragmentName":"SiteRow"}) as unknown as TypedDocumentString<SiteRowFragment, unknown>;
export const UserRowFragmentDoc = new TypedDocumentString(`
    fragment UserRow on User {
  id
  username
  displayName
  roles
  disabled
  allSites
  createdAt
  sites {
    id
    name
    code
  }
  department {
    id
    name
  }
}
    `, {"fragmentName":"UserRow"}) as unknown as TypedDocumentString<UserRowFragment, unknown>;
export const VisitRegionFragmentDoc = new TypedDocumentString(`
    fragment VisitRegion on Region {
  province
  city
  district
}
    `, {"fragmentName":"VisitRegion"}) as unknown as TypedDocumentString<VisitRegionFragment, unknown>;
export const VisitSettingsRowFragmentDoc = new TypedDocumentString(`
    fragment VisitSettingsRow on VisitSettings {
  siteRegion {
    ...VisitRegion
  }
  sameCityMonths
  sameProvinceMonths
  elsewhereMonths
  reportDueDays
  planReminderDays
  timezone
}
    fragment VisitRegion on Region {
  province
  city
  district
}`, {"fragmentName":"VisitSettingsRow"}) as unknown as TypedDocumentString<VisitSettingsRowFragment, unknown>;
export const VisitTaskRowFragmentDoc = new TypedDocumentString(`
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
    `, {"fragmentName":"VisitTaskRow"}) as unknown as TypedDocumentString<VisitTaskRowFragment, unknown>;
export const VisitRowFragmentDoc = new TypedDocumentString(`
    fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}`, {"fragmentName":"VisitRow"}) as unknown as TypedDocumentString<VisitRowFragment, unknown>;
export const VisitPlanRowFragmentDoc = new TypedDocumentString(`
    fragment VisitPlanRow on VisitPlan {
  id
  siteId
  month
  state
  submittedAt
  late
  decidedAt
  comment
  consultant {
    id
    displayName
  }
  decidedBy {
    id
    displayName
  }
  visits {
    ...VisitRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}`, {"fragmentName":"VisitPlanRow"}) as unknown as TypedDocumentString<VisitPlanRowFragment, unknown>;
export const DueVisitRowFragmentDoc = new TypedDocumentString(`
    fragment DueVisitRow on DueVisit {
  customerId
  customerName
  distance
  intervalMonths
  dueAt
  lastVisitAt
  overdue
  region {
    ...VisitRegion
  }
  consultant {
    id
    displayName
  }
}
    fragment VisitRegion on Region {
  province
  city
  district
}`, {"fragmentName":"DueVisitRow"}) as unknown as TypedDocumentString<DueVisitRowFragment, unknown>;
export const BoardTokenRowFragmentDoc = new TypedDocumentString(`
    fragment BoardTokenRow on BoardToken {
  id
  siteId
  label
  createdByName
  createdAt
  revokedAt
  revokedByName
  lastUsedAt
}
    `, {"fragmentName":"BoardTokenRow"}) as unknown as TypedDocumentString<BoardTokenRowFragment, unknown>;
export const AppointmentListDocument = new TypedDocumentString(`
    query AppointmentList($siteId: ID!, $filter: AppointmentFilterInput, $limit: Int!, $offset: Int!) {
  appointments(siteId: $siteId, filter: $filter, limit: $limit, offset: $offset) {
    total
    rows {
      ...AppointmentListRow
    }
  }
}
    fragment AppointmentListRow on Appointment {
  id
  siteId
  state
  startAt
  endAt
  purpose
  visitorCompany
  headcount
  hosts
  late
  lateApproved
  category {
    id
    code
    name
  }
  leadDepartment {
    id
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
  progress {
    done
    total
  }
}`) as unknown as TypedDocumentString<AppointmentListQuery, AppointmentListQueryVariables>;
export const AppointmentFilterOptionsDocument = new TypedDocumentString(`
    query AppointmentFilterOptions {
  categories(includeArchived: true) {
    id
    code
    name
  }
  departments {
    ...AppointmentDepartmentOption
  }
}
    fragment AppointmentDepartmentOption on Department {
  id
  name
  head {
    id
    displayName
  }
  site {
    id
  }
}`) as unknown as TypedDocumentString<AppointmentFilterOptionsQuery, AppointmentFilterOptionsQueryVariables>;
export const AppointmentRequestOptionsDocument = new TypedDocumentString(`
    query AppointmentRequestOptions($siteId: ID!) {
  categories {
    ...AppointmentCategoryStandard
  }
  departments {
    ...AppointmentDepartmentOption
  }
  sitePeople(siteId: $siteId) {
    id
    displayName
  }
  equipment(siteId: $siteId) {
    id
    kind
    name
  }
}
    fragment AppointmentCategoryStandard on Category {
  id
  code
  name
  description
  archived
  standard {
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    receiver
    responsibleRole
    winterMonths
    responsibleDepartment {
      id
      name
      head {
        id
        displayName
      }
    }
    checklist {
      key
      label
      season
      dueHoursBefore
      owner
    }
  }
}
fragment AppointmentDepartmentOption on Department {
  id
  name
  head {
    id
    displayName
  }
  site {
    id
  }
}`) as unknown as TypedDocumentString<AppointmentRequestOptionsQuery, AppointmentRequestOptionsQueryVariables>;
export const AppointmentRoomAvailabilityDocument = new TypedDocumentString(`
    query AppointmentRoomAvailability($siteId: ID!, $startAt: DateTimeISO!, $endAt: DateTimeISO!, $ignoreAppointmentId: ID) {
  roomAvailability(
    siteId: $siteId
    startAt: $startAt
    endAt: $endAt
    ignoreAppointmentId: $ignoreAppointmentId
  ) {
    free
    appointmentIds
    room {
      id
      name
      capacity
      location
    }
  }
}
    `) as unknown as TypedDocumentString<AppointmentRoomAvailabilityQuery, AppointmentRoomAvailabilityQueryVariables>;
export const AppointmentRequestVisitDocument = new TypedDocumentString(`
    mutation AppointmentRequestVisit($siteId: ID!, $input: AppointmentRequestInput!) {
  requestAppointment(siteId: $siteId, input: $input) {
    id
    state
    late
  }
}
    `) as unknown as TypedDocumentString<AppointmentRequestVisitMutation, AppointmentRequestVisitMutationVariables>;
export const AppointmentDetailDocument = new TypedDocumentString(`
    query AppointmentDetail($id: ID!) {
  appointment(id: $id) {
    appointment {
      ...AppointmentListRow
      requestedAt
      requestedBy {
        id
        displayName
      }
      decidedAt
      decidedBy {
        id
        displayName
      }
      decisionReason
      supportingDepartments {
        id
        name
      }
      room {
        id
        name
        capacity
        location
      }
      category {
        ...AppointmentCategoryStandard
      }
      equipmentKinds
      estimatedCost
      catering
      pickUp
      lodging
      gifts
      notes
      arrivedAt
      completedAt
      outcome
      cooperationIntent
      feedback
      satisfaction
    }
    approvers {
      id
      displayName
    }
    can {
      decide
      change
      recordArrival
      complete
    }
    tasks {
      ...AppointmentTaskRow
    }
    guests {
      id
      name
      company
      title
      contact
      businessScope
      purpose
      needs
      recordedAt
    }
    roomBooking {
      active
      startAt
      endAt
      keysReturnedAt
      keysReturnedBy {
        id
        displayName
      }
      room {
        id
        name
      }
    }
    equipment {
      ...AppointmentReservationRow
    }
    specialRequests {
      ...AppointmentSpecialRequestRow
    }
    history {
      id
      at
      kind
      params
      fromState
      toState
      by {
        id
        displayName
      }
    }
  }
}
    fragment AppointmentListRow on Appointment {
  id
  siteId
  state
  startAt
  endAt
  purpose
  visitorCompany
  headcount
  hosts
  late
  lateApproved
  category {
    id
    code
    name
  }
  leadDepartment {
    id
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
  progress {
    done
    total
  }
}
fragment AppointmentCategoryStandard on Category {
  id
  code
  name
  description
  archived
  standard {
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    receiver
    responsibleRole
    winterMonths
    responsibleDepartment {
      id
      name
      head {
        id
        displayName
      }
    }
    checklist {
      key
      label
      season
      dueHoursBefore
      owner
    }
  }
}
fragment AppointmentTaskRow on Task {
  id
  key
  label
  state
  dueAt
  doneAt
  overdue
  owner {
    id
    displayName
  }
  doneBy {
    id
    displayName
  }
}
fragment AppointmentReservationRow on EquipmentReservation {
  id
  startAt
  endAt
  checkedOutAt
  returnedAt
  overdue
  checkedOutBy {
    id
    displayName
  }
  returnedBy {
    id
    displayName
  }
  equipment {
    id
    kind
    name
  }
}
fragment AppointmentSpecialRequestRow on SpecialRequest {
  id
  text
  raisedAt
  promisedBy
  reply
  repliedAt
  overdue
  raisedBy {
    id
    displayName
  }
  escalatedTo {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<AppointmentDetailQuery, AppointmentDetailQueryVariables>;
export const AppointmentSiteDirectoryDocument = new TypedDocumentString(`
    query AppointmentSiteDirectory($siteId: ID!) {
  sitePeople(siteId: $siteId) {
    id
    displayName
  }
  rooms(siteId: $siteId, includeArchived: true) {
    id
    name
  }
  equipment(siteId: $siteId, includeArchived: true) {
    id
    kind
    name
  }
}
    `) as unknown as TypedDocumentString<AppointmentSiteDirectoryQuery, AppointmentSiteDirectoryQueryVariables>;
export const AppointmentApproveDocument = new TypedDocumentString(`
    mutation AppointmentApprove($id: ID!, $input: ApproveInput) {
  approveAppointment(id: $id, input: $input) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<AppointmentApproveMutation, AppointmentApproveMutationVariables>;
export const AppointmentRejectDocument = new TypedDocumentString(`
    mutation AppointmentReject($id: ID!, $reason: String!) {
  rejectAppointment(id: $id, reason: $reason) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<AppointmentRejectMutation, AppointmentRejectMutationVariables>;
export const AppointmentRescheduleDocument = new TypedDocumentString(`
    mutation AppointmentReschedule($id: ID!, $input: RescheduleInput!) {
  rescheduleAppointment(id: $id, input: $input) {
    id
    state
    startAt
  }
}
    `) as unknown as TypedDocumentString<AppointmentRescheduleMutation, AppointmentRescheduleMutationVariables>;
export const AppointmentCancelDocument = new TypedDocumentString(`
    mutation AppointmentCancel($id: ID!, $reason: String!) {
  cancelAppointment(id: $id, reason: $reason) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<AppointmentCancelMutation, AppointmentCancelMutationVariables>;
export const AppointmentTaskDoneDocument = new TypedDocumentString(`
    mutation AppointmentTaskDone($id: ID!, $done: Boolean!) {
  setTaskDone(id: $id, done: $done) {
    task {
      ...AppointmentTaskRow
    }
    appointment {
      id
      state
      progress {
        done
        total
      }
    }
  }
}
    fragment AppointmentTaskRow on Task {
  id
  key
  label
  state
  dueAt
  doneAt
  overdue
  owner {
    id
    displayName
  }
  doneBy {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<AppointmentTaskDoneMutation, AppointmentTaskDoneMutationVariables>;
export const AppointmentRecordArrivalDocument = new TypedDocumentString(`
    mutation AppointmentRecordArrival($id: ID!, $guests: [GuestInput!]!) {
  recordArrival(id: $id, guests: $guests) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<AppointmentRecordArrivalMutation, AppointmentRecordArrivalMutationVariables>;
export const AppointmentCompleteDocument = new TypedDocumentString(`
    mutation AppointmentComplete($id: ID!, $input: OutcomeInput!) {
  completeAppointment(id: $id, input: $input) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<AppointmentCompleteMutation, AppointmentCompleteMutationVariables>;
export const AppointmentCheckOutEquipmentDocument = new TypedDocumentString(`
    mutation AppointmentCheckOutEquipment($reservationId: ID!, $byUserId: ID!) {
  checkOutEquipment(reservationId: $reservationId, byUserId: $byUserId) {
    ...AppointmentReservationRow
  }
}
    fragment AppointmentReservationRow on EquipmentReservation {
  id
  startAt
  endAt
  checkedOutAt
  returnedAt
  overdue
  checkedOutBy {
    id
    displayName
  }
  returnedBy {
    id
    displayName
  }
  equipment {
    id
    kind
    name
  }
}`) as unknown as TypedDocumentString<AppointmentCheckOutEquipmentMutation, AppointmentCheckOutEquipmentMutationVariables>;
export const AppointmentReturnEquipmentDocument = new TypedDocumentString(`
    mutation AppointmentReturnEquipment($reservationId: ID!) {
  returnEquipment(reservationId: $reservationId) {
    ...AppointmentReservationRow
  }
}
    fragment AppointmentReservationRow on EquipmentReservation {
  id
  startAt
  endAt
  checkedOutAt
  returnedAt
  overdue
  checkedOutBy {
    id
    displayName
  }
  returnedBy {
    id
    displayName
  }
  equipment {
    id
    kind
    name
  }
}`) as unknown as TypedDocumentString<AppointmentReturnEquipmentMutation, AppointmentReturnEquipmentMutationVariables>;
export const AppointmentReturnRoomKeysDocument = new TypedDocumentString(`
    mutation AppointmentReturnRoomKeys($appointmentId: ID!) {
  returnRoomKeys(appointmentId: $appointmentId) {
    keysReturnedAt
  }
}
    `) as unknown as TypedDocumentString<AppointmentReturnRoomKeysMutation, AppointmentReturnRoomKeysMutationVariables>;
export const AppointmentRaiseSpecialRequestDocument = new TypedDocumentString(`
    mutation AppointmentRaiseSpecialRequest($appointmentId: ID!, $input: SpecialRequestInput!) {
  raiseSpecialRequest(appointmentId: $appointmentId, input: $input) {
    ...AppointmentSpecialRequestRow
  }
}
    fragment AppointmentSpecialRequestRow on SpecialRequest {
  id
  text
  raisedAt
  promisedBy
  reply
  repliedAt
  overdue
  raisedBy {
    id
    displayName
  }
  escalatedTo {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<AppointmentRaiseSpecialRequestMutation, AppointmentRaiseSpecialRequestMutationVariables>;
export const AppointmentAnswerSpecialRequestDocument = new TypedDocumentString(`
    mutation AppointmentAnswerSpecialRequest($id: ID!, $reply: String!) {
  answerSpecialRequest(id: $id, reply: $reply) {
    ...AppointmentSpecialRequestRow
  }
}
    fragment AppointmentSpecialRequestRow on SpecialRequest {
  id
  text
  raisedAt
  promisedBy
  reply
  repliedAt
  overdue
  raisedBy {
    id
    displayName
  }
  escalatedTo {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<AppointmentAnswerSpecialRequestMutation, AppointmentAnswerSpecialRequestMutationVariables>;
export const AppointmentPageChangedDocument = new TypedDocumentString(`
    subscription AppointmentPageChanged($siteId: ID!) {
  appointmentChanged(siteId: $siteId) {
    appointmentId
    siteId
    state
  }
}
    `) as unknown as TypedDocumentString<AppointmentPageChangedSubscription, AppointmentPageChangedSubscriptionVariables>;
export const CalendarWeekDocument = new TypedDocumentString(`
    query CalendarWeek($siteId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  appointments(siteId: $siteId, filter: {from: $from, to: $to}, limit: 500) {
    total
    rows {
      ...CalendarAppointment
    }
  }
  rooms(siteId: $siteId) {
    id
    name
    capacity
  }
  shiftTemplates(siteId: $siteId) {
    startTime
    endTime
  }
}
    fragment CalendarAppointment on Appointment {
  id
  startAt
  endAt
  state
  purpose
  visitorCompany
  headcount
  late
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}`) as unknown as TypedDocumentString<CalendarWeekQuery, CalendarWeekQueryVariables>;
export const DayAppointmentsDocument = new TypedDocumentString(`
    query DayAppointments($siteId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $states: [AppointmentState!]!) {
  appointments(
    siteId: $siteId
    filter: {from: $from, to: $to, states: $states}
    limit: 100
  ) {
    total
    rows {
      ...DayAppointment
    }
  }
}
    fragment CalendarAppointment on Appointment {
  id
  startAt
  endAt
  state
  purpose
  visitorCompany
  headcount
  late
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}
fragment DayAppointment on Appointment {
  ...CalendarAppointment
  progress {
    done
    total
  }
}`) as unknown as TypedDocumentString<DayAppointmentsQuery, DayAppointmentsQueryVariables>;
export const SiteAppointmentChangedDocument = new TypedDocumentString(`
    subscription SiteAppointmentChanged($siteId: ID!) {
  appointmentChanged(siteId: $siteId) {
    appointmentId
    siteId
    state
  }
}
    `) as unknown as TypedDocumentString<SiteAppointmentChangedSubscription, SiteAppointmentChangedSubscriptionVariables>;
export const CategoriesDocument = new TypedDocumentString(`
    query Categories($includeArchived: Boolean!) {
  categories(includeArchived: $includeArchived) {
    ...CategoryRow
  }
}
    fragment ChecklistItemRow on ChecklistItem {
  key
  label
  season
  dueHoursBefore
  owner
}
fragment CategoryRow on Category {
  id
  code
  name
  description
  sortOrder
  archived
  standard {
    responsibleDepartment {
      id
      name
    }
    responsibleRole
    receiver
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    winterMonths
    checklist {
      ...ChecklistItemRow
    }
  }
}`) as unknown as TypedDocumentString<CategoriesQuery, CategoriesQueryVariables>;
export const CreateCategoryDocument = new TypedDocumentString(`
    mutation CreateCategory($input: CategoryInput!) {
  createCategory(input: $input) {
    ...CategoryRow
  }
}
    fragment ChecklistItemRow on ChecklistItem {
  key
  label
  season
  dueHoursBefore
  owner
}
fragment CategoryRow on Category {
  id
  code
  name
  description
  sortOrder
  archived
  standard {
    responsibleDepartment {
      id
      name
    }
    responsibleRole
    receiver
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    winterMonths
    checklist {
      ...ChecklistItemRow
    }
  }
}`) as unknown as TypedDocumentString<CreateCategoryMutation, CreateCategoryMutationVariables>;
export const UpdateCategoryDocument = new TypedDocumentString(`
    mutation UpdateCategory($id: ID!, $input: CategoryInput!) {
  updateCategory(id: $id, input: $input) {
    ...CategoryRow
  }
}
    fragment ChecklistItemRow on ChecklistItem {
  key
  label
  season
  dueHoursBefore
  owner
}
fragment CategoryRow on Category {
  id
  code
  name
  description
  sortOrder
  archived
  standard {
    responsibleDepartment {
      id
      name
    }
    responsibleRole
    receiver
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    winterMonths
    checklist {
      ...ChecklistItemRow
    }
  }
}`) as unknown as TypedDocumentString<UpdateCategoryMutation, UpdateCategoryMutationVariables>;
export const SetCategoryArchivedDocument = new TypedDocumentString(`
    mutation SetCategoryArchived($id: ID!, $archived: Boolean!) {
  setCategoryArchived(id: $id, archived: $archived) {
    ...CategoryRow
  }
}
    fragment ChecklistItemRow on ChecklistItem {
  key
  label
  season
  dueHoursBefore
  owner
}
fragment CategoryRow on Category {
  id
  code
  name
  description
  sortOrder
  archived
  standard {
    responsibleDepartment {
      id
      name
    }
    responsibleRole
    receiver
    advanceNoticeDays
    needsSeniorLeader
    meetingRoom
    equipmentKinds
    catering
    pickUp
    lodging
    gifts
    budgetPerGuest
    hostsAtMostGuests
    winterMonths
    checklist {
      ...ChecklistItemRow
    }
  }
}`) as unknown as TypedDocumentString<SetCategoryArchivedMutation, SetCategoryArchivedMutationVariables>;
export const EquipmentKindsDocument = new TypedDocumentString(`
    query EquipmentKinds($siteId: ID!) {
  equipment(siteId: $siteId) {
    id
    kind
  }
}
    `) as unknown as TypedDocumentString<EquipmentKindsQuery, EquipmentKindsQueryVariables>;
export const PreviewCustomerImportDocument = new TypedDocumentString(`
    query PreviewCustomerImport($siteId: ID!, $fileName: String!, $contentBase64: String!) {
  previewCustomerImport(
    siteId: $siteId
    fileName: $fileName
    contentBase64: $contentBase64
  ) {
    rows
    valid
    errorCount
    errors {
      row
      field
      code
      message
      params
    }
    sample {
      row
      name
      phone
      consultant
      registeredAt
      budget
      size
      source
    }
  }
}
    `) as unknown as TypedDocumentString<PreviewCustomerImportQuery, PreviewCustomerImportQueryVariables>;
export const ImportCustomersDocument = new TypedDocumentString(`
    mutation ImportCustomers($siteId: ID!, $fileName: String!, $contentBase64: String!) {
  importCustomers(
    siteId: $siteId
    fileName: $fileName
    contentBase64: $contentBase64
  ) {
    imported
    conflicts
  }
}
    `) as unknown as TypedDocumentString<ImportCustomersMutation, ImportCustomersMutationVariables>;
export const ExportCustomersDocument = new TypedDocumentString(`
    query ExportCustomers($siteId: ID!) {
  exportCustomers(siteId: $siteId) {
    fileName
    contentBase64
  }
}
    `) as unknown as TypedDocumentString<ExportCustomersQuery, ExportCustomersQueryVariables>;
export const RegisterCheckDocument = new TypedDocumentString(`
    query RegisterCheck($siteId: ID!, $name: String!, $phone: String!) {
  registerCheck(siteId: $siteId, name: $name, phone: $phone) {
    match
    customers {
      ...CustomerRow
    }
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}`) as unknown as TypedDocumentString<RegisterCheckQuery, RegisterCheckQueryVariables>;
export const RegisterCustomerDocument = new TypedDocumentString(`
    mutation RegisterCustomer($siteId: ID!, $input: RegisterCustomerInput!) {
  registerCustomer(siteId: $siteId, input: $input) {
    match
    registrationId
    customer {
      ...CustomerRow
    }
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}`) as unknown as TypedDocumentString<RegisterCustomerMutation, RegisterCustomerMutationVariables>;
export const RegisterConsultantsDocument = new TypedDocumentString(`
    query RegisterConsultants($siteId: ID!) {
  siteConsultants(siteId: $siteId) {
    ...CustomerPerson
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}`) as unknown as TypedDocumentString<RegisterConsultantsQuery, RegisterConsultantsQueryVariables>;
export const CustomersDocument = new TypedDocumentString(`
    query Customers($siteId: ID!, $scope: CustomerScope!, $search: String, $limit: Int!, $offset: Int!, $grade: IntentGrade, $followUpDue: Boolean! = false) {
  customers(
    siteId: $siteId
    scope: $scope
    search: $search
    limit: $limit
    offset: $offset
    grade: $grade
    followUpDue: $followUpDue
  ) {
    total
    rows {
      ...CustomerRow
    }
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}`) as unknown as TypedDocumentString<CustomersQuery, CustomersQueryVariables>;
export const CustomerLookupDocument = new TypedDocumentString(`
    query CustomerLookup($siteId: ID!, $query: String!) {
  customerLookup(siteId: $siteId, query: $query) {
    ...CustomerRow
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}`) as unknown as TypedDocumentString<CustomerLookupQuery, CustomerLookupQueryVariables>;
export const CustomerDetailDocument = new TypedDocumentString(`
    query CustomerDetail($id: ID!) {
  customer(id: $id) {
    customer {
      ...CustomerRow
      siteId
    }
    family {
      id
      name
      phone
      relation
    }
    registrations {
      id
      name
      phone
      at
      correctsId
      intent
      consultant {
        ...CustomerPerson
      }
    }
    followUps {
      id
      at
      kind
      note
      nextAt
      consultant {
        ...CustomerPerson
      }
    }
    decisions {
      id
      at
      kind
      reason
      details
      consultant {
        ...CustomerPerson
      }
      decidedBy {
        ...CustomerPerson
      }
    }
    deals {
      ...CustomerDeal
    }
    conflicts {
      ...CustomerConflictRow
    }
    timeline {
      at
      kind
      counted
      rule
      details
      consultant {
        ...CustomerPerson
      }
      actor {
        ...CustomerPerson
      }
      people {
        ...CustomerPerson
      }
    }
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}
fragment CustomerDeal on Deal {
  id
  customerId
  customerName
  buyerName
  dealAt
  units
  credit {
    consultant {
      ...CustomerPerson
    }
    share
  }
  attribution
}
fragment CustomerConflictRow on CustomerConflict {
  id
  customerId
  customerName
  kind
  details
  createdAt
  resolvedAt
}`) as unknown as TypedDocumentString<CustomerDetailQuery, CustomerDetailQueryVariables>;
export const LogFollowUpDocument = new TypedDocumentString(`
    mutation LogFollowUp($customerId: ID!, $input: FollowUpInput!) {
  logFollowUp(customerId: $customerId, input: $input) {
    ...CustomerRow
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}`) as unknown as TypedDocumentString<LogFollowUpMutation, LogFollowUpMutationVariables>;
export const CorrectRegistrationDocument = new TypedDocumentString(`
    mutation CorrectRegistration($id: ID!, $name: String!, $phone: String!) {
  correctRegistration(id: $id, name: $name, phone: $phone) {
    id
    correctsId
  }
}
    `) as unknown as TypedDocumentString<CorrectRegistrationMutation, CorrectRegistrationMutationVariables>;
export const DecideOwnershipDocument = new TypedDocumentString(`
    mutation DecideOwnership($input: DecisionInput!) {
  decideOwnership(input: $input) {
    ...CustomerRow
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}`) as unknown as TypedDocumentString<DecideOwnershipMutation, DecideOwnershipMutationVariables>;
export const RecordDealDocument = new TypedDocumentString(`
    mutation RecordDeal($input: DealInput!) {
  recordDeal(input: $input) {
    ...CustomerDeal
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerDeal on Deal {
  id
  customerId
  customerName
  buyerName
  dealAt
  units
  credit {
    consultant {
      ...CustomerPerson
    }
    share
  }
  attribution
}`) as unknown as TypedDocumentString<RecordDealMutation, RecordDealMutationVariables>;
export const CustomerConflictsDocument = new TypedDocumentString(`
    query CustomerConflicts($siteId: ID!) {
  customerConflicts(siteId: $siteId) {
    ...CustomerConflictRow
  }
}
    fragment CustomerConflictRow on CustomerConflict {
  id
  customerId
  customerName
  kind
  details
  createdAt
  resolvedAt
}`) as unknown as TypedDocumentString<CustomerConflictsQuery, CustomerConflictsQueryVariables>;
export const DealsDocument = new TypedDocumentString(`
    query Deals($siteId: ID!, $limit: Int!, $offset: Int!) {
  deals(siteId: $siteId, limit: $limit, offset: $offset) {
    total
    deals {
      ...CustomerDeal
    }
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerDeal on Deal {
  id
  customerId
  customerName
  buyerName
  dealAt
  units
  credit {
    consultant {
      ...CustomerPerson
    }
    share
  }
  attribution
}`) as unknown as TypedDocumentString<DealsQuery, DealsQueryVariables>;
export const CustomerSettingsDocument = new TypedDocumentString(`
    query CustomerSettings($siteId: ID!) {
  customerSettings(siteId: $siteId) {
    ...CustomerSettingsFields
  }
}
    fragment CustomerSettingsFields on CustomerSettings {
  siteId
  followUpDays
  dealLookbackDays
  followUpDueDays
  grades {
    grade
    label
    description
  }
}`) as unknown as TypedDocumentString<CustomerSettingsQuery, CustomerSettingsQueryVariables>;
export const UpdateCustomerSettingsDocument = new TypedDocumentString(`
    mutation UpdateCustomerSettings($siteId: ID!, $input: CustomerSettingsInput!) {
  updateCustomerSettings(siteId: $siteId, input: $input) {
    ...CustomerSettingsFields
  }
}
    fragment CustomerSettingsFields on CustomerSettings {
  siteId
  followUpDays
  dealLookbackDays
  followUpDueDays
  grades {
    grade
    label
    description
  }
}`) as unknown as TypedDocumentString<UpdateCustomerSettingsMutation, UpdateCustomerSettingsMutationVariables>;
export const CustomerDisputesLiveDocument = new TypedDocumentString(`
    subscription CustomerDisputesLive($siteId: ID!) {
  customerDisputes(siteId: $siteId) {
    siteId
    open
  }
}
    `) as unknown as TypedDocumentString<CustomerDisputesLiveSubscription, CustomerDisputesLiveSubscriptionVariables>;
export const SetCustomerGradeDocument = new TypedDocumentString(`
    mutation SetCustomerGrade($customerId: ID!, $grade: IntentGrade) {
  setCustomerGrade(customerId: $customerId, grade: $grade) {
    ...CustomerRow
  }
}
    fragment CustomerPerson on Person {
  id
  displayName
}
fragment CustomerRow on Customer {
  id
  name
  phone
  phoneMasked
  createdAt
  dealClosed
  ownership {
    owner {
      ...CustomerPerson
    }
    since
    lapsesAt
    rule
    lapsesSoon
  }
  intentGrade
  followUpDue {
    state
    inDays
    lapsesAt
  }
}`) as unknown as TypedDocumentString<SetCustomerGradeMutation, SetCustomerGradeMutationVariables>;
export const CustomersByIdsDocument = new TypedDocumentString(`
    query CustomersByIds($siteId: ID!, $ids: [ID!]!) {
  customersByIds(siteId: $siteId, ids: $ids) {
    id
    followUpDue {
      state
      inDays
      lapsesAt
    }
  }
}
    `) as unknown as TypedDocumentString<CustomersByIdsQuery, CustomersByIdsQueryVariables>;
export const DepartmentsDocument = new TypedDocumentString(`
    query Departments {
  departments {
    ...DepartmentRow
  }
}
    fragment DepartmentRow on Department {
  id
  name
  createdAt
  site {
    id
    name
    code
  }
  head {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<DepartmentsQuery, DepartmentsQueryVariables>;
export const CreateDepartmentDocument = new TypedDocumentString(`
    mutation CreateDepartment($input: DepartmentInput!) {
  createDepartment(input: $input) {
    ...DepartmentRow
  }
}
    fragment DepartmentRow on Department {
  id
  name
  createdAt
  site {
    id
    name
    code
  }
  head {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<CreateDepartmentMutation, CreateDepartmentMutationVariables>;
export const UpdateDepartmentDocument = new TypedDocumentString(`
    mutation UpdateDepartment($id: ID!, $input: DepartmentInput!) {
  updateDepartment(id: $id, input: $input) {
    ...DepartmentRow
  }
}
    fragment DepartmentRow on Department {
  id
  name
  createdAt
  site {
    id
    name
    code
  }
  head {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<UpdateDepartmentMutation, UpdateDepartmentMutationVariables>;
export const DeleteDepartmentDocument = new TypedDocumentString(`
    mutation DeleteDepartment($id: ID!) {
  deleteDepartment(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteDepartmentMutation, DeleteDepartmentMutationVariables>;
export const SiteFiguresDocument = new TypedDocumentString(`
    query SiteFigures($siteId: ID!, $period: FiguresPeriod!, $date: String!, $to: String) {
  siteFigures(siteId: $siteId, period: $period, date: $date, to: $to) {
    siteId
    from
    to
    days {
      day
      counted
      enquiries
      walkIns {
        ...FigureWalkIns
      }
    }
    consultants {
      consultant {
        id
        displayName
      }
      counted
      walkIns {
        ...FigureWalkIns
      }
      makeUpsGiven
      makeUpsUsed
      skips
      absences
      registrations
      followUps
      followUpsDue
      followUpsOnTime
      deals
      dealUnits
      conversion
      appointments
      appointmentsCompleted
      satisfaction
      satisfactionCount
      visitsPlanned
      visitsDone
      visitReportsOnTime
      visitReportsLate
    }
    fairness {
      spread
      rows {
        consultant {
          id
          displayName
        }
        sharedDays
        counted
        expected
        deviation
        makeUpsGiven
        makeUpsUsed
        makeUpRules {
          rule
          count
        }
      }
    }
  }
}
    fragment FigureWalkIns on WalkInCounts {
  new
  returning
  broughtAlong
  nonBuyer
}`) as unknown as TypedDocumentString<SiteFiguresQuery, SiteFiguresQueryVariables>;
export const FloorBoardFeedDocument = new TypedDocumentString(`
    subscription FloorBoardFeed($siteId: ID!, $afterSeq: Int) {
  rotationBoardFeed(siteId: $siteId, afterSeq: $afterSeq) {
    seq
    baseSeq
    complete
    board {
      ...FloorBoard
    }
    change {
      ...FloorBoardChange
    }
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorConsultant on BoardConsultant {
  consultant {
    ...FloorPerson
  }
  state
  position
  since
  inShift
  shiftStart
  shiftEnd
  phoneDuty
  next
  busyWith {
    ...FloorReception
  }
  priorityMakeUps
  makeUps
  counted
  reinstatable
}
fragment FloorAlert on FloorAlert {
  id
  kind
  at
  receptionId
  consultant {
    ...FloorPerson
  }
  params
}
fragment FloorBoard on RotationBoard {
  siteId
  seq
  day
  at
  round
  atDoor {
    ...FloorPerson
  }
  phoneDuty {
    ...FloorPerson
  }
  upNext {
    ...FloorPerson
  }
  consultants {
    ...FloorConsultant
  }
  waiting {
    ...FloorReception
  }
  receptions {
    ...FloorReception
  }
  walkInsByKind {
    kind
    count
  }
  alerts {
    ...FloorAlert
  }
  events {
    ...FloorEvent
  }
}
fragment FloorBoardChange on RotationBoardChange {
  siteId
  seq
  baseSeq
  day
  at
  round
  atDoor {
    ...FloorPerson
  }
  phoneDuty {
    ...FloorPerson
  }
  upNext {
    ...FloorPerson
  }
  walkInsByKind {
    kind
    count
  }
  consultants {
    removed
    upserted {
      index
      row {
        ...FloorConsultant
      }
    }
  }
  waiting {
    removed
    upserted {
      index
      row {
        ...FloorReception
      }
    }
  }
  receptions {
    removed
    upserted {
      index
      row {
        ...FloorReception
      }
    }
  }
  alerts {
    removed
    upserted {
      index
      row {
        ...FloorAlert
      }
    }
  }
  events {
    ...FloorEvent
  }
}`) as unknown as TypedDocumentString<FloorBoardFeedSubscription, FloorBoardFeedSubscriptionVariables>;
export const FloorBoardAtDocument = new TypedDocumentString(`
    query FloorBoardAt($siteId: ID!, $seq: Int!) {
  rotationBoardAt(siteId: $siteId, seq: $seq) {
    ...FloorBoard
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorConsultant on BoardConsultant {
  consultant {
    ...FloorPerson
  }
  state
  position
  since
  inShift
  shiftStart
  shiftEnd
  phoneDuty
  next
  busyWith {
    ...FloorReception
  }
  priorityMakeUps
  makeUps
  counted
  reinstatable
}
fragment FloorAlert on FloorAlert {
  id
  kind
  at
  receptionId
  consultant {
    ...FloorPerson
  }
  params
}
fragment FloorBoard on RotationBoard {
  siteId
  seq
  day
  at
  round
  atDoor {
    ...FloorPerson
  }
  phoneDuty {
    ...FloorPerson
  }
  upNext {
    ...FloorPerson
  }
  consultants {
    ...FloorConsultant
  }
  waiting {
    ...FloorReception
  }
  receptions {
    ...FloorReception
  }
  walkInsByKind {
    kind
    count
  }
  alerts {
    ...FloorAlert
  }
  events {
    ...FloorEvent
  }
}`) as unknown as TypedDocumentString<FloorBoardAtQuery, FloorBoardAtQueryVariables>;
export const FloorHistoryDocument = new TypedDocumentString(`
    query FloorHistory($siteId: ID!, $day: String, $beforeSeq: Int, $limit: Int!) {
  rotationHistory(
    siteId: $siteId
    day: $day
    beforeSeq: $beforeSeq
    limit: $limit
  ) {
    events {
      ...FloorEvent
    }
    hasMore
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}`) as unknown as TypedDocumentString<FloorHistoryQuery, FloorHistoryQueryVariables>;
export const FloorConsultantsDocument = new TypedDocumentString(`
    query FloorConsultants($siteId: ID!) {
  siteConsultants(siteId: $siteId) {
    ...FloorPerson
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}`) as unknown as TypedDocumentString<FloorConsultantsQuery, FloorConsultantsQueryVariables>;
export const FloorUndoWindowDocument = new TypedDocumentString(`
    query FloorUndoWindow($siteId: ID!) {
  rotationSettings(siteId: $siteId) {
    siteId
    undoWindowMinutes
    nonBuyerWindowMinutes
    bigBuyerUnits
  }
}
    `) as unknown as TypedDocumentString<FloorUndoWindowQuery, FloorUndoWindowQueryVariables>;
export const CheckInDocument = new TypedDocumentString(`
    mutation CheckIn($siteId: ID!, $consultantId: ID) {
  checkIn(siteId: $siteId, consultantId: $consultantId) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<CheckInMutation, CheckInMutationVariables>;
export const GoAwayDocument = new TypedDocumentString(`
    mutation GoAway($siteId: ID!, $consultantId: ID) {
  goAway(siteId: $siteId, consultantId: $consultantId) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<GoAwayMutation, GoAwayMutationVariables>;
export const CheckOutDocument = new TypedDocumentString(`
    mutation CheckOut($siteId: ID!, $consultantId: ID) {
  checkOut(siteId: $siteId, consultantId: $consultantId) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<CheckOutMutation, CheckOutMutationVariables>;
export const EndReceptionDocument = new TypedDocumentString(`
    mutation EndReception($siteId: ID!, $receptionId: ID!) {
  endReception(siteId: $siteId, receptionId: $receptionId) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<EndReceptionMutation, EndReceptionMutationVariables>;
export const HandOverDocument = new TypedDocumentString(`
    mutation HandOver($siteId: ID!, $receptionId: ID!, $toConsultantId: ID!) {
  handOver(
    siteId: $siteId
    receptionId: $receptionId
    toConsultantId: $toConsultantId
  ) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<HandOverMutation, HandOverMutationVariables>;
export const KeepForColleagueDocument = new TypedDocumentString(`
    mutation KeepForColleague($siteId: ID!, $receptionId: ID!, $colleagueId: ID!) {
  keepForColleague(
    siteId: $siteId
    receptionId: $receptionId
    colleagueId: $colleagueId
  ) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<KeepForColleagueMutation, KeepForColleagueMutationVariables>;
export const ReportNonBuyerDocument = new TypedDocumentString(`
    mutation ReportNonBuyer($siteId: ID!, $receptionId: ID!, $keep: Boolean!) {
  reportNonBuyer(siteId: $siteId, receptionId: $receptionId, keep: $keep) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<ReportNonBuyerMutation, ReportNonBuyerMutationVariables>;
export const ReportBigBuyerDocument = new TypedDocumentString(`
    mutation ReportBigBuyer($siteId: ID!, $receptionId: ID!, $units: Int!) {
  reportBigBuyer(siteId: $siteId, receptionId: $receptionId, units: $units) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<ReportBigBuyerMutation, ReportBigBuyerMutationVariables>;
export const RecordWalkInDocument = new TypedDocumentString(`
    mutation RecordWalkIn($siteId: ID!, $input: WalkInInput!) {
  recordWalkIn(siteId: $siteId, input: $input) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<RecordWalkInMutation, RecordWalkInMutationVariables>;
export const MarkAbsentDocument = new TypedDocumentString(`
    mutation MarkAbsent($siteId: ID!, $consultantId: ID!, $reason: String) {
  markAbsent(siteId: $siteId, consultantId: $consultantId, reason: $reason) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<MarkAbsentMutation, MarkAbsentMutationVariables>;
export const UndoFloorChangeDocument = new TypedDocumentString(`
    mutation UndoFloorChange($siteId: ID!, $seq: Int!, $reason: String) {
  undoFloorChange(siteId: $siteId, seq: $seq, reason: $reason) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<UndoFloorChangeMutation, UndoFloorChangeMutationVariables>;
export const TakeBackMyChangeDocument = new TypedDocumentString(`
    mutation TakeBackMyChange($siteId: ID!, $seq: Int!) {
  takeBackMyChange(siteId: $siteId, seq: $seq) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<TakeBackMyChangeMutation, TakeBackMyChangeMutationVariables>;
export const AssignByHandDocument = new TypedDocumentString(`
    mutation AssignByHand($siteId: ID!, $input: AssignByHandInput!) {
  assignByHand(siteId: $siteId, input: $input) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<AssignByHandMutation, AssignByHandMutationVariables>;
export const MoveInLineDocument = new TypedDocumentString(`
    mutation MoveInLine($siteId: ID!, $consultantId: ID!, $position: Int!, $reason: String!) {
  moveInLine(
    siteId: $siteId
    consultantId: $consultantId
    position: $position
    reason: $reason
  ) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<MoveInLineMutation, MoveInLineMutationVariables>;
export const SkipTurnDocument = new TypedDocumentString(`
    mutation SkipTurn($siteId: ID!, $consultantId: ID!, $reason: String!) {
  skipTurn(siteId: $siteId, consultantId: $consultantId, reason: $reason) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<SkipTurnMutation, SkipTurnMutationVariables>;
export const ReinstateDocument = new TypedDocumentString(`
    mutation Reinstate($siteId: ID!, $consultantId: ID!, $reason: String!) {
  reinstate(siteId: $siteId, consultantId: $consultantId, reason: $reason) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<ReinstateMutation, ReinstateMutationVariables>;
export const DecideNonBuyerDocument = new TypedDocumentString(`
    mutation DecideNonBuyer($siteId: ID!, $receptionId: ID!, $confirmed: Boolean!, $reason: String!) {
  decideNonBuyer(
    siteId: $siteId
    receptionId: $receptionId
    confirmed: $confirmed
    reason: $reason
  ) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<DecideNonBuyerMutation, DecideNonBuyerMutationVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($siteId: ID!, $alertId: ID!) {
  acknowledgeAlert(siteId: $siteId, alertId: $alertId) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const RecordSameDayDealDocument = new TypedDocumentString(`
    mutation RecordSameDayDeal($siteId: ID!, $receptionId: ID!) {
  recordSameDayDeal(siteId: $siteId, receptionId: $receptionId) {
    ...FloorChangeResult
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorReception on Reception {
  id
  kind
  customerName
  customerId
  phoneMasked
  partySize
  unitsAsked
  consultant {
    ...FloorPerson
  }
  owner {
    ...FloorPerson
  }
  status
  arrivedAt
  startedAt
  endedAt
  counted
  credit {
    consultant {
      ...FloorPerson
    }
    share
  }
  rule
  explanation
  secondApproved
  nonBuyer
  sameDayDeal
}
fragment FloorEvent on RotationEvent {
  seq
  type
  at
  day
  actor {
    ...FloorPerson
  }
  actingFor {
    ...FloorPerson
  }
  consultant {
    ...FloorPerson
  }
  receptionId
  reason
  rule
  explanation
  undoable
}
fragment FloorChangeResult on FloorChange {
  seq
  events {
    ...FloorEvent
  }
  reception {
    ...FloorReception
  }
}`) as unknown as TypedDocumentString<RecordSameDayDealMutation, RecordSameDayDealMutationVariables>;
export const UnlinkedReceptionsDocument = new TypedDocumentString(`
    query UnlinkedReceptions($siteId: ID!) {
  unlinkedReceptions(siteId: $siteId) {
    id
    kind
    customerName
    arrivedAt
    consultant {
      ...FloorPerson
    }
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}`) as unknown as TypedDocumentString<UnlinkedReceptionsQuery, UnlinkedReceptionsQueryVariables>;
export const LinkReceptionToCustomerDocument = new TypedDocumentString(`
    mutation LinkReceptionToCustomer($siteId: ID!, $receptionId: ID!, $customerId: ID!) {
  linkReceptionToCustomer(
    siteId: $siteId
    receptionId: $receptionId
    customerId: $customerId
  )
}
    `) as unknown as TypedDocumentString<LinkReceptionToCustomerMutation, LinkReceptionToCustomerMutationVariables>;
export const FloorDeputiesDocument = new TypedDocumentString(`
    query FloorDeputies($siteId: ID!) {
  floorDeputies(siteId: $siteId) {
    ...FloorDeputyRow
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorDeputyRow on FloorDeputy {
  id
  deputy {
    ...FloorPerson
  }
  manager {
    ...FloorPerson
  }
  from
  to
  active
}`) as unknown as TypedDocumentString<FloorDeputiesQuery, FloorDeputiesQueryVariables>;
export const NameFloorDeputyDocument = new TypedDocumentString(`
    mutation NameFloorDeputy($siteId: ID!, $input: FloorDeputyInput!) {
  nameFloorDeputy(siteId: $siteId, input: $input) {
    ...FloorDeputyRow
  }
}
    fragment FloorPerson on Person {
  id
  displayName
}
fragment FloorDeputyRow on FloorDeputy {
  id
  deputy {
    ...FloorPerson
  }
  manager {
    ...FloorPerson
  }
  from
  to
  active
}`) as unknown as TypedDocumentString<NameFloorDeputyMutation, NameFloorDeputyMutationVariables>;
export const EndFloorDeputyDocument = new TypedDocumentString(`
    mutation EndFloorDeputy($siteId: ID!, $id: ID!) {
  endFloorDeputy(siteId: $siteId, id: $id)
}
    `) as unknown as TypedDocumentString<EndFloorDeputyMutation, EndFloorDeputyMutationVariables>;
export const MyTasksDocument = new TypedDocumentString(`
    query MyTasks($includeDone: Boolean!) {
  myTasks(includeDone: $includeDone) {
    ...WorkTask
  }
}
    fragment WorkAppointment on Appointment {
  id
  purpose
  visitorCompany
  startAt
  endAt
  state
  late
  headcount
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}
fragment WorkTask on Task {
  id
  key
  label
  dueAt
  overdue
  state
  doneAt
  appointmentId
  appointment {
    ...WorkAppointment
    progress {
      done
      total
    }
  }
}`) as unknown as TypedDocumentString<MyTasksQuery, MyTasksQueryVariables>;
export const MyApprovalsDocument = new TypedDocumentString(`
    query MyApprovals {
  myApprovals {
    ...WorkAppointment
    requestedAt
    requestedBy {
      id
      displayName
    }
    leadDepartment {
      id
      name
    }
  }
}
    fragment WorkAppointment on Appointment {
  id
  purpose
  visitorCompany
  startAt
  endAt
  state
  late
  headcount
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}`) as unknown as TypedDocumentString<MyApprovalsQuery, MyApprovalsQueryVariables>;
export const MySpecialRequestsDocument = new TypedDocumentString(`
    query MySpecialRequests {
  mySpecialRequests {
    id
    text
    promisedBy
    overdue
    raisedAt
    raisedBy {
      id
      displayName
    }
    appointmentId
    appointment {
      ...WorkAppointment
    }
  }
}
    fragment WorkAppointment on Appointment {
  id
  purpose
  visitorCompany
  startAt
  endAt
  state
  late
  headcount
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}`) as unknown as TypedDocumentString<MySpecialRequestsQuery, MySpecialRequestsQueryVariables>;
export const SetMyTaskDoneDocument = new TypedDocumentString(`
    mutation SetMyTaskDone($id: ID!, $done: Boolean!) {
  setTaskDone(id: $id, done: $done) {
    task {
      ...WorkTask
    }
  }
}
    fragment WorkAppointment on Appointment {
  id
  purpose
  visitorCompany
  startAt
  endAt
  state
  late
  headcount
  category {
    id
    code
    name
  }
  lead {
    id
    displayName
  }
  room {
    id
    name
  }
}
fragment WorkTask on Task {
  id
  key
  label
  dueAt
  overdue
  state
  doneAt
  appointmentId
  appointment {
    ...WorkAppointment
    progress {
      done
      total
    }
  }
}`) as unknown as TypedDocumentString<SetMyTaskDoneMutation, SetMyTaskDoneMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($limit: Int!) {
  notifications(limit: $limit) {
    unread
    rows {
      ...NotificationRow
    }
  }
}
    fragment NotificationRow on Notification {
  id
  kind
  params
  appointmentId
  createdAt
  readAt
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MyNotificationsDocument = new TypedDocumentString(`
    subscription MyNotifications {
  myNotifications {
    ...NotificationRow
  }
}
    fragment NotificationRow on Notification {
  id
  kind
  params
  appointmentId
  createdAt
  readAt
}`) as unknown as TypedDocumentString<MyNotificationsSubscription, MyNotificationsSubscriptionVariables>;
export const RoomsAndEquipmentDocument = new TypedDocumentString(`
    query RoomsAndEquipment($siteId: ID!) {
  rooms(siteId: $siteId, includeArchived: true) {
    ...RoomRow
  }
  equipment(siteId: $siteId, includeArchived: true) {
    ...EquipmentRow
  }
}
    fragment RoomRow on Room {
  id
  siteId
  name
  capacity
  location
  archived
}
fragment EquipmentRow on Equipment {
  id
  siteId
  kind
  name
  archived
}`) as unknown as TypedDocumentString<RoomsAndEquipmentQuery, RoomsAndEquipmentQueryVariables>;
export const CreateRoomDocument = new TypedDocumentString(`
    mutation CreateRoom($siteId: ID!, $input: RoomInput!) {
  createRoom(siteId: $siteId, input: $input) {
    ...RoomRow
  }
}
    fragment RoomRow on Room {
  id
  siteId
  name
  capacity
  location
  archived
}`) as unknown as TypedDocumentString<CreateRoomMutation, CreateRoomMutationVariables>;
export const UpdateRoomDocument = new TypedDocumentString(`
    mutation UpdateRoom($id: ID!, $input: RoomChangeInput!) {
  updateRoom(id: $id, input: $input) {
    ...RoomRow
  }
}
    fragment RoomRow on Room {
  id
  siteId
  name
  capacity
  location
  archived
}`) as unknown as TypedDocumentString<UpdateRoomMutation, UpdateRoomMutationVariables>;
export const CreateEquipmentDocument = new TypedDocumentString(`
    mutation CreateEquipment($siteId: ID!, $input: EquipmentInput!) {
  createEquipment(siteId: $siteId, input: $input) {
    ...EquipmentRow
  }
}
    fragment EquipmentRow on Equipment {
  id
  siteId
  kind
  name
  archived
}`) as unknown as TypedDocumentString<CreateEquipmentMutation, CreateEquipmentMutationVariables>;
export const UpdateEquipmentDocument = new TypedDocumentString(`
    mutation UpdateEquipment($id: ID!, $input: EquipmentChangeInput!) {
  updateEquipment(id: $id, input: $input) {
    ...EquipmentRow
  }
}
    fragment EquipmentRow on Equipment {
  id
  siteId
  kind
  name
  archived
}`) as unknown as TypedDocumentString<UpdateEquipmentMutation, UpdateEquipmentMutationVariables>;
export const RotationSettingsDocument = new TypedDocumentString(`
    query RotationSettings($siteId: ID!) {
  rotationSettings(siteId: $siteId) {
    ...RotationSettingsFields
  }
}
    fragment RotationSettingsFields on RotationSettings {
  siteId
  r7OpenRevisit
  r8BroughtAlong
  r9SameDay
  r11ColleagueCustomer
  undoWindowMinutes
  nonBuyerWindowMinutes
  bigBuyerUnits
}`) as unknown as TypedDocumentString<RotationSettingsQuery, RotationSettingsQueryVariables>;
export const UpdateRotationSettingsDocument = new TypedDocumentString(`
    mutation UpdateRotationSettings($siteId: ID!, $input: RotationSettingsInput!) {
  updateRotationSettings(siteId: $siteId, input: $input) {
    ...RotationSettingsFields
  }
}
    fragment RotationSettingsFields on RotationSettings {
  siteId
  r7OpenRevisit
  r8BroughtAlong
  r9SameDay
  r11ColleagueCustomer
  undoWindowMinutes
  nonBuyerWindowMinutes
  bigBuyerUnits
}`) as unknown as TypedDocumentString<UpdateRotationSettingsMutation, UpdateRotationSettingsMutationVariables>;
export const ShiftWeekDocument = new TypedDocumentString(`
    query ShiftWeek($siteId: ID!) {
  siteConsultants(siteId: $siteId) {
    id
    displayName
  }
  shiftTemplates(siteId: $siteId) {
    ...ShiftTemplateRow
  }
}
    fragment ShiftTemplateRow on ShiftTemplate {
  id
  consultantId
  weekday
  startTime
  endTime
}`) as unknown as TypedDocumentString<ShiftWeekQuery, ShiftWeekQueryVariables>;
export const SetShiftTemplatesDocument = new TypedDocumentString(`
    mutation SetShiftTemplates($siteId: ID!, $shifts: [ShiftTemplateInput!]!) {
  setShiftTemplates(siteId: $siteId, shifts: $shifts) {
    ...ShiftTemplateRow
  }
}
    fragment ShiftTemplateRow on ShiftTemplate {
  id
  consultantId
  weekday
  startTime
  endTime
}`) as unknown as TypedDocumentString<SetShiftTemplatesMutation, SetShiftTemplatesMutationVariables>;
export const ShiftExceptionsDocument = new TypedDocumentString(`
    query ShiftExceptions($siteId: ID!, $from: String!, $to: String!) {
  shiftExceptions(siteId: $siteId, from: $from, to: $to) {
    ...ShiftExceptionRow
  }
}
    fragment ShiftExceptionRow on ShiftException {
  id
  consultantId
  date
  kind
  startTime
  endTime
  note
}`) as unknown as TypedDocumentString<ShiftExceptionsQuery, ShiftExceptionsQueryVariables>;
export const AddShiftExceptionDocument = new TypedDocumentString(`
    mutation AddShiftException($siteId: ID!, $input: ShiftExceptionInput!) {
  addShiftException(siteId: $siteId, input: $input) {
    ...ShiftExceptionRow
  }
}
    fragment ShiftExceptionRow on ShiftException {
  id
  consultantId
  date
  kind
  startTime
  endTime
  note
}`) as unknown as TypedDocumentString<AddShiftExceptionMutation, AddShiftExceptionMutationVariables>;
export const RemoveShiftExceptionDocument = new TypedDocumentString(`
    mutation RemoveShiftException($siteId: ID!, $id: ID!) {
  removeShiftException(siteId: $siteId, id: $id)
}
    `) as unknown as TypedDocumentString<RemoveShiftExceptionMutation, RemoveShiftExceptionMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    user {
      ...SessionUser
    }
  }
}
    fragment SessionUser on User {
  id
  username
  displayName
  roles
  disabled
  sites {
    id
    name
    code
    timezone
  }
  department {
    id
    name
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...SessionUser
  }
}
    fragment SessionUser on User {
  id
  username
  displayName
  roles
  disabled
  sites {
    id
    name
    code
    timezone
  }
  department {
    id
    name
  }
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ChangeMyPasswordDocument = new TypedDocumentString(`
    mutation ChangeMyPassword($input: ChangePasswordInput!) {
  changeMyPassword(input: $input)
}
    `) as unknown as TypedDocumentString<ChangeMyPasswordMutation, ChangeMyPasswordMutationVariables>;
export const AccountChangedDocument = new TypedDocumentString(`
    subscription AccountChanged {
  accountChanged {
    signedOut
    user {
      ...SessionUser
    }
  }
}
    fragment SessionUser on User {
  id
  username
  displayName
  roles
  disabled
  sites {
    id
    name
    code
    timezone
  }
  department {
    id
    name
  }
}`) as unknown as TypedDocumentString<AccountChangedSubscription, AccountChangedSubscriptionVariables>;
export const SettingsHistoryDocument = new TypedDocumentString(`
    query SettingsHistory($siteId: ID!, $area: SettingsArea!, $limit: Int) {
  settingsHistory(siteId: $siteId, area: $area, limit: $limit) {
    id
    at
    by {
      id
      displayName
    }
    before
    after
    changed
  }
}
    `) as unknown as TypedDocumentString<SettingsHistoryQuery, SettingsHistoryQueryVariables>;
export const SitesDocument = new TypedDocumentString(`
    query Sites {
  sites {
    ...SiteRow
  }
}
    fragment SiteRow on Site {
  id
  name
  code
  timezone
  createdAt
}`) as unknown as TypedDocumentString<SitesQuery, SitesQueryVariables>;
export const CreateSiteDocument = new TypedDocumentString(`
    mutation CreateSite($input: SiteInput!) {
  createSite(input: $input) {
    ...SiteRow
  }
}
    fragment SiteRow on Site {
  id
  name
  code
  timezone
  createdAt
}`) as unknown as TypedDocumentString<CreateSiteMutation, CreateSiteMutationVariables>;
export const UpdateSiteDocument = new TypedDocumentString(`
    mutation UpdateSite($id: ID!, $input: SiteInput!) {
  updateSite(id: $id, input: $input) {
    ...SiteRow
  }
}
    fragment SiteRow on Site {
  id
  name
  code
  timezone
  createdAt
}`) as unknown as TypedDocumentString<UpdateSiteMutation, UpdateSiteMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users {
  users {
    ...UserRow
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  roles
  disabled
  allSites
  createdAt
  sites {
    id
    name
    code
  }
  department {
    id
    name
  }
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    ...UserRow
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  roles
  disabled
  allSites
  createdAt
  sites {
    id
    name
    code
  }
  department {
    id
    name
  }
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    ...UserRow
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  roles
  disabled
  allSites
  createdAt
  sites {
    id
    name
    code
  }
  department {
    id
    name
  }
}`) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const SetUserDisabledDocument = new TypedDocumentString(`
    mutation SetUserDisabled($id: ID!, $disabled: Boolean!) {
  setUserDisabled(id: $id, disabled: $disabled) {
    ...UserRow
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  roles
  disabled
  allSites
  createdAt
  sites {
    id
    name
    code
  }
  department {
    id
    name
  }
}`) as unknown as TypedDocumentString<SetUserDisabledMutation, SetUserDisabledMutationVariables>;
export const ResetUserPasswordDocument = new TypedDocumentString(`
    mutation ResetUserPassword($id: ID!, $password: String!) {
  resetUserPassword(id: $id, password: $password)
}
    `) as unknown as TypedDocumentString<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const VisitSettingsDocument = new TypedDocumentString(`
    query VisitSettings($siteId: ID!) {
  visitSettings(siteId: $siteId) {
    ...VisitSettingsRow
  }
}
    fragment VisitRegion on Region {
  province
  city
  district
}
fragment VisitSettingsRow on VisitSettings {
  siteRegion {
    ...VisitRegion
  }
  sameCityMonths
  sameProvinceMonths
  elsewhereMonths
  reportDueDays
  planReminderDays
  timezone
}`) as unknown as TypedDocumentString<VisitSettingsQuery, VisitSettingsQueryVariables>;
export const UpdateVisitSettingsDocument = new TypedDocumentString(`
    mutation UpdateVisitSettings($siteId: ID!, $input: VisitSettingsInput!) {
  updateVisitSettings(siteId: $siteId, input: $input) {
    ...VisitSettingsRow
  }
}
    fragment VisitRegion on Region {
  province
  city
  district
}
fragment VisitSettingsRow on VisitSettings {
  siteRegion {
    ...VisitRegion
  }
  sameCityMonths
  sameProvinceMonths
  elsewhereMonths
  reportDueDays
  planReminderDays
  timezone
}`) as unknown as TypedDocumentString<UpdateVisitSettingsMutation, UpdateVisitSettingsMutationVariables>;
export const CustomerRegionDocument = new TypedDocumentString(`
    query CustomerRegion($id: ID!) {
  customer(id: $id) {
    customer {
      id
      region {
        ...VisitRegion
      }
    }
  }
}
    fragment VisitRegion on Region {
  province
  city
  district
}`) as unknown as TypedDocumentString<CustomerRegionQuery, CustomerRegionQueryVariables>;
export const SetCustomerRegionDocument = new TypedDocumentString(`
    mutation SetCustomerRegion($customerId: ID!, $region: RegionInput) {
  setCustomerRegion(customerId: $customerId, region: $region) {
    ...VisitRegion
  }
}
    fragment VisitRegion on Region {
  province
  city
  district
}`) as unknown as TypedDocumentString<SetCustomerRegionMutation, SetCustomerRegionMutationVariables>;
export const DueVisitsDocument = new TypedDocumentString(`
    query DueVisits($siteId: ID!, $consultantId: ID) {
  dueVisits(siteId: $siteId, consultantId: $consultantId) {
    ...DueVisitRow
  }
}
    fragment VisitRegion on Region {
  province
  city
  district
}
fragment DueVisitRow on DueVisit {
  customerId
  customerName
  distance
  intervalMonths
  dueAt
  lastVisitAt
  overdue
  region {
    ...VisitRegion
  }
  consultant {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<DueVisitsQuery, DueVisitsQueryVariables>;
export const VisitPlanDocument = new TypedDocumentString(`
    query VisitPlan($siteId: ID!, $month: String!, $consultantId: ID) {
  visitPlan(siteId: $siteId, month: $month, consultantId: $consultantId) {
    ...VisitPlanRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}
fragment VisitPlanRow on VisitPlan {
  id
  siteId
  month
  state
  submittedAt
  late
  decidedAt
  comment
  consultant {
    id
    displayName
  }
  decidedBy {
    id
    displayName
  }
  visits {
    ...VisitRow
  }
}`) as unknown as TypedDocumentString<VisitPlanQuery, VisitPlanQueryVariables>;
export const VisitPlansDocument = new TypedDocumentString(`
    query VisitPlans($siteId: ID!, $month: String!) {
  visitPlans(siteId: $siteId, month: $month) {
    ...VisitPlanRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}
fragment VisitPlanRow on VisitPlan {
  id
  siteId
  month
  state
  submittedAt
  late
  decidedAt
  comment
  consultant {
    id
    displayName
  }
  decidedBy {
    id
    displayName
  }
  visits {
    ...VisitRow
  }
}`) as unknown as TypedDocumentString<VisitPlansQuery, VisitPlansQueryVariables>;
export const SaveVisitPlanDocument = new TypedDocumentString(`
    mutation SaveVisitPlan($input: SaveVisitPlanInput!) {
  saveVisitPlan(input: $input) {
    ...VisitPlanRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}
fragment VisitPlanRow on VisitPlan {
  id
  siteId
  month
  state
  submittedAt
  late
  decidedAt
  comment
  consultant {
    id
    displayName
  }
  decidedBy {
    id
    displayName
  }
  visits {
    ...VisitRow
  }
}`) as unknown as TypedDocumentString<SaveVisitPlanMutation, SaveVisitPlanMutationVariables>;
export const SubmitVisitPlanDocument = new TypedDocumentString(`
    mutation SubmitVisitPlan($planId: ID!) {
  submitVisitPlan(planId: $planId) {
    ...VisitPlanRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}
fragment VisitPlanRow on VisitPlan {
  id
  siteId
  month
  state
  submittedAt
  late
  decidedAt
  comment
  consultant {
    id
    displayName
  }
  decidedBy {
    id
    displayName
  }
  visits {
    ...VisitRow
  }
}`) as unknown as TypedDocumentString<SubmitVisitPlanMutation, SubmitVisitPlanMutationVariables>;
export const ApproveVisitPlanDocument = new TypedDocumentString(`
    mutation ApproveVisitPlan($planId: ID!, $comment: String) {
  approveVisitPlan(planId: $planId, comment: $comment) {
    ...VisitPlanRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}
fragment VisitPlanRow on VisitPlan {
  id
  siteId
  month
  state
  submittedAt
  late
  decidedAt
  comment
  consultant {
    id
    displayName
  }
  decidedBy {
    id
    displayName
  }
  visits {
    ...VisitRow
  }
}`) as unknown as TypedDocumentString<ApproveVisitPlanMutation, ApproveVisitPlanMutationVariables>;
export const ReturnVisitPlanDocument = new TypedDocumentString(`
    mutation ReturnVisitPlan($planId: ID!, $comment: String!) {
  returnVisitPlan(planId: $planId, comment: $comment) {
    ...VisitPlanRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}
fragment VisitPlanRow on VisitPlan {
  id
  siteId
  month
  state
  submittedAt
  late
  decidedAt
  comment
  consultant {
    id
    displayName
  }
  decidedBy {
    id
    displayName
  }
  visits {
    ...VisitRow
  }
}`) as unknown as TypedDocumentString<ReturnVisitPlanMutation, ReturnVisitPlanMutationVariables>;
export const MyVisitsDocument = new TypedDocumentString(`
    query MyVisits($siteId: ID!) {
  myVisits(siteId: $siteId) {
    ...VisitRow
  }
  myVisitTasks {
    ...VisitTaskRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}`) as unknown as TypedDocumentString<MyVisitsQuery, MyVisitsQueryVariables>;
export const CheckInVisitDocument = new TypedDocumentString(`
    mutation CheckInVisit($visitId: ID!, $location: VisitLocationInput) {
  checkInVisit(visitId: $visitId, location: $location) {
    ...VisitRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}`) as unknown as TypedDocumentString<CheckInVisitMutation, CheckInVisitMutationVariables>;
export const ReportVisitDocument = new TypedDocumentString(`
    mutation ReportVisit($visitId: ID!, $input: VisitReportInput!) {
  reportVisit(visitId: $visitId, input: $input) {
    ...VisitRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}
fragment VisitRow on Visit {
  id
  planId
  customerId
  customerName
  day
  purpose
  content
  checkedInAt
  location {
    latitude
    longitude
    accuracy
  }
  reportDueAt
  reportedAt
  reportLate
  outcome
  feedback
  nextSteps
  satisfaction
  tasks {
    ...VisitTaskRow
  }
}`) as unknown as TypedDocumentString<ReportVisitMutation, ReportVisitMutationVariables>;
export const SetVisitTaskDoneDocument = new TypedDocumentString(`
    mutation SetVisitTaskDone($id: ID!, $done: Boolean!) {
  setVisitTaskDone(id: $id, done: $done) {
    ...VisitTaskRow
  }
}
    fragment VisitTaskRow on VisitTask {
  id
  visitId
  text
  dueAt
  done
  doneAt
}`) as unknown as TypedDocumentString<SetVisitTaskDoneMutation, SetVisitTaskDoneMutationVariables>;
export const BoardTokensDocument = new TypedDocumentString(`
    query BoardTokens($siteId: ID!) {
  boardTokens(siteId: $siteId) {
    ...BoardTokenRow
  }
}
    fragment BoardTokenRow on BoardToken {
  id
  siteId
  label
  createdByName
  createdAt
  revokedAt
  revokedByName
  lastUsedAt
}`) as unknown as TypedDocumentString<BoardTokensQuery, BoardTokensQueryVariables>;
export const IssueBoardTokenDocument = new TypedDocumentString(`
    mutation IssueBoardToken($siteId: ID!, $label: String!) {
  issueBoardToken(siteId: $siteId, label: $label) {
    secret
    wallPath
    token {
      ...BoardTokenRow
    }
  }
}
    fragment BoardTokenRow on BoardToken {
  id
  siteId
  label
  createdByName
  createdAt
  revokedAt
  revokedByName
  lastUsedAt
}`) as unknown as TypedDocumentString<IssueBoardTokenMutation, IssueBoardTokenMutationVariables>;
export const RevokeBoardTokenDocument = new TypedDocumentString(`
    mutation RevokeBoardToken($id: ID!) {
  revokeBoardToken(id: $id) {
    ...BoardTokenRow
  }
}
    fragment BoardTokenRow on BoardToken {
  id
  siteId
  label
  createdByName
  createdAt
  revokedAt
  revokedByName
  lastUsedAt
}`) as unknown as TypedDocumentString<RevokeBoardTokenMutation, RevokeBoardTokenMutationVariables>;
export const WallSiteDocument = new TypedDocumentString(`
    query WallSite($siteId: ID!) {
  wallSite(siteId: $siteId) {
    id
    name
    timezone
  }
}
    `) as unknown as TypedDocumentString<WallSiteQuery, WallSiteQueryVariables>;