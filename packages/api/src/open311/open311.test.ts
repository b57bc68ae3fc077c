import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiUrl, graphqlUrl, operatorToken, query } from '../test/client.js';
import { firstArea, uniqueName } from '../test/fixtures.js';

/** GeoReport v2's fields, exactly: services.json, one service request, and the answer to a POST. */
const SERVICE_FIELDS = ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'];
const REQUEST_FIELDS = [
  'address',
  'address_id',
  'agency_responsible',
  'description',
  'expected_datetime',
  'lat',
  'long',
  'media_url',
  'requested_datetime',
  'service_code',
  'service_name',
  'service_notice',
  'service_request_id',
  'status',
  'status_notes',
  'updated_datetime',
  'zipcode',
];
const CREATED_FIELDS = ['account_id', 'service_notice', 'service_request_id'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TRACKING_CODE = /^GZ[2-9A-Z]{10}$/;

const base = () => `${apiUrl()}/open311/v2`;

interface Answer {
  status: number;
  type: string | null;
  body: any;
}

async function get(path: string, credential: string | null = null): Promise<Answer> {
  const res = await fetch(`${base()}${path}`, { headers: credential ? { authorization: `Bearer ${credential}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

/** As Open311 clients send it: form-encoded, the key in the `api_key` field. */
async function postForm(fields: Record<string, string>, requestId?: string): Promise<Answer> {
  const res = await fetch(`${base()}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

/** A GeoReport error: one `{ code, description }` whose code is the HTTP status. */
function expectError(answer: Answer, status: number, description?: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual([{ code: status, description: expect.any(String) }]);
  if (description) expect(answer.body[0].description).toMatch(description);
}

function expectServiceRequest(item: Record<string, unknown>): void {
  expect(Object.keys(item).sort()).toEqual(REQUEST_FIELDS);
  expect(item.service_request_id).toMatch(TRACKING_CODE);
  expect(['open', 'closed']).toContain(item.status);
  for (const field of ['service_name', 'service_code', 'agency_responsible', 'service_notice', 'status_notes']) {
    expect(typeof item[field], field).toBe('string');
  }
  expect(item.requested_datetime).toMatch(ISO);
  expect(item.updated_datetime).toMatch(ISO);
  if (item.expected_datetime !== null) expect(item.expected_datetime).toMatch(ISO);
  for (const field of ['description', 'address', 'media_url']) {
    expect(item[field] === null || typeof item[field] === 'string', field).toBe(true);
  }
  for (const field of ['lat', 'long']) expect(item[field] === null || typeof item[field] === 'number', field).toBe(true);
  expect(item.address_id).toBeNull();
  expect(item.zipcode).toBeNull();
}

async function createKey(organization: string, scopes: string[]): Promise<string> {
  const data = await query<{ createApiKey: { secret: string } }>(
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
    { i: { organization, name: uniqueName('Open311'), scopes } },
  );
  return data.createApiKey.secret;
}

async function organizationIn(area: string): Promise<string> {
  const data = await query<{ createOrganization: { organization: { id: string } } }>(
    'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }',
    { i: { kind: 'UNIT', name: uniqueName('12345热线'), area } },
  );
  return data.createOrganization.organization.id;
}

let place: { lat: string; long: string; grid: string; gridName: string; community: string };
/** A hotline's key in the grid's community, allowed to submit; a key of the same unit that may only read; a key of a unit elsewhere. */
let submitter: string;
let reader: string;
let elsewhere: string;

const RESIDENT = { first_name: '小华', last_name: '王', email: 'wang.xiaohua@example.cn', phone: '13800001234' };
const submission = (extra: Record<string, string> = {}) => ({
  api_key: submitter,
  service_code: 'street-light',
  lat: place.lat,
  long: place.long,
  address_string: '幸福小区3号楼东侧',
  description: '3号楼东侧路灯不亮，晚上很黑。',
  media_url: 'https://photos.example.cn/street-light.jpg',
  ...RESIDENT,
  ...extra,
});

beforeAll(async () => {
  const districts = await query<{ areas: { nodes: { id: string }[] } }>(
    '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
  );
  const [district1, district2] = districts.areas.nodes.map((n) => n.id);
  const grid = await firstArea('GRID', district2);
  const outline = await query<{ node: { boundary: { latitude: number; longitude: number }[]; ancestors: { id: string; kind: string }[] } }>(
    'query($g: ID!) { node(id: $g) { ... on Area { boundary { latitude longitude } ancestors { id kind } } } }',
    { g: grid.id },
  );
  const ring = outline.node.boundary;
  const community = outline.node.ancestors.find((a) => a.kind === 'COMMUNITY')?.id as string;
  place = {
    lat: String(ring.reduce((s, p) => s + p.latitude, 0) / ring.length),
    long: String(ring.reduce((s, p) => s + p.longitude, 0) / ring.length),
    grid: grid.id,
    gridName: grid.name,
    community,
  };
  const hotline = await organizationIn(community);
  submitter = await createKey(hotline, ['SUBMIT_REQUESTS']);
  reader = await createKey(hotline, ['READ_PUBLIC']);
  elsewhere = await createKey(await organizationIn((await firstArea('COMMUNITY', district1)).id), ['SUBMIT_REQUESTS']);
}, 60_000);

describe('Open311 GeoReport v2: an Open311 client’s flow', () => {
  it('lists the request categories as services', async () => {
    const services = await get('/services.json');
    expect(services.status).toBe(200);
    expect(services.type).toMatch(/^application\/json/);
    expect(services.body.length).toBeGreaterThanOrEqual(7);
    for (const service of services.body) {
      expect(Object.keys(service).sort()).toEqual(SERVICE_FIELDS);
      expect(service).toMatchObject({ metadata: false, type: 'realtime' });
      for (const field of ['service_code', 'service_name', 'description', 'keywords', 'group'])
        expect(typeof service[field]).toBe('string');
    }
    expect(services.body.find((s: { service_code: string }) => s.service_code === 'street-light')).toMatchObject({
      service_name: '路灯损坏',
      group: 'Public facilities',
      description: expect.stringMatching(/^Broken street light\. Dispatched within 2 hours/),
    });
  });

  it('creates a request with an API key (form-encoded), fetches it by id and finds it in filtered lists', async () => {
    const requestId = `open311-${Date.now()}`;
    const created = await postForm(submission(), requestId);
    expect(created.status).toBe(201);
    expect(created.body).toHaveLength(1);
    expect(Object.keys(created.body[0]).sort()).toEqual(CREATED_FIELDS);
    expect(created.body[0]).toMatchObject({ service_notice: expect.any(String), account_id: null });
    const id = created.body[0].service_request_id as string;
    expect(id).toMatch(TRACKING_CODE);

    // Anyone: the public summary, with no description, place or photo (the address was not made public).
    const anonymous = await get(`/requests/${id}.json`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toHaveLength(1);
    expectServiceRequest(anonymous.body[0]);
    expect(anonymous.body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'street-light',
      service_name: '路灯损坏',
      agency_responsible: place.gridName,
      status_notes: expect.stringContaining('Submitted'),
      description: null,
      address: null,
      lat: null,
      long: null,
      media_url: null,
    });
    expect(anonymous.body[0].expected_datetime).toMatch(ISO);

    // The key that submitted it, and the grid's administrator, see it in full; no one's name, email or phone was kept.
    for (const credential of [submitter, operatorToken()]) {
      const full = await get(`/requests/${id.toLowerCase()}.json`, credential);
      expect(full.status).toBe(200);
      expectServiceRequest(full.body[0]);
      expect(full.body[0]).toMatchObject({
        description: '3号楼东侧路灯不亮，晚上很黑。',
        address: '幸福小区3号楼东侧',
        lat: Number(place.lat),
        long: Number(place.long),
        media_url: 'https://photos.example.cn/street-light.jpg',
      });
    }
    const stored = await query<{ requests: { nodes: { trackingCode: string; reporterName: string }[] } }>(
      'query($g: ID) { requests(first: 100, filter: { within: $g }) { nodes { trackingCode reporterName } } }',
      { g: place.grid },
    );
    const reporterName = stored.requests.nodes.find((r) => r.trackingCode === id)?.reporterName;
    expect(reporterName).toMatch(/^12345热线/);
    for (const value of Object.values(RESIDENT)) expect(JSON.stringify(stored)).not.toContain(value);

    // Audited under the key, in its scope.
    const audit = await query<{ auditLog: { nodes: { action: string; role: string; requestId: string }[] } }>(
      '{ auditLog(first: 100, filter: { actorKind: API_KEY, action: ["request.submit"] }) { nodes { action role requestId } } }',
    );
    expect(audit.auditLog.nodes).toContainEqual({ action: 'request.submit', role: 'submit:requests', requestId });

    const listed = await get('/requests.json?service_code=street-light&status=open&page_size=1000');
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    for (const item of listed.body) {
      expectServiceRequest(item);
      expect(item).toMatchObject({ service_code: 'street-light', status: 'open' });
    }
    const closed = await get('/requests.json?service_code=street-light&status=closed&page_size=1000');
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    const other = await get('/requests.json?service_code=noise,water-leak');
    expect(other.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    const byIds = await get(`/requests.json?service_request_id=${id},GZ2222222222`);
    expect(byIds.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    const past = await get('/requests.json?service_code=street-light&start_date=2020-01-01T00:00:00Z&end_date=2020-12-31T00:00:00Z');
    expect(past.body).toEqual([]);
    const paged = await get('/requests.json?page_size=1&page=1');
    expect(paged.body).toHaveLength(1);
  });

  it('takes a JSON body with the key in the Authorization header, and tells the dispatchers', async () => {
    const event = await firstQueueEvent(place.community, async () => {
      const res = await fetch(`${base()}/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${submitter}` },
        body: JSON.stringify({ service_code: 'noise', lat: Number(place.lat), long: Number(place.long), description: '楼下夜间施工。' }),
      });
      expect(res.status).toBe(201);
    });
    expect(event).toMatchObject({ action: 'CREATED', request: { category: { code: 'noise' } } });
  });
});

/** Subscribes to `requestQueue` as the operator (an administrator, so a dispatcher) until the first event. */
async function firstQueueEvent(area: string, trigger: () => Promise<void>): Promise<unknown> {
  const client = createClient({
    url: graphqlUrl().replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    connectionParams: { authorization: `Bearer ${operatorToken()}` },
  });
  try {
    const events = client.iterate({
      query: 'subscription($a: ID!) { requestQueue(area: $a) { action request { trackingCode category { code } } } }',
      variables: { a: area },
    });
    let received = false;
    const first = events.next().finally(() => {
      received = true;
    });
    for (let attempt = 0; attempt < 40 && !received; attempt++) {
      await trigger();
      await Promise.race([first, new Promise((r) => setTimeout(r, 250))]);
    }
    const { value } = await first;
    await events.return?.();
    return (value as { data: { requestQueue: unknown } }).data.requestQueue;
  } finally {
    await client.dispose();
  }
}

describe('Open311 GeoReport v2: errors', () => {
  it('refuses a POST without a key (401), with a bad key (401), with a key lacking the scope (403), outside the key’s area (403)', async () => {
    const { api_key: _, ...keyless } = submission();
    expectError(await postForm(keyless), 401, /API key is required/);
    expectError(await postForm(submission({ api_key: 'gzk_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' })), 401, /not valid/);
    expectError(await postForm(submission({ api_key: 'not-a-key' })), 401);
    expectError(await postForm(submission({ api_key: reader })), 403, /SUBMIT_REQUESTS/);
    expectError(await postForm(submission({ api_key: elsewhere })), 403, /outside your organisation/);
  });

  it('refuses bad input with 400 and says what is wrong', async () => {
    expectError(await postForm(submission({ service_code: 'no-such-thing' })), 400, /service_code/);
    expectError(await postForm(submission({ service_code: '' })), 400, /service_code is required/);
    expectError(await postForm(submission({ lat: '91', long: place.long })), 400, /lat must be a number from -90 to 90/);
    expectError(await postForm(submission({ long: 'east' })), 400, /long must be a number/);
    expectError(await postForm(submission({ lat: '' })), 400, /lat and long are required/);
    expectError(await postForm(submission({ lat: '0', long: '0' })), 400, /no grid/);
    expectError(await postForm(submission({ description: ' ' })), 400, /description is required/);
    expectError(await postForm(submission({ media_url: 'javascript:alert(1)' })), 400, /media_url/);
    expectError(await get('/requests.json?status=pending'), 400, /open or closed/);
    expectError(await get('/requests.json?start_date=yesterday'), 400, /start_date/);
    expectError(await get('/requests.json?page_size=5000'), 400, /page_size/);
  });

  it('answers 404 for an unknown id or resource, and for XML', async () => {
    expectError(await get('/requests/GZ2222222222.json'), 404, /service_request_id/);
    expectError(await get('/requests/GZ2222222222.xml'), 404, /JSON only/);
    expectError(await get('/services.xml'), 404, /JSON only/);
    expectError(await get('/discovery.json'), 404);
  });

  it('refuses a credential that is present but not valid, on reads too', async () => {
    expectError(await get('/services.json', 'not-a-token'), 401);
  });
});
