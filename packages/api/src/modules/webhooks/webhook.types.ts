import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { UserError } from '../../graphql/mutation.js';
import type { ChangeKind } from '../changes/changes.service.js';
import { ChangeKindEnum } from '../changes/changes.types.js';

@ObjectType('Webhook', {
  description:
    'Where a property company’s changes are pushed, each POSTed and signed (Standard Webhooks), in order, at least once; with its delivery status.',
})
export class WebhookType {
  @Field(() => String)
  url!: string;
  @Field(() => [ChangeKindEnum])
  kinds!: ChangeKind[];
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => Int, { description: 'POSTs made, answered or not.' })
  attempts!: number;
  @Field(() => Int, { description: 'Changes delivered (answered 2xx).' })
  delivered!: number;
  @Field(() => Int, { description: 'Failed attempts in a row; 0 after a delivery.' })
  failures!: number;
  @Field(() => DateTimeResolver, { nullable: true })
  lastAttemptAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  lastDeliveredAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'What went wrong last, until the next delivery: `HTTP 500`, a time-out, …' })
  lastError!: string | null;
  @Field(() => DateTimeResolver, { description: 'When the next attempt is due (after a failure, with back-off).' })
  nextAttemptAt!: Date;
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Turned off after too many failures in a row; nothing is sent until made again.',
  })
  disabledAt!: Date | null;
}
export const WebhookConnection = Connection(WebhookType, 'Webhook');

@InputType()
export class CreateWebhookInput {
  @Field(() => String, { description: 'An http(s) address; in production, not one in a private or local network.' })
  url!: string;
  @Field(() => [ChangeKindEnum], { nullable: true, description: 'The kinds of change to send; all without it.' })
  kinds?: ChangeKind[] | null;
}

@InputType()
export class DeleteWebhookInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class CreateWebhookPayload {
  @Field(() => WebhookType, { nullable: true })
  webhook!: WebhookType | null;
  @Field(() => String, {
    nullable: true,
    description: 'The signing secret (`whsec_…`) to verify deliveries with. Shown this once only.',
  })
  secret!: string | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class WebhookPayload {
  @Field(() => WebhookType, { nullable: true })
  webhook!: WebhookType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}
