import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { UserError } from '../../graphql/mutation.js';
import { Node } from '../../graphql/node.js';
import { OrderInput, type OrderValue } from '../../graphql/ordering.js';
import {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  PARTY_ORGANIZATION_LEVELS,
  type PartyOrganizationLevel,
  PROPERTY_COMPANY_KINDS,
  type PropertyCompanyKind,
} from './organization.entity.js';

export const OrganizationKindEnum = enumFrom(ORGANIZATION_KINDS, 'OrganizationKind', 'What an organisation is.', {
  PARTY_ORGANIZATION: '党组织: a party committee, working committee or branch',
  UNIT: '驻区单位 / 县直单位: a government department or other unit stationed in an area',
  PROPERTY_COMPANY: '物业: a property company or self-management committee',
  OWNERS_COMMITTEE: '业委会: owners’ committee',
  SOCIAL_ORGANIZATION: '社会组织: an NGO',
  VOLUNTEER_TEAM: '志愿服务队: a volunteer team',
  ALLIANCE: '党建联盟: a party-building alliance of organisations',
  ENTERPRISE: '非公企业: a private firm',
  MASS_ORGANIZATION: '群团组织: women’s federation, youth league …',
});
export const PartyOrganizationLevelEnum = enumFrom(
  PARTY_ORGANIZATION_LEVELS,
  'PartyOrganizationLevel',
  'The level of a party organisation.',
  {
    COMMITTEE: '党委',
    WORKING_COMMITTEE: '党工委 (a street’s working committee)',
    BRANCH: '党支部',
    JOINT_BRANCH: '联合党支部',
  },
);
export const PropertyCompanyKindEnum = enumFrom(PROPERTY_COMPANY_KINDS, 'PropertyCompanyKind', 'Who owns a property company.', {
  STATE_OWNED: '国有物业',
  MARKET: 'A market company',
  SELF_MANAGEMENT_COMMITTEE: '自管会: residents’ self-management committee',
});

@ObjectType('Organization', { implements: Node, description: 'A party organisation, unit, property company, team or alliance.' })
export class OrganizationType extends Node {
  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;
  @Field(() => String)
  name!: string;
  @Field(() => PartyOrganizationLevelEnum, { nullable: true, description: 'Party organisations only.' })
  partyLevel!: PartyOrganizationLevel | null;
  @Field(() => PropertyCompanyKindEnum, { nullable: true, description: 'Property companies only.' })
  propertyCompanyKind!: PropertyCompanyKind | null;
  @Field(() => Boolean, { description: '红心物业: a property company tied to the community committees.' })
  redHeart!: boolean;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}
export const OrganizationConnection = Connection(OrganizationType, 'Organization');

@ObjectType('Responsibility', { implements: Node, description: '包保: a unit answers for a community or a station.' })
export class ResponsibilityType extends Node {
  @Field(() => LocalDateResolver, { nullable: true })
  since!: string | null;
}
export const ResponsibilityConnection = Connection(ResponsibilityType, 'Responsibility');

@InputType({ description: 'Narrows a list of organisations; all given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => ID, { nullable: true, description: 'Only organisations sitting in this area or below it.' })
  within?: string | null;
  @Field(() => [OrganizationKindEnum], { nullable: true })
  kind?: OrganizationKind[] | null;
  @Field(() => PartyOrganizationLevelEnum, { nullable: true })
  partyLevel?: PartyOrganizationLevel | null;
  @Field(() => PropertyCompanyKindEnum, { nullable: true })
  propertyCompanyKind?: PropertyCompanyKind | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those that do (or do not) host a party organisation.' })
  hasPartyOrganization?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Name contains this text (case-insensitive).' })
  nameContains?: string | null;
}

export const OrganizationOrder = OrderInput('Organization', 'organisations');
export type OrganizationOrder = OrderValue;

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;
  @Field(() => String)
  name!: string;
  @Field(() => ID, { nullable: true, description: 'The area the organisation sits in.' })
  area?: string | null;
  @Field(() => ID, { nullable: true, description: 'The superior organisation.' })
  parent?: string | null;
  @Field(() => ID, { nullable: true, description: 'Party organisations only: the organisation it is set up in.' })
  host?: string | null;
  @Field(() => PartyOrganizationLevelEnum, { nullable: true })
  partyLevel?: PartyOrganizationLevel | null;
  @Field(() => PropertyCompanyKindEnum, { nullable: true })
  propertyCompanyKind?: PropertyCompanyKind | null;
  @Field(() => Boolean, { nullable: true })
  redHeart?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Units only: the communities and stations it answers for (包保).' })
  responsibleFor?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Alliances only: the member organisations.' })
  members?: string[] | null;
}

@InputType({ description: 'Fields left out stay as they are; lists given replace the old ones.' })
export class UpdateOrganizationInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => ID, { nullable: true })
  area?: string | null;
  @Field(() => ID, { nullable: true })
  parent?: string | null;
  @Field(() => ID, { nullable: true })
  host?: string | null;
  @Field(() => PartyOrganizationLevelEnum, { nullable: true })
  partyLevel?: PartyOrganizationLevel | null;
  @Field(() => PropertyCompanyKindEnum, { nullable: true })
  propertyCompanyKind?: PropertyCompanyKind | null;
  @Field(() => Boolean, { nullable: true })
  redHeart?: boolean | null;
  @Field(() => [ID], { nullable: true })
  responsibleFor?: string[] | null;
  @Field(() => [ID], { nullable: true })
  members?: string[] | null;
}

@ObjectType()
export class OrganizationPayload {
  @Field(() => OrganizationType, { nullable: true })
  organization!: OrganizationType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}
