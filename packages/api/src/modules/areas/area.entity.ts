import { defineEntity, p } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity.js';

/** The levels of the one area tree, district (区/县) down to household (户). */
export const AREA_KINDS = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'MICRO_GRID', 'COMPOUND', 'BUILDING', 'HOUSEHOLD'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** 地缘型 bounded by streets, 单元型 one large compound, 服务型 a market or commercial cluster. */
export const GRID_KINDS = ['GEOGRAPHIC', 'UNIT', 'SERVICE'] as const;
export type GridKind = (typeof GRID_KINDS)[number];

/** How a compound (小区) is managed: a property company, a self-management committee (自管会), or nobody. */
export const MANAGEMENT_KINDS = ['PROPERTY_COMPANY', 'SELF_MANAGED', 'UNMANAGED'] as const;
export type ManagementKind = (typeof MANAGEMENT_KINDS)[number];

const AreaSchema = defineEntity({
  name: 'Area',
  tableName: 'area',
  // `LIKE 'prefix%'` uses a b-tree index only with pattern ops, whatever the database's collation.
  indexes: [
    { name: 'area_path_prefix_index', expression: 'create index "area_path_prefix_index" on "area" ("path" varchar_pattern_ops)' },
    // Lists come in order of name by default: one index for those who see every area, one for the
    // public, who never see households (most of the rows).
    { name: 'area_name_id_index', properties: ['name', 'id'] },
    {
      name: 'area_public_name_id_index',
      expression: `create index "area_public_name_id_index" on "area" ("name", "id") where "kind" <> 'HOUSEHOLD'`,
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    kind: p.enum(AREA_KINDS).$type<AreaKind>().index(),
    name: p.string().length(200),
    /** Administrative or internal code, unique within the deployment when given. */
    code: p.string().length(64).nullable().unique(),
    parent: () => p.manyToOne(Area).nullable().index().deleteRule('restrict'),
    /**
     * Materialised path of ids, `/1/5/23/`: a subtree is one `LIKE '/1/5/%'` on an indexed column.
     * Maintained by the area service, never by clients.
     */
    path: p.string().length(400),
    depth: p.smallint(),
    gridKind: p.enum(GRID_KINDS).$type<GridKind>().nullable(),
    /** Level of a grid in a nested grid system (Zijin uses five); 1 is the base grid. */
    gridLevel: p.smallint().nullable(),
    /** Exclusive floor area of a household in m², used by owners' votes (Civil Code art. 278). */
    floorArea: p.decimal('number').precision(10).scale(2).nullable(),
    ownerCount: p.smallint().nullable(),
    management: p.enum(MANAGEMENT_KINDS).$type<ManagementKind>().nullable(),
    manager: () => p.manyToOne(Organization).nullable().index().deleteRule('set null'),
    address: p.string().length(300).nullable(),
    latitude: p.double().$type<number>().nullable(),
    longitude: p.double().$type<number>().nullable(),
    /** The outline, WGS-84: one ring of `[latitude, longitude]` pairs, not closed (the last point joins the first). */
    boundary: p.json<[number, number][]>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Area extends AreaSchema.class {}
AreaSchema.setClass(Area);
