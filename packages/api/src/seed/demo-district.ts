/**
 * The demo data: one district per unit of scale, each modelled on Meihekou (梅河口) with the
 * figures of /work/shared/DOMAIN.md: 5 streets, 18 communities, 341 grids, 100 stations,
 * 420 compounds (321 without a property company), 49 property companies (34 with a party
 * organisation), 1,080 buildings and their heads, 3,500 in-service party members.
 *
 * Deterministic: every random choice comes from faker seeded per district, dates are fixed,
 * and ids are allocated here in generation order, so the same scale on an empty database
 * gives the same rows byte for byte. Rows go in as multi-row inserts (see bulk.ts).
 */

import { fakerZH_CN as faker } from '@faker-js/faker';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { Area, type AreaKind, type GridKind } from '../modules/areas/area.entity.js';
import { recordChange, system } from '../modules/audit/audit.service.js';
import { Notice } from '../modules/notices/notice.entity.js';
import {
  AllianceMembership,
  Organization,
  type PropertyCompanyKind,
  Responsibility,
} from '../modules/organizations/organization.entity.js';
import { Person, RoleAssignment, type RoleKind } from '../modules/people/person.entity.js';
import { today } from '../modules/people/person.service.js';
import {
  type OpeningWindow,
  Service,
  type StaffPost,
  Station,
  StationGrid,
  StationService,
  StationStaff,
} from '../modules/stations/station.entity.js';
import { Ballot, Proposal, VoterRollEntry } from '../modules/votes/proposal.entity.js';
import { Wish } from '../modules/wishes/wish.entity.js';
import { IdSequence, idSequenceFor, insertChunked, syncSequence, tableOf } from './bulk.js';
import { CORE_SERVICE_CODES, SERVICE_CATALOGUE } from './catalogue.js';
import { type Box, boxAround, centroid, type Point, pointIn, round6, splitBox } from './geometry.js';
import { IdentityGenerator } from './identity.js';
import {
  BRAND_WORDS,
  COMMUNITY_NAMES,
  COMPOUND_STEMS,
  chineseNumeral,
  DISTRICT_NAMES,
  ENTERPRISE_TRADES,
  MASS_ORGANIZATION_NAMES,
  MEIHEKOU_STREETS,
  ROAD_NAMES,
  SOCIAL_ORGANIZATION_NAMES,
  STREET_NAMES,
  UNIT_NAMES,
  WORK_UNITS,
} from './names.js';
import { draftVotes, type VoteRows } from './votes.js';
import { draftWish } from './wishes.js';

/** Meihekou's figures, one set per district. */
const FIGURES = {
  communitiesPerStreet: [4, 4, 4, 3, 3],
  grids: 341,
  gridsPerCommunity: { min: 15, max: 23 },
  stations: 100,
  compounds: 420,
  managedCompounds: 99,
  selfManagedCompounds: 64,
  /** Buildings: 495 in the managed compounds (3 to 8 each), 585 in the others (1 to 3 each). */
  buildingsManaged: 495,
  buildingsOther: 585,
  propertyCompanies: { STATE_OWNED: 8, MARKET: 37, SELF_MANAGEMENT_COMMITTEE: 4 } satisfies Record<PropertyCompanyKind, number>,
  companiesWithPartyOrganization: 34,
  ownersCommittees: 40,
  inServicePartyMembers: 3_500,
  /** Households whose owners are on record: whole compounds, so that owners' votes can be tried. */
  registeredHouseholds: 8_000,
} as const;

/** The demo's "now": role start dates, creation times, ages. */
const SEEDED_AT = new Date('2024-01-01T00:00:00.000Z');
const STARTS_ON = '2024-01-01';
const REFERENCE_YEAR = 2024;
const SEED = 435;

const MEIHEKOU_CENTRE: Point = { latitude: 42.53, longitude: 125.63 };
/** About 50 km² of town. */
const CITY_SIDE_KM = 7;
const TIME_ZONE = 'Asia/Shanghai';
/** Meihekou's telephone area code. */
const AREA_CODE = '0435';

/** Rows written, per table. */
export interface SeedSummary {
  area: number;
  organization: number;
  responsibility: number;
  alliance_membership: number;
  person: number;
  role_assignment: number;
  service: number;
  station: number;
  station_service: number;
  station_grid: number;
  station_staff: number;
  wish: number;
  proposal: number;
  ballot: number;
  notice: number;
}

type AreaRow = RequiredEntityData<Area>;
type OrganizationRow = RequiredEntityData<Organization>;
type PersonRow = RequiredEntityData<Person>;
type RoleRow = RequiredEntityData<RoleAssignment>;
type StationRow = RequiredEntityData<Station>;

interface AreaNode {
  id: number;
  path: string;
  depth: number;
  name: string;
  code: string | null;
  box: Box;
  point: Point;
}

interface StreetNode extends AreaNode {
  communities: CommunityNode[];
  workingCommitteeId: number;
}

interface CommunityNode extends AreaNode {
  street: StreetNode;
  roads: readonly string[];
  grids: GridNode[];
  stations: StationNode[];
  branchId: number;
}

interface GridNode extends AreaNode {
  community: CommunityNode;
  kind: GridKind;
  compounds: CompoundNode[];
}

interface CompoundNode extends AreaNode {
  grid: GridNode;
  managed: boolean;
  address: string;
  row: AreaRow;
  buildings: BuildingNode[];
}

interface BuildingNode extends AreaNode {
  compound: CompoundNode;
  households: number[];
}

interface StationNode {
  id: number;
  community: CommunityNode;
  grids: GridNode[];
  row: StationRow;
}

/** Id sequences shared by all districts of one seeding. */
interface Sequences {
  area: IdSequence;
  organization: IdSequence;
  responsibility: IdSequence;
  allianceMembership: IdSequence;
  person: IdSequence;
  roleAssignment: IdSequence;
  station: IdSequence;
  stationStaff: IdSequence;
  wish: IdSequence;
  proposal: IdSequence;
  ballot: IdSequence;
  notice: IdSequence;
}

export async function isEmpty(em: EntityManager): Promise<boolean> {
  const rows = await em.execute<unknown[]>(`select 1 from "${tableOf(em, Area)}" limit 1`);
  return rows.length === 0;
}

