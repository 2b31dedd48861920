import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AlertView, BoardConsultantView, PersonView, ReceptionView, RotationBoardView, RotationEventView, WalkInCountView } from './rotation.types.js';

// The board as a change feed (issue 17): the whole board once, then only what changed, keyed
// by seq. A list changes by the keys it lost and the rows it gained or that changed, each with
// its index in the new list (see rotation.feed.ts for how a client applies them).

@ObjectType('ConsultantRowAt')
export class ConsultantRowAt {
  @Field(() => Int, { description: 'Place in the new list' }) index: number;
  @Field(() => BoardConsultantView) row: BoardConsultantView;
}

@ObjectType('ReceptionRowAt')
export class ReceptionRowAt {
  @Field(() => Int, { description: 'Place in the new list' }) index: number;
  @Field(() => ReceptionView) row: ReceptionView;
}

@ObjectType('AlertRowAt')
export class AlertRowAt {
  @Field(() => Int, { description: 'Place in the new list' }) index: number;
  @Field(() => AlertView) row: AlertView;
}

@ObjectType('ConsultantRowsChange', { description: 'Rows keyed by consultant id' })
export class ConsultantRowsChange {
  @Field(() => [ID], { description: 'Keys gone from the list' }) removed: string[];
  @Field(() => [ConsultantRowAt], { description: 'New, changed or moved rows, by ascending index' }) upserted: ConsultantRowAt[];
}

@ObjectType('ReceptionRowsChange', { description: 'Rows keyed by reception id' })
export class ReceptionRowsChange {
  @Field(() => [ID]) removed: string[];
  @Field(() => [ReceptionRowAt]) upserted: ReceptionRowAt[];
}

@ObjectType('AlertRowsChange', { description: 'Rows keyed by alert id' })
export class AlertRowsChange {
  @Field(() => [ID]) removed: string[];
  @Field(() => [AlertRowAt]) upserted: AlertRowAt[];
}

@ObjectType('RotationBoardChange', { description: 'What changed on the board from `baseSeq` to `seq`; the header fields are always whole' })
export class RotationBoardChangeView {
  @Field(() => ID) siteId: number;
  @Field(() => Int) seq: number;
  @Field(() => Int, { description: 'The seq of the board this change applies to' }) baseSeq: number;
  @Field(() => String) day: string;
  @Field(() => Date) at: Date;
  @Field(() => Int) round: number;
  @Field(() => PersonView, { nullable: true }) atDoor: PersonView | null;
  @Field(() => PersonView, { nullable: true }) phoneDuty: PersonView | null;
  @Field(() => [PersonView]) upNext: PersonView[];
  @Field(() => [WalkInCountView]) walkInsByKind: WalkInCountView[];
  @Field(() => ConsultantRowsChange) consultants: ConsultantRowsChange;
  @Field(() => ReceptionRowsChange) waiting: ReceptionRowsChange;
  @Field(() => ReceptionRowsChange) receptions: ReceptionRowsChange;
  @Field(() => AlertRowsChange) alerts: AlertRowsChange;
  @Field(() => [RotationEventView], { description: 'The events appended from baseSeq to seq' }) events: RotationEventView[];
}

@ObjectType('RotationBoardFeedMessage', {
  description:
    'One message of the board feed: a whole board (on connect, `board`) or a change to the board held (`change`). A long board comes as a board and changes of the same seq; it is whole when `complete`.',
})
export class RotationBoardFeedMessage {
  @Field(() => Int) seq: number;
  @Field(() => Int, { nullable: true, description: 'The seq of the board `change` applies to; null with a whole board' }) baseSeq: number | null;
  @Field(() => Boolean, { description: 'False while more rows of this seq follow' }) complete: boolean;
  @Field(() => RotationBoardView, { nullable: true }) board: RotationBoardView | null;
  @Field(() => RotationBoardChangeView, { nullable: true }) change: RotationBoardChangeView | null;
}
