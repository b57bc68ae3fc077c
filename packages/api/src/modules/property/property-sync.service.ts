import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { parseGlobalId, toGlobalId } from '../../graphql/global-id.js';
import { forgettingAreas } from '../areas/area.service.js';
import { type Actor, type Change, changedFields, recordChanges } from '../audit/audit.service.js';
import { PROPERTY_TICKET_STATES, type PropertyRecordKind } from './property.entity.js';

/** The most records one call may carry, over all kinds. */
export const MAX_BATCH = 1_000;

export const SYNC_STATUSES = ['CREATED', 'UPDATED', 'UNCHANGED', 'FAILED'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export interface RecordError {
  code: string;
  /** Path into the arguments: `["input", "households", "3", "floorArea"]`. */
  field: string[];
  message: string;
}

/** What became of one record. JSON-plain: it is also what a repeated call gets back. */
export interface RecordResult {
  kind: PropertyRecordKind;
  index: number;
  externalId: string;
  status: SyncStatus;
  /** Our global ID of the record (an Area, a RoleAssignment, …); null when it failed. */
  id: string | null;
  error: RecordError | null;
}

export interface SyncResult {
  results: RecordResult[];
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

// ---- What a company sends (validated here, at the edge, record by record) ----

const externalId = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const address = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters').nullish();
const isoDate = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
const money = z
  .number()
  .min(0, 'must not be negative')
  .max(9_999_999_999, 'is too large')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'has at most two decimals (fen)');

export const CompoundRecordSchema = z
  .object({
    externalId,
    /** Our ID of the compound; needed the first time, to link the company's id to it. */
    compound: z.string().nullish(),
    address,
    latitude: z.number().min(-90).max(90).nullish(),
    longitude: z.number().min(-180).max(180).nullish(),
  })
  .refine((r) => (r.latitude == null) === (r.longitude == null), { path: ['latitude'], message: 'give latitude and longitude together' });

export const BuildingRecordSchema = z.object({
  externalId,
  compound: externalId,
  /** Our ID of a building already in the tree, to adopt it instead of creating one. */
  id: z.string().nullish(),
  name,
  address,
});

export const HouseholdRecordSchema = z.object({
  externalId,
  building: externalId,
  id: z.string().nullish(),
  name,
  floorArea: z.number().gt(0, 'must be more than 0 m²').lt(100_000, 'must be less than 100,000 m²').nullish(),
  ownerCount: z.number().int('must be a whole number').min(0).max(100).nullish(),
});

export const StaffRecordSchema = z
  .object({
    externalId,
    compound: externalId,
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{4,30}$/, 'must be a phone number')
      .nullish(),
    startsOn: isoDate,
    endsOn: isoDate.nullish(),
  })
  .refine((r) => r.endsOn == null || r.endsOn >= r.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });

