/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment DepartmentRow on Department {\n  id\n  name\n  createdAt\n  site {\n    id\n    name\n    code\n  }\n}\n\nquery Departments {\n  departments {\n    ...DepartmentRow\n  }\n}\n\nmutation CreateDepartment($input: DepartmentInput!) {\n  createDepartment(input: $input) {\n    ...DepartmentRow\n  }\n}\n\nmutation UpdateDepartment($id: ID!, $input: DepartmentInput!) {\n  updateDepartment(id: $id, input: $input) {\n    ...DepartmentRow\n  }\n}\n\nmutation DeleteDepartment($id: ID!) {\n  deleteDepartment(id: $id)\n}": typeof types.DepartmentRowFragmentDoc,
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  disabled\n  sites {\n    id\n    name\n    code\n    timezone\n  }\n  department {\n    id\n    name\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation ChangeMyPassword($input: ChangePasswordInput!) {\n  changeMyPassword(input: $input)\n}\n\nsubscription AccountChanged {\n  accountChanged {\n    signedOut\n    user {\n      ...SessionUser\n    }\n  }\n}": typeof types.SessionUserFragmentDoc,
    "fragment SiteRow on Site {\n  id\n  name\n  code\n  timezone\n  createdAt\n}\n\nquery Sites {\n  sites {\n    ...SiteRow\n  }\n}\n\nmutation CreateSite($input: SiteInput!) {\n  createSite(input: $input) {\n    ...SiteRow\n  }\n}\n\nmutation UpdateSite($id: ID!, $input: SiteInput!) {\n  updateSite(id: $id, input: $input) {\n    ...SiteRow\n  }\n}": typeof types.SiteRowFragmentDoc,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  disabled\n  createdAt\n  sites {\n    id\n    name\n    code\n  }\n  department {\n    id\n    name\n  }\n}\n\nquery Users {\n  users {\n    ...UserRow\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserDisabled($id: ID!, $disabled: Boolean!) {\n  setUserDisabled(id: $id, disabled: $disabled) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!, $password: String!) {\n  resetUserPassword(id: $id, password: $password)\n}": typeof types.UserRowFragmentDoc,
};
const documents: Documents = {
    "fragment DepartmentRow on Department {\n  id\n  name\n  createdAt\n  site {\n    id\n    name\n    code\n  }\n}\n\nquery Departments {\n  departments {\n    ...DepartmentRow\n  }\n}\n\nmutation CreateDepartment($input: DepartmentInput!) {\n  createDepartment(input: $input) {\n    ...DepartmentRow\n  }\n}\n\nmutation UpdateDepartment($id: ID!, $input: DepartmentInput!) {\n  updateDepartment(id: $id, input: $input) {\n    ...DepartmentRow\n  }\n}\n\nmutation DeleteDepartment($id: ID!) {\n  deleteDepartment(id: $id)\n}": types.DepartmentRowFragmentDoc,
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  disabled\n  sites {\n    id\n    name\n    code\n    timezone\n  }\n  department {\n    id\n    name\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation ChangeMyPassword($input: ChangePasswordInput!) {\n  changeMyPassword(input: $input)\n}\n\nsubscription AccountChanged {\n  accountChanged {\n    signedOut\n    user {\n      ...SessionUser\n    }\n  }\n}": types.SessionUserFragmentDoc,
    "fragment SiteRow on Site {\n  id\n  name\n  code\n  timezone\n  createdAt\n}\n\nquery Sites {\n  sites {\n    ...SiteRow\n  }\n}\n\nmutation CreateSite($input: SiteInput!) {\n  createSite(input: $input) {\n    ...SiteRow\n  }\n}\n\nmutation UpdateSite($id: ID!, $input: SiteInput!) {\n  updateSite(id: $id, input: $input) {\n    ...SiteRow\n  }\n}": types.SiteRowFragmentDoc,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  disabled\n  createdAt\n  sites {\n    id\n    name\n    code\n  }\n  department {\n    id\n    name\n  }\n}\n\nquery Users {\n  users {\n    ...UserRow\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserDisabled($id: ID!, $disabled: Boolean!) {\n  setUserDisabled(id: $id, disabled: $disabled) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!, $password: String!) {\n  resetUserPassword(id: $id, password: $password)\n}": types.UserRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DepartmentRow on Department {\n  id\n  name\n  createdAt\n  site {\n    id\n    name\n    code\n  }\n}\n\nquery Departments {\n  departments {\n    ...DepartmentRow\n  }\n}\n\nmutation CreateDepartment($input: DepartmentInput!) {\n  createDepartment(input: $input) {\n    ...DepartmentRow\n  }\n}\n\nmutation UpdateDepartment($id: ID!, $input: DepartmentInput!) {\n  updateDepartment(id: $id, input: $input) {\n    ...DepartmentRow\n  }\n}\n\nmutation DeleteDepartment($id: ID!) {\n  deleteDepartment(id: $id)\n}"): typeof import('./graphql').DepartmentRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  disabled\n  sites {\n    id\n    name\n    code\n    timezone\n  }\n  department {\n    id\n    name\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation ChangeMyPassword($input: ChangePasswordInput!) {\n  changeMyPassword(input: $input)\n}\n\nsubscription AccountChanged {\n  accountChanged {\n    signedOut\n    user {\n      ...SessionUser\n    }\n  }\n}"): typeof import('./graphql').SessionUserFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SiteRow on Site {\n  id\n  name\n  code\n  timezone\n  createdAt\n}\n\nquery Sites {\n  sites {\n    ...SiteRow\n  }\n}\n\nmutation CreateSite($input: SiteInput!) {\n  createSite(input: $input) {\n    ...SiteRow\n  }\n}\n\nmutation UpdateSite($id: ID!, $input: SiteInput!) {\n  updateSite(id: $id, input: $input) {\n    ...SiteRow\n  }\n}"): typeof import('./graphql').SiteRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  disabled\n  createdAt\n  sites {\n    id\n    name\n    code\n  }\n  department {\n    id\n    name\n  }\n}\n\nquery Users {\n  users {\n    ...UserRow\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserDisabled($id: ID!, $disabled: Boolean!) {\n  setUserDisabled(id: $id, disabled: $disabled) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!, $password: String!) {\n  resetUserPassword(id: $id, password: $password)\n}"): typeof import('./graphql').UserRowFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
