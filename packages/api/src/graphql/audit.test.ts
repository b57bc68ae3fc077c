import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { graphqlUrl } from '../test/client.js';

/** The GraphQL-over-HTTP conformance audits of graphql-http, run against our real server. */
describe('graphql-http server audits', () => {
  const audits = serverAudits({ url: () => graphqlUrl() });
  const tally = { ok: 0, notice: 0, warn: 0, error: 0 };

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      tally[result.status] += 1;
      if (result.status === 'warn' || result.status === 'notice') console.log(`${result.status}: ${audit.name}: ${result.reason}`);
      expect(result.status === 'error' ? `${result.reason} ${JSON.stringify('response' in result ? '' : '')}` : 'not an error').toBe(
        'not an error',
      );
    });
  }

  it('tally', () => {
    console.log(`graphql-http audits: ${JSON.stringify(tally)}`);
    expect(tally.ok + tally.notice + tally.warn + tally.error).toBe(audits.length);
  });
});
