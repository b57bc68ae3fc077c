#!/usr/bin/env node
/**
 * A property company keeps its buildings and households in step with gongzhi:
 *
 *   GONGZHI_API=http://localhost:4000/graphql GONGZHI_KEY=gzk_… \
 *     node sync.mjs --file households.csv --compound <our compound ID> --compound-ref HX-C01
 *
 * - The CSV has one row per household: building_id, building_name, household_id,
 *   household_name, floor_area, owner_count (ids are the company's own).
 * - Records go in calls of at most --batch (1,000, the API's limit), in the order the API
 *   wants them: the compound (linking our ID to yours, the first time), its buildings, then the
 *   households.
 * - Each call has its own idempotency key, kept across its retries: a call that timed out or
 *   met a 5xx or a dropped connection is sent again with the same key, and the API answers
 *   what it did the first time instead of writing twice. Retries back off exponentially.
 * - It prints the totals and every record the API refused (with its code and field), and exits
 *   with 2 when some were refused, 1 when a call failed for good.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { ClientError, GraphQLClient, gql } from 'graphql-request';
import pRetry, { AbortError } from 'p-retry';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: new URL('households.csv', import.meta.url).pathname },
    compound: { type: 'string' },
    'compound-ref': { type: 'string', default: 'HX-C01' },
    batch: { type: 'string', default: '1000' },
    retries: { type: 'string', default: '5' },
  },
});
const endpoint = process.env.GONGZHI_API ?? 'http://localhost:4000/graphql';
const key = process.env.GONGZHI_KEY;
if (!key) {
  console.error('GONGZHI_KEY must hold the company’s API key (scope WRITE_PROPERTY)');
  process.exit(1);
}
const client = new GraphQLClient(endpoint, { headers: { authorization: `Bearer ${key}` } });

const SYNC = gql`
  mutation Sync($input: SyncPropertyInput!) {
    syncProperty(input: $input) {
      created
      updated
      unchanged
      failed
      replayed
      results {
        kind
        index
        externalId
        status
        error {
          code
          field
          message
        }
      }
    }
  }
`;

/** The CSV's rows as the API's records: one compound, its buildings (once each), its households. */
async function readRecords(file) {
  const buildings = new Map();
  const households = [];
  for await (const row of createReadStream(file).pipe(parse({ columns: true, trim: true, skip_empty_lines: true }))) {
    buildings.set(row.building_id, { externalId: row.building_id, compound: values['compound-ref'], name: row.building_name });
    households.push({
      externalId: row.household_id,
      building: row.building_id,
      name: row.household_name,
      floorArea: row.floor_area === '' ? null : Number(row.floor_area),
      ownerCount: row.owner_count === '' ? null : Number(row.owner_count),
    });
  }
  const compound = { externalId: values['compound-ref'], ...(values.compound ? { compound: values.compound } : {}) };
  return [
    ['compounds', [compound]],
    ['buildings', [...buildings.values()]],
    ['households', households],
  ];
}

/** Calls of at most `size` records, kinds in order; a call may carry several kinds. */
function* calls(groups, size) {
  let call = {};
  let count = 0;
  for (const [field, records] of groups) {
    for (const record of records) {
      call[field] = [...(call[field] ?? []), record];
      if (++count === size) {
        yield call;
        call = {};
        count = 0;
      }
    }
  }
  if (count) yield call;
}

/** One call, retried with the same idempotency key until the API has answered it. */
function send(records) {
  const idempotencyKey = randomUUID();
  return pRetry(
    async () => {
      try {
        const data = await client.request(SYNC, { input: { idempotencyKey, ...records } });
        return data.syncProperty;
      } catch (error) {
        // An answer with GraphQL errors (a refused key, bad input) will not change on retry.
        if (error instanceof ClientError && error.response.status < 500 && error.response.status !== 429) throw new AbortError(error);
        throw error;
      }
    },
    {
      retries: Number(values.retries),
      minTimeout: 500,
      factor: 2,
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) =>
        console.error(`call failed (attempt ${attemptNumber}, ${retriesLeft} left): ${error.message.split('\n')[0]}`),
    },
  );
}

const totals = { created: 0, updated: 0, unchanged: 0, failed: 0, replayed: 0 };
const refused = [];
try {
  for (const records of calls(await readRecords(values.file), Number(values.batch))) {
    const answer = await send(records);
    for (const k of ['created', 'updated', 'unchanged', 'failed']) totals[k] += answer[k];
    if (answer.replayed) totals.replayed += 1;
    refused.push(...answer.results.filter((r) => r.error));
  }
} catch (error) {
  console.error(`sync stopped: ${error.message}`);
  process.exit(1);
}
console.log(
  `created ${totals.created}, updated ${totals.updated}, unchanged ${totals.unchanged}, refused ${totals.failed}` +
    (totals.replayed ? ` (${totals.replayed} call(s) answered from an earlier attempt)` : ''),
);
for (const r of refused)
  console.log(`refused ${r.kind} ${r.externalId}: ${r.error.code} at ${r.error.field.join('.')}: ${r.error.message}`);
process.exit(refused.length ? 2 : 0);
