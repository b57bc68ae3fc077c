import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskName, maskPhone } from '../../auth/mask.js';
import { mayReadPersonalDataOf } from '../../auth/personal-data.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { GzError } from '../../graphql/errors.js';
import { expectId } from '../../graphql/node.js';
import { orderingOf } from '../../graphql/ordering.js';
import { paginate } from '../../graphql/paginate.js';
import { Area } from '../areas/area.entity.js';
import { AreaType } from '../areas/area.types.js';
import { Person, RoleAssignment } from './person.entity.js';
import { personWhere } from './person.service.js';
import { roleSources } from './person.sources.js';
import { PersonConnection, PersonFilter, PersonOrder, PersonType, RoleAssignmentConnection, RoleAssignmentType } from './person.types.js';

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People, usually narrowed to those holding roles in an area.' })
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
    return paginate(ctx.em, Person, where, orderingOf(orderBy), page);
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
  roles(@Root() person: Person, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(roleSources.ofPerson, page, person.id);
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
}
