import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { badInput, GzError } from '../graphql/errors.js';
import { expectId } from '../graphql/node.js';
import { Person } from '../modules/people/person.entity.js';
import { PersonType } from '../modules/people/person.types.js';

@InputType()
export class IssueDevelopmentTokenInput {
  @Field(() => ID, { description: 'The person the token signs in.' })
  person!: string;
  @Field(() => Int, { defaultValue: 60, description: 'Minutes until it expires, 1 to 720.' })
  minutes!: number;
}

@ObjectType()
export class DevelopmentToken {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;
  @Field(() => DateTimeResolver)
  expiresAt!: Date;
}

@Resolver()
export class AuthResolver {
  @Query(() => PersonType, { nullable: true, description: 'The signed-in person; null for an anonymous caller or a machine.' })
  viewer(@Ctx() { actor, loaders }: Context) {
    return actor.kind === 'PERSON' && actor.id ? loaders.byId(Person).load(actor.id) : null;
  }

  @Mutation(() => DevelopmentToken, {
    description:
      'Development and demo only: a short-lived token for any person. Refused in production mode, and wherever tokens are verified with a public key or JWKS (the portal’s single sign-on issues them there).',
  })
  async issueDevelopmentToken(
    @Ctx() { tokens, em }: Context,
    @Arg('input', () => IssueDevelopmentTokenInput) input: IssueDevelopmentTokenInput,
  ) {
    if (!tokens?.canIssue) throw new GzError('FORBIDDEN', 'This server does not issue development tokens', { http: { status: 403 } });
    const personId = expectId(input.person, 'Person', 'input.person');
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 720) {
      throw badInput('input.minutes: must be 1 to 720', 'input.minutes');
    }
    if (!(await em.findOne(Person, { id: personId }, { fields: ['id'] })))
      throw new GzError('NOT_FOUND', 'No such person', { argument: 'input.person' });
    return tokens.issue(personId, input.minutes);
  }
}
