import { defineEntity, p } from '@mikro-orm/core';
import { Area } from '../areas/area.entity.js';
import { Station } from '../stations/station.entity.js';

export const ORGANIZATION_KINDS = [
  'PARTY_ORGANIZATION',
  'UNIT',
  'PROPERTY_COMPANY',
  'OWNERS_COMMITTEE',
  'SOCIAL_ORGANIZATION',
  'VOLUNTEER_TEAM',
  'ALLIANCE',
  'ENTERPRISE',
  'MASS_ORGANIZATION',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** 党委, 党工委, 党支部, 联合党支部. */
export const PARTY_ORGANIZATION_LEVELS = ['COMMITTEE', 'WORKING_COMMITTEE', 'BRANCH', 'JOINT_BRANCH'] as const;
export type PartyOrganizationLevel = (typeof PARTY_ORGANIZATION_LEVELS)[number];

/** 国有物业, market company, 自管会. */
export const PROPERTY_COMPANY_KINDS = ['STATE_OWNED', 'MARKET', 'SELF_MANAGEMENT_COMMITTEE'] as const;
export type PropertyCompanyKind = (typeof PROPERTY_COMPANY_KINDS)[number];

const OrganizationSchema = defineEntity({
  name: 'Organization',
  tableName: 'organization',
  properties: {
    id: p.integer().primary().autoincrement(),
    kind: p.enum(ORGANIZATION_KINDS).$type<OrganizationKind>().index(),
    name: p.string().length(200),
    /** The area the organisation sits in; its subtree is where it works. */
    area: () => p.manyToOne(Area).nullable().index().deleteRule('restrict'),
    /** The superior organisation (a branch's committee, a team's sponsor). */
    parent: () => p.manyToOne(Organization).nullable().index().deleteRule('restrict'),
    /** For a party organisation set up inside another organisation (a company's branch): that organisation. */
    host: () => p.manyToOne(Organization).nullable().index().deleteRule('restrict'),
    /** The party organisations set up inside this one (a company's branch). */
    partyOrganizations: () => p.oneToMany(Organization).mappedBy('host'),
    partyLevel: p.enum(PARTY_ORGANIZATION_LEVELS).$type<PartyOrganizationLevel>().nullable(),
    propertyCompanyKind: p.enum(PROPERTY_COMPANY_KINDS).$type<PropertyCompanyKind>().nullable(),
    /** 红心物业: a property company whose managers and community committees sit on each other's boards. */
    redHeart: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Organization extends OrganizationSchema.class {}
OrganizationSchema.setClass(Organization);

/** 包保: a unit answers for a community (an area) or a service station. */
const ResponsibilitySchema = defineEntity({
  name: 'Responsibility',
  tableName: 'responsibility',
  properties: {
    id: p.integer().primary().autoincrement(),
    unit: () => p.manyToOne(Organization).index().deleteRule('cascade'),
    area: () => p.manyToOne(Area).nullable().index().deleteRule('cascade'),
    station: () => p.manyToOne(Station).nullable().index().deleteRule('cascade'),
    since: p.date().nullable(),
  },
});
export class Responsibility extends ResponsibilitySchema.class {}
ResponsibilitySchema.setClass(Responsibility);

/** A member of a party-building alliance (党建联盟). */
const AllianceMembershipSchema = defineEntity({
  name: 'AllianceMembership',
  tableName: 'alliance_membership',
  uniques: [{ properties: ['alliance', 'member'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    alliance: () => p.manyToOne(Organization).index().deleteRule('cascade'),
    member: () => p.manyToOne(Organization).index().deleteRule('cascade'),
    joinedOn: p.date().nullable(),
  },
});
export class AllianceMembership extends AllianceMembershipSchema.class {}
AllianceMembershipSchema.setClass(AllianceMembership);
