import { defineEntity, p } from '@mikro-orm/core';
import { Area } from '../areas/area.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';

/** Where a wish is in its life (see wish.machine.ts for the moves between them). */
export const WISH_STATES = ['PENDING_REVIEW', 'OPEN', 'CLAIMED', 'FULFILLED', 'CONFIRMED', 'WITHDRAWN', 'REJECTED', 'EXPIRED'] as const;
export type WishState = (typeof WISH_STATES)[number];

export const WISH_CATEGORIES = ['DAILY_NEEDS', 'STUDY', 'HEALTH', 'COMPANIONSHIP', 'HOME_REPAIR', 'OTHER'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export const BENEFICIARY_KINDS = ['ELDERLY_ALONE', 'CHILD', 'HARDSHIP_FAMILY', 'DISABLED', 'OTHER'] as const;
export type BeneficiaryKind = (typeof BENEFICIARY_KINDS)[number];

/** A micro-wish (微心愿): a small need of a resident in difficulty, claimed and fulfilled by others. */
const WishSchema = defineEntity({
  name: 'Wish',
  tableName: 'wish',
  indexes: [{ name: 'wish_state_claim_deadline_index', properties: ['state', 'claimDeadline'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    title: p.string().length(100),
    story: p.text(),
    category: p.enum(WISH_CATEGORIES).$type<WishCategory>(),
    beneficiaryKind: p.enum(BENEFICIARY_KINDS).$type<BeneficiaryKind>(),
    /** The resident the wish is for. */
    beneficiary: () => p.manyToOne(Person).index().deleteRule('restrict'),
    /** The resident, or a grid worker on their behalf. */
    postedBy: () => p.manyToOne(Person).index().deleteRule('restrict'),
    community: () => p.manyToOne(Area).index().deleteRule('restrict'),
    grid: () => p.manyToOne(Area).nullable().index().deleteRule('restrict'),
    /** Yuan. */
    estimatedCost: p.decimal('number').precision(10).scale(2).nullable(),
    wantedBy: p.string().length(10).nullable(),
    photoUrls: p.json<string[]>(),
    state: p.enum(WISH_STATES).$type<WishState>().index(),
    /** When review first opened it to claims: where "time to light up" starts. */
    openedAt: p.datetime().nullable(),
    claimer: () => p.manyToOne(Person).nullable().index().deleteRule('restrict'),
    /** The unit or volunteer team the claimer claimed for, when not for themselves: it earns the service record too. */
    claimedFor: () => p.manyToOne(Organization).nullable().index().deleteRule('restrict'),
    claimedAt: p.datetime().nullable(),
    /** A claim not fulfilled by then lapses and the wish opens again. */
    claimDeadline: p.datetime().nullable(),
    fulfilmentNote: p.text().nullable(),
    fulfilledAt: p.datetime().nullable(),
    confirmedAt: p.datetime().nullable(),
    reviewNote: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Wish extends WishSchema.class {}
WishSchema.setClass(Wish);
