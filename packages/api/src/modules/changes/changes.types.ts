import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { enumFrom } from '../../graphql/enums.js';
import { CHANGE_KINDS, type ChangeKind } from './changes.service.js';

export const ChangeKindEnum = enumFrom(CHANGE_KINDS, 'ChangeKind', 'What a change in the feed is about.', {
  REQUEST: "A resident's request (诉求) filed in the compound",
  VOTE: "An owners' vote: a proposal's move (一提二审三通过)",
  NOTICE: 'A notice (一窗公示) on the board of the compound, below it or above it',
});

@ObjectType('ChangeEvent', {
  description: 'One change in a property company’s compounds, from the audit trail. It never carries personal data.',
})
export class ChangeEventType {
  @Field(() => DateTimeResolver)
  at!: Date;
  @Field(() => ChangeKindEnum)
  kind!: ChangeKind;
  @Field(() => String, { description: 'What was done: `request.submit`, `request.dispatch`, `proposal.publish`, `notice.publish`, …' })
  action!: string;
  @Field(() => String, { description: 'Its type: `Request`, `Proposal` or `Notice`.' })
  objectType!: string;
  @Field(() => JSONObjectResolver, {
    description:
      'What changed, from a fixed list per type: a request’s `category`, `state`, `level`, `overdue`, `deadline`; a proposal’s `stage`, `votingOpensAt`, `votingClosesAt`; a notice’s `kind`, `title`, `startsAt`, `endsAt`. Only the fields the change touched (and a request’s category).',
  })
  summary!: Record<string, unknown>;
}

@ObjectType('ChangeFeed', { description: 'A page of the change feed, oldest first.' })
export class ChangeFeedType {
  @Field(() => [ChangeEventType])
  events!: ChangeEventType[];
  @Field(() => String, { description: 'Opaque: pass it as `since` to continue after this page (the same cursor when the page is empty).' })
  cursor!: string;
  @Field(() => Boolean, { description: 'More events wait after this page: ask again at once.' })
  hasMore!: boolean;
}
