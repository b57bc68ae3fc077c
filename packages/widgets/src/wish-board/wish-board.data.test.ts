import { describe, expect, inject, it } from 'vitest';
import { ask, graphqlUrl } from '../../test/fixtures.js';
import { GraphQLClient } from '../core/graphql-client.js';
import { webSocketUrl } from '../core/live.js';
import {
  appendPage,
  applyChange,
  type BoardFilter,
  type BoardWish,
  claimOrganizations,
  findPeople,
  loadProgress,
  loadWishes,
  PAGE_SIZE,
  parseList,
  postInput,
  postingScope,
  problemsByField,
  rolesInForce,
  type ViewerRole,
  validateWish,
  WISH_CATEGORIES,
  WISH_STATES,
  type WishForm,
} from './wish-board.data.js';

const wish = (id: string, state: BoardWish['state'] = 'OPEN', category: BoardWish['category'] = 'STUDY'): BoardWish => ({
  id,
  title: id,
  story: '',
  category,
  beneficiaryKind: 'CHILD',
  beneficiaryName: '王*华',
  claimerName: null,
  claimedFor: null,
  estimatedCost: null,
  wantedBy: null,
  state,
  claimDeadline: null,
  fulfilmentNote: null,
  confirmedAt: null,
  createdAt: '2026-11-01T00:00:00Z',
  community: { id: 'c', name: '社区' },
  grid: null,
});
const all: BoardFilter = { area: '', states: [], categories: [] };

const form = (extra: Partial<WishForm> = {}): WishForm => ({
  title: '想要一台收音机',
  story: '独居多年，想听听新闻。',
  category: 'DAILY_NEEDS',
  beneficiaryKind: 'ELDERLY_ALONE',
  community: 'QXJlYTox',
  beneficiary: '',
  estimatedCost: '',
  wantedBy: '',
  ...extra,
});

