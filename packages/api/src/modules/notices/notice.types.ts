import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { UserError } from '../../graphql/mutation.js';
import { Node } from '../../graphql/node.js';
import { NOTICE_KINDS, type NoticeKind } from './notice.entity.js';

export const NoticeKindEnum = enumFrom(NOTICE_KINDS, 'NoticeKind', 'What a public notice (一窗公示) announces.', {
  PROPOSAL: '表决事项公示: a matter before its vote',
  RESULT: '表决结果公示',
  IMPLEMENTATION: '实施情况公示',
  GENERAL: '其他公示',
});

@ObjectType('Notice', { implements: Node, description: 'A public notice of an area (一窗公示), public from `startsAt`.' })
export class NoticeType extends Node {
  @Field(() => NoticeKindEnum)
  kind!: NoticeKind;
  @Field(() => String)
  title!: string;
  @Field(() => String)
  body!: string;
  @Field(() => [String])
  attachmentUrls!: string[];
  @Field(() => DateTimeResolver)
  startsAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it leaves the board; null: it stays.' })
  endsAt!: Date | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
}
export const NoticeConnection = Connection(NoticeType, 'Notice');

@InputType({ description: 'Narrows a list of notices; all given conditions must hold.' })
export class NoticeFilter {
  @Field(() => ID, { nullable: true, description: 'Only notices of this area or below it.' })
  within?: string | null;
  @Field(() => [NoticeKindEnum], { nullable: true })
  kind?: NoticeKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only those on the board now (started, not ended).' })
  current?: boolean | null;
}

@InputType({ description: 'A free-standing notice on an area’s board.' })
export class PublishNoticeInput {
  @Field(() => ID)
  area!: string;
  @Field(() => String)
  title!: string;
  @Field(() => String)
  body!: string;
  @Field(() => [String], { nullable: true })
  attachmentUrls?: string[] | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Default: now.' })
  startsAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  endsAt?: Date | null;
}

@ObjectType()
export class NoticePayload {
  @Field(() => NoticeType, { nullable: true })
  notice!: NoticeType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}
