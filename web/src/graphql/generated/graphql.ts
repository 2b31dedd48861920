/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

export type CreateUserInput = {
  departmentId?: string | null | undefined;
  displayName: string;
  password: string;
  roles: Array<Role>;
  siteIds: Array<string>;
  username: string;
};

export type DepartmentInput = {
  name: string;
  siteId?: string | null | undefined;
};

export type LoginInput = {
  password: string;
  username: string;
};

/** What a user may do */
export type Role =
  | 'ADMIN'
  | 'CONSULTANT'
  | 'MANAGER'
  | 'RECEPTION';

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

export type UpdateUserInput = {
  departmentId?: string | null | undefined;
  displayName?: string | null | undefined;
  roles?: Array<Role> | null | undefined;
  siteIds?: Array<string> | null | undefined;
};

export type DepartmentRowFragment = { id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null };

export type DepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentsQuery = { departments: Array<{ id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null }> };

export type CreateDepartmentMutationVariables = Exact<{
  input: DepartmentInput;
}>;


export type CreateDepartmentMutation = { createDepartment: { id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null } };

export type UpdateDepartmentMutationVariables = Exact<{
  id: string;
  input: DepartmentInput;
}>;


export type UpdateDepartmentMutation = { updateDepartment: { id: string, name: string, createdAt: string, site: { id: string, name: string, code: string } | null } };

export type DeleteDepartmentMutationVariables = Exact<{
  id: string;
}>;


export type DeleteDepartmentMutation = { deleteDepartment: boolean };

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

export type UserRowFragment = { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: Array<{ id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null } };

export type UpdateUserMutationVariables = Exact<{
  id: string;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null } };

export type SetUserDisabledMutationVariables = Exact<{
  id: string;
  disabled: boolean;
}>;


export type SetUserDisabledMutation = { setUserDisabled: { id: string, username: string, displayName: string, roles: Array<Role>, disabled: boolean, createdAt: string, sites: Array<{ id: string, name: string, code: string }>, department: { id: string, name: string } | null } };

export type ResetUserPasswordMutationVariables = Exact<{
  id: string;
  password: string;
}>;


export type ResetUserPasswordMutation = { resetUserPassword: boolean };

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
}
    `, {"fragmentName":"DepartmentRow"}) as unknown as TypedDocumentString<DepartmentRowFragment, unknown>;
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
}`) as unknown as TypedDocumentString<UpdateDepartmentMutation, UpdateDepartmentMutationVariables>;
export const DeleteDepartmentDocument = new TypedDocumentString(`
    mutation DeleteDepartment($id: ID!) {
  deleteDepartment(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteDepartmentMutation, DeleteDepartmentMutationVariables>;
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