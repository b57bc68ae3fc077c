import { beforeAll, describe, expect, it } from 'vitest';
import type { Em } from '../../db/orm.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { ask, gql, query } from '../../test/client.js';
import { firstArea, signInAs } from '../../test/fixtures.js';
import { createOperator, developmentToken } from '../../test/operator.js';
import { ownServer } from '../../test/own-server.js';
import { Area, type AreaKind, type ManagementKind } from '../areas/area.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person, RoleAssignment, type RoleKind } from '../people/person.entity.js';
import { Request, RequestCategory } from '../requests/request.entity.js';
import { Service, Station, StationService } from '../stations/station.entity.js';
import { Proposal } from '../votes/proposal.entity.js';
import { Wish, type WishState } from '../wishes/wish.entity.js';
import { chinaDate } from './periods.js';

const STATISTICS = `query($within: ID!, $level: AreaKind, $period: StatisticsPeriod!, $from: DateTime!, $to: DateTime!) {
  statistics(within: $within, level: $level, period: $period, from: $from, to: $to) {
    from to level period timeZone
    rows {
      area { id name } periodStart periodEnd periodLabel
      wishes { posted claimed fulfilled litUp litUpRate }
      requests { submitted resolved closed overdue escalated resolutionRate rated averageRating }
      votes { opened decided passed passRate averageParticipation }
      stations { stations opened services households coveredHouseholds coveredShare }
      partyService { wishesLitUp wishesLitUpByInServiceMembers requestsTakenOn requestsTakenOnByInServiceMembers membersServed inServiceMembersServed }
      property { compounds withPropertyCompany selfManaged unmanaged propertyCompanyShare propertyCompanies companiesWithPartyOrganization partyOrganizationShare redHeartCompanies feeCollectionRate }
    }
  }
}`;

const WISHES_ONLY = `query($within: ID!, $level: AreaKind, $period: StatisticsPeriod!, $from: DateTime!, $to: DateTime!) {
  statistics(within: $within, level: $level, period: $period, from: $from, to: $to) {
    rows { area { id } periodLabel wishes { posted claimed fulfilled litUp litUpRate } }
  }
}`;

interface Row {
  area: { id: string; name: string };
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  wishes: Record<string, number | null>;
  requests: Record<string, number | null>;
  votes: Record<string, number | null>;
  stations: Record<string, number | null>;
  partyService: Record<string, number>;
  property: Record<string, number | null>;
}