export async function seedDemo(em: EntityManager, options: { scale: number }): Promise<SeedSummary> {
  const { scale } = options;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a positive whole number, got ${scale}`);
  return em.transactional(async (tx) => {
    const summary: SeedSummary = {
      area: 0,
      organization: 0,
      responsibility: 0,
      alliance_membership: 0,
      person: 0,
      role_assignment: 0,
      service: 0,
      station: 0,
      station_service: 0,
      station_grid: 0,
      station_staff: 0,
      wish: 0,
      proposal: 0,
      ballot: 0,
      notice: 0,
    };
    const services = await ensureCatalogue(tx, summary);
    const sequences: Sequences = {
      area: await idSequenceFor(tx, Area),
      organization: await idSequenceFor(tx, Organization),
      responsibility: await idSequenceFor(tx, Responsibility),
      allianceMembership: await idSequenceFor(tx, AllianceMembership),
      person: await idSequenceFor(tx, Person),
      roleAssignment: await idSequenceFor(tx, RoleAssignment),
      station: await idSequenceFor(tx, Station),
      stationStaff: await idSequenceFor(tx, StationStaff),
      wish: await idSequenceFor(tx, Wish),
      proposal: await idSequenceFor(tx, Proposal),
      ballot: await idSequenceFor(tx, Ballot),
      notice: await idSequenceFor(tx, Notice),
    };
    for (let index = 0; index < scale; index++) {
      const district = new DistrictGenerator(index, sequences, services);
      district.generate();
      await district.write(tx, summary);
    }
    for (const entity of [
      Area,
      Organization,
      Responsibility,
      AllianceMembership,
      Person,
      RoleAssignment,
      Service,
      Station,
      StationStaff,
      Wish,
      Proposal,
      Ballot,
      Notice,
    ]) {
      await syncSequence(tx, entity);
    }
    // Demo data comes in without mutations; the trail still says when and how much.
    await recordChange(tx, system(), {
      action: 'demo.seed',
      objectType: 'Deployment',
      objectId: 0,
      areaPath: null,
      before: null,
      after: { scale, ...summary },
    });
    return summary;
  });
}

/** The catalogue is shared by every district: entries already there are kept, missing ones added. */
async function ensureCatalogue(em: EntityManager, summary: SeedSummary): Promise<Map<string, number>> {
  const existing = await em.execute<{ id: number; code: string }[]>(`select "id", "code" from "${tableOf(em, Service)}"`);
  const ids = new Map(existing.map((row) => [row.code, Number(row.id)]));
  const sequence = await idSequenceFor(em, Service);
  const rows: RequiredEntityData<Service>[] = [];
  for (const entry of SERVICE_CATALOGUE) {
    if (ids.has(entry.code)) continue;
    const id = sequence.take();
    ids.set(entry.code, id);
    rows.push({ id, ...entry });
  }
  await insertChunked(em, Service, rows);
  summary.service += rows.length;
  return ids;
}

export function districtName(index: number): string {
  const base = DISTRICT_NAMES[index % DISTRICT_NAMES.length];
  const round = Math.floor(index / DISTRICT_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

/** Spreads `total` over `parts` counts between `min` and `max`, at random. */
function splitTotal(total: number, parts: number, min: number, max: number): number[] {
  if (parts * min > total || parts * max < total) {
    throw new RangeError(`cannot split ${total} into ${parts} parts of ${min} to ${max}`);
  }
  const counts = new Array<number>(parts).fill(min);
  let rest = total - parts * min;
  while (rest > 0) {
    const i = faker.number.int({ min: 0, max: parts - 1 });
    if (counts[i] < max) {
      counts[i] += 1;
      rest -= 1;
    }
  }
  return counts;
}

/** Spreads `total` in proportion to `weights` (largest remainders). */
function splitProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let rest = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, fraction: x - Math.floor(x) })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    counts[i] += 1;
    rest -= 1;
  }
  return counts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function chance(percent: number): boolean {
  return faker.number.int({ min: 0, max: 99 }) < percent;
}

class DistrictGenerator {
  private readonly name: string;
  private readonly code: string;
  private readonly identities: IdentityGenerator;

  private readonly areas: AreaRow[] = [];
  private readonly organizations: OrganizationRow[] = [];
  private readonly persons: PersonRow[] = [];
  private readonly roles: RoleRow[] = [];
  private readonly stationRows: StationRow[] = [];
  private readonly stationServices: RequiredEntityData<StationService>[] = [];
  private readonly stationGrids: RequiredEntityData<StationGrid>[] = [];
  private readonly stationStaff: RequiredEntityData<StationStaff>[] = [];
  private readonly responsibilities: RequiredEntityData<Responsibility>[] = [];
  private readonly memberships: RequiredEntityData<AllianceMembership>[] = [];

  private district!: AreaNode;
  private readonly streets: StreetNode[] = [];
  private readonly communities: CommunityNode[] = [];
  private readonly grids: GridNode[] = [];
  private readonly compounds: CompoundNode[] = [];
  private readonly buildings: BuildingNode[] = [];
  private readonly stations: StationNode[] = [];
  private readonly units: number[] = [];
  private readonly volunteerTeams = new Map<CommunityNode, number>();
  private readonly wishes: RequiredEntityData<Wish>[] = [];
  private votes: VoteRows = { proposals: [], roll: [], ballots: [], notices: [] };
  /** Compounds with an owner on record for every household, in the order they were drawn. */
  private readonly registeredCompounds: CompoundNode[] = [];
  /** Organisations that sit in a compound go in after the compounds; the others before. */
  private readonly organizationsInCompounds = new Set<number>();
  private committeeId = 0;

  constructor(
    private readonly index: number,
    private readonly ids: Sequences,
    private readonly services: ReadonlyMap<string, number>,
  ) {
    faker.seed(SEED + index);
    this.name = districtName(index);
    this.code = String(220581 + index);
    this.identities = new IdentityGenerator(faker, this.code, REFERENCE_YEAR);
  }

  generate(): void {
    this.generateAreas();
    this.generateOrganizations();
    this.generateStations();
    this.generateResponsibilities();
    this.generatePeople();
    this.generateWishes();
    this.generateVotes();
  }

  async write(em: EntityManager, summary: SeedSummary): Promise<void> {
    const upperAreas = this.areas.filter((a) => a.kind !== 'COMPOUND' && a.kind !== 'BUILDING' && a.kind !== 'HOUSEHOLD');
    const lowerAreas = this.areas.filter((a) => a.kind === 'COMPOUND' || a.kind === 'BUILDING' || a.kind === 'HOUSEHOLD');
    const inCompounds = (o: OrganizationRow) => this.organizationsInCompounds.has(o.id as number);
    // Compounds name their property company and owners' committees sit in a compound: break the cycle.
    await insertChunked(em, Area, upperAreas);
    await insertChunked(
      em,
      Organization,
      this.organizations.filter((o) => !inCompounds(o)),
    );
    await insertChunked(em, Area, lowerAreas);
    await insertChunked(em, Organization, this.organizations.filter(inCompounds));
    await insertChunked(em, Person, this.persons);
    await insertChunked(em, RoleAssignment, this.roles);
    await insertChunked(em, Station, this.stationRows);
    await insertChunked(em, StationService, this.stationServices);
    await insertChunked(em, StationGrid, this.stationGrids);
    await insertChunked(em, StationStaff, this.stationStaff);
    await insertChunked(em, Responsibility, this.responsibilities);
    await insertChunked(em, AllianceMembership, this.memberships);
    await insertChunked(em, Wish, this.wishes);
    await insertChunked(em, Proposal, this.votes.proposals);
    await insertChunked(em, VoterRollEntry, this.votes.roll);
    await insertChunked(em, Ballot, this.votes.ballots);
    await insertChunked(em, Notice, this.votes.notices);
    summary.area += this.areas.length;
    summary.organization += this.organizations.length;
    summary.person += this.persons.length;
    summary.role_assignment += this.roles.length;
    summary.station += this.stationRows.length;
    summary.station_service += this.stationServices.length;
    summary.station_grid += this.stationGrids.length;
    summary.station_staff += this.stationStaff.length;
    summary.wish += this.wishes.length;
    summary.proposal += this.votes.proposals.length;
    summary.ballot += this.votes.ballots.length;
    summary.notice += this.votes.notices.length;
    summary.responsibility += this.responsibilities.length;
    summary.alliance_membership += this.memberships.length;
  }

  // ---------------------------------------------------------------- the area tree

  /** Writes the row of an area; `path` and `depth` follow from the parent's. */
  private addArea(
    kind: AreaKind,
    name: string,
    parent: AreaNode | null,
    point: Point | null,
    fields: Partial<AreaRow> = {},
  ): { id: number; path: string; depth: number; row: AreaRow } {
    const id = this.ids.area.take();
    const path = `${parent ? parent.path : '/'}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    const row: AreaRow = {
      id,
      kind,
      name,
      code: null,
      parent: parent ? parent.id : null,
      path,
      depth,
      gridKind: null,
      gridLevel: null,
      floorArea: null,
      ownerCount: null,
      management: null,
      manager: null,
      address: null,
      latitude: point ? point.latitude : null,
      longitude: point ? point.longitude : null,
      boundary: null,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      ...fields,
    };
    this.areas.push(row);
    return { id, path, depth, row };
  }

  /** An area with a box of its own inside its parent's, and a point in the middle of that box. */
  private addPlace(
    kind: AreaKind,
    name: string,
    parent: AreaNode | null,
    box: Box,
    fields: Partial<AreaRow> & { code?: string } = {},
    point: Point = pointIn(faker, box),
  ): AreaNode & { row: AreaRow } {
    // The demo's places are boxes that tile their parent; down to the grid, the box is the outline.
    const outline = OUTLINED.includes(kind) ? { boundary: ringOf(box) } : {};
    return { ...this.addArea(kind, name, parent, point, { ...outline, ...fields }), name, code: fields.code ?? null, box, point };
  }

  private generateAreas(): void {
    // Further districts sit in rows of ten, 0.4° (about 33 km) apart east to west and 0.3° north to south.
    const centre: Point = {
      latitude: round6(MEIHEKOU_CENTRE.latitude + 0.3 * Math.floor(this.index / 10)),
      longitude: round6(MEIHEKOU_CENTRE.longitude + 0.4 * (this.index % 10)),
    };
    const cityBox = boxAround(centre, CITY_SIDE_KM);
    this.district = this.addPlace('DISTRICT', this.name, null, cityBox, { code: this.code }, centre);

    const first = this.index === 0;
    const streetNames = first ? MEIHEKOU_STREETS : faker.helpers.arrayElements(STREET_NAMES, MEIHEKOU_STREETS.length);
    const communitiesPerStreet: readonly number[] = first
      ? FIGURES.communitiesPerStreet
      : faker.helpers.shuffle([...FIGURES.communitiesPerStreet]);
    const communityCount = communitiesPerStreet.reduce((a, b) => a + b, 0);
    const communityNames = first ? COMMUNITY_NAMES.slice(0, communityCount) : faker.helpers.arrayElements(COMMUNITY_NAMES, communityCount);

    const streetBoxes = splitBox(cityBox, streetNames.length);
    streetNames.forEach((streetName, i) => {
      const node = this.addPlace('STREET', streetName, this.district, streetBoxes[i], { code: `${this.code}${pad(i + 1, 3)}` });
      this.streets.push({ ...node, communities: [], workingCommitteeId: 0 });
    });

    let nextCommunity = 0;
    for (const [s, street] of this.streets.entries()) {
      const boxes = splitBox(street.box, communitiesPerStreet[s]);
      for (let c = 0; c < communitiesPerStreet[s]; c++) {
        const name = communityNames[nextCommunity++];
        const roads = faker.helpers.arrayElements(ROAD_NAMES, 3);
        const address = `${this.name}${roads[0]}${faker.number.int({ min: 1, max: 399 })}号`;
        const node = this.addPlace('COMMUNITY', name, street, boxes[c], {
          code: `${street.code}${pad(c + 1, 3)}`,
          address,
        });
        const community: CommunityNode = { ...node, street, roads, grids: [], stations: [], branchId: 0 };
        street.communities.push(community);
        this.communities.push(community);
      }
    }

    const gridCounts = splitTotal(FIGURES.grids, this.communities.length, FIGURES.gridsPerCommunity.min, FIGURES.gridsPerCommunity.max);
    for (const [c, community] of this.communities.entries()) {
      const boxes = splitBox(community.box, gridCounts[c]);
      for (let g = 0; g < gridCounts[c]; g++) {
        const kind = faker.helpers.weightedArrayElement<GridKind>([
          { weight: 70, value: 'GEOGRAPHIC' },
          { weight: 20, value: 'UNIT' },
          { weight: 10, value: 'SERVICE' },
        ]);
        const node = this.addPlace('GRID', `${community.name}第${g + 1}网格`, community, boxes[g], {
          code: `${community.code}${pad(g + 1, 3)}`,
          gridKind: kind,
          gridLevel: 1,
        });
        const grid: GridNode = { ...node, community, kind, compounds: [] };
        community.grids.push(grid);
        this.grids.push(grid);
      }
    }

    // 微网格: a few grids split into yards or single compounds.
    for (const grid of this.grids) {
      if (!chance(8)) continue;
      const count = faker.number.int({ min: 2, max: 4 });
      const boxes = splitBox(grid.box, count);
      for (let m = 0; m < count; m++) {
        this.addPlace('MICRO_GRID', `${grid.name}第${m + 1}微网格`, grid, boxes[m], {
          code: `${grid.code}${pad(m + 1, 2)}`,
          gridKind: grid.kind,
          gridLevel: 2,
        });
      }
    }

    this.generateCompounds();
  }

  private generateCompounds(): void {
    const perGrid = splitTotal(FIGURES.compounds, this.grids.length, 1, 3);
    const all = Array.from({ length: FIGURES.compounds }, (_, i) => i);
    const managed = new Set(faker.helpers.arrayElements(all, FIGURES.managedCompounds));
    const selfManaged = new Set(
      faker.helpers.arrayElements(
        all.filter((i) => !managed.has(i)),
        FIGURES.selfManagedCompounds,
      ),
    );
    const names = new Set<string>();
    let next = 0;
    for (const [g, grid] of this.grids.entries()) {
      const boxes = splitBox(grid.box, perGrid[g]);
      for (let k = 0; k < perGrid[g]; k++) {
        const i = next++;
        const isManaged = managed.has(i);
        const name = this.compoundName(names, isManaged);
        const address = `${this.name}${faker.helpers.arrayElement(grid.community.roads)}${faker.number.int({ min: 1, max: 399 })}号`;
        const node = this.addPlace('COMPOUND', name, grid, boxes[k], {
          code: `${grid.code}-${pad(k + 1, 2)}`,
          address,
          management: isManaged ? 'PROPERTY_COMPANY' : selfManaged.has(i) ? 'SELF_MANAGED' : 'UNMANAGED',
        });
        const compound: CompoundNode = { ...node, grid, managed: isManaged, address, buildings: [] };
        grid.compounds.push(compound);
        this.compounds.push(compound);
      }
    }

    const managedCompounds = this.compounds.filter((c) => c.managed);
    const otherCompounds = this.compounds.filter((c) => !c.managed);
    const managedBuildings = splitTotal(FIGURES.buildingsManaged, managedCompounds.length, 3, 8);
    const otherBuildings = splitTotal(FIGURES.buildingsOther, otherCompounds.length, 1, 3);
    const buildingCounts = new Map<CompoundNode, number>([
      ...managedCompounds.map((c, i) => [c, managedBuildings[i]] as const),
      ...otherCompounds.map((c, i) => [c, otherBuildings[i]] as const),
    ]);

    for (const compound of this.compounds) {
      const count = buildingCounts.get(compound) ?? 1;
      const boxes = splitBox(compound.box, count);
      for (let b = 0; b < count; b++) {
        const node = this.addPlace('BUILDING', `${b + 1}号楼`, compound, boxes[b], {
          address: `${compound.address}${b + 1}号楼`,
        });
        const building: BuildingNode = { ...node, compound, households: [] };
        compound.buildings.push(building);
        this.buildings.push(building);
      }
    }

    for (const building of this.buildings) this.generateHouseholds(building);
  }

  private compoundName(taken: Set<string>, managed: boolean): string {
    for (;;) {
      let name: string;
      if (!managed && chance(25)) {
        // The old work-unit housing: 粮食局小区, 纺织厂小区.
        name = `${faker.helpers.arrayElement(WORK_UNITS)}小区`;
      } else {
        const suffix = faker.helpers.weightedArrayElement([
          { weight: 55, value: '小区' },
          { weight: 30, value: '家园' },
          { weight: 15, value: '花园' },
        ]);
        name = `${faker.helpers.arrayElement(COMPOUND_STEMS)}${suffix}`;
      }
      if (taken.has(name)) {
        name += faker.helpers.arrayElement(['东区', '西区', '南区', '北区', '一期', '二期', '三期']);
      }
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  }

  /** Units (单元) of two flats per landing: 12 to 36 households a building, "2单元503室". */
  private generateHouseholds(building: BuildingNode): void {
    const units = faker.helpers.weightedArrayElement([
      { weight: 30, value: 1 },
      { weight: 45, value: 2 },
      { weight: 25, value: 3 },
    ]);
    const floors = faker.number.int({ min: Math.ceil(6 / units), max: Math.floor(18 / units) });
    for (let u = 1; u <= units; u++) {
      // The same flat on every floor has the same floor area.
      const areas = [1, 2].map(() => faker.number.float({ min: 45, max: 160, fractionDigits: 2 }));
      for (let floor = 1; floor <= floors; floor++) {
        for (let door = 1; door <= 2; door++) {
          const ownerCount = faker.helpers.weightedArrayElement([
            { weight: 55, value: 1 },
            { weight: 40, value: 2 },
            { weight: 5, value: 3 },
          ]);
          const household = this.addArea('HOUSEHOLD', `${u}单元${floor}${pad(door, 2)}室`, building, null, {
            floorArea: areas[door - 1],
            ownerCount,
          });
          building.households.push(household.id);
        }
      }
    }
  }

  /** The lowest area containing all of `nodes`: their community, street or the district. */
  private commonArea(nodes: readonly AreaNode[]): AreaNode {
    const candidates: AreaNode[] = [...this.communities, ...this.streets];
    const found = candidates.find((a) => nodes.every((n) => n.path.startsWith(a.path)));
    return found ?? this.district;
  }

  // ---------------------------------------------------------------- organisations

  private addOrganization(fields: Omit<OrganizationRow, 'id' | 'createdAt' | 'updatedAt'>): number {
    const id = this.ids.organization.take();
    this.organizations.push({
      id,
      area: null,
      parent: null,
      host: null,
      partyLevel: null,
      propertyCompanyKind: null,
      redHeart: false,
      ...fields,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    return id;
  }

  private generateOrganizations(): void {
    this.committeeId = this.addOrganization({
      kind: 'PARTY_ORGANIZATION',
      name: `中共${this.name}委员会`,
      area: this.district.id,
      partyLevel: 'COMMITTEE',
    });
    for (const street of this.streets) {
      street.workingCommitteeId = this.addOrganization({
        kind: 'PARTY_ORGANIZATION',
        name: `中共${this.name}${street.name}工作委员会`,
        area: street.id,
        parent: this.committeeId,
        partyLevel: 'WORKING_COMMITTEE',
      });
    }
    for (const community of this.communities) {
      community.branchId = this.addOrganization({
        kind: 'PARTY_ORGANIZATION',
        name: `中共${community.name}支部委员会`,
        area: community.id,
        parent: community.street.workingCommitteeId,
        partyLevel: 'BRANCH',
      });
    }
    // 联合党支部: the shops of a market grid, or the small firms of a block, share a branch.
    for (const grid of this.grids) {
      if (grid.kind !== 'SERVICE' && !chance(5)) continue;
      this.addOrganization({
        kind: 'PARTY_ORGANIZATION',
        name: `${grid.name}联合党支部`,
        area: grid.id,
        parent: grid.community.branchId,
        partyLevel: 'JOINT_BRANCH',
      });
    }
    for (const unit of UNIT_NAMES) {
      this.units.push(this.addOrganization({ kind: 'UNIT', name: `${this.name}${unit}`, area: this.district.id }));
    }

    const companies = this.generatePropertyCompanies();

    const socialOrganizations = SOCIAL_ORGANIZATION_NAMES.map((name) =>
      this.addOrganization({ kind: 'SOCIAL_ORGANIZATION', name: `${this.name}${name}`, area: this.district.id }),
    );
    const streetSocialOrganizations = this.streets.map((street) =>
      this.addOrganization({ kind: 'SOCIAL_ORGANIZATION', name: `${street.name}社会组织服务中心`, area: street.id }),
    );
    for (const community of this.communities) {
      const team = this.addOrganization({
        kind: 'VOLUNTEER_TEAM',
        name: `${community.name}志愿服务队`,
        area: community.id,
        parent: community.branchId,
      });
      this.volunteerTeams.set(community, team);
    }
    for (const name of MASS_ORGANIZATION_NAMES) {
      this.addOrganization({
        kind: 'MASS_ORGANIZATION',
        name: name(this.name),
        area: this.district.id,
        parent: this.committeeId,
      });
    }
    const enterpriseNames = new Set<string>();
    const enterprises: { id: number; community: CommunityNode }[] = [];
    while (enterprises.length < 10) {
      const name = `${this.name}${faker.helpers.arrayElement(BRAND_WORDS)}${faker.helpers.arrayElement(ENTERPRISE_TRADES)}有限公司`;
      const community = faker.helpers.arrayElement(this.communities);
      if (enterpriseNames.has(name)) continue;
      enterpriseNames.add(name);
      enterprises.push({ id: this.addOrganization({ kind: 'ENTERPRISE', name, area: community.id }), community });
    }
    const withCommittee = faker.helpers
      .arrayElements(
        this.compounds.filter((c) => c.managed),
        FIGURES.ownersCommittees,
      )
      .sort((a, b) => a.id - b.id);
    for (const compound of withCommittee) {
      const id = this.addOrganization({ kind: 'OWNERS_COMMITTEE', name: `${compound.name}业主委员会`, area: compound.id });
      this.organizationsInCompounds.add(id);
    }

    // 党建联盟: one per street, its working committee, its communities, units, companies and firms.
    for (const [s, street] of this.streets.entries()) {
      const allianceId = this.addOrganization({
        kind: 'ALLIANCE',
        name: `${street.name}党建联盟`,
        area: street.id,
        parent: street.workingCommitteeId,
      });
      const local = companies.filter((c) => c.area.path.startsWith(street.path)).map((c) => c.id);
      const members = [
        street.workingCommitteeId,
        ...street.communities.map((c) => c.branchId),
        ...faker.helpers.arrayElements(this.units, faker.number.int({ min: 4, max: 6 })),
        ...faker.helpers.arrayElements(local, Math.min(local.length, 4)),
        ...enterprises.filter((e) => e.community.street === street).map((e) => e.id),
        streetSocialOrganizations[s],
        faker.helpers.arrayElement(socialOrganizations),
      ];
      for (const member of members) {
        this.memberships.push({
          id: this.ids.allianceMembership.take(),
          alliance: allianceId,
          member,
          joinedOn: STARTS_ON,
        });
      }
    }
  }

  /**
   * 49 companies manage 99 compounds; each takes a run of neighbouring compounds. 34 host a party
   * branch, and some of those are 红心物业.
   */
  private generatePropertyCompanies(): { id: number; area: AreaNode }[] {
    const kinds = faker.helpers.shuffle(
      (Object.entries(FIGURES.propertyCompanies) as [PropertyCompanyKind, number][]).flatMap(([kind, n]) =>
        new Array<PropertyCompanyKind>(n).fill(kind),
      ),
    );
    const managed = this.compounds.filter((c) => c.managed);
    const full = kinds.filter((k) => k !== 'SELF_MANAGEMENT_COMMITTEE').length;
    const selfManagement = kinds.length - full;
    // A self-management committee (自管会) runs one compound; the companies share the rest.
    const fullCounts = splitTotal(managed.length - selfManagement, full, 1, 6);
    const stateWords = ['城投', '国投', '安居', '城建', '市政', '国资', '住房保障', '公用事业'];
    const brands = faker.helpers.arrayElements(BRAND_WORDS, FIGURES.propertyCompanies.MARKET);
    const marketHosts = new Set(
      faker.helpers.arrayElements(
        kinds.map((k, i) => (k === 'MARKET' ? i : -1)).filter((i) => i >= 0),
        FIGURES.companiesWithPartyOrganization - FIGURES.propertyCompanies.STATE_OWNED,
      ),
    );
    const companies: { id: number; area: AreaNode }[] = [];
    let nextCompound = 0;
    let nextFull = 0;
    let stateOwned = 0;
    let market = 0;
    for (const [i, kind] of kinds.entries()) {
      const count = kind === 'SELF_MANAGEMENT_COMMITTEE' ? 1 : fullCounts[nextFull++];
      const run = managed.slice(nextCompound, nextCompound + count);
      nextCompound += count;
      const name =
        kind === 'STATE_OWNED'
          ? `${this.name}${stateWords[stateOwned++]}物业管理有限公司`
          : kind === 'MARKET'
            ? `${this.name}${brands[market++]}物业服务有限公司`
            : `${run[0].name}自管会`;
      const area = this.commonArea(run.map((c) => c.grid.community));
      const hostsBranch = kind === 'STATE_OWNED' || marketHosts.has(i);
      const redHeart = hostsBranch && (kind === 'STATE_OWNED' || chance(45));
      const id = this.addOrganization({ kind: 'PROPERTY_COMPANY', name, area: area.id, propertyCompanyKind: kind, redHeart });
      for (const compound of run) compound.row.manager = id;
      if (hostsBranch) {
        const street = this.streets.find((s) => area.path.startsWith(s.path));
        this.addOrganization({
          kind: 'PARTY_ORGANIZATION',
          name: `${name}党支部`,
          area: area.id,
          parent: street ? street.workingCommitteeId : this.committeeId,
          host: id,
          partyLevel: 'BRANCH',
        });
      }
      companies.push({ id, area });
    }
    return companies;
  }

  // ---------------------------------------------------------------- stations

  /** A station per 3 to 4 neighbouring grids of one community; every grid is covered. */
  private generateStations(): void {
    const perCommunity = this.communities.map((c) => Math.ceil(c.grids.length / 4));
    let total = perCommunity.reduce((a, b) => a + b, 0);
    const order = faker.helpers.shuffle(this.communities.map((_, i) => i));
    while (total < FIGURES.stations) {
      let grew = false;
      for (const i of order) {
        if (total < FIGURES.stations && perCommunity[i] < Math.floor(this.communities[i].grids.length / 3)) {
          perCommunity[i] += 1;
          total += 1;
          grew = true;
        }
      }
      if (!grew) throw new RangeError(`cannot place ${FIGURES.stations} stations over these grids`);
    }
    if (total > FIGURES.stations) throw new RangeError(`${FIGURES.stations} stations cannot cover these grids`);

    const phones = new Set<string>();
    const serviceIds = SERVICE_CATALOGUE.map((s) => this.services.get(s.code) as number);
    const coreIds = CORE_SERVICE_CODES.map((code) => this.services.get(code) as number);
    const optionalIds = serviceIds.filter((id) => !coreIds.includes(id));

    for (const [c, community] of this.communities.entries()) {
      const count = perCommunity[c];
      const fours = community.grids.length - 3 * count;
      const sizes = faker.helpers.shuffle(Array.from({ length: count }, (_, k) => (k < fours ? 4 : 3)));
      let nextGrid = 0;
      for (let k = 0; k < count; k++) {
        const grids = community.grids.slice(nextGrid, nextGrid + sizes[k]);
        nextGrid += sizes[k];
        const id = this.ids.station.take();
        const name =
          k === 0
            ? `${community.name}党群服务中心`
            : chance(25)
              ? `${grids[0].compounds[0].name}邻里驿站`
              : `${community.name}第${chineseNumeral(k + 1)}党群服务站`;
        let phone: string;
        do phone = `${AREA_CODE}-4${faker.string.numeric(6)}`;
        while (phones.has(phone));
        phones.add(phone);
        const point = centroid(grids.map((g) => g.point));
        const row: StationRow = {
          id,
          name,
          address: `${this.name}${faker.helpers.arrayElement(community.roads)}${faker.number.int({ min: 1, max: 399 })}号`,
          latitude: point.latitude,
          longitude: point.longitude,
          area: community.id,
          phone,
          timeZone: TIME_ZONE,
          openingHours: openingHours(),
          responsibleUnit: null,
          createdAt: SEEDED_AT,
          updatedAt: SEEDED_AT,
        };
        const station: StationNode = { id, community, grids, row };
        community.stations.push(station);
        this.stations.push(station);
        this.stationRows.push(row);
        for (const grid of grids) this.stationGrids.push({ station: id, grid: grid.id });
        const offered = [
          ...coreIds,
          ...faker.helpers.arrayElements(optionalIds, faker.number.int({ min: 8, max: 20 }) - coreIds.length),
        ].sort((a, b) => a - b);
        for (const service of offered) this.stationServices.push({ station: id, service });
      }
    }
  }

  /** 包保: every community has a unit answering for it; the units take one or two stations too. */
  private generateResponsibilities(): void {
    const units = faker.helpers.shuffle([...this.units]);
    const stations = faker.helpers.shuffle([...this.stations]);
    const unitOfCommunity = new Map<CommunityNode, number>();
    const unitOfStation = new Map<StationNode, number>();
    let nextStation = 0;
    for (const [u, unit] of units.entries()) {
      const community = this.communities[u];
      if (community) {
        unitOfCommunity.set(community, unit);
        this.responsibilities.push({ id: this.ids.responsibility.take(), unit, area: community.id, station: null, since: STARTS_ON });
      }
      const stationCount = community ? (chance(50) ? 1 : 0) : faker.number.int({ min: 1, max: 2 });
      for (let k = 0; k < stationCount && nextStation < stations.length; k++) {
        const station = stations[nextStation++];
        unitOfStation.set(station, unit);
        this.responsibilities.push({ id: this.ids.responsibility.take(), unit, area: null, station: station.id, since: STARTS_ON });
      }
    }
    for (const station of this.stations) {
      station.row.responsibleUnit = unitOfStation.get(station) ?? unitOfCommunity.get(station.community) ?? null;
    }
  }

  // ---------------------------------------------------------------- people

  /**
   * About eleven wishes a community (200 a district), for owners of the community, posted by
   * themselves or by a grid worker, claimed by the community's party members. Drawn after
   * everything else, so adding them left the other rows as they were.
   */
  private generateWishes(): void {
    const day = seedingDay();
    const pathOf = new Map(this.areas.map((a) => [a.id as number, a.path as string]));
    const byCommunity = (role: RoleKind) => {
      const found = new Map<number, number[]>();
      for (const r of this.roles) {
        if (r.role !== role) continue;
        const community = Number((pathOf.get(r.area as number) ?? '').split('/')[3]);
        found.set(community, [...(found.get(community) ?? []), r.person as number]);
      }
      return found;
    };
    const owners = byCommunity('OWNER');
    const workers = byCommunity('GRID_WORKER');
    const claimers = new Map<number, number[]>();
    const unitOf = new Map<number, number>();
    for (const r of this.roles) {
      if (r.role === 'IN_SERVICE_PARTY_MEMBER' && r.organization != null) unitOf.set(r.person as number, r.organization as number);
      if (r.role === 'PARTY_MEMBER' || r.role === 'IN_SERVICE_PARTY_MEMBER') {
        claimers.set(r.area as number, [...(claimers.get(r.area as number) ?? []), r.person as number]);
      }
    }
    for (const community of this.communities) {
      const pool = owners.get(community.id) ?? [];
      const party = claimers.get(community.id) ?? [];
      if (!pool.length || !party.length) continue;
      const count = faker.number.int({ min: 8, max: 14 });
      for (let i = 0; i < count; i++) {
        const draft = draftWish(faker, day);
        const beneficiary = faker.helpers.arrayElement(pool);
        const grid = faker.helpers.arrayElement(community.grids);
        const byWorker = chance(50) ? faker.helpers.arrayElement(workers.get(community.id) ?? [beneficiary]) : beneficiary;
        const posted = new Date(day.getTime() - draft.postedDaysAgo * 86_400_000);
        const id = this.ids.wish.take();
        const claimer = draft.claimed ? faker.helpers.arrayElement(party) : null;
        this.wishes.push({
          id,
          title: draft.title,
          story: draft.story,
          category: draft.category,
          beneficiaryKind: draft.beneficiaryKind,
          beneficiary,
          postedBy: byWorker,
          community: community.id,
          grid: grid.id,
          estimatedCost: draft.estimatedCost,
          wantedBy: draft.wantedBy,
          photoUrls: [],
          state: draft.state,
          openedAt: draft.openedAt,
          claimer,
          // Every other claim of an in-service party member is made for their unit (单位认领).
          claimedFor: claimer != null && id % 2 === 0 ? (unitOf.get(claimer) ?? null) : null,
          claimedAt: draft.claimedAt,
          claimDeadline: draft.claimDeadline,
          fulfilmentNote: draft.fulfilmentNote,
          fulfilledAt: draft.fulfilledAt,
          confirmedAt: draft.confirmedAt,
          reviewNote: draft.state === 'REJECTED' ? '请与社区联系核实情况。' : null,
          createdAt: posted,
          updatedAt: draft.confirmedAt ?? draft.fulfilledAt ?? draft.claimedAt ?? draft.openedAt ?? posted,
        });
      }
    }
  }

  private addPerson(minAge: number, maxAge: number, femaleShare = 0.5): number {
    const id = this.ids.person.take();
    this.persons.push({ id, ...this.identities.next(minAge, maxAge, femaleShare), createdAt: SEEDED_AT, updatedAt: SEEDED_AT });
    return id;
  }

  private addRole(person: number, role: RoleKind, area: AreaNode | number, organization: number | null = null): void {
    this.roles.push({
      id: this.ids.roleAssignment.take(),
      person,
      role,
      area: typeof area === 'number' ? area : area.id,
      organization,
      startsOn: STARTS_ON,
      endsOn: null,
    });
  }

  private addStaff(station: StationNode, person: number, post: StaffPost): void {
    this.stationStaff.push({ id: this.ids.stationStaff.take(), station: station.id, person, post });
  }

  /**
   * Owners' votes in the first compound with every owner on record (seed/votes.ts). Drawn after
   * everything else, so adding them left the other rows as they were.
   */
  private generateVotes(): void {
    const compound = this.registeredCompounds[0];
    if (!compound) return;
    const community = compound.grid.community;
    const households = new Set(compound.buildings.flatMap((b) => b.households));
    const floorAreas = new Map(
      this.areas.filter((a) => households.has(a.id as number)).map((a) => [a.id as number, Number(a.floorArea ?? 0)]),
    );
    const owners = new Map<number, number>();
    let staff = 0;
    for (const r of this.roles) {
      if (r.role === 'OWNER' && households.has(r.area as number) && !owners.has(r.area as number))
        owners.set(r.area as number, r.person as number);
      if (!staff && r.role === 'COMMUNITY_COMMITTEE_MEMBER' && r.area === community.id) staff = r.person as number;
    }
    this.votes = draftVotes(
      faker,
      seedingDay(),
      {
        id: compound.id,
        name: compound.name,
        households: [...households]
          .filter((h) => owners.has(h) && (floorAreas.get(h) ?? 0) > 0)
          .map((h) => ({ id: h, floorArea: floorAreas.get(h) as number, owner: owners.get(h) as number })),
        staff,
      },
      { proposal: () => this.ids.proposal.take(), ballot: () => this.ids.ballot.take(), notice: () => this.ids.notice.take() },
    );
  }

  private generatePeople(): void {
    const partyMembers: { person: number; community: CommunityNode }[] = [];
    const gridHeads = new Map<GridNode, number>();
    const police = new Map<GridNode, number>();
    const socialWorkers = new Map<CommunityNode, number[]>();
    const owners = new Map<CommunityNode, number[]>(this.communities.map((c) => [c, []]));

    for (const community of this.communities) {
      const secretary = this.addPerson(30, 50, 0.35);
      this.addRole(secretary, 'FIRST_SECRETARY', community);
      partyMembers.push({ person: secretary, community });
      const committee = faker.number.int({ min: 5, max: 7 });
      for (let i = 0; i < committee; i++) {
        const member = this.addPerson(28, 60, 0.6);
        this.addRole(member, 'COMMUNITY_COMMITTEE_MEMBER', community);
        if (chance(80)) partyMembers.push({ person: member, community });
      }
      const workers: number[] = [];
      for (let i = faker.number.int({ min: 2, max: 4 }); i > 0; i--) {
        const worker = this.addPerson(23, 45, 0.7);
        this.addRole(worker, 'SOCIAL_WORKER', community);
        workers.push(worker);
      }
      socialWorkers.set(community, workers);
      for (let i = faker.number.int({ min: 2, max: 3 }); i > 0; i--) {
        this.addRole(this.addPerson(40, 68, 0.45), 'MEDIATOR', community);
      }
      for (let i = faker.number.int({ min: 20, max: 40 }); i > 0; i--) {
        this.addRole(this.addPerson(18, 70, 0.6), 'VOLUNTEER', community, this.volunteerTeams.get(community) ?? null);
      }
      for (const [g, grid] of community.grids.entries()) {
        this.addRole(this.addPerson(24, 45, 0.65), 'GRID_WORKER', grid);
        const head = this.addPerson(32, 58, 0.5);
        this.addRole(head, 'GRID_HEAD', grid);
        gridHeads.set(grid, head);
        if (chance(70)) partyMembers.push({ person: head, community });
        // A grid police officer (网格民警) per three grids of the community.
        if (g % 3 === 0) {
          const officer = this.addPerson(25, 50, 0.15);
          for (const covered of community.grids.slice(g, g + 3)) {
            this.addRole(officer, 'GRID_POLICE_OFFICER', covered);
            police.set(covered, officer);
          }
        }
      }
      for (const station of community.stations) {
        const head = this.addPerson(30, 55, 0.55);
        this.addRole(head, 'STATION_HEAD', community);
        partyMembers.push({ person: head, community });
        this.addStaff(station, head, 'HEAD');
        this.addStaff(station, police.get(station.grids[0]) as number, 'POLICE_OFFICER');
        for (const grid of station.grids) this.addStaff(station, gridHeads.get(grid) as number, 'GRID_HEAD');
        if (chance(40)) this.addStaff(station, faker.helpers.arrayElement(workers), 'SOCIAL_WORKER');
      }
    }

    // Owners on record: every household of a sample of compounds, so owners' votes have a roll.
    const registered = new Set<CompoundNode>();
    let registeredHouseholds = 0;
    for (const compound of faker.helpers.shuffle([...this.compounds])) {
      if (registeredHouseholds >= FIGURES.registeredHouseholds) break;
      registered.add(compound);
      this.registeredCompounds.push(compound);
      for (const b of compound.buildings) registeredHouseholds += b.households.length;
    }
    for (const building of this.buildings) {
      const community = building.compound.grid.community;
      const head = this.addPerson(40, 72, 0.5);
      this.addRole(head, 'BUILDING_HEAD', building);
      if (chance(35)) partyMembers.push({ person: head, community });
      // The building head (楼长) lives in the building.
      const home = faker.number.int({ min: 0, max: building.households.length - 1 });
      const pool = owners.get(community) as number[];
      if (registered.has(building.compound)) {
        for (const [h, household] of building.households.entries()) {
          const owner = h === home ? head : this.addPerson(25, 85, 0.5);
          this.addRole(owner, 'OWNER', household);
          if (owner !== head) pool.push(owner);
        }
      } else {
        this.addRole(head, 'OWNER', building.households[home]);
      }
    }

    // 在职党员双报到: registered with their home community; many own a flat there.
    const inService = splitProportionally(
      FIGURES.inServicePartyMembers,
      this.communities.map((c) => c.grids.length),
    );
    for (const [c, community] of this.communities.entries()) {
      const pool = owners.get(community) as number[];
      const residents = faker.helpers.arrayElements(pool, Math.min(pool.length, Math.round(inService[c] * 0.4)));
      // Each reports from a unit of the district (its id picked from theirs, so no draw changes).
      const unitOf = (person: number) => this.units[person % this.units.length] ?? null;
      for (const person of residents) this.addRole(person, 'IN_SERVICE_PARTY_MEMBER', community, unitOf(person));
      for (let i = residents.length; i < inService[c]; i++) {
        const person = this.addPerson(24, 58, 0.45);
        this.addRole(person, 'IN_SERVICE_PARTY_MEMBER', community, unitOf(person));
      }
      const inServiceSet = new Set(residents);
      for (const owner of pool) {
        if (!inServiceSet.has(owner) && chance(6)) partyMembers.push({ person: owner, community });
      }
    }
    for (const { person, community } of partyMembers) this.addRole(person, 'PARTY_MEMBER', community);
    // Drawn last, so the people above stay as they were before these roles existed.
    this.addRole(this.addPerson(35, 55, 0.4), 'ADMINISTRATOR', this.district);
    this.addRole(this.addPerson(35, 55, 0.5), 'AUDITOR', this.district);
    for (const street of this.streets) this.addRole(this.addPerson(30, 55, 0.4), 'ADMINISTRATOR', street);
  }
}

/** Midnight in China of the day the demo is seeded: wishes' dates count from it (seed/wishes.ts). */
function seedingDay(): Date {
  return new Date(`${today()}T00:00:00+08:00`);
}

/** Most stations keep office hours on weekdays; some open on Saturday, a few at weekends. */
const OUTLINED: readonly AreaKind[] = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID'];

function ringOf(box: Box): [number, number][] {
  return [
    [box.south, box.west],
    [box.south, box.east],
    [box.north, box.east],
    [box.north, box.west],
  ].map(([lat, lon]) => [round6(lat), round6(lon)] as [number, number]);
}

function openingHours(): OpeningWindow[] {
  const [opens, closes] = faker.helpers.weightedArrayElement([
    { weight: 70, value: ['08:30', '17:30'] },
    { weight: 20, value: ['08:00', '17:00'] },
    { weight: 10, value: ['09:00', '18:00'] },
  ]);
  const windows: OpeningWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));
  const weekend = faker.number.int({ min: 0, max: 99 });
  if (weekend < 25) windows.push({ weekday: 6, opens: '09:00', closes: '16:00' });
  else if (weekend < 40) {
    windows.push({ weekday: 6, opens: '09:00', closes: '12:00' }, { weekday: 7, opens: '09:00', closes: '12:00' });
  }
  return windows;
}
