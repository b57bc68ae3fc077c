import { Field, InputType } from 'type-graphql';
import { OrderDirection } from './connection.js';
import { enumFrom } from './enums.js';
import { type Ordering, orderingBy } from './paginate.js';

/** The orderings every root connection offers: each entity has a name, an id and timestamps. */
const ORDER_FIELDS = {
  NAME: ['name', 'name', 'string'],
  ID: ['id', 'id', 'number'],
  CREATED_AT: ['createdAt', 'created_at', 'date'],
  UPDATED_AT: ['updatedAt', 'updated_at', 'date'],
} as const;
export type OrderField = keyof typeof ORDER_FIELDS;

export interface OrderValue {
  field: OrderField;
  direction: OrderDirection;
}

/** Builds the `XOrder` input (and its `XOrderField` enum) of a root connection. */
export function OrderInput(typeName: string, what: string) {
  const FieldEnum = enumFrom(Object.keys(ORDER_FIELDS) as OrderField[], `${typeName}OrderField`, `Orderings of ${what}.`, {
    NAME: 'By name, in Unicode code point order',
    ID: 'By database key, which is the order of creation',
    CREATED_AT: 'By time of creation',
    UPDATED_AT: 'By time of the last change: what a client keeping a copy in step wants',
  });

  @InputType(`${typeName}Order`, { description: `How to order ${what}; ties are broken by ID in the same direction.` })
  class Order implements OrderValue {
    @Field(() => FieldEnum)
    field!: OrderField;
    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction!: OrderDirection;
  }
  return Order;
}

/** The ordering an `orderBy` argument asks for; by name when none is given. */
export function orderingOf(order: OrderValue | null | undefined): Ordering {
  const [property, column, kind] = ORDER_FIELDS[order?.field ?? 'NAME'];
  return orderingBy(property, column, kind, order?.direction === OrderDirection.DESC ? 'desc' : 'asc');
}
