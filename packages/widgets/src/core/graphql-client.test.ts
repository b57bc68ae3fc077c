import { describe, expect, inject, it } from 'vitest';
import { graphqlUrl } from '../../test/fixtures.js';
import { TypedDocumentString } from './generated/graphql.js';
import { GraphQLClient, RequestError } from './graphql-client.js';
import { en, translationFor, zhCN } from './i18n.js';

const Viewer = new TypedDocumentString<{ viewer: { id: string } | null }, Record<string, never>>('query Viewer { viewer { id } }');

async function failure(request: Promise<unknown>): Promise<RequestError> {
  try {
    await request;
  } catch (error) {
    return error as RequestError;
  }
  throw new Error('the request succeeded');
}

describe('GraphQLClient against the real API', () => {
  it('is anonymous without a token provider, and signed in with one (Authorization: Bearer …)', async () => {
    expect((await new GraphQLClient(graphqlUrl()).request(Viewer, {})).viewer).toBeNull();
    const signedIn = await new GraphQLClient(graphqlUrl(), async () => inject('token')).request(Viewer, {});
    expect(signedIn.viewer?.id).toMatch(/.+/);
  });

  it('reports GraphQL errors with their code, and unreachable servers as OFFLINE', async () => {
    const invalid = new TypedDocumentString<unknown, Record<string, never>>('{ noSuchField }');
    const graphqlError = await failure(new GraphQLClient(graphqlUrl()).request(invalid, {}));
    expect(graphqlError).toBeInstanceOf(RequestError);
    expect(graphqlError.code).toBe('GRAPHQL');
    expect(graphqlError.graphqlCode).toBe('GRAPHQL_VALIDATION_FAILED');

    const offline = await failure(new GraphQLClient('http://127.0.0.1:9/graphql').request(Viewer, {}));
    expect(offline).toBeInstanceOf(RequestError);
    expect(offline.code).toBe('OFFLINE');
  });
});

describe('translations', () => {
  it('default to zh-CN and pick English for any en tag', () => {
    expect(translationFor(undefined)).toBe(zhCN);
    expect(translationFor('zh-Hans-CN')).toBe(zhCN);
    expect(translationFor('en-GB')).toBe(en);
    expect(zhCN.metres(1234)).toBe('1.2 公里');
    expect(en.metres(340.4)).toBe('340 m');
  });
});