describe('the board without rendering', () => {
  it('reads the state and category attributes, in any case, space- or comma-separated, dropping unknown words', () => {
    expect(parseList('open, claimed  NOPE', WISH_STATES)).toEqual(['OPEN', 'CLAIMED']);
    expect(parseList('', WISH_CATEGORIES)).toEqual([]);
    expect(parseList('health,study', WISH_CATEGORIES)).toEqual(['STUDY', 'HEALTH']);
  });

  it('applies a live change: updates in place, drops what no longer fits, puts a new fitting wish first', () => {
    const shown = [wish('a'), wish('b')];
    expect(applyChange(shown, wish('b', 'CLAIMED'), all)).toEqual({ wishes: [wish('a'), wish('b', 'CLAIMED')], delta: 0 });
    const openOnly = { ...all, states: ['OPEN' as const] };
    expect(applyChange(shown, wish('a', 'CLAIMED'), openOnly)).toEqual({ wishes: [wish('b')], delta: -1 });
    expect(applyChange(shown, wish('c'), all)).toEqual({ wishes: [wish('c'), ...shown], delta: 1 });
    expect(applyChange(shown, wish('c', 'OPEN', 'HEALTH'), { ...all, categories: ['STUDY'] }).delta).toBe(0);
    // What the viewer may not see (an anonymous board and a wish in review) stays off.
    expect(applyChange(shown, wish('d', 'PENDING_REVIEW'), all, (w) => w.state !== 'PENDING_REVIEW').wishes).toEqual(shown);
  });

  it('appends a page without repeating a wish a live change already put first', () => {
    expect(appendPage([wish('new'), wish('a')], [wish('new'), wish('b')]).map((w) => w.id)).toEqual(['new', 'a', 'b']);
  });

  it("checks a new wish by the API's rules before sending it", () => {
    expect(validateWish(form(), '2026-11-23')).toEqual({});
    expect(validateWish(form({ title: ' ', story: '', category: '', beneficiaryKind: '', community: '' }), '2026-11-23')).toEqual({
      title: 'REQUIRED',
      story: 'REQUIRED',
      category: 'REQUIRED',
      beneficiaryKind: 'REQUIRED',
      community: 'REQUIRED',
    });
    expect(validateWish(form({ title: 'x'.repeat(101), story: 'y'.repeat(2001) }), '2026-11-23')).toEqual({
      title: 'TOO_LONG',
      story: 'TOO_LONG',
    });
    expect(validateWish(form({ estimatedCost: '-1', wantedBy: '2026-11-22' }), '2026-11-23')).toEqual({
      estimatedCost: 'INVALID',
      wantedBy: 'PAST',
    });
    expect(validateWish(form({ estimatedCost: '100000', wantedBy: '2026-11-23' }), '2026-11-23')).toEqual({});
    expect(postInput(form({ estimatedCost: '120', title: ' 收音机 ' }))).toMatchObject({
      title: '收音机',
      estimatedCost: 120,
      wantedBy: null,
    });
  });

  it('maps userErrors to form fields', () => {
    const problems = problemsByField([
      { field: ['input', 'title'], code: 'REQUIRED' },
      { field: ['input', 'wantedBy'], code: 'INVALID' },
      { field: ['input', 'photoUrls', '0'], code: 'INVALID' },
    ]);
    expect(problems).toEqual({ title: 'REQUIRED', wantedBy: 'INVALID', '': ['INVALID'] });
    // NOT_FOUND on the community: no home there (for yourself), or not your area (for a resident).
    const community = [{ field: ['input', 'community'], code: 'NOT_FOUND' }];
    expect(problemsByField(community).community).toBe('NOT_HOME');
    expect(problemsByField(community, false).community).toBe('NOT_IN_AREA');
    expect(problemsByField([{ field: ['input', 'grid'], code: 'NOT_FOUND' }], false).community).toBe('NOT_IN_AREA');
    expect(problemsByField([{ field: ['input', 'beneficiary'], code: 'NOT_FOUND' }], false).beneficiary).toBe('NO_PERSON');
  });

  it('sends the resident and the grid only when posting for someone', () => {
    expect(postInput(form(), 'QXJlYToyNQ')).toMatchObject({ beneficiary: null, grid: null });
    expect(postInput(form({ beneficiary: 'UGVyc29uOjE' }), 'QXJlYToyNQ')).toMatchObject({ beneficiary: 'UGVyc29uOjE', grid: 'QXJlYToyNQ' });
    expect(postInput(form({ beneficiary: 'UGVyc29uOjE' }))).toMatchObject({ beneficiary: 'UGVyc29uOjE', grid: null });
  });

  it("reads the viewer's roles: those in force, the units and teams to claim for, where they may post for residents", () => {
    const role = (extra: Partial<ViewerRole>): ViewerRole => ({
      role: 'OWNER',
      startsOn: '2024-01-01',
      endsOn: null,
      area: { id: 'household', kind: 'HOUSEHOLD', ancestors: [{ id: 'district' }, { id: 'street' }, { id: 'c1' }, { id: 'grid1' }] },
      organization: null,
      ...extra,
    });
    const unit = { id: 'unit', name: '审计局' };
    const team = { id: 'team', name: '志愿服务队' };
    const roles = [
      role({}),
      role({ role: 'IN_SERVICE_PARTY_MEMBER', organization: unit }),
      role({ role: 'PARTY_MEMBER', organization: unit }),
      role({ role: 'VOLUNTEER', organization: team, endsOn: '2026-11-22' }),
      role({ role: 'VOLUNTEER', organization: { id: 'later', name: '以后' }, startsOn: '2026-12-01' }),
    ];
    const now = rolesInForce(roles, '2026-11-23');
    expect(now).toHaveLength(3);
    expect(claimOrganizations(now)).toEqual([unit]);
    expect(claimOrganizations(rolesInForce(roles, '2026-11-22'))).toEqual([unit, team]);

    const c1 = { id: 'c1', name: '一社区', ancestors: [{ id: 'district' }, { id: 'street' }] };
    const c2 = { id: 'c2', name: '二社区', ancestors: [{ id: 'district' }, { id: 'street' }] };
    // Owners and party members post only for themselves.
    expect(postingScope(now, c1)).toBeNull();
    const gridWorker = role({
      role: 'GRID_WORKER',
      area: { id: 'grid1', kind: 'GRID', ancestors: [{ id: 'district' }, { id: 'street' }, { id: 'c1' }] },
    });
    expect(postingScope([gridWorker], c1)).toEqual({ within: 'grid1', grid: 'grid1' });
    expect(postingScope([gridWorker], c2)).toBeNull();
    const committee = role({ role: 'COMMUNITY_COMMITTEE_MEMBER', area: { id: 'c1', kind: 'COMMUNITY', ancestors: [] } });
    expect(postingScope([gridWorker, committee], c1)).toEqual({ within: 'c1', grid: null });
    const streetAdministrator = role({ role: 'ADMINISTRATOR', area: { id: 'street', kind: 'STREET', ancestors: [{ id: 'district' }] } });
    expect(postingScope([streetAdministrator], c2)).toEqual({ within: 'c2', grid: null });
    // A building head posts for the building's residents: searched within the building, no grid sent.
    const buildingHead = role({ role: 'BUILDING_HEAD', area: { id: 'b', kind: 'BUILDING', ancestors: [{ id: 'c1' }, { id: 'grid1' }] } });
    expect(postingScope([buildingHead], c1)).toEqual({ within: 'b', grid: null });
    expect(postingScope([buildingHead], c2)).toBeNull();
    expect(postingScope([buildingHead, gridWorker], c1)).toEqual({ within: 'grid1', grid: 'grid1' });
    expect(postingScope([committee], undefined)).toBeNull();
  });

  it('subscribes on the same path over ws: or wss:', () => {
    expect(webSocketUrl('https://gongzhi.example.gov.cn/graphql')).toBe('wss://gongzhi.example.gov.cn/graphql');
    expect(webSocketUrl('/graphql', 'http://127.0.0.1:4000/portal')).toBe('ws://127.0.0.1:4000/graphql');
  });
});

