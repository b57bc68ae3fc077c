import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { GeoPointInput } from '../../graphql/geo.js';
import { UserError } from '../../graphql/mutation.js';
import { Node } from '../../graphql/node.js';
import { OrderInput, type OrderValue } from '../../graphql/ordering.js';
import { AREA_KINDS, type AreaKind, GRID_KINDS, type GridKind, MANAGEMENT_KINDS, type ManagementKind } from './area.entity.js';

export const AreaKindEnum = enumFrom(AREA_KINDS, 'AreaKind', 'A level of the area tree.', {
  DISTRICT: '区 / 县: district or county',
  STREET: '街道: street (sub-district office)',
  COMMUNITY: '社区: community (residents’ committee area)',
  GRID: '网格: grid, the management unit (about 350 households)',
  MICRO_GRID: '微网格: micro-grid, often one compound or yard',
  COMPOUND: '小区: residential compound',
  BUILDING: '楼栋: building',
  HOUSEHOLD: '户: household',
});
export const GridKindEnum = enumFrom(GRID_KINDS, 'GridKind', 'How a grid is drawn.', {
  GEOGRAPHIC: '地缘型: bounded by streets',
  UNIT: '单元型: one large enclosed compound',
  SERVICE: '服务型: a market or commercial cluster',
});
export const ManagementKindEnum = enumFrom(MANAGEMENT_KINDS, 'ManagementKind', 'How a compound is managed.', {
  PROPERTY_COMPANY: '物业: by a property company',
  SELF_MANAGED: '自管: by a residents’ self-management committee',
  UNMANAGED: 'No property management (无物业小区)',
});

@ObjectType('Area', {
  implements: Node,
  description: 'A place in the one tree from district (区) down to household (户).',
})
export class AreaType extends Node {
  @Field(() => AreaKindEnum)
  kind!: AreaKind;
  @Field(() => String, { nullable: true, description: 'Administrative or internal code.' })
  code!: string | null;
  @Field(() => Int, { description: 'Depth in the tree; a district is 0.' })
  depth!: number;
  @Field(() => GridKindEnum, { nullable: true, description: 'Grids and micro-grids only.' })
  gridKind!: GridKind | null;
  @Field(() => Int, { nullable: true, description: 'Level in a nested grid system; 1 is the base grid.' })
  gridLevel!: number | null;
  @Field(() => Float, { nullable: true, description: 'Households only: exclusive floor area in m² (专有部分面积).' })
  floorArea!: number | null;
  @Field(() => Int, { nullable: true, description: 'Households only: number of owners.' })
  ownerCount!: number | null;
  @Field(() => ManagementKindEnum, { nullable: true, description: 'Compounds only.' })
  management!: ManagementKind | null;
  @Field(() => Float, { nullable: true, description: 'WGS-84 latitude of the area’s centre.' })
  latitude!: number | null;
  @Field(() => Float, { nullable: true, description: 'WGS-84 longitude of the area’s centre.' })
  longitude!: number | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}

export const AreaConnection = Connection(AreaType, 'Area');

@InputType({ description: 'Narrows a list of areas; all given conditions must hold.' })
export class AreaFilter {
  @Field(() => ID, { nullable: true, description: 'Only areas in this area’s subtree (the area itself excluded).' })
  within?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only the direct children of this area.' })
  parent?: string | null;
  @Field(() => [AreaKindEnum], { nullable: true })
  kind?: AreaKind[] | null;
  @Field(() => Int, { nullable: true, description: 'Only grids of this level.' })
  gridLevel?: number | null;
  @Field(() => GridKindEnum, { nullable: true })
  gridKind?: GridKind | null;
  @Field(() => ManagementKindEnum, { nullable: true, description: 'Only compounds managed this way.' })
  management?: ManagementKind | null;
  @Field(() => String, { nullable: true, description: 'Name contains this text (case-insensitive).' })
  nameContains?: string | null;
}

export const AreaOrder = OrderInput('Area', 'areas');
export type AreaOrder = OrderValue;

@InputType()
export class CreateAreaInput {
  @Field(() => AreaKindEnum)
  kind!: AreaKind;
  @Field(() => String)
  name!: string;
  @Field(() => ID, { nullable: true, description: 'Required for every kind but DISTRICT.' })
  parent?: string | null;
  @Field(() => String, { nullable: true })
  code?: string | null;
  @Field(() => GridKindEnum, { nullable: true })
  gridKind?: GridKind | null;
  @Field(() => Int, { nullable: true })
  gridLevel?: number | null;
  @Field(() => Float, { nullable: true })
  floorArea?: number | null;
  @Field(() => Int, { nullable: true })
  ownerCount?: number | null;
  @Field(() => ManagementKindEnum, { nullable: true })
  management?: ManagementKind | null;
  @Field(() => ID, { nullable: true, description: 'The property company managing a compound.' })
  manager?: string | null;
  @Field(() => String, { nullable: true })
  address?: string | null;
  @Field(() => Float, { nullable: true })
  latitude?: number | null;
  @Field(() => Float, { nullable: true })
  longitude?: number | null;
  @Field(() => [GeoPointInput], { nullable: true, description: 'The outline: 3 to 2,000 points, one ring, not closed.' })
  boundary?: GeoPointInput[] | null;
}

@InputType({ description: 'Fields left out stay as they are; `null` clears an optional field.' })
export class UpdateAreaInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => ID, { nullable: true, description: 'Move the area (and its subtree) under another parent.' })
  parent?: string | null;
  @Field(() => String, { nullable: true })
  code?: string | null;
  @Field(() => GridKindEnum, { nullable: true })
  gridKind?: GridKind | null;
  @Field(() => Int, { nullable: true })
  gridLevel?: number | null;
  @Field(() => Float, { nullable: true })
  floorArea?: number | null;
  @Field(() => Int, { nullable: true })
  ownerCount?: number | null;
  @Field(() => ManagementKindEnum, { nullable: true })
  management?: ManagementKind | null;
  @Field(() => ID, { nullable: true })
  manager?: string | null;
  @Field(() => String, { nullable: true })
  address?: string | null;
  @Field(() => Float, { nullable: true })
  latitude?: number | null;
  @Field(() => Float, { nullable: true })
  longitude?: number | null;
  @Field(() => [GeoPointInput], { nullable: true, description: 'The outline: 3 to 2,000 points, one ring, not closed.' })
  boundary?: GeoPointInput[] | null;
}

@ObjectType()
export class AreaPayload {
  @Field(() => AreaType, { nullable: true })
  area!: AreaType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}