export const FeeRecordSchema = z.object({
  externalId,
  household: externalId,
  period: z.string().regex(/^20[0-9]{2}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM'),
  amountDue: money,
  amountPaid: money,
  paidOn: isoDate.nullish(),
});

export const TicketRecordSchema = z
  .object({
    externalId,
    compound: externalId,
    /** The household it concerns, if one. */
    household: externalId.nullish(),
    category: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a code of 1 to 64 letters, digits, _ . or -'),
    state: z.enum(PROPERTY_TICKET_STATES),
    openedAt: z.date(),
    resolvedAt: z.date().nullish(),
    rating: z.number().int('must be a whole number').min(1).max(5).nullish(),
  })
  .refine((r) => r.resolvedAt == null || r.resolvedAt >= r.openedAt, { path: ['resolvedAt'], message: 'must not be before openedAt' });

export type CompoundRecord = z.input<typeof CompoundRecordSchema>;
export type BuildingRecord = z.input<typeof BuildingRecordSchema>;
export type HouseholdRecord = z.input<typeof HouseholdRecordSchema>;
export type StaffRecord = z.input<typeof StaffRecordSchema>;
export type FeeRecord = z.input<typeof FeeRecordSchema>;
export type TicketRecord = z.input<typeof TicketRecordSchema>;

export interface SyncInput {
  compounds?: CompoundRecord[] | null;
  buildings?: BuildingRecord[] | null;
  households?: HouseholdRecord[] | null;
  staff?: StaffRecord[] | null;
  fees?: FeeRecord[] | null;
  tickets?: TicketRecord[] | null;
}

/** The input field of each kind, in the order kinds are written: later kinds refer to earlier ones. */
const FIELDS = [
  ['COMPOUND', 'compounds'],
  ['BUILDING', 'buildings'],
  ['HOUSEHOLD', 'households'],
  ['STAFF', 'staff'],
  ['FEE', 'fees'],
  ['TICKET', 'tickets'],
] as const satisfies readonly (readonly [PropertyRecordKind, keyof SyncInput])[];

export function countRecords(input: SyncInput): number {
  return FIELDS.reduce((n, [, field]) => n + (input[field]?.length ?? 0), 0);
}

// ---- The work ----

interface AreaRow {
  id: number;
  kind: string;
  parent_id: number | null;
  manager_id: number | null;
  path: string;
  depth: number;
  name: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  floor_area: string | number | null;
  owner_count: number | null;
}

type RefKind = 'COMPOUND' | 'BUILDING' | 'HOUSEHOLD' | 'STAFF';

class Problem extends Error {
  constructor(
    readonly code: string,
    readonly field: string[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * One call's batch, written in the caller's transaction: every record is checked first, the good
 * ones are written with a few set-based statements per kind, and each gets its own result.
 */
class Batch {
  readonly results: RecordResult[] = [];
  private readonly refs = new Map<RefKind, Map<string, number>>();
  private readonly areas = new Map<number, AreaRow>();
  private managed: AreaRow[] = [];
  private readonly audit: Change[] = [];

  constructor(
    private readonly tx: EntityManager,
    private readonly company: number,
  ) {}

  async run(input: SyncInput, actor: Actor): Promise<SyncResult> {
    this.managed = await this.tx.execute<AreaRow[]>(
      `select * from area where kind = 'COMPOUND' and manager_id = ? and management = 'PROPERTY_COMPANY'`,
      [this.company],
    );
    for (const row of this.managed) this.areas.set(row.id, row);
    await this.loadRefs(input);
    await this.compounds(input.compounds ?? []);
    await this.areaRecords('BUILDING', 'buildings', input.buildings ?? []);
    await this.areaRecords('HOUSEHOLD', 'households', input.households ?? []);
    await this.staff(input.staff ?? []);
    await this.fees(input.fees ?? []);
    await this.tickets(input.tickets ?? []);
    await recordChanges(this.tx, actor, this.audit);
    this.results.sort((a, b) => FIELD_ORDER[a.kind] - FIELD_ORDER[b.kind] || a.index - b.index);
    const count = (status: SyncStatus) => this.results.filter((r) => r.status === status).length;
    return {
      results: this.results,
      created: count('CREATED'),
      updated: count('UPDATED'),
      unchanged: count('UNCHANGED'),
      failed: count('FAILED'),
    };
  }

  /** The company's ids the batch names, and the areas they point at: two statements in all. */
  private async loadRefs(input: SyncInput): Promise<void> {
    const named: Record<RefKind, Set<string>> = { COMPOUND: new Set(), BUILDING: new Set(), HOUSEHOLD: new Set(), STAFF: new Set() };
    const add = (kind: RefKind, id: unknown) => typeof id === 'string' && named[kind].add(id.trim());
    for (const r of input.compounds ?? []) add('COMPOUND', r.externalId);
    for (const r of input.buildings ?? []) {
      add('BUILDING', r.externalId);
      add('COMPOUND', r.compound);
    }
    for (const r of input.households ?? []) {
      add('HOUSEHOLD', r.externalId);
      add('BUILDING', r.building);
    }
    for (const r of input.staff ?? []) {
      add('STAFF', r.externalId);
      add('COMPOUND', r.compound);
    }
    for (const r of input.fees ?? []) add('HOUSEHOLD', r.household);
    for (const r of input.tickets ?? []) {
      add('COMPOUND', r.compound);
      add('HOUSEHOLD', r.household);
    }
    for (const kind of Object.keys(named) as RefKind[]) this.refs.set(kind, new Map());
    const wanted = Object.entries(named).flatMap(([kind, ids]) => [...ids].map((id) => ({ kind, external_id: id })));
    if (!wanted.length) return;
    const rows = await this.tx.execute<{ kind: RefKind; external_id: string; target_id: number }[]>(
      `select r.kind, r.external_id, r.target_id from property_external_ref r
       join jsonb_to_recordset(?::jsonb) as w(kind text, external_id text) on w.kind = r.kind and w.external_id = r.external_id
       where r.company_id = ?`,
      [JSON.stringify(wanted), this.company],
    );
    for (const row of rows) this.refs.get(row.kind)?.set(row.external_id, row.target_id);
    const areaIds = rows.filter((r) => r.kind !== 'STAFF').map((r) => r.target_id);
    await this.loadAreas(areaIds);
  }

  private async loadAreas(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.areas.has(id));
    if (!missing.length) return;
    const rows = await this.tx.execute<AreaRow[]>('select * from area where id = any(?::int[])', [`{${missing.join(',')}}`]);
    for (const row of rows) this.areas.set(row.id, row);
  }

  /** The managed compound an area lies in, or null when the company does not manage it (now). */
  private compoundOf(area: AreaRow | undefined): AreaRow | null {
    if (!area) return null;
    return this.managed.find((c) => area.path.startsWith(c.path)) ?? null;
  }

  /** A reference by the company's own id to an area of `kind` in a compound it manages. */
  private areaByRef(kind: 'COMPOUND' | 'BUILDING' | 'HOUSEHOLD', ref: string, field: string[]): AreaRow {
    const id = this.refs.get(kind)?.get(ref);
    const area = id === undefined ? undefined : this.areas.get(id);
    if (!area) throw new Problem('NOT_FOUND', field, `No ${kind.toLowerCase()} has your id ${ref}`);
    if (!this.compoundOf(area))
      throw new Problem('NOT_MANAGED', field, `Your ${kind.toLowerCase()} ${ref} is not in a compound you manage`);
    return area;
  }

  private parse<T>(schema: z.ZodType<T>, record: unknown, field: string[]): T {
    const parsed = schema.safeParse(record);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    throw new Problem(missing ? 'REQUIRED' : 'INVALID', [...field, ...issue.path.map(String)], missing ? 'is required' : issue.message);
  }

  private fail(kind: PropertyRecordKind, index: number, record: { externalId?: unknown }, problem: Problem): void {
    this.results.push({
      kind,
      index,
      externalId: String(record.externalId ?? ''),
      status: 'FAILED',
      id: null,
      error: { code: problem.code, field: problem.field, message: problem.message },
    });
  }

  private ok(kind: PropertyRecordKind, index: number, ext: string, status: SyncStatus, id: string): void {
    this.results.push({ kind, index, externalId: ext, status, id, error: null });
  }

  /** Checks each record with `check`; a record whose external id repeats an earlier one in the batch fails. */
  private checkAll<R extends { externalId?: unknown }, T>(
    kind: PropertyRecordKind,
    field: string,
    records: readonly R[],
    check: (record: R, at: string[]) => T,
  ): { index: number; value: T; ext: string }[] {
    const seen = new Set<string>();
    const good: { index: number; value: T; ext: string }[] = [];
    records.forEach((record, index) => {
      const at = ['input', field, String(index)];
      try {
        const ext = typeof record.externalId === 'string' ? record.externalId.trim() : '';
        if (seen.has(ext)) throw new Problem('DUPLICATE', [...at, 'externalId'], `externalId ${ext} appears twice in this call`);
        const value = check(record, at);
        seen.add(ext);
        good.push({ index, value, ext });
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        this.fail(kind, index, record, error);
      }
    });
    return good;
  }

  private async linkRefs(kind: RefKind, links: { ext: string; target: number }[]): Promise<void> {
    if (!links.length) return;
    await this.tx.execute(
      `insert into property_external_ref (company_id, kind, external_id, target_id, created_at)
       select ?, ?, l.ext, l.target, now() from jsonb_to_recordset(?::jsonb) as l(ext text, target int)`,
      [this.company, kind, JSON.stringify(links)],
    );
    for (const link of links) this.refs.get(kind)?.set(link.ext, link.target);
  }

  private async compounds(records: readonly CompoundRecord[]): Promise<void> {
    const links: { ext: string; target: number }[] = [];
    const updates: { area: AreaRow; after: Partial<AreaRow>; index: number; ext: string; created: boolean }[] = [];
    const checked = this.checkAll('COMPOUND', 'compounds', records, (record, at) => {
      const r = this.parse(CompoundRecordSchema, record, at);
      const linked = this.refs.get('COMPOUND')?.get(r.externalId);
      let target = linked;
      if (r.compound != null) {
        const parsed = parseGlobalId(r.compound);
        const area = parsed?.type === 'Area' ? this.areas.get(parsed.id) : undefined;
        if (!area || !this.managed.includes(area)) {
          throw new Problem('NOT_MANAGED', [...at, 'compound'], 'That is not a compound your company manages');
        }
        if (linked !== undefined && linked !== area.id) {
          throw new Problem('CONFLICT', [...at, 'compound'], `Your id ${r.externalId} is linked to another compound already`);
        }
        target = area.id;
      }
      if (target === undefined)
        throw new Problem('REQUIRED', [...at, 'compound'], 'Name our compound ID the first time you send this compound');
      const area = this.areas.get(target);
      if (!area || !this.managed.includes(area)) {
        throw new Problem('NOT_MANAGED', [...at, 'externalId'], `Your compound ${r.externalId} is not one your company manages now`);
      }
      return { r, area, created: linked === undefined };
    });
    for (const { index, ext, value } of checked) {
      const { r, area, created } = value;
      if (created) links.push({ ext, target: area.id });
      const after: Partial<AreaRow> = {};
      if (r.address !== undefined && r.address !== area.address) after.address = r.address ?? null;
      if (r.latitude != null && (r.latitude !== area.latitude || r.longitude !== area.longitude)) {
        after.latitude = r.latitude;
        after.longitude = r.longitude ?? null;
      }
      updates.push({ area, after, index, ext, created });
    }
    await this.linkRefs('COMPOUND', links);
    await this.updateAreas(updates.filter((u) => Object.keys(u.after).length));
    for (const u of updates) {
      const status = u.created ? 'CREATED' : Object.keys(u.after).length ? 'UPDATED' : 'UNCHANGED';
      this.ok('COMPOUND', u.index, u.ext, status, toGlobalId('Area', u.area.id));
    }
  }

  /** Buildings under compounds, households under buildings: the same steps one level apart. */
  private async areaRecords(
    kind: 'BUILDING' | 'HOUSEHOLD',
    field: 'buildings' | 'households',
    records: readonly (BuildingRecord | HouseholdRecord)[],
  ) {
    const parentKind = kind === 'BUILDING' ? 'COMPOUND' : 'BUILDING';
    const schema = kind === 'BUILDING' ? BuildingRecordSchema : HouseholdRecordSchema;
    // Areas to adopt by our id are read first, in one statement.
    const adopt = records.flatMap((r) => {
      const parsed = typeof r.id === 'string' ? parseGlobalId(r.id) : null;
      return parsed?.type === 'Area' ? [parsed.id] : [];
    });
    await this.loadAreas(adopt);
    const creates: { index: number; ext: string; parent: AreaRow; values: Partial<AreaRow> }[] = [];
    const updates: { area: AreaRow; after: Partial<AreaRow>; index: number; ext: string; created: boolean }[] = [];
    const links: { ext: string; target: number }[] = [];
    const checked = this.checkAll(kind, field, records, (record, at) => {
      const r = this.parse(schema as unknown as z.ZodType<BuildingRecord & HouseholdRecord>, record, at);
      const parentRef = kind === 'BUILDING' ? r.compound : r.building;
      const parent = this.areaByRef(parentKind, parentRef, [...at, kind === 'BUILDING' ? 'compound' : 'building']);
      const values: Partial<AreaRow> =
        kind === 'BUILDING'
          ? { name: r.name, ...(r.address !== undefined ? { address: r.address ?? null } : {}) }
          : {
              name: r.name,
              ...(r.floorArea !== undefined ? { floor_area: r.floorArea ?? null } : {}),
              ...(r.ownerCount !== undefined ? { owner_count: r.ownerCount ?? null } : {}),
            };
      const linkedId = this.refs.get(kind)?.get(r.externalId);
      let existing = linkedId === undefined ? undefined : this.areas.get(linkedId);
      if (r.id != null) {
        const parsed = parseGlobalId(r.id);
        const area = parsed?.type === 'Area' ? this.areas.get(parsed.id) : undefined;
        if (!area || area.kind !== kind || !this.compoundOf(area)) {
          throw new Problem('NOT_MANAGED', [...at, 'id'], `That is not a ${kind.toLowerCase()} in a compound your company manages`);
        }
        if (existing && existing.id !== area.id) {
          throw new Problem('CONFLICT', [...at, 'id'], `Your id ${r.externalId} is linked to another ${kind.toLowerCase()} already`);
        }
        if (!existing) links.push({ ext: r.externalId, target: area.id });
        existing = area;
      }
      if (existing && existing.parent_id !== parent.id) {
        throw new Problem(
          'NOT_ALLOWED_HERE',
          at,
          `A ${kind.toLowerCase()} stays where it is; it cannot move under another ${parentKind.toLowerCase()}`,
        );
      }
      return { existing, parent, values, adopted: r.id != null && linkedId === undefined };
    });
    for (const { index, ext, value } of checked) {
      const { existing, parent, values, adopted } = value;
      if (!existing) {
        creates.push({ index, ext, parent, values });
        continue;
      }
      const after: Partial<AreaRow> = {};
      for (const [key, v] of Object.entries(values) as [keyof AreaRow, never][]) {
        const now = key === 'floor_area' && existing.floor_area != null ? Number(existing.floor_area) : existing[key];
        if (now !== v) (after as Record<string, unknown>)[key] = v;
      }
      updates.push({ area: existing, after, index, ext, created: adopted });
    }
    await this.createAreas(kind, creates);
    await this.linkRefs(kind, links);
    await this.updateAreas(updates.filter((u) => Object.keys(u.after).length));
    for (const u of updates) {
      const status = u.created ? 'CREATED' : Object.keys(u.after).length ? 'UPDATED' : 'UNCHANGED';
      this.ok(kind, u.index, u.ext, status, toGlobalId('Area', u.area.id));
    }
  }

  private async createAreas(
    kind: 'BUILDING' | 'HOUSEHOLD',
    creates: { index: number; ext: string; parent: AreaRow; values: Partial<AreaRow> }[],
  ) {
    if (!creates.length) return;
    const ids = await this.tx.execute<{ id: number }[]>(
      `select nextval(pg_get_serial_sequence('area', 'id'))::int as id from generate_series(1, ?)`,
      [creates.length],
    );
    const rows = creates.map((c, i) => {
      const id = ids[i].id;
      return {
        id,
        kind,
        name: c.values.name,
        parent_id: c.parent.id,
        path: `${c.parent.path}${id}/`,
        depth: c.parent.depth + 1,
        address: c.values.address ?? null,
        floor_area: c.values.floor_area ?? null,
        owner_count: c.values.owner_count ?? null,
      };
    });
    await this.tx.execute(
      `insert into area (id, kind, name, parent_id, path, depth, address, floor_area, owner_count, created_at, updated_at)
       select id, kind, name, parent_id, path, depth, address, floor_area, owner_count, now(), now()
       from jsonb_to_recordset(?::jsonb) as r(id int, kind text, name text, parent_id int, path text, depth int, address text, floor_area numeric, owner_count int)`,
      [JSON.stringify(rows)],
    );
    await this.linkRefs(
      kind,
      creates.map((c, i) => ({ ext: c.ext, target: rows[i].id })),
    );
    creates.forEach((c, i) => {
      const row = { ...rows[i], manager_id: null, latitude: null, longitude: null } as AreaRow;
      this.areas.set(row.id, row);
      this.ok(kind, c.index, c.ext, 'CREATED', toGlobalId('Area', row.id));
      this.audit.push({
        action: 'area.create',
        objectType: 'Area',
        objectId: row.id,
        areaPath: row.path,
        ...changedFields(null, {
          kind,
          name: row.name,
          parent: row.parent_id,
          address: row.address,
          floorArea: row.floor_area,
          ownerCount: row.owner_count,
        }),
      });
    });
  }

  /** `n` fresh ids of a table's serial sequence, in one statement. */
  private nextIds(table: 'area' | 'person' | 'role_assignment', n: number): Promise<{ id: number }[]> {
    return this.tx.execute<{ id: number }[]>(
      `select nextval(pg_get_serial_sequence('${table}', 'id'))::int as id from generate_series(1, ?)`,
      [n],
    );
  }

  private async updateAreas(updates: { area: AreaRow; after: Partial<AreaRow> }[]): Promise<void> {
    if (!updates.length) return;
    const rows = updates.map(({ area, after }) => ({ ...area, ...after }));
    await this.tx.execute(
      `update area set name = r.name, address = r.address, latitude = r.latitude, longitude = r.longitude,
         floor_area = r.floor_area, owner_count = r.owner_count, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as r(id int, name text, address text, latitude float8, longitude float8, floor_area numeric, owner_count int)
       where area.id = r.id`,
      [JSON.stringify(rows)],
    );
    for (const { area, after } of updates) {
      const before = Object.fromEntries(Object.keys(after).map((k) => [k, area[k as keyof AreaRow]]));
      Object.assign(area, after);
      this.audit.push({
        action: 'area.update',
        objectType: 'Area',
        objectId: area.id,
        areaPath: area.path,
        ...changedFields(camel(before), camel(after as Record<string, unknown>)),
      });
    }
  }

  private async staff(records: readonly StaffRecord[]): Promise<void> {
    const ids = [...(this.refs.get('STAFF')?.values() ?? [])];
    const current = new Map<
      number,
      { id: number; person_id: number; area_id: number; starts_on: string; ends_on: string | null; name: string; phone: string | null }
    >();
    if (ids.length) {
      const rows = await this.tx.execute<
        { id: number; person_id: number; area_id: number; starts_on: string; ends_on: string | null; name: string; phone: string | null }[]
      >(
        `select ra.id, ra.person_id, ra.area_id, to_char(ra.starts_on, 'YYYY-MM-DD') as starts_on, to_char(ra.ends_on, 'YYYY-MM-DD') as ends_on, p.name, p.phone
         from role_assignment ra join person p on p.id = ra.person_id where ra.id = any(?::int[])`,
        [`{${ids.join(',')}}`],
      );
      for (const row of rows) current.set(row.id, row);
    }
    const checked = this.checkAll('STAFF', 'staff', records, (record, at) => {
      const r = this.parse(StaffRecordSchema, record, at);
      const compound = this.areaByRef('COMPOUND', r.compound, [...at, 'compound']);
      const linked = this.refs.get('STAFF')?.get(r.externalId);
      const existing = linked === undefined ? undefined : current.get(linked);
      if (existing && !this.compoundOf(this.areas.get(existing.area_id) ?? ({ path: '' } as AreaRow))) {
        // Staff of a compound handed to another company stay with that compound's history.
        throw new Problem(
          'NOT_MANAGED',
          [...at, 'externalId'],
          `Your staff member ${r.externalId} works in a compound you no longer manage`,
        );
      }
      return { r, compound, existing };
    });
    const creates = checked.filter((c) => !c.value.existing);
    if (creates.length) {
      // Ids are taken first, so each row's person and role are known without relying on row order.
      const people = await this.nextIds('person', creates.length);
      const roles = await this.nextIds('role_assignment', creates.length);
      await this.tx.execute(
        `insert into person (id, name, phone, created_at, updated_at)
         select id, name, phone, now(), now() from jsonb_to_recordset(?::jsonb) as r(id int, name text, phone text)`,
        [JSON.stringify(creates.map((c, i) => ({ id: people[i].id, name: c.value.r.name, phone: c.value.r.phone ?? null })))],
      );
      await this.tx.execute(
        `insert into role_assignment (id, person_id, role, area_id, organization_id, starts_on, ends_on)
         select id, person_id, 'PROPERTY_STAFF', area_id, ?, starts_on::date, ends_on::date
         from jsonb_to_recordset(?::jsonb) as r(id int, person_id int, area_id int, starts_on text, ends_on text)`,
        [
          this.company,
          JSON.stringify(
            creates.map((c, i) => ({
              id: roles[i].id,
              person_id: people[i].id,
              area_id: c.value.compound.id,
              starts_on: c.value.r.startsOn,
              ends_on: c.value.r.endsOn ?? null,
            })),
          ),
        ],
      );
      await this.linkRefs(
        'STAFF',
        creates.map((c, i) => ({ ext: c.ext, target: roles[i].id })),
      );
      creates.forEach((c, i) => {
        this.ok('STAFF', c.index, c.ext, 'CREATED', toGlobalId('RoleAssignment', roles[i].id));
        this.audit.push({
          action: 'roleAssignment.create',
          objectType: 'RoleAssignment',
          objectId: roles[i].id,
          areaPath: c.value.compound.path,
          // Personal data stays out of the trail: the person is named by id.
          ...changedFields(null, {
            person: people[i].id,
            role: 'PROPERTY_STAFF',
            area: c.value.compound.id,
            organization: this.company,
            startsOn: c.value.r.startsOn,
            endsOn: c.value.r.endsOn ?? null,
          }),
        });
      });
    }
    const updates = checked.flatMap(({ index, ext, value: { r, compound, existing } }) => {
      if (!existing) return [];
      const next = {
        name: r.name,
        phone: r.phone === undefined ? existing.phone : (r.phone ?? null),
        area_id: compound.id,
        starts_on: r.startsOn,
        ends_on: r.endsOn ?? null,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== existing[k]);
      return [{ index, ext, existing, next, changed, compound }];
    });
    const changed = updates.filter((u) => u.changed.length);
    if (changed.length) {
      const rows = JSON.stringify(changed.map((u) => ({ role: u.existing.id, person: u.existing.person_id, ...u.next })));
      await this.tx.execute(
        `update person set name = r.name, phone = r.phone, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as r(person int, name text, phone text) where person.id = r.person`,
        [rows],
      );
      await this.tx.execute(
        `update role_assignment set area_id = r.area_id, starts_on = r.starts_on::date, ends_on = r.ends_on::date
         from jsonb_to_recordset(?::jsonb) as r(role int, area_id int, starts_on text, ends_on text) where role_assignment.id = r.role`,
        [rows],
      );
    }
    for (const u of updates) {
      this.ok('STAFF', u.index, u.ext, u.changed.length ? 'UPDATED' : 'UNCHANGED', toGlobalId('RoleAssignment', u.existing.id));
      if (!u.changed.length) continue;
      // Which fields changed is recorded; a name or phone's values are not.
      const fields = u.changed.filter((k) => k !== 'name' && k !== 'phone');
      this.audit.push({
        action: 'roleAssignment.update',
        objectType: 'RoleAssignment',
        objectId: u.existing.id,
        areaPath: u.compound.path,
        before: Object.fromEntries(fields.map((k) => [camelKey(k), u.existing[k]])),
        after: {
          ...Object.fromEntries(fields.map((k) => [camelKey(k), u.next[k]])),
          ...(u.changed.length > fields.length ? { personChanged: true } : {}),
        },
      });
    }
  }

  /**
   * Upserts rows of a company-keyed table in one statement. A row whose values are all the same
   * is not touched (the `where` of `do update`), so it is not returned: that is "unchanged".
   */
  private async upsert(
    kind: 'FEE' | 'TICKET',
    table: 'property_fee' | 'property_ticket',
    columns: Record<string, string>,
    rows: { index: number; ext: string; values: Record<string, unknown>; path: string }[],
  ): Promise<void> {
    if (!rows.length) return;
    const names = Object.keys(columns);
    const recordset = ['external_id text', 'area_path text', ...names.map((n) => `${n} ${columns[n]}`)].join(', ');
    const written = await this.tx.execute<{ id: number; external_id: string; inserted: boolean }[]>(
      `insert into ${table} (company_id, external_id, area_path, ${names.join(', ')}, created_at, updated_at)
       select ?, external_id, area_path, ${names.join(', ')}, now(), now() from jsonb_to_recordset(?::jsonb) as r(${recordset})
       on conflict (company_id, external_id) do update set area_path = excluded.area_path,
         ${names.map((n) => `${n} = excluded.${n}`).join(', ')}, updated_at = now()
       where (${names.map((n) => `${table}.${n}`).join(', ')}) is distinct from (${names.map((n) => `excluded.${n}`).join(', ')})
       returning id, external_id, (xmax = 0) as inserted`,
      [this.company, JSON.stringify(rows.map((r) => ({ external_id: r.ext, area_path: r.path, ...r.values })))],
    );
    const byExt = new Map(written.map((w) => [w.external_id, w]));
    const unchanged = rows.filter((r) => !byExt.has(r.ext));
    const ids = new Map<string, number>();
    if (unchanged.length) {
      const found = await this.tx.execute<{ id: number; external_id: string }[]>(
        `select id, external_id from ${table} where company_id = ? and external_id = any(?::text[])`,
        [this.company, toTextArray(unchanged.map((r) => r.ext))],
      );
      for (const f of found) ids.set(f.external_id, f.id);
    }
    const type = kind === 'FEE' ? ('PropertyFee' as const) : ('PropertyTicket' as const);
    for (const r of rows) {
      const w = byExt.get(r.ext);
      const id = w?.id ?? ids.get(r.ext) ?? 0;
      this.ok(kind, r.index, r.ext, w ? (w.inserted ? 'CREATED' : 'UPDATED') : 'UNCHANGED', toGlobalId(type, id));
      if (w) {
        this.audit.push({
          action: `${kind === 'FEE' ? 'propertyFee' : 'propertyTicket'}.${w.inserted ? 'create' : 'update'}`,
          objectType: type,
          objectId: id,
          areaPath: r.path,
          before: null,
          after: camel(r.values),
        });
      }
    }
  }

  private async fees(records: readonly FeeRecord[]): Promise<void> {
    const checked = this.checkAll('FEE', 'fees', records, (record, at) => {
      const r = this.parse(FeeRecordSchema, record, at);
      const household = this.areaByRef('HOUSEHOLD', r.household, [...at, 'household']);
      return { r, household };
    });
    await this.upsert(
      'FEE',
      'property_fee',
      { household_id: 'int', period: 'text', amount_due: 'numeric', amount_paid: 'numeric', paid_on: 'date' },
      checked.map(({ index, ext, value: { r, household } }) => ({
        index,
        ext,
        path: household.path,
        values: {
          household_id: household.id,
          period: r.period,
          amount_due: r.amountDue,
          amount_paid: r.amountPaid,
          paid_on: r.paidOn ?? null,
        },
      })),
    );
  }

  private async tickets(records: readonly TicketRecord[]): Promise<void> {
    const checked = this.checkAll('TICKET', 'tickets', records, (record, at) => {
      const r = this.parse(TicketRecordSchema, record, at);
      const compound = this.areaByRef('COMPOUND', r.compound, [...at, 'compound']);
      const household = r.household ? this.areaByRef('HOUSEHOLD', r.household, [...at, 'household']) : null;
      if (household && !household.path.startsWith(compound.path)) {
        throw new Problem('NOT_ALLOWED_HERE', [...at, 'household'], `Household ${r.household} is not in compound ${r.compound}`);
      }
      return { r, area: household ?? compound };
    });
    await this.upsert(
      'TICKET',
      'property_ticket',
      { area_id: 'int', category: 'text', state: 'text', opened_at: 'timestamptz', resolved_at: 'timestamptz', rating: 'smallint' },
      checked.map(({ index, ext, value: { r, area } }) => ({
        index,
        ext,
        path: area.path,
        values: {
          area_id: area.id,
          category: r.category,
          state: r.state,
          opened_at: r.openedAt.toISOString(),
          resolved_at: r.resolvedAt?.toISOString() ?? null,
          rating: r.rating ?? null,
        },
      })),
    );
  }
}

const FIELD_ORDER = Object.fromEntries(FIELDS.map(([kind], i) => [kind, i])) as Record<PropertyRecordKind, number>;

const camelKey = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const camel = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [camelKey(k), v]));

/** A PostgreSQL text array literal, each element quoted. */
function toTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * Writes one company's batch in the caller's transaction and says what became of each record.
 * The company may write only in compounds it manages now (Area.manager).
 */
export async function syncPropertyRecords(tx: EntityManager, company: number, input: SyncInput, actor: Actor): Promise<SyncResult> {
  return forgettingAreas(() => new Batch(tx, company).run(input, actor));
}
