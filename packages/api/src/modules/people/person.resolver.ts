import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskName, maskPhone } from '../../auth/mask.js';
import { mayReadPersonalDataOf } from '../../auth/personal-data.js';
import { visiblePeopleWhere, visibleRolesSql } from '../../auth/visibility.js';
import { OrderDirection, PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { GzError } from '../../graphql/errors.js';
import { expectId } from '../../graphql/node.js';
import { orderingOf } from '../../graphql/ordering.js';
import { paginate } from '../../graphql/paginate.js';
import { Area } from '../areas/area.entity.js';
import { likePrefix } from '../areas/area.service.js';
import { AreaType } from '../areas/area.types.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { Person, RoleAssignment } from './person.entity.js';
import { personWhere, today } from './person.service.js';
import { roleSources } from './person.sources.js';
import { PersonConnection, PersonFilter, PersonOrder, PersonType, RoleAssignmentConnection, RoleAssignmentType } from './person.types.js';

const BY_ID = { field: 'ID', direction: OrderDirection.ASC } as const;

/** People whose names the caller reads in the clear: themselves, and role holders today where they have `read:personal`. */
function namesReadableWhere(ctx: Context, readable: string[]): Record<string, unknown> {
  const day = today();
  const or: Record<string, unknown>[] = [{ id: ctx.actor.kind === 'PERSON' ? (ctx.actor.id ?? 0) : 0 }];
  if (readable.length) {
    or.push({
      roles: {
        $some: {
          startsOn: { $lte: day },
          $and: [
            { $or: [{ endsOn: null }, { endsOn: { $gte: day } }] },
            { $or: readable.map((path) => ({ area: { path: { $like: likePrefix(path) } } })) },
          ],
        },
      },
    });
  }
  return { $or: or };
}

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonConnection, {
    description:
      'People you may see: yourself, station staff, and people holding roles where you have read:people. In order of ID unless `orderBy`; ordering by NAME lists only the people whose names you may read.',
  })
  async people(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter: PersonFilter | null,
    @Arg('orderBy', () => PersonOrder, { nullable: true }) orderBy: PersonOrder | null,
  ) {
    const namesReadableIn = filter?.nameContains ? await ctx.grantedAreas('read:personal') : [];
    if (filter?.nameContains && !namesReadableIn.length) {
      throw new GzError('FORBIDDEN', 'filter.nameContains: searching people by name needs read:personal in an area', {
        http: { status: 403 },
      });
    }
    const where = await personWhere(
      ctx.em,
      filter && { ...filter, within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null, namesReadableIn },
    );
    const visible = visiblePeopleWhere(await ctx.visibility());
    // The order of names the caller sees masked would tell the names: ordering by name lists only
    // the people whose names they may read. Without `orderBy`, people come in order of ID.
    const byName = orderBy?.field === 'NAME' ? [namesReadableWhere(ctx, await ctx.grantedAreas('read:personal'))] : [];
    return paginate(ctx.em, Person, { $and: [where, visible, ...byName] } as never, orderingOf(orderBy ?? BY_ID), page);
  }

  @FieldResolver(() => String, { description: 'Full name; masked (王*华) for callers who may not read it.' })
  async name(@Root() person: Person, @Ctx() ctx: Context): Promise<string> {
    return (await mayReadPersonalDataOf(ctx, person.id)) ? person.name : maskName(person.name);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Mobile or landline; masked (138****1234) for callers who may not read it.' })
  async phone(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.phone) return null;
    return (await mayReadPersonalDataOf(ctx, person.id)) ? person.phone : maskPhone(person.phone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Resident ID number; masked (220581********1234) for callers who may not read it.',
  })
  async idNumber(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.idNumber) return null;
    return (await mayReadPersonalDataOf(ctx, person.id)) ? person.idNumber : maskIdNumber(person.idNumber);
  }

  @FieldResolver(() => RoleAssignmentConnection, { description: 'The roles this person holds or held.' })
  async roles(@Root() person: Person, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs) {
    return ctx.loaders.connection(roleSources.ofPerson, page, person.id, visibleRolesSql(await ctx.visibility()));
  }
}

@Resolver(() => RoleAssignmentType)
export class RoleAssignmentResolver {
  @FieldResolver(() => PersonType)
  person(@Root() role: RoleAssignment, @Ctx() { loaders }: Context) {
    return loaders.byId(Person).load(role.person.id);
  }

  @FieldResolver(() => AreaType, { description: 'The area the role holds in, and below it.' })
  area(@Root() role: RoleAssignment, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(role.area.id);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: 'The organisation the role is held for: a volunteer’s team, an in-service party member’s unit (双报到).',
  })
  organization(@Root() role: RoleAssignment, @Ctx() { loaders }: Context) {
    return role.organization ? loaders.byId(Organization).load(role.organization.id) : null;
  }
}