/** An instant given in Beijing time (UTC+8), e.g. `bj('2026-10-31 23:30')`. */
const bj = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const YEAR = { from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' };

describe('statistics of the seeded district', () => {
  let district: { id: string };

  beforeAll(async () => {
    district = await firstArea('DISTRICT');
  });

  it('wishes per community and month are the wishes listed through GraphQL, counted by their dates in China', async () => {
    interface Listed {
      community: { id: string };
      state: WishState;
      createdAt: string;
      claimedAt: string | null;
      fulfilledAt: string | null;
      confirmedAt: string | null;
    }
    const wishes: Listed[] = [];
    for (let after: string | null = null; ; ) {
      const page: { wishes: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Listed[] } } = await query(
        `query($d: ID!, $after: String) { wishes(first: 100, after: $after, filter: { within: $d }) {
          pageInfo { hasNextPage endCursor } nodes { community { id } state createdAt claimedAt fulfilledAt confirmedAt } } }`,
        { d: district.id, after },
      );
      wishes.push(...page.wishes.nodes);
      if (!page.wishes.pageInfo.hasNextPage) break;
      after = page.wishes.pageInfo.endCursor;
    }
    expect(wishes.length).toBeGreaterThan(100);

    const expected = new Map<string, { posted: number; claimed: number; fulfilled: number; litUp: number; postedLitUp: number }>();
    const at = (community: string, instant: string | null) => {
      const key = `${community}|${chinaDate(new Date(instant as string)).slice(0, 7)}`;
      if (!expected.has(key)) expected.set(key, { posted: 0, claimed: 0, fulfilled: 0, litUp: 0, postedLitUp: 0 });
      return expected.get(key) as { posted: number; claimed: number; fulfilled: number; litUp: number; postedLitUp: number };
    };
    const inYear = (instant: string | null) => instant != null && instant >= '2025-12-31T16:00:00' && instant < '2026-12-31T16:00:00';
    for (const w of wishes) {
      if (inYear(w.createdAt)) {
        at(w.community.id, w.createdAt).posted++;
        if (w.state === 'CONFIRMED') at(w.community.id, w.createdAt).postedLitUp++;
      }
      if (inYear(w.claimedAt)) at(w.community.id, w.claimedAt).claimed++;
      if (inYear(w.fulfilledAt)) at(w.community.id, w.fulfilledAt).fulfilled++;
      if (inYear(w.confirmedAt)) at(w.community.id, w.confirmedAt).litUp++;
    }

    const r = await gql<{ statistics: { rows: Row[] } }>(WISHES_ONLY, {
      within: district.id,
      level: 'COMMUNITY',
      period: 'MONTH',
      ...YEAR,
    });
    expect(r.errors).toBeUndefined();
    const rows = r.data?.statistics.rows ?? [];
    const communities = await query<{ areas: { totalCount: number } }>(
      'query($d: ID!) { areas(first: 1, filter: { kind: [COMMUNITY], within: $d }) { totalCount } }',
      { d: district.id },
    );
    expect(rows).toHaveLength(communities.areas.totalCount * 12);
    let posted = 0;
    for (const row of rows) {
      const want = expected.get(`${row.area.id}|${row.periodLabel.slice(0, 7)}`);
      expect(row.periodLabel).toMatch(/^2026-\d\d-01$/);
      expect(row.wishes, `${row.area.id} ${row.periodLabel}`).toEqual({
        posted: want?.posted ?? 0,
        claimed: want?.claimed ?? 0,
        fulfilled: want?.fulfilled ?? 0,
        litUp: want?.litUp ?? 0,
        litUpRate: want?.posted ? want.postedLitUp / want.posted : null,
      });
      posted += row.wishes.posted as number;
    }
    // Every wish of the year is in exactly one row.
    expect(posted).toBe(wishes.filter((w) => inYear(w.createdAt)).length);
  });

  it('a street’s row adds up its communities’ rows; the district without a level agrees with wishStatistics', async () => {
    const communities = await query<{ areas: { nodes: { id: string; parent: { id: string } }[] } }>(
      'query($d: ID!) { areas(first: 100, filter: { kind: [COMMUNITY], within: $d }) { nodes { id parent { id } } } }',
      { d: district.id },
    );
    const streetOf = new Map(communities.areas.nodes.map((c) => [c.id, c.parent.id]));
    const byCommunity = await query<{ statistics: { rows: Row[] } }>(WISHES_ONLY, {
      within: district.id,
      level: 'COMMUNITY',
      period: 'MONTH',
      ...YEAR,
    });
    const byStreet = await query<{ statistics: { rows: Row[] } }>(WISHES_ONLY, {
      within: district.id,
      level: 'STREET',
      period: 'MONTH',
      ...YEAR,
    });
    const added = new Map<string, number>();
    for (const row of byCommunity.statistics.rows) {
      const key = `${streetOf.get(row.area.id)}|${row.periodLabel}`;
      added.set(key, (added.get(key) ?? 0) + (row.wishes.litUp as number));
    }
    expect(byStreet.statistics.rows.length).toBe(new Set(streetOf.values()).size * 12);
    for (const row of byStreet.statistics.rows) expect(row.wishes.litUp).toBe(added.get(`${row.area.id}|${row.periodLabel}`) ?? 0);

    const whole = await query<{ statistics: { level: string | null; rows: Row[] }; wishStatistics: { posted: number; litUp: number } }>(
      `query($d: ID!, $from: DateTime!, $to: DateTime!) {
        statistics(within: $d, period: MONTH, from: $from, to: $to) { level rows { area { id } wishes { posted litUp } } }
        wishStatistics(area: $d, from: $from, to: $to) { posted litUp } }`,
      { d: district.id, ...YEAR },
    );
    expect(whole.statistics.level).toBeNull();
    expect(new Set(whole.statistics.rows.map((row) => row.area.id))).toEqual(new Set([district.id]));
    const sum = (key: 'posted' | 'litUp') => whole.statistics.rows.reduce((n, row) => n + (row.wishes[key] as number), 0);
    expect(sum('posted')).toBe(whole.wishStatistics.posted);
    expect(sum('litUp')).toBe(whole.wishStatistics.litUp);
  });

  it('property management of a street is what its compounds and their companies say', async () => {
    const street = await firstArea('STREET', district.id);
    const compounds = await query<{
      areas: {
        totalCount: number;
        nodes: {
          management: ManagementKind | null;
          manager: { id: string; redHeart: boolean; partyOrganizations: { totalCount: number } } | null;
        }[];
      };
    }>(
      `query($s: ID!) { areas(first: 100, filter: { kind: [COMPOUND], within: $s }) { totalCount
        nodes { management manager { id redHeart partyOrganizations(first: 1) { totalCount } } } } }`,
      { s: street.id },
    );
    expect(compounds.areas.totalCount).toBe(compounds.areas.nodes.length);
    const managed = compounds.areas.nodes.filter((c) => c.management === 'PROPERTY_COMPANY');
    const companies = new Map(managed.flatMap((c) => (c.manager ? [[c.manager.id, c.manager] as const] : [])));
    const withParty = [...companies.values()].filter((c) => c.partyOrganizations.totalCount > 0).length;
    const stats = await query<{ statistics: { rows: Row[] } }>(STATISTICS, {
      within: street.id,
      period: 'MONTH',
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-11-01T00:00:00+08:00',
    });
    expect(stats.statistics.rows).toHaveLength(1);
    expect(stats.statistics.rows[0]?.property).toEqual({
      compounds: compounds.areas.totalCount,
      withPropertyCompany: managed.length,
      selfManaged: compounds.areas.nodes.filter((c) => c.management === 'SELF_MANAGED').length,
      unmanaged: compounds.areas.nodes.filter((c) => c.management === 'UNMANAGED').length,
      propertyCompanyShare: managed.length / compounds.areas.totalCount,
      propertyCompanies: companies.size,
      companiesWithPartyOrganization: withParty,
      partyOrganizationShare: companies.size ? withParty / companies.size : null,
      redHeartCompanies: [...companies.values()].filter((c) => c.redHeart).length,
      feeCollectionRate: null,
    });
    expect(withParty).toBeGreaterThan(0);
  });

  it('the number of SQL statements is set by the sections asked for, not by the areas or periods', async () => {
    const one = await gql(STATISTICS, {
      within: district.id,
      level: 'DISTRICT',
      period: 'MONTH',
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-11-01T00:00:00+08:00',
    });
    const many = await gql<{ statistics: { rows: Row[] } }>(STATISTICS, {
      within: district.id,
      level: 'COMMUNITY',
      period: 'DAY',
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-11-01T00:00:00+08:00',
    });
    expect(one.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.data?.statistics.rows.length).toBeGreaterThan(500);
    expect(many.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    const fewer = await gql(WISHES_ONLY, {
      within: district.id,
      level: 'COMMUNITY',
      period: 'DAY',
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-11-01T00:00:00+08:00',
    });
    // Five sections fewer, the stations' taking two statements: six statements fewer.
    expect(fewer.extensions?.sqlStatements).toBe((many.extensions?.sqlStatements as number) - 6);
    // The stations' figures per period alone leave out the statement of the 15-minute circle.
    const stationsOnly = await gql(
      WISHES_ONLY.replace('wishes { posted claimed fulfilled litUp litUpRate }', 'stations { stations opened }'),
      {
        within: district.id,
        level: 'COMMUNITY',
        period: 'DAY',
        from: '2026-10-01T00:00:00+08:00',
        to: '2026-11-01T00:00:00+08:00',
      },
    );
    expect(stationsOnly.errors).toBeUndefined();
    expect(stationsOnly.extensions?.sqlStatements).toBe(fewer.extensions?.sqlStatements);
    console.log(
      `statistics: ${many.data?.statistics.rows.length} rows in ${many.extensions?.sqlStatements} SQL statements (1 row: ${one.extensions?.sqlStatements})`,
    );
  });

  it('refuses more periods, areas or rows than one answer holds, and bad arguments, with codes', async () => {
    const tooLong = await gql(WISHES_ONLY, {
      within: district.id,
      period: 'DAY',
      from: '2025-01-01T00:00:00+08:00',
      to: '2026-06-01T00:00:00+08:00',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'STATISTICS_TOO_LARGE', limits: { periods: 366 } });
    const tooMany = await gql(WISHES_ONLY, { within: district.id, level: 'GRID', period: 'DAY', ...YEAR });
    expect(tooMany.status).toBe(400);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'STATISTICS_TOO_LARGE', periods: 365 });
    expect(tooMany.data?.statistics ?? null).toBeNull();

    const grid = await firstArea('GRID', district.id);
    for (const [variables, argument] of [
      [{ within: district.id, period: 'MONTH', from: YEAR.to, to: YEAR.from }, 'from'],
      [{ within: district.id, period: 'MONTH', from: '1999-12-01T00:00:00+08:00', to: YEAR.to }, 'from'],
      [{ within: district.id, level: 'HOUSEHOLD', period: 'MONTH', ...YEAR }, 'level'],
      [{ within: grid.id, level: 'STREET', period: 'MONTH', ...YEAR }, 'level'],
    ] as const) {
      const r = await gql(WISHES_ONLY, variables);
      expect(r.status, JSON.stringify(variables)).toBe(400);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('needs read:stats over the area: FORBIDDEN to a resident, nothing outside the caller’s area', async () => {
    const vars = { period: 'MONTH', from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };
    const resident = await signInAs('OWNER', district.id);
    const refused = await ask(resident.token, WISHES_ONLY, { within: district.id, ...vars });
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await ask(null, WISHES_ONLY, { within: district.id, ...vars })).toMatchObject({ status: 403 });

    const worker = await signInAs('GRID_WORKER', district.id);
    const home = await query<{ person: { roles: { nodes: { area: { id: string } }[] } } }>(
      'query($p: ID!) { person: node(id: $p) { ... on Person { roles(first: 5) { nodes { area { id } } } } } }',
      { p: worker.personId },
    );
    const gridId = home.person.roles.nodes[0]?.area.id as string;
    const above = await ask(worker.token, WISHES_ONLY, { within: district.id, ...vars });
    expect(above.body.errors).toBeUndefined();
    expect(above.body.data.statistics).toBeNull();
    const own = await ask(worker.token, WISHES_ONLY, { within: gridId, ...vars });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.statistics.rows).toHaveLength(1);
  });

  it('an API key with READ_STATS reads statistics in its organisation’s area, and nowhere else', async () => {
    const districts = await query<{ areas: { nodes: { id: string }[] } }>(
      '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
    );
    const second = districts.areas.nodes[1]?.id as string;
    const organizations = await query<{ organizations: { nodes: { id: string; area: { id: string; kind: AreaKind } | null }[] } }>(
      'query($d: ID!) { organizations(first: 50, filter: { within: $d }, orderBy: { field: ID }) { nodes { id area { id kind } } } }',
      { d: second },
    );
    const team = organizations.organizations.nodes.find((o) => o.area?.kind === 'COMMUNITY');
    if (!team?.area) throw new Error('no organisation sits in a community of the second district');
    const admin = await signInAs('ADMINISTRATOR', second);
    const create = async (scopes: string[]) =>
      (
        await ask(admin.token, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { field code } } }', {
          i: { organization: team.id, name: '数据组月报', scopes },
        })
      ).body.data.createApiKey.secret as string;
    const key = await create(['READ_STATS']);
    const vars = { period: 'MONTH', from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };
    const inArea = await ask(key, WISHES_ONLY, { within: team.area.id, ...vars });
    expect(inArea.body.errors).toBeUndefined();
    expect(inArea.body.data.statistics.rows).toHaveLength(1);
    for (const elsewhere of [second, district.id]) {
      const r = await ask(key, WISHES_ONLY, { within: elsewhere, ...vars });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.statistics).toBeNull();
    }
    const publicKey = await create(['READ_PUBLIC']);
    expect((await ask(publicKey, WISHES_ONLY, { within: team.area.id, ...vars })).status).toBe(403);
  });
});

