import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { areasGranting } from '../../auth/permissions.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { GzError } from '../../graphql/errors.js';
import { type NodeType, parseGlobalId, toGlobalId } from '../../graphql/global-id.js';
import { expectId } from '../../graphql/node.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { Area } from '../areas/area.entity.js';
import { likePrefix } from '../areas/area.service.js';
import { AreaType } from '../areas/area.types.js';
import { Person } from '../people/person.entity.js';
import { PersonType } from '../people/person.types.js';
import { AuditRecord } from './audit.entity.js';
import { AuditLogFilter, AuditRecordConnection, AuditRecordType } from './audit.types.js';

const NEWEST_FIRST = orderingBy('id', 'id', 'number', 'desc');

@Resolver(() => AuditRecordType)
export class AuditResolver {
  @Query(() => AuditRecordConnection, {
    description: 'The audit trail of the areas where you are an auditor or administrator, newest first.',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
  ) {
    const paths = areasGranting(await ctx.roles(), 'read:audit');
    if (!paths.length) throw new GzError('FORBIDDEN', 'Only auditors and administrators read the audit trail', { http: { status: 403 } });
    const where: Record<string, unknown>[] = [{ $or: paths.map((path) => ({ areaPath: { $like: likePrefix(path) } })) }];
    if (filter?.actorKind) where.push({ actorKind: filter.actorKind });
    if (filter?.actor) where.push({ actorKind: 'PERSON', actorId: expectId(filter.actor, 'Person', 'filter.actor') });
    if (filter?.object) {
      const object = parseGlobalId(filter.object);
      if (!object) throw new GzError('BAD_USER_INPUT', `filter.object: "${filter.object}" is not a valid ID`, { http: { status: 400 } });
      where.push({ objectType: object.type, objectId: object.id });
    }
    if (filter?.action?.length) where.push({ action: { $in: filter.action } });
    if (filter?.from) where.push({ at: { $gte: filter.from } });
    if (filter?.to) where.push({ at: { $lt: filter.to } });
    return paginate(ctx.em, AuditRecord, { $and: where } as never, NEWEST_FIRST, page);
  }

  @FieldResolver(() => Int, { description: 'Its place in the chain.' })
  databaseId(@Root() record: AuditRecord): number {
    return record.id;
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'The person who made the change, when a person did.' })
  actor(@Root() record: AuditRecord, @Ctx() { loaders }: Context) {
    return record.actorKind === 'PERSON' && record.actorId ? loaders.byId(Person).load(record.actorId) : null;
  }

  @FieldResolver(() => AreaType, {
    nullable: true,
    description: 'Where the role the actor acted in is held (for a key: its organisation’s area).',
  })
  roleArea(@Root() record: AuditRecord, @Ctx() { loaders }: Context) {
    return record.roleAreaId ? loaders.byId(Area).load(record.roleAreaId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The global ID of the changed object.' })
  objectId(@Root() record: AuditRecord): string | null {
    return record.objectId > 0 ? toGlobalId(record.objectType as NodeType, record.objectId) : null;
  }
}
