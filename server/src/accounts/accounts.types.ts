import {
  ArrayMaxSize,
  ArrayUnique,
  IsIn,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from './domain/roles.js';

registerEnumType(Role, { name: 'Role', description: 'What a user may do' });

// Time zones the runtime knows; validated at input so a site never gets a bad one.
const TIMEZONES = Intl.supportedValuesOf('timeZone').concat('UTC');

@ObjectType('Site')
export class SiteType {
  @Field(() => ID) id: number;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'Short code, unique within the company' }) code: string;
  @Field(() => String, { description: 'IANA time zone that decides what "today" is' }) timezone: string;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('Department')
export class DepartmentType {
  @Field(() => ID) id: number;
  @Field(() => String) name: string;
  siteId: number | null;
  headUserId: number | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('Person', { description: 'A user as other screens show them: id and name' })
export class PersonView {
  @Field(() => ID) id: number;
  @Field(() => String) displayName: string;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: number;
  @Field(() => String) username: string;
  @Field(() => String) displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => Boolean) disabled: boolean;
  @Field(() => Boolean, { description: 'Company-wide: works at every site of the company, including sites created later' })
  allSites: boolean;
  departmentId: number | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String) token: string;
  @Field(() => Date) expiresAt: Date;
  @Field(() => UserType) user: UserType;
}

@ObjectType('AccountChange', { description: 'Sent to a signed-in user when their account changes' })
export class AccountChange {
  @Field(() => UserType) user: UserType;
  @Field(() => Boolean, { description: 'True when the session was ended (disabled, password reset)' })
  signedOut: boolean;
}

const USERNAME = /^[a-zA-Z0-9._-]+$/;

@InputType()
export class LoginInput {
  @Field(() => String) @Length(1, 64) username: string;
  @Field(() => String) @Length(1, 200) password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) @Length(1, 200) currentPassword: string;
  @Field(() => String)
  @MinLength(8, { message: 'newPassword must be at least 8 characters' })
  @MaxLength(200)
  newPassword: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @Length(3, 64)
  @Matches(USERNAME, { message: 'username may contain letters, digits, dot, dash and underscore' })
  username: string;
  @Field(() => String) @Length(1, 100) displayName: string;
  @Field(() => String)
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password: string;
  @Field(() => [Role]) @ArrayUnique() @ArrayMaxSize(4) @IsIn(Object.values(Role), { each: true }) roles: Role[];
  @Field(() => [ID]) @ArrayUnique() siteIds: string[];
  @Field(() => Boolean, { nullable: true, description: 'Company-wide: every site, including later ones (siteIds is then ignored)' })
  @IsOptional()
  allSites?: boolean | null;
  @Field(() => ID, { nullable: true }) @IsOptional() departmentId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) displayName?: string;
  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsIn(Object.values(Role), { each: true })
  roles?: Role[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayUnique() siteIds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Company-wide: every site, including later ones (siteIds is then ignored)' })
  @IsOptional()
  allSites?: boolean | null;
  @Field(() => ID, { nullable: true }) @IsOptional() departmentId?: string | null;
}

@InputType()
export class SiteInput {
  @Field(() => String) @Length(1, 200) name: string;
  @Field(() => String)
  @Length(1, 32)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may contain letters, digits, dash and underscore' })
  code: string;
  @Field(() => String) @IsIn(TIMEZONES, { message: 'timezone must be an IANA time zone such as Asia/Shanghai' })
  timezone: string;
}

@InputType()
export class DepartmentInput {
  @Field(() => String) @Length(1, 200) name: string;
  @Field(() => ID, { nullable: true }) @IsOptional() siteId?: string | null;
  @Field(() => ID, { nullable: true, description: 'P1: approves the visit appointments this department leads' })
  @IsOptional()
  headUserId?: string | null;
}
