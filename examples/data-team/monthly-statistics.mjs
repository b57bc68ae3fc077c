#!/usr/bin/env node
/**
 * One month of statistics (一站数据) for every community of a district, one CSV row each:
 *
 *   GONGZHI_API=http://localhost:4000/graphql GONGZHI_TOKEN=gzk_… \
 *     node monthly-statistics.mjs [--district <id or name>] [--month 2026-10] [--out file.csv]
 *
 * GONGZHI_TOKEN is an API key with the READ_STATS scope (its organisation's area must hold the
 * district), or a person's bearer token with read:stats there. Without --district, the first
 * district the caller may read statistics of; without --month, last month in China time; without
 * --out, statistics-<district>-<month>.csv. One request: the API counts every section for all
 * communities at once.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';

const endpoint = process.env.GONGZHI_API ?? 'http://localhost:4000/graphql';
const token = process.env.GONGZHI_TOKEN;
const { values } = parseArgs({ options: { district: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } } });

async function graphql(query, variables) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('\n'));
  return body.data;
}

/** `YYYY-MM` of last month in China (UTC+8). */
function lastMonth() {
  const china = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

const month = values.month ?? lastMonth();
if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`--month must be YYYY-MM, got ${month}`);
const [year, monthNumber] = month.split('-').map(Number);
const next = new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 7);
// Periods are counted in China time: the month runs from its first midnight in Beijing to the next.
const from = `${month}-01T00:00:00+08:00`;
const to = `${next}-01T00:00:00+08:00`;

const DISTRICTS = `{ areas(first: 100, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id name } } }`;

/** The figures asked for, by section: each becomes a column `section.field`, in this order. */
const SECTIONS = {
  wishes: ['posted', 'claimed', 'fulfilled', 'litUp', 'litUpRate'],
  requests: ['submitted', 'resolved', 'closed', 'overdue', 'escalated', 'resolutionRate', 'rated', 'averageRating'],
  votes: ['opened', 'decided', 'passed', 'passRate', 'averageParticipation'],
  stations: ['stations', 'opened', 'services', 'households', 'coveredHouseholds', 'coveredShare'],
  partyService: [
    'wishesLitUp',
    'wishesLitUpByInServiceMembers',
    'requestsTakenOn',
    'requestsTakenOnByInServiceMembers',
    'membersServed',
    'inServiceMembersServed',
  ],
  property: [
    'compounds',
    'withPropertyCompany',
    'selfManaged',
    'unmanaged',
    'propertyCompanyShare',
    'propertyCompanies',
    'companiesWithPartyOrganization',
    'partyOrganizationShare',
    'redHeartCompanies',
    'feeCollectionRate',
  ],
};

const STATISTICS = `query($district: ID!, $from: DateTime!, $to: DateTime!) {
  statistics(within: $district, level: COMMUNITY, period: MONTH, from: $from, to: $to) {
    rows {
      area { name code parent { name } }
      periodLabel
      ${Object.entries(SECTIONS)
        .map(([section, fields]) => `${section} { ${fields.join(' ')} }`)
        .join('\n      ')}
    }
  }
}`;

const { areas } = await graphql(DISTRICTS);
const wanted = values.district;
const candidates = wanted ? areas.nodes.filter((d) => d.id === wanted || d.name === wanted) : areas.nodes;
let report = null;
let district = null;
for (const candidate of candidates) {
  // A caller without read:stats in a district gets null for it: try the next one.
  ({ statistics: report } = await graphql(STATISTICS, { district: candidate.id, from, to }));
  if (report) {
    district = candidate;
    break;
  }
}
if (!report)
  throw new Error(wanted ? `no statistics of district ${wanted} for this caller` : 'no district whose statistics this caller may read');

const header = ['street', 'community', 'community_code', 'month'];
for (const [section, fields] of Object.entries(SECTIONS)) header.push(...fields.map((field) => `${section}.${field}`));
// Rates and averages are empty where there was nothing to divide by (the API gives null, not 0).
const records = report.rows.map((row) => [
  row.area.parent?.name,
  row.area.name,
  row.area.code,
  row.periodLabel.slice(0, 7),
  ...Object.entries(SECTIONS).flatMap(([section, fields]) => fields.map((field) => row[section][field])),
]);

const out = values.out ?? `statistics-${district.name}-${month}.csv`;
// A byte-order mark, so that spreadsheet programs read the Chinese names as UTF-8.
await writeFile(out, `\uFEFF${stringify([header, ...records])}`);
console.log(`${out}: ${records.length} communities of ${district.name}, ${month} (China time)`);
