import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('BoardToken', { description: "A wall screen's read-only board token (its secret is never returned again)" })
export class BoardTokenView {
  @Field(() => ID) id: number;
  @Field(() => ID) siteId: number;
  @Field(() => String, { description: 'Where the screen hangs, as the manager named it' }) label: string;
  @Field(() => String) createdByName: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revokedByName: string | null;
  @Field(() => Date, { nullable: true, description: 'Last time a screen used it (to the minute)' }) lastUsedAt: Date | null;
}

@ObjectType('IssuedBoardToken', { description: 'A new board token with its secret, shown this once' })
export class IssuedBoardTokenView {
  @Field(() => BoardTokenView) token: BoardTokenView;
  @Field(() => String, { description: 'The secret: whoever has it sees the board of the site, privately' }) secret: string;
  @Field(() => String, { description: 'The web path that opens the wall screen with it' }) wallPath: string;
}

@ObjectType('WallSite', { description: 'What a wall screen shows of its site: its name and the time zone of its clock' })
export class WallSiteView {
  @Field(() => ID) id: number;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'IANA time zone of the clock and the times shown' }) timezone: string;
}
