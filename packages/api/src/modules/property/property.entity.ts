import { defineEntity, p } from '@mikro-orm/core';
import { Area } from '../areas/area.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** The kinds of record a property company keeps in step with ours. */
export const PROPERTY_RECORD_KINDS = ['COMPOUND', 'BUILDING', 'HOUSEHOLD', 'STAFF', 'FEE', 'TICKET'] as const;
export type PropertyRecordKind = (typeof PROPERTY_RECORD_KINDS)[number];

/**
 * A company's own id for one of our records: compounds, buildings and households (areas) and
 * its staff (role assignments). Each company has its own ids; they never meet another's.
 */
const PropertyExternalRefSchema = defineEntity({
  name: 'PropertyExternalRef',
  tableName: 'property_external_ref',
  uniques: [{ name: 'property_external_ref_company_kind_external_id_unique', properties: ['company', 'kind', 'externalId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    company: () => p.manyToOne(Organization).deleteRule('cascade'),
    kind: p.enum(['COMPOUND', 'BUILDING', 'HOUSEHOLD', 'STAFF'] as const).$type<'COMPOUND' | 'BUILDING' | 'HOUSEHOLD' | 'STAFF'>(),
    externalId: p.string().length(100),
    /** The area (compound, building, household) or role assignment (staff) it names. */
    targetId: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class PropertyExternalRef extends PropertyExternalRefSchema.class {}
PropertyExternalRefSchema.setClass(PropertyExternalRef);

/** Property fees of one household for one month (物业费收缴): what was due and what was paid. */
const PropertyFeeSchema = defineEntity({
  name: 'PropertyFee',
  tableName: 'property_fee',
  uniques: [{ name: 'property_fee_company_external_id_unique', properties: ['company', 'externalId'] }],
  indexes: [
    {
      name: 'property_fee_area_path_period_index',
      expression: 'create index "property_fee_area_path_period_index" on "property_fee" ("area_path" varchar_pattern_ops, "period")',
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    company: () => p.manyToOne(Organization).index().deleteRule('cascade'),
    externalId: p.string().length(100),
    household: () => p.manyToOne(Area).index().deleteRule('cascade'),
    /** The household's path, so statistics of any area are one prefix match. */
    areaPath: p.string().length(400),
    /** The month billed, `2026-10`. */
    period: p.string().length(7),
    amountDue: p.decimal('number').precision(12).scale(2),
    amountPaid: p.decimal('number').precision(12).scale(2),
    paidOn: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class PropertyFee extends PropertyFeeSchema.class {}
PropertyFeeSchema.setClass(PropertyFee);

export const PROPERTY_TICKET_STATES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED'] as const;
export type PropertyTicketState = (typeof PROPERTY_TICKET_STATES)[number];

/** A service ticket of the company's own system (报修, 投诉): kept so the district sees the service given. */
const PropertyTicketSchema = defineEntity({
  name: 'PropertyTicket',
  tableName: 'property_ticket',
  uniques: [{ name: 'property_ticket_company_external_id_unique', properties: ['company', 'externalId'] }],
  indexes: [
    {
      name: 'property_ticket_area_path_index',
      expression: 'create index "property_ticket_area_path_index" on "property_ticket" ("area_path" varchar_pattern_ops)',
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    company: () => p.manyToOne(Organization).index().deleteRule('cascade'),
    externalId: p.string().length(100),
    /** The compound, or a building or household in it. */
    area: () => p.manyToOne(Area).index().deleteRule('cascade'),
    areaPath: p.string().length(400),
    category: p.string().length(64),
    state: p.enum(PROPERTY_TICKET_STATES).$type<PropertyTicketState>(),
    openedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    /** The resident's rating, 1 to 5. */
    rating: p.smallint().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class PropertyTicket extends PropertyTicketSchema.class {}
PropertyTicketSchema.setClass(PropertyTicket);
