import type { GraphQLInterfaceType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import { ApiKeyResolver } from '../modules/api-keys/api-key.resolver.js';
import { AreaResolver } from '../modules/areas/area.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { ChangesResolver } from '../modules/changes/changes.resolver.js';
import { NoticeResolver } from '../modules/notices/notice.resolver.js';
import { OrganizationResolver, ResponsibilityResolver } from '../modules/organizations/organization.resolver.js';
import { PersonResolver, RoleAssignmentResolver } from '../modules/people/person.resolver.js';
import { PropertyResolver } from '../modules/property/property.resolver.js';
import { RequestEventResolver, RequestResolver } from '../modules/requests/request.resolver.js';
import { ServiceResolver, StationResolver, StationStaffResolver } from '../modules/stations/station.resolver.js';
import { AreaStatisticsResolver, StatisticsResolver } from '../modules/statistics/statistics.resolver.js';
import { ProposalResolver } from '../modules/votes/proposal.resolver.js';
import { WebhookResolver } from '../modules/webhooks/webhook.resolver.js';
import { OrganizationWishesResolver, PersonWishesResolver, WishResolver } from '../modules/wishes/wish.resolver.js';
import { resolveNodeType } from './node.js';
import { NodeResolver } from './node.resolver.js';
import type { ChangePubSub } from './pubsub.js';

export const resolvers = [
  NodeResolver,
  AuthResolver,
  AreaResolver,
  OrganizationResolver,
  ResponsibilityResolver,
  PersonResolver,
  RoleAssignmentResolver,
  StationResolver,
  StationStaffResolver,
  ServiceResolver,
  AuditResolver,
  WishResolver,
  PersonWishesResolver,
  OrganizationWishesResolver,
  ProposalResolver,
  NoticeResolver,
  RequestResolver,
  PropertyResolver,
  RequestEventResolver,
  ApiKeyResolver,
  StatisticsResolver,
  AreaStatisticsResolver,
  ChangesResolver,
  WebhookResolver,
] as const;

/** The one GraphQL schema, built from the resolvers and their types. */
export async function createSchema(pubSub: ChangePubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    pubSub: pubSub as never,
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql wraps `resolveType` in an async function; graphql-jit (compiled-execution.ts)
  // needs the type at once. The object's class names its type, as node.ts says.
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = resolveNodeType;
  return schema;
}
