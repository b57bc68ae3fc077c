import { describe, expect, it } from 'vitest';
import { Person } from '../../modules/people/person.entity.js';
import { ownServer } from '../../test/own-server.js';
import { toGlobalId } from '../global-id.js';

/** A server of its own with a budget of 100 points a minute per caller. */
describe('rate limits', () => {
  let personId = 0;
  const own = ownServer({ GZ_RATE_LIMIT: '100' }, async (em) => {
    const person = em.create(Person, { name: '李四' } as never);
    await em.flush();
    personId = person.id;
  });

  const ask = async (query: string, token?: string) => {
    const res = await fetch(own.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { data?: any; errors?: any[]; extensions?: any },
    };
  };

  it('spends each query’s cost from the caller’s minute, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const page = '{ areas(first: 40) { nodes { name } } }'; // costs 41
    const first = await ask(page);
    expect(first.body.extensions.cost).toMatchObject({ requested: 41, remaining: 59 });
    const second = await ask(page);
    expect(second.body.extensions.cost).toMatchObject({ requested: 41, remaining: 18 });
    const third = await ask(page);
    expect(third.status).toBe(429);
    expect(third.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: { requested: 41, remaining: 18 } });
    expect(Number(third.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(third.retryAfter)).toBeLessThanOrEqual(60);
    expect(third.body.data).toBeUndefined();
    // A cheap query still fits in what is left.
    expect((await ask('{ areas(first: 5) { totalCount } }')).status).toBe(200);
  });

  it('counts a signed-in person apart from their address', async () => {
    const issued = await ask(`mutation { issueDevelopmentToken(input: { person: "${toGlobalId('Person', personId)}" }) { token } }`);
    const token = issued.body.data?.issueDevelopmentToken.token;
    expect(typeof token).toBe('string');
    const mine = await ask('{ areas(first: 40) { nodes { name } } }', token);
    expect(mine.status).toBe(200);
    expect(mine.body.extensions.cost.remaining).toBe(59);
  });
});