/**
 * Rows at known instants, in a database of their own: a street with two communities, whose
 * figures are worked out by hand below. Instants are written in Beijing time.
 */
describe('statistics of rows at known instants', () => {
  const ids = {} as Record<string, number>;

  async function build(em: Em): Promise<void> {
    const area = async (name: string, kind: AreaKind, parent: Area | null, extra: Partial<Record<string, unknown>> = {}) => {
      const a = em.create(Area, { name, kind, parent, path: '', depth: parent ? parent.depth + 1 : 0, ...extra } as never);
      await em.flush();
      a.path = `${parent?.path ?? '/'}${a.id}/`;
      await em.flush();
      return a;
    };
    const district = await area('Test district', 'DISTRICT', null);
    const street = await area('Test street', 'STREET', district);
    const c1 = await area('A community', 'COMMUNITY', street);
    const c2 = await area('B community', 'COMMUNITY', street);
    const g1 = await area('A grid 1', 'GRID', c1);
    const g2 = await area('A grid 2', 'GRID', c1);
    const g3 = await area('B grid 1', 'GRID', c2);
    const companyA = em.create(Organization, { kind: 'PROPERTY_COMPANY', name: 'A property', area: district } as never);
    const companyB = em.create(Organization, { kind: 'PROPERTY_COMPANY', name: 'B property', area: district, redHeart: true } as never);
    em.create(Organization, { kind: 'PARTY_ORGANIZATION', name: 'A property party branch', area: district, host: companyA } as never);
    await em.flush();
    const near = { latitude: 43.8, longitude: 126.5 };
    const k1 = await area('A compound', 'COMPOUND', g1, { management: 'PROPERTY_COMPANY', manager: companyA, ...near });
    await area('B self-managed', 'COMPOUND', g3, { management: 'SELF_MANAGED' });
    await area('B unmanaged', 'COMPOUND', g3, { management: 'UNMANAGED' });
    const k4 = await area('B managed', 'COMPOUND', g3, {
      management: 'PROPERTY_COMPANY',
      manager: companyB,
      latitude: 44.2,
      longitude: 127,
    });
    const b1 = await area('A building', 'BUILDING', k1);
    const b4 = await area('B building', 'BUILDING', k4);
    await area('101', 'HOUSEHOLD', b1);
    await area('102', 'HOUSEHOLD', b1);
    await area('201', 'HOUSEHOLD', b4);

    const person = async (name: string, role: RoleKind | null, endsOn: string | null = null) => {
      const p = em.create(Person, { name } as never);
      if (role) em.create(RoleAssignment, { person: p, role, area: c1, startsOn: '2020-01-01', endsOn } as never);
      await em.flush();
      return p;
    };
    const resident = await person('居民', 'RESIDENT');
    const member = await person('党员', 'PARTY_MEMBER');
    const inService = await person('在职党员', 'IN_SERVICE_PARTY_MEMBER');
    const former = await person('原党员', 'PARTY_MEMBER', '2026-09-30');
    const volunteer = await person('志愿者', 'VOLUNTEER');

    const wish = (community: Area, grid: Area | null, state: WishState, at: Record<string, string | null>, claimer: Person | null) =>
      em.create(Wish, {
        title: '心愿',
        story: '…',
        category: 'DAILY_NEEDS',
        beneficiaryKind: 'ELDERLY_ALONE',
        beneficiary: resident,
        postedBy: resident,
        community,
        grid,
        photoUrls: [],
        state,
        claimer,
        createdAt: bj(at.created as string),
        claimedAt: at.claimed ? bj(at.claimed) : null,
        fulfilledAt: at.fulfilled ? bj(at.fulfilled) : null,
        confirmedAt: at.confirmed ? bj(at.confirmed) : null,
      } as never);
    const done = (created: string, claimed: string, fulfilled: string, confirmed: string) => ({ created, claimed, fulfilled, confirmed });
    wish(c1, g1, 'CONFIRMED', done('2026-10-31 23:30', '2026-11-02 10:00', '2026-11-03 10:00', '2026-11-04 10:00'), member);
    wish(c1, g1, 'OPEN', { created: '2026-11-01 00:30' }, null);
    wish(c1, null, 'CLAIMED', { created: '2026-10-10 12:00', claimed: '2026-10-11 12:00' }, inService);
    wish(c2, g3, 'CONFIRMED', done('2026-11-20 09:00', '2026-11-20 12:00', '2026-11-21 09:00', '2026-11-21 10:00'), former);
    wish(c2, g3, 'CONFIRMED', done('2026-11-05 09:00', '2026-11-05 12:00', '2026-11-06 09:00', '2026-11-06 10:00'), inService);

    const category = em.create(RequestCategory, {
      code: 'test',
      name: '测试',
      nameEn: 'Test',
      dispatchMinutes: 60,
      acceptMinutes: 60,
      takeOnMinutes: 60,
      resolveMinutes: 60,
    } as never);
    const request = (code: string, values: Record<string, unknown>) =>
      em.create(Request, {
        trackingCode: code,
        category,
        description: '路灯坏了',
        photoUrls: [],
        reporter: resident,
        grid: g2,
        community: c1,
        street,
        level: 'GRID',
        deadline: null,
        ...values,
      } as never);
    // Closed, as the server's sweep would close it anyway (resolved more than 7 days ago).
    request('T1', {
      state: 'CLOSED',
      closedAt: bj('2026-11-09 10:00'),
      submittedAt: bj('2026-10-31 23:30'),
      takenOnAt: bj('2026-11-01 01:00'),
      handler: member,
      resolvedAt: bj('2026-11-02 10:00'),
      rating: 4,
      overdue: true,
      escalations: 1,
    });
    request('T2', {
      state: 'CLOSED',
      submittedAt: bj('2026-11-03 10:00'),
      takenOnAt: bj('2026-11-03 11:00'),
      handler: volunteer,
      resolvedAt: bj('2026-11-08 10:00'),
      closedAt: bj('2026-11-10 10:00'),
      rating: 2,
    });
    request('T3', { state: 'SUBMITTED', submittedAt: bj('2026-11-15 10:00') });

    const rule = {
      kind: 'SIMPLE_MAJORITY',
      participationByArea: null,
      participationByHeadcount: null,
      approvalByArea: null,
      approvalByHeadcount: null,
    };
    const proposal = (scope: Area, opened: string, decided: string, outcome: string, roll: number, ballots: number) =>
      em.create(Proposal, {
        scope,
        title: '议题',
        text: '…',
        attachmentUrls: [],
        matterType: 'COMMUNITY_AFFAIRS',
        ruleKind: 'SIMPLE_MAJORITY',
        rule,
        stage: 'RESULT_PUBLISHED',
        proposedBy: member,
        votingOpensAt: bj(opened),
        votingClosesAt: bj(decided),
        votingOpenedAt: bj(opened),
        decidedAt: bj(decided),
        outcome,
        rollHouseholds: roll,
        ballotCount: ballots,
      } as never);
    proposal(k1, '2026-10-25 09:00', '2026-11-01 00:00', 'PASSED', 4, 3);
    proposal(c2, '2026-11-20 09:00', '2026-11-30 23:59', 'FAILED', 10, 5);

    const services = ['a', 'b'].map((code) =>
      em.create(Service, { code: `test-${code}`, name: code, nameEn: code, category: 'test' } as never),
    );
    const station = (name: string, where: Area, created: string, at: { latitude: number; longitude: number }, offers: Service[]) => {
      const s = em.create(Station, { name, address: '…', area: where, openingHours: [], createdAt: bj(created), ...at } as never);
      for (const service of offers) em.create(StationService, { station: s, service } as never);
    };
    station('A station', c1, '2026-09-01 09:00', near, services);
    station('A second station', c1, '2026-11-10 09:00', near, []);
    station('B station', c2, '2026-12-01 00:00', { latitude: 45, longitude: 128 }, services.slice(0, 1));
    await em.flush();

    Object.assign(ids, { street: street.id, c1: c1.id, c2: c2.id });
    ids.operator = (await createOperator(em, '统计测试员')).id;
  }

  const own = ownServer({ GZ_RATE_LIMIT: '0' }, build);
  let token = '';

  async function statistics(variables: Record<string, unknown>): Promise<{ from: string; to: string; rows: Row[] }> {
    const res = await fetch(own.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: STATISTICS, variables }),
    });
    const body = (await res.json()) as { data?: { statistics: { from: string; to: string; rows: Row[] } }; errors?: unknown };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.statistics;
  }
  const area = (key: string) => toGlobalId('Area', ids[key] as number);

  beforeAll(async () => {
    token = await developmentToken(own.server.graphqlUrl, ids.operator as number);
  });

  it('counts each section by hand-checked figures, per community and month in China time', async () => {
    const report = await statistics({
      within: area('street'),
      level: 'COMMUNITY',
      period: 'MONTH',
      from: bj('2026-10-01 00:00'),
      to: bj('2026-12-01 00:00'),
    });
    expect(report.from).toBe('2026-09-30T16:00:00.000Z');
    expect(report.to).toBe('2026-11-30T16:00:00.000Z');
    expect(report.rows.map((r) => `${r.area.name} ${r.periodLabel} ${r.periodStart}`)).toEqual([
      'A community 2026-10-01 2026-09-30T16:00:00.000Z',
      'A community 2026-11-01 2026-10-31T16:00:00.000Z',
      'B community 2026-10-01 2026-09-30T16:00:00.000Z',
      'B community 2026-11-01 2026-10-31T16:00:00.000Z',
    ]);
    const [aOct, aNov, bOct, bNov] = report.rows as [Row, Row, Row, Row];

    // The wish posted at 23:30 on 31 October is October's; the one at 00:30 on 1 November, November's.
    expect(aOct.wishes).toEqual({ posted: 2, claimed: 1, fulfilled: 0, litUp: 0, litUpRate: 0.5 });
    expect(aNov.wishes).toEqual({ posted: 1, claimed: 1, fulfilled: 1, litUp: 1, litUpRate: 0 });
    expect(bOct.wishes).toEqual({ posted: 0, claimed: 0, fulfilled: 0, litUp: 0, litUpRate: null });
    expect(bNov.wishes).toEqual({ posted: 2, claimed: 2, fulfilled: 2, litUp: 2, litUpRate: 1 });

    expect(aOct.requests).toEqual({
      submitted: 1,
      resolved: 0,
      closed: 0,
      overdue: 1,
      escalated: 1,
      resolutionRate: 1,
      rated: 1,
      averageRating: 4,
    });
    expect(aNov.requests).toEqual({
      submitted: 2,
      resolved: 2,
      closed: 2,
      overdue: 0,
      escalated: 0,
      resolutionRate: 0.5,
      rated: 1,
      averageRating: 2,
    });
    expect(bNov.requests).toMatchObject({ submitted: 0, resolutionRate: null, averageRating: null });

    // Decided at midnight starting 1 November (16:00 UTC on 31 October): November's.
    expect(aOct.votes).toEqual({ opened: 1, decided: 0, passed: 0, passRate: null, averageParticipation: null });
    expect(aNov.votes).toEqual({ opened: 0, decided: 1, passed: 1, passRate: 1, averageParticipation: 0.75 });
    expect(bNov.votes).toEqual({ opened: 1, decided: 1, passed: 0, passRate: 0, averageParticipation: 0.5 });

    // The B station opens at midnight starting December: not there at November's end.
    const reachA = { services: 2, households: 2, coveredHouseholds: 2, coveredShare: 1 };
    const reachB = { services: 1, households: 1, coveredHouseholds: 0, coveredShare: 0 };
    expect(aOct.stations).toEqual({ stations: 1, opened: 0, ...reachA });
    expect(aNov.stations).toEqual({ stations: 2, opened: 1, ...reachA });
    expect(bOct.stations).toEqual({ stations: 0, opened: 0, ...reachB });
    expect(bNov.stations).toEqual({ stations: 0, opened: 0, ...reachB });

    // The party member lit up a wish and took on a request (at 01:00 on 1 November: November's);
    // the volunteer's request and the former member's wish (role ended in September) do not count.
    const none = {
      wishesLitUp: 0,
      wishesLitUpByInServiceMembers: 0,
      requestsTakenOn: 0,
      requestsTakenOnByInServiceMembers: 0,
      membersServed: 0,
      inServiceMembersServed: 0,
    };
    expect(aOct.partyService).toEqual(none);
    expect(aNov.partyService).toEqual({ ...none, wishesLitUp: 1, requestsTakenOn: 1, membersServed: 1 });
    expect(bOct.partyService).toEqual(none);
    expect(bNov.partyService).toEqual({
      ...none,
      wishesLitUp: 1,
      wishesLitUpByInServiceMembers: 1,
      membersServed: 1,
      inServiceMembersServed: 1,
    });

    const propertyA = {
      compounds: 1,
      withPropertyCompany: 1,
      selfManaged: 0,
      unmanaged: 0,
      propertyCompanyShare: 1,
      propertyCompanies: 1,
      companiesWithPartyOrganization: 1,
      partyOrganizationShare: 1,
      redHeartCompanies: 0,
      feeCollectionRate: null,
    };
    expect(aOct.property).toEqual(propertyA);
    expect(aNov.property).toEqual(propertyA);
    expect(bNov.property).toEqual({
      compounds: 3,
      withPropertyCompany: 1,
      selfManaged: 1,
      unmanaged: 1,
      propertyCompanyShare: 1 / 3,
      propertyCompanies: 1,
      companiesWithPartyOrganization: 0,
      partyOrganizationShare: 0,
      redHeartCompanies: 1,
      feeCollectionRate: null,
    });
  });

  it('days end at midnight in China', async () => {
    const report = await statistics({ within: area('c1'), period: 'DAY', from: bj('2026-10-31 00:00'), to: bj('2026-11-02 00:00') });
    expect(
      report.rows.map((r) => [r.periodLabel, r.wishes.posted, r.requests.submitted, r.votes.decided, r.partyService.requestsTakenOn]),
    ).toEqual([
      ['2026-10-31', 1, 1, 0, 0],
      ['2026-11-01', 1, 0, 1, 1],
    ]);
  });

  it('weeks run Monday to Sunday in China, and `from` and `to` are widened to whole periods', async () => {
    // Saturday 31 October to Monday 2 November: the weeks starting Monday 26 October and 2 November.
    const report = await statistics({ within: area('c1'), period: 'WEEK', from: bj('2026-10-31 12:00'), to: bj('2026-11-03 00:00') });
    expect(report.from).toBe(bj('2026-10-26 00:00').toISOString());
    expect(report.to).toBe(bj('2026-11-09 00:00').toISOString());
    expect(report.rows.map((r) => [r.periodLabel, r.periodEnd, r.wishes.posted, r.wishes.claimed, r.wishes.fulfilled])).toEqual([
      ['2026-10-26', bj('2026-11-02 00:00').toISOString(), 2, 0, 0],
      ['2026-11-02', bj('2026-11-09 00:00').toISOString(), 0, 1, 1],
    ]);
  });

  it('periods with nothing in them are rows of zeros, with null rates', async () => {
    const report = await statistics({
      within: area('c2'),
      level: 'COMMUNITY',
      period: 'MONTH',
      from: bj('2026-07-01 00:00'),
      to: bj('2026-09-01 00:00'),
    });
    expect(report.rows.map((r) => r.periodLabel)).toEqual(['2026-07-01', '2026-08-01']);
    for (const row of report.rows) {
      expect(row.wishes).toEqual({ posted: 0, claimed: 0, fulfilled: 0, litUp: 0, litUpRate: null });
      expect(row.requests).toMatchObject({ submitted: 0, resolutionRate: null, averageRating: null });
      expect(row.votes).toMatchObject({ decided: 0, passRate: null, averageParticipation: null });
      expect(row.stations).toMatchObject({ stations: 0, opened: 0 });
      expect(Object.values(row.partyService).every((n) => n === 0)).toBe(true);
    }
  });

  it('at grid level, a wish placed in its community alone counts in no grid', async () => {
    const report = await statistics({
      within: area('c1'),
      level: 'GRID',
      period: 'MONTH',
      from: bj('2026-10-01 00:00'),
      to: bj('2026-11-01 00:00'),
    });
    expect(report.rows.map((r) => [r.area.name, r.wishes.posted, r.requests.submitted])).toEqual([
      ['A grid 1', 1, 0],
      ['A grid 2', 0, 1],
    ]);
  });
});
