import { Field, ObjectType } from 'type-graphql';
import { enumFrom } from './enums.js';

export const ChangeActionEnum = enumFrom(['CREATED', 'UPDATED'] as const, 'ChangeAction', 'What happened to an object.');

/** Builds the `XChange` payload type of a subscription: what happened, and the object as it is now. */
export function ChangeType<T extends object>(nodeType: new () => T, name: string, field: string) {
  @ObjectType(`${name}Change`)
  class Change {
    @Field(() => ChangeActionEnum)
    action!: 'CREATED' | 'UPDATED';
  }
  Field(() => nodeType, { nullable: true, description: 'Null if it was removed since.' })(Change.prototype, field);
  return Change;
}
