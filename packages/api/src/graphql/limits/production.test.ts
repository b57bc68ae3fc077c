import { describe, expect, it } from 'vitest';
import { ownServer } from '../../test/own-server.js';

/** A server of its own, started as a deployment would with GZ_PRODUCTION=true. */
describe('production mode', () => {
  const own = ownServer({ GZ_PRODUCTION: 'true' });

  const post = async (query: string) => {
    const res = await fetch(own.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
    };
  };

  it('answers queries', async () => {
    expect((await post('{ areas { totalCount } }')).body).toMatchObject({ data: { areas: { totalCount: 0 } } });
  });

  it('refuses introspection', async () => {
    const r = await post('{ __schema { types { name } } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });

  it('serves no GraphiQL', async () => {
    expect((await fetch(`${own.server.url}/graphiql`)).status).toBe(404);
    expect((await fetch(own.server.url, { redirect: 'manual' })).status).toBe(404);
  });

  it('gives no field suggestions and no stack traces', async () => {
    const r = await post('{ area { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].message).not.toMatch(/did you mean/i);
    expect(JSON.stringify(r.body)).not.toMatch(/stacktrace/);
  });
});
