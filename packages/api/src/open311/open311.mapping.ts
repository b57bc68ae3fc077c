/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over residents' requests (诉求):
 * the names, the types and the rules of the translation, with no HTTP in them. open311.routes.ts
 * reads and writes through the requests module and answers with what this file makes.
 */
import { InputProblem, InputProblems } from '../graphql/errors.js';
import type { Request, RequestCategory, RequestState } from '../modules/requests/request.entity.js';
import { OPEN_STATES } from '../modules/requests/request.machine.js';

/** An error as GeoReport v2 reports it: a JSON array of `{ code, description }`, and the same code as the HTTP status. */
export class GeoReportError extends Error {
  constructor(
    readonly code: 400 | 401 | 403 | 404 | 413 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
    this.name = 'GeoReportError';
  }

  get body(): { code: number; description: string }[] {
    return [{ code: this.code, description: this.description }];
  }
}

/** GET services.json: one service per request category. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** No service asks for attributes beyond the standard fields, so there is no service definition to fetch. */
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** One service request, with every field GeoReport v2 names; what the caller may not see is null. */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export type Open311Status = 'open' | 'closed';

/**
 * A request is open while someone still has something to do (request.machine.ts's OPEN_STATES);
 * resolved, rated, closed (归档) and rejected (不予受理) are closed. A resolved request may still
 * be reopened by its reporter: it is then open again.
 */
export function statusOf(state: RequestState): Open311Status {
  return OPEN_STATES.includes(state) ? 'open' : 'closed';
}

/** Where each state stands, in words anyone may read (the public's status_notes). */
const STATE_NOTES: Record<RequestState, string> = {
  SUBMITTED: 'Submitted (已点单), waiting to be dispatched',
  DISPATCHED: 'Dispatched (已派单) to a department or the grid',
  ACCEPTED: 'Accepted (已接单) by the department or the grid',
  IN_HAND: 'Taken on (已领单): someone is on it',
  RESOLVED: 'Resolved (已办结)',
  RATED: 'Resolved and rated by the reporter (已评单)',
  CLOSED: 'Closed (已归档)',
  RETURNED: 'Returned to the dispatcher (已退回), to be dispatched again',
  REOPENED: 'Reopened (已重启): the reporter was not satisfied',
  REJECTED: 'Rejected (不予受理)',
};

/** Open311 groups services; the catalogue has no groups of its own, so the known codes are grouped here. */
const GROUPS: Record<string, string> = {
  'street-light': 'Public facilities',
  'water-leak': 'Public facilities',
  'waste-collection': 'Environment',
  noise: 'Neighbourhood',
  'illegal-parking': 'Neighbourhood',
  'elderly-alone': 'Care',
};

/** 90 minutes, 4 hours, 3 days. */
function duration(minutes: number): string {
  if (minutes < 120) return `${minutes} minutes`;
  if (minutes < 2 * 1440) return `${Math.round(minutes / 60)} hours`;
  return `${Math.round(minutes / 1440)} days`;
}

/** What the catalogue promises for a category: the service notice of each of its requests. */
export function noticeOf(category: RequestCategory): string {
  return `Dispatched within ${duration(category.dispatchMinutes)}, taken on within ${duration(
    category.acceptMinutes + category.takeOnMinutes,
  )} of being dispatched, resolved within ${duration(category.resolveMinutes)} of being taken on; late requests rise to the community, then the street.`;
}