describe('loading from the real API', () => {
  it('pages newest first with cursors, each wish once, and counts the progress as the API does', async () => {
    const client = new GraphQLClient(graphqlUrl());
    const area = inject('districtIds')[0];
    const filter = { area, states: [], categories: [] };
    const first = await loadWishes(client, filter, null);
    const { wishes } = await ask<{ wishes: { totalCount: number } }>('query($a: ID) { wishes(filter: { within: $a }) { totalCount } }', {
      a: area,
    });
    expect(first.totalCount).toBe(wishes.totalCount);
    expect(first.wishes.length).toBe(Math.min(PAGE_SIZE, wishes.totalCount));
    if (first.hasNextPage) {
      const second = await loadWishes(client, filter, first.endCursor);
      const ids = new Set([...first.wishes, ...second.wishes].map((w) => w.id));
      expect(ids.size).toBe(first.wishes.length + second.wishes.length);
      expect(second.wishes[0].createdAt <= first.wishes.at(-1)!.createdAt).toBe(true);
    }
    const progress = await loadProgress(client, area);
    const counts = await ask<{ lit: { totalCount: number }; all: { totalCount: number } }>(
      `query($a: ID) { lit: wishes(filter: { within: $a, state: [CONFIRMED] }) { totalCount }
        all: wishes(filter: { within: $a, state: [OPEN, CLAIMED, FULFILLED, CONFIRMED] }) { totalCount } }`,
      { a: area },
    );
    expect(progress).toEqual({ lit: counts.lit.totalCount, total: counts.all.totalCount });
  });

  it("maps the API's own userErrors for a bad wish to the form's fields", async () => {
    const response = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${inject('wishTokens').resident}` },
      body: JSON.stringify({
        query: 'mutation($i: PostWishInput!) { postWish(input: $i) { userErrors { field code } } }',
        variables: { i: { ...postInput(form({ title: '', wantedBy: '2001-01-01' })), community: inject('wishCommunity') } },
      }),
    });
    const body = (await response.json()) as { data: { postWish: { userErrors: { field: string[]; code: string }[] } } };
    const problems = problemsByField(body.data.postWish.userErrors);
    expect(problems.title).toBe('REQUIRED');
    expect(problems.wantedBy).toBe('INVALID');
  });

  it('finds residents by name for community staff, in clear, with their homes', async () => {
    const staff = inject('wishTokens').staff;
    const client = new GraphQLClient(graphqlUrl(), () => staff);
    const response = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({
        query: 'query($w: ID) { people(first: 1, filter: { within: $w, role: [OWNER] }) { nodes { name } } }',
        variables: { w: inject('wishCommunity') },
      }),
    });
    const [resident] = ((await response.json()) as { data: { people: { nodes: { name: string }[] } } }).data.people.nodes;
    const hits = await findPeople(client, inject('wishCommunity'), resident.name.slice(0, 2));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(10);
    expect(hits.every((hit) => hit.name.includes(resident.name.slice(0, 2)) && hit.home)).toBe(true);
  });
});
