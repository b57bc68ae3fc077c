#!/usr/bin/env node
/**
 * Prints every district's tree of areas, down to a depth (default: grids), one line each:
 *
 *   GONGZHI_API=http://localhost:4000/graphql node area-tree.mjs [--depth 3]
 *
 * It follows `pageInfo.endCursor` on every connection, so no level is cut at one page.
 */
import { parseArgs } from 'node:util';

const endpoint = process.env.GONGZHI_API ?? 'http://localhost:4000/graphql';
const { values } = parseArgs({ options: { depth: { type: 'string', default: '3' } } });
const maxDepth = Number(values.depth);

async function graphql(query, variables) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('\n'));
  return body.data;
}

const PAGE = `query($filter: AreaFilter, $after: String) {
  areas(filter: $filter, first: 100, after: $after) {
    nodes { id name kind }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every area matching the filter, page after page. */
async function* allAreas(filter) {
  let after = null;
  do {
    const { areas } = await graphql(PAGE, { filter, after });
    yield* areas.nodes;
    after = areas.pageInfo.hasNextPage ? areas.pageInfo.endCursor : null;
  } while (after);
}

async function print(area, depth) {
  console.log(`${'  '.repeat(depth)}${area.name} (${area.kind})`);
  if (depth >= maxDepth) return;
  for await (const child of allAreas({ parent: area.id })) await print(child, depth + 1);
}

for await (const district of allAreas({ kind: ['DISTRICT'] })) await print(district, 0);