export function serviceOf(category: RequestCategory): Open311Service {
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${category.nameEn}. ${noticeOf(category)}`,
    metadata: false,
    type: 'realtime',
    keywords: [category.name, category.nameEn.toLowerCase(), ...category.code.split('-')].join(','),
    group: GROUPS[category.code] ?? 'Other',
  };
}

/**
 * How much of a request the caller sees. `full`: the caller may see the request (the same rule as
 * GraphQL's `requests`): its description, its first photo and, once resolved, what was done. `placeShown`: the
 * reporter made the place public, or the caller may read it (their own request, or
 * `read:personal` in its grid). Anyone else gets the public summary, as `requestByTrackingCode`
 * gives it. Nobody is named: GeoReport v2 has no field for the reporter or the handler.
 */
export interface View {
  full: boolean;
  placeShown: boolean;
}

export interface RequestFacts {
  request: Request;
  category: RequestCategory;
  /** The department it was dispatched to, or else the grid, community or street answering for it (all public). */
  agency: string;
}

export function serviceRequestOf({ request, category, agency }: RequestFacts, view: View): Open311ServiceRequest {
  const place = view.placeShown;
  return {
    service_request_id: request.trackingCode,
    status: statusOf(request.state),
    status_notes: view.full && request.resolution ? request.resolution : STATE_NOTES[request.state],
    service_name: category.name,
    service_code: category.code,
    description: view.full ? request.description : null,
    agency_responsible: agency,
    service_notice: noticeOf(category),
    requested_datetime: request.submittedAt.toISOString(),
    updated_datetime: request.updatedAt.toISOString(),
    expected_datetime: request.deadline?.toISOString() ?? null,
    address: place ? (request.address ?? null) : null,
    address_id: null,
    zipcode: null,
    lat: place ? (request.latitude ?? null) : null,
    long: place ? (request.longitude ?? null) : null,
    media_url: view.full ? (request.photoUrls[0] ?? null) : null,
  };
}

/** A list or a search, from GET requests.json's query string. */
export interface ListQuery {
  /** Tracking codes: when given, every other parameter but paging is ignored, as GeoReport v2 says. */
  ids: string[] | null;
  serviceCodes: string[] | null;
  from: Date | null;
  to: Date | null;
  states: RequestState[] | null;
  pageSize: number;
  /** 1-based. */
  page: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/** Without start_date and end_date, the last 90 days, as GeoReport v2 suggests. */
export const DEFAULT_DAYS = 90;

const TRACKING_CODE = /^[A-Z0-9]{1,16}$/;

/** A comma list of a string parameter; null when absent or empty. */
function commaList(value: unknown, name: string): string[] | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new GeoReportError(400, `${name} is given once, as a comma-separated list`);
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : null;
}

function dateParameter(value: unknown, name: string): Date | null {
  if (value === undefined || value === '') return null;
  // W3C date-time, as GeoReport v2 has it (2010-01-01T00:00:00Z, or with an offset).
  const at =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
      ? new Date(value)
      : null;
  if (!at || Number.isNaN(at.getTime())) throw new GeoReportError(400, `${name} must be a W3C date-time, e.g. 2026-11-01T00:00:00Z`);
  return at;
}

function wholeNumber(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new GeoReportError(400, `${name} must be a whole number from 1 to ${max}`);
  return n;
}

export function parseListQuery(query: Record<string, unknown>, now: Date): ListQuery {
  const pageSize = wholeNumber(query.page_size, 'page_size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const page = wholeNumber(query.page, 'page', 1, 1_000_000);
  const ids = commaList(query.service_request_id, 'service_request_id')?.map((id) => id.toUpperCase()) ?? null;
  if (ids) {
    if (ids.length > MAX_PAGE_SIZE) throw new GeoReportError(400, `At most ${MAX_PAGE_SIZE} service_request_id at once`);
    return { ids: ids.filter((id) => TRACKING_CODE.test(id)), serviceCodes: null, from: null, to: null, states: null, pageSize, page };
  }
  const statuses = commaList(query.status, 'status');
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new GeoReportError(400, 'status is open or closed');
  let from = dateParameter(query.start_date, 'start_date');
  const to = dateParameter(query.end_date, 'end_date');
  if (!from && !to) from = new Date(now.getTime() - DEFAULT_DAYS * 86_400_000);
  if (from && to && from >= to) throw new GeoReportError(400, 'start_date must be before end_date');
  const states = statuses ? statesOf(statuses as Open311Status[]) : null;
  return { ids: null, serviceCodes: commaList(query.service_code, 'service_code'), from, to, states, pageSize, page };
}

const CLOSED_STATES: readonly RequestState[] = ['RESOLVED', 'RATED', 'CLOSED', 'REJECTED'];

function statesOf(statuses: Open311Status[]): RequestState[] {
  return [...(statuses.includes('open') ? OPEN_STATES : []), ...(statuses.includes('closed') ? CLOSED_STATES : [])];
}

/** What POST requests.json carries that we keep. */
export interface Submission {
  serviceCode: string;
  description: string;
  latitude: number;
  longitude: number;
  address: string | null;
  mediaUrl: string | null;
}

function text(body: Record<string, unknown>, name: string): string | null {
  const value = body[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new GeoReportError(400, `${name} must be given once, as text`);
  return value.trim() || null;
}

function coordinate(body: Record<string, unknown>, name: 'lat' | 'long', limit: number): number {
  const given = text(body, name);
  if (given === null) {
    throw new GeoReportError(400, 'lat and long are required: requests are placed in a grid by their coordinates (WGS-84)');
  }
  const value = /^[+-]?\d{1,3}(\.\d+)?$/.test(given) ? Number(given) : Number.NaN;
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    throw new GeoReportError(400, `${name} must be a number from -${limit} to ${limit} (WGS-84 degrees)`);
  }
  return value;
}

/**
 * The fields of a POST, form-encoded or JSON. The location must be lat and long (an address
 * alone cannot be placed in a grid). first_name, last_name, email, phone, device_id and
 * account_id are accepted and not stored: the organisation whose key submits does so on the
 * resident's behalf and keeps its own contact with them (PIPL: collect no more than needed).
 */
export function parseSubmission(body: Record<string, unknown>): Submission {
  const serviceCode = text(body, 'service_code');
  if (!serviceCode) throw new GeoReportError(400, 'service_code is required (see services.json)');
  const description = text(body, 'description');
  if (!description) throw new GeoReportError(400, 'description is required: describe the matter');
  return {
    serviceCode,
    description,
    latitude: coordinate(body, 'lat', 90),
    longitude: coordinate(body, 'long', 180),
    address: text(body, 'address_string'),
    mediaUrl: text(body, 'media_url'),
  };
}

/** The requests module's field names, as the Open311 client knows them. */
const FIELD_NAMES: Record<string, string> = {
  category: 'service_code',
  description: 'description',
  address: 'address_string',
  latitude: 'lat',
  longitude: 'long',
  grid: 'lat/long',
  photoUrls: 'media_url',
};

/** The service's input problems as one GeoReport error: an unknown category or place is bad input too. */
export function submissionError(error: InputProblem | InputProblems): GeoReportError {
  const problems = error instanceof InputProblems ? error.problems : [error];
  const described = problems.map((p) => {
    const field = FIELD_NAMES[p.field[1] ?? ''] ?? p.field.slice(1).join('.');
    const message = p.field[1] === 'category' && p.code === 'NOT_FOUND' ? 'No such service_code (see services.json)' : p.message;
    return `${field}: ${message}`;
  });
  return new GeoReportError(400, described.join('; '));
}
