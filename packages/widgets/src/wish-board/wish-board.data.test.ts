import { describe, expect, inject, it } from 'vitest';
import { ask, graphqlUrl } from '../../test/fixtures.js';
import { GraphQLClient } from '../core/graphql-client.js';
import { webSocketUrl } from '../core/live.js';
import {
  appendPage,
  applyChange,
  type BoardFilter,
  type BoardWish,
  loadProgress,
  loadWishes,
  PAGE_SIZE,
  parseList,
  postInput,
  problemsByField,
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
});
