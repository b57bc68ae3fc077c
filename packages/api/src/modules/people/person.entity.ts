import { defineEntity, p } from '@mikro-orm/core';
import { Area } from '../areas/area.entity.js';
import { Organization } from '../organizations/organization.entity.js';

export const ROLE_KINDS = [
  'RESIDENT',
  'OWNER',
  'PARTY_MEMBER',
  'IN_SERVICE_PARTY_MEMBER',
  'FIRST_SECRETARY',
  'COMMUNITY_COMMITTEE_MEMBER',
  'SOCIAL_WORKER',
  'GRID_WORKER',
  'GRID_HEAD',
  'GRID_POLICE_OFFICER',
  'BUILDING_HEAD',
  'STATION_HEAD',
  'VOLUNTEER',
  'MEDIATOR',
  'ADMINISTRATOR',
  'AUDITOR',
  /** A property company's staff in a compound it manages (pushed by the company, modules/property). */
  'PROPERTY_STAFF',
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const GENDERS = ['FEMALE', 'MALE'] as const;
export type Gender = (typeof GENDERS)[number];

const PersonSchema = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(100).index(),
    gender: p.enum(GENDERS).$type<Gender>().nullable(),
    /** Personal data (PIPL): stored, never exposed until access control decides who may read it. */
    phone: p.string().length(32).nullable().hidden(),
    idNumber: p.string().length(18).nullable().hidden(),
    roles: () => p.oneToMany(RoleAssignment).mappedBy('person'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Person extends PersonSchema.class {}
PersonSchema.setClass(Person);

/** A role a person holds in one area, from a start date until an optional end date. */
const RoleAssignmentSchema = defineEntity({
  name: 'RoleAssignment',
  tableName: 'role_assignment',
  properties: {
    id: p.integer().primary().autoincrement(),
    person: () => p.manyToOne(Person).index().deleteRule('cascade'),
    role: p.enum(ROLE_KINDS).$type<RoleKind>().index(),
    area: () => p.manyToOne(Area).index().deleteRule('restrict'),
    /** The organisation the role is held for: a volunteer's team, an in-service party member's unit (双报到). */
    organization: () => p.manyToOne(Organization).nullable().index().deleteRule('set null'),
    startsOn: p.date(),
    endsOn: p.date().nullable(),
  },
});
export class RoleAssignment extends RoleAssignmentSchema.class {}
RoleAssignmentSchema.setClass(RoleAssignment);
