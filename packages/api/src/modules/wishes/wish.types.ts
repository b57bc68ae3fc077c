import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { UserError } from '../../graphql/mutation.js';
import { Node } from '../../graphql/node.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { BENEFICIARY_KINDS, type BeneficiaryKind, WISH_CATEGORIES, WISH_STATES, type WishCategory, type WishState } from './wish.entity.js';

export const WishStateEnum = enumFrom(WISH_STATES, 'WishState', 'Where a micro-wish is in its life.', {
  PENDING_REVIEW: '待审核: posted, waiting for community staff',
  OPEN: '待认领: open to claim',
  CLAIMED: '已认领: a claimer is on it',
  FULFILLED: '已完成: the claimer says it is done',
  CONFIRMED: '已点亮: confirmed by staff or the beneficiary',
  WITHDRAWN: '已撤回',
  REJECTED: '未通过: refused in review',
  EXPIRED: '已过期: its wanted-by date passed unclaimed',
});
export const WishCategoryEnum = enumFrom(WISH_CATEGORIES, 'WishCategory', 'What a wish asks for.', {
  DAILY_NEEDS: '生活用品',
  STUDY: '学习用品、助学',
  HEALTH: '医疗健康',
  COMPANIONSHIP: '陪伴关爱',
  HOME_REPAIR: '居家维修',
  OTHER: '其他',
});
export const BeneficiaryKindEnum = enumFrom(BENEFICIARY_KINDS, 'BeneficiaryKind', 'Who a wish is for.', {
  ELDERLY_ALONE: '独居老人',
  CHILD: '儿童',
  HARDSHIP_FAMILY: '困难家庭',
  DISABLED: '残疾人',
  OTHER: '其他',
});

@ObjectType('Wish', { implements: Node, description: 'A micro-wish (微心愿) of a resident in difficulty. No address is ever shown.' })
export class WishType extends Node {
  @Field(() => String)
  title!: string;
  @Field(() => String)
  story!: string;
  @Field(() => WishCategoryEnum)
  category!: WishCategory;
  @Field(() => BeneficiaryKindEnum)
  beneficiaryKind!: BeneficiaryKind;
  @Field(() => Float, { nullable: true, description: 'Yuan.' })
  estimatedCost!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; unclaimed after it, the wish expires.' })
  wantedBy!: string | null;
  @Field(() => [String])
  photoUrls!: string[];
  @Field(() => WishStateEnum)
  state!: WishState;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When review opened it to claims.' })
  openedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  claimedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Unfulfilled by then, the claim lapses and the wish opens again.' })
  claimDeadline!: Date | null;
  @Field(() => String, { nullable: true, description: 'What the claimer did.' })
  fulfilmentNote!: string | null;
  @Field(() => DateTimeResolver, { nullable: true })
  fulfilledAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was lit up (点亮).' })
  confirmedAt!: Date | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}
export const WishConnection = Connection(WishType, 'Wish');

@InputType({ description: 'Narrows a list of wishes; all given conditions must hold.' })
export class WishFilter {
  @Field(() => ID, { nullable: true, description: 'Only wishes of communities in this area or below it.' })
  within?: string | null;
  @Field(() => [WishStateEnum], { nullable: true })
  state?: WishState[] | null;
  @Field(() => [WishCategoryEnum], { nullable: true })
  category?: WishCategory[] | null;
}

@InputType({ description: 'A new wish: for yourself, or (grid workers and community staff) for a resident of your area.' })
export class PostWishInput {
  @Field(() => String)
  title!: string;
  @Field(() => String)
  story!: string;
  @Field(() => WishCategoryEnum)
  category!: WishCategory;
  @Field(() => BeneficiaryKindEnum)
  beneficiaryKind!: BeneficiaryKind;
  @Field(() => ID, { nullable: true, description: 'The resident it is for; yourself when left out.' })
  beneficiary?: string | null;
  @Field(() => ID)
  community!: string;
  @Field(() => ID, { nullable: true })
  grid?: string | null;
  @Field(() => Float, { nullable: true })
  estimatedCost?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  wantedBy?: string | null;
  @Field(() => [String], { nullable: true })
  photoUrls?: string[] | null;
}

@InputType()
export class ReviewWishInput {
  @Field(() => ID)
  id!: string;
  @Field(() => Boolean, { description: 'true opens the wish to claims; false rejects it.' })
  approve!: boolean;
  @Field(() => String, { nullable: true, description: 'Why, when rejecting.' })
  note?: string | null;
}

@InputType()
export class WishIdInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class ClaimWishInput {
  @Field(() => ID)
  id!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'Claim for a unit or volunteer team you hold a role for (an in-service party member’s unit, a volunteer’s team); it earns the service record too.',
  })
  onBehalfOf?: string | null;
}

@InputType()
export class FulfillWishInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: 'What was done.' })
  note!: string;
}

@ObjectType()
export class WishPayload {
  @Field(() => WishType, { nullable: true })
  wish!: WishType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('WishClaimerFigure', { description: 'A claimer and the wishes they lit up in the period.' })
export class WishClaimerFigureType {
  @Field(() => String, { description: 'Masked (王*华) unless you may read it.' })
  name!: string;
  @Field(() => Int)
  litUp!: number;
}

@ObjectType('WishOrganizationFigure', { description: 'A unit or volunteer team and the wishes its members lit up for it in the period.' })
export class WishOrganizationFigureType {
  @Field(() => OrganizationType)
  organization!: Organization;
  @Field(() => Int)
  litUp!: number;
}

@ObjectType('WishStatistics', { description: '微心愿 figures of an area over a period.' })
export class WishStatisticsType {
  @Field(() => DateTimeResolver)
  from!: Date;
  @Field(() => DateTimeResolver)
  to!: Date;
  @Field(() => Int, { description: 'Wishes posted in the period.' })
  posted!: number;
  @Field(() => Int, { description: 'Wishes lit up (confirmed) in the period.' })
  litUp!: number;
  @Field(() => Float, { nullable: true, description: 'Of the wishes posted in the period, the share lit up by now (0 to 1).' })
  litUpRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median hours from open to lit up, of the wishes lit up in the period.' })
  medianHoursToLitUp!: number | null;
  @Field(() => [WishClaimerFigureType], { description: 'Who lit up the most wishes in the period, at most five.' })
  topClaimers!: WishClaimerFigureType[];
  @Field(() => [WishOrganizationFigureType], {
    description: 'The units and volunteer teams that lit up the most wishes in the period, at most five.',
  })
  topOrganizations!: WishOrganizationFigureType[];
}
