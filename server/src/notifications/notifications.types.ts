import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { NotificationKindEnum } from './notifications.kinds.js';

registerEnumType(NotificationKindEnum, { name: 'NotificationKind' });

@ObjectType('Notification', { description: 'What a user is told; kind + params, rendered in either language' })
export class NotificationView {
  @Field(() => ID) id: number;
  @Field(() => NotificationKindEnum) kind: string;
  @Field(() => ID, { nullable: true }) appointmentId: number | null;
  @Field(() => GraphQLJSON) params: unknown;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType('NotificationPage')
export class NotificationPageView {
  @Field(() => Int) unread: number;
  @Field(() => [NotificationView]) rows: NotificationView[];
}
