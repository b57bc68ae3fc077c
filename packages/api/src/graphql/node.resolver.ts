import type { EntityClass } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { visibleOrNull } from '../auth/visibility.js';
import { entities } from '../db/entities.js';
import type { Context } from './context.js';
import { badInput } from './errors.js';
import { NODE_TYPES, type NodeType, parseGlobalId, toGlobalId } from './global-id.js';
import { Node } from './node.js';

/** The entity classes that are nodes, by GraphQL type name (the class name). */
const NODE_ENTITIES = new Map<string, EntityClass<object>>(
  entities.filter((e) => (NODE_TYPES as readonly string[]).includes(e.name)).map((e) => [e.name, e as EntityClass<object>]),
);

/** The greatest number of IDs `nodes(ids:)` takes at once. */
const MAX_NODES = 100;

/**
 * Relay Global Object Identification: `node`, `nodes`, and the `id`/`databaseId` fields that
 * every type implementing `Node` inherits from here.
 */
@Resolver(() => Node)
export class NodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global ID.' })
  id(@Root() entity: { id: number }): string {
    return toGlobalId(entity.constructor.name as NodeType, entity.id);
  }

  @FieldResolver(() => Int, { description: 'The numeric key in the database, for exports and joins.' })
  databaseId(@Root() entity: { id: number }): number {
    return entity.id;
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null if there is none.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) throw badInput(`"${id}" is not a valid ID`, 'id');
    const entity = NODE_ENTITIES.get(parsed.type);
    return entity ? visibleOrNull(ctx, await ctx.loaders.byId(entity).load(parsed.id)) : null;
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global ID, in order; null where there is none. At most ${MAX_NODES}.`,
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw badInput(`At most ${MAX_NODES} IDs at once, got ${ids.length}`, 'ids');
    const parsed = ids.map((id, i) => {
      const found = parseGlobalId(id);
      if (!found) throw badInput(`ids[${i}]: "${id}" is not a valid ID`, 'ids');
      return found;
    });
    return Promise.all(
      parsed.map(async ({ type, id }) => {
        const entity = NODE_ENTITIES.get(type);
        return entity ? visibleOrNull(ctx, await ctx.loaders.byId(entity).load(id)) : null;
      }),
    );
  }
}
