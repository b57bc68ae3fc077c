import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { ACTOR_KINDS, type ActorKind } from './audit.entity.js';

export const ActorKindEnum = enumFrom(ACTOR_KINDS, 'ActorKind', 'Who made a change.', {
  ANONYMOUS: 'A caller who did not sign in',
  PERSON: 'A signed-in person',
  API_KEY: 'A machine client with an API key',
  SYSTEM: 'The platform itself (the demo data loader, scheduled jobs)',
});

@ObjectType('AuditRecord', { description: 'One change in the audit trail (信息化留痕、可回溯): append-only and hash-chained.' })
export class AuditRecordType {
  @Field(() => DateTimeResolver)
  at!: Date;
  @Field(() => ActorKindEnum)
  actorKind!: ActorKind;
  @Field(() => String, {
    nullable: true,
    description: 'The role the actor acted in: the one granting the change, held nearest to the changed object; for a key, the scope.',
  })
  role!: string | null;
  @Field(() => String, { description: 'What was done: `area.create`, `station.update`, …' })
  action!: string;
  @Field(() => String, { description: 'The type of the changed object.' })
  objectType!: string;
  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'The changed fields before the change; null when it created the object.',
  })
  before!: Record<string, unknown> | null;
  @Field(() => JSONObjectResolver, { nullable: true, description: 'The changed fields after it.' })
  after!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'The request that made the change (`x-request-id`).' })
  requestId!: string | null;
  @Field(() => String, { description: 'SHA-256 of this record and the hash before it.' })
  hash!: string;
  @Field(() => String)
  prevHash!: string;
}
export const AuditRecordConnection = Connection(AuditRecordType, 'AuditRecord');

@InputType({ description: 'Narrows the audit trail; all given conditions must hold.' })
export class AuditLogFilter {
  @Field(() => ActorKindEnum, { nullable: true })
  actorKind?: ActorKind | null;
  @Field(() => ID, { nullable: true, description: 'Only changes by this person.' })
  actor?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only changes to this object.' })
  object?: string | null;
  @Field(() => [String], { nullable: true, description: 'Only these actions, e.g. ["station.update"].' })
  action?: string[] | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'At or after this time.' })
  from?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Before this time.' })
  to?: Date | null;
}
