import {
  type PostWishInput,
  type RoleKind,
  WishBoardPeopleDocument,
  WishBoardProgressDocument,
  type WishBoardViewerQuery,
  WishBoardWishesDocument,
  type WishBoardWishFragment,
  type WishCategory,
  type WishState,
} from '../core/generated/graphql.js';
import type { GraphQLClient } from '../core/graphql-client.js';

/** A wish as the board shows it (the API's `Wish`, masked names as the API gives them). */
export type BoardWish = WishBoardWishFragment;
export type { WishCategory, WishState };

export const WISH_STATES: readonly WishState[] = [
  'PENDING_REVIEW',
  'OPEN',
  'CLAIMED',
  'FULFILLED',
  'CONFIRMED',
  'WITHDRAWN',
  'REJECTED',
  'EXPIRED',
];
export const PUBLIC_STATES: readonly WishState[] = ['OPEN', 'CLAIMED', 'FULFILLED', 'CONFIRMED'];
export const WISH_CATEGORIES: readonly WishCategory[] = ['DAILY_NEEDS', 'STUDY', 'HEALTH', 'COMPANIONSHIP', 'HOME_REPAIR', 'OTHER'];

/** Wishes a page: small enough that a district of thousands never puts thousands of rows in the DOM. */
export const PAGE_SIZE = 24;

/** What the board lists: its area and the `state` / `category` attributes. */
export interface BoardFilter {
  area: string;
  states: WishState[];
  categories: WishCategory[];
}

/** One page of wishes, newest first, and where the next begins. */
export interface WishPage {
  wishes: BoardWish[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * Reads a list attribute (`state="OPEN CLAIMED"` or `"open,claimed"`) against the values allowed;
 * unknown words are dropped.
 */
export function parseList<T extends string>(value: string | null | undefined, allowed: readonly T[]): T[] {
  const words = (value ?? '')
    .split(/[\s,]+/)
    .map((word) => word.trim().toUpperCase())
    .filter(Boolean);
  return allowed.filter((item) => words.includes(item));
}

function apiFilter(filter: BoardFilter) {
  return {
    within: filter.area || null,
    state: filter.states.length ? filter.states : null,
    category: filter.categories.length ? filter.categories : null,
  };
}

/** One page of the board's wishes after `after` (the first page without it). */
export async function loadWishes(
  client: GraphQLClient,
  filter: BoardFilter,
  after: string | null,
  signal?: AbortSignal,
): Promise<WishPage> {
  const { wishes } = await client.request(WishBoardWishesDocument, { filter: apiFilter(filter), first: PAGE_SIZE, after }, signal);
  return {
    wishes: wishes.nodes,
    totalCount: wishes.totalCount,
    endCursor: wishes.pageInfo.endCursor,
    hasNextPage: wishes.pageInfo.hasNextPage,
  };
}

/** 已点亮 lit / total: confirmed wishes out of the public ones in the area, as the API counts them. */
export async function loadProgress(client: GraphQLClient, area: string, signal?: AbortSignal): Promise<{ lit: number; total: number }> {
  const counts = await client.request(WishBoardProgressDocument, { area: area || null }, signal);
  return { lit: counts.lit.totalCount, total: counts.public.totalCount };
}

/** Whether a wish belongs on a board with this filter (the area is the server's business: `wishChanged(within:)`). */
export function matches(wish: BoardWish, filter: BoardFilter, visible: (wish: BoardWish) => boolean = () => true): boolean {
  if (filter.states.length && !filter.states.includes(wish.state)) return false;
  if (filter.categories.length && !filter.categories.includes(wish.category)) return false;
  return visible(wish);
}

/**
 * A change from `wishChanged`, applied to the wishes shown: a shown wish is updated in place, or
 * dropped when it no longer fits the filter; a new wish that fits goes first (newest first).
 * Returns the new list and how `totalCount` moves (+1, 0, -1).
 */
export function applyChange(
  shown: readonly BoardWish[],
  wish: BoardWish,
  filter: BoardFilter,
  visible?: (wish: BoardWish) => boolean,
): { wishes: BoardWish[]; delta: number } {
  const index = shown.findIndex((item) => item.id === wish.id);
  const fits = matches(wish, filter, visible);
  if (index >= 0) {
    if (fits) return { wishes: shown.map((item, i) => (i === index ? wish : item)), delta: 0 };
    return { wishes: shown.filter((_, i) => i !== index), delta: -1 };
  }
  if (!fits) return { wishes: [...shown], delta: 0 };
  return { wishes: [wish, ...shown], delta: 1 };
}

/** Appends a page, skipping wishes already shown (a live update may have put one first). */
export function appendPage(shown: readonly BoardWish[], page: readonly BoardWish[]): BoardWish[] {
  const ids = new Set(shown.map((wish) => wish.id));
  return [...shown, ...page.filter((wish) => !ids.has(wish.id))];
}

/** The post form's fields, as typed. */
export interface WishForm {
  title: string;
  story: string;
  category: string;
  beneficiaryKind: string;
  community: string;
  /** Global ID of the resident it is for, when posting on their behalf; empty: for yourself. */
  beneficiary: string;
  estimatedCost: string;
  wantedBy: string;
}

export type FormField = keyof WishForm;
/** Codes as the API's `userErrors` use them, so one message table serves both. */
export type FieldProblems = Partial<Record<FormField, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China (the API compares `wantedBy` with its own date), as YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The API's rules for `postWish`, checked before sending: title 1–100 characters, story 1–2,000,
 * category and beneficiary kind given, a community, cost 0–100,000 yuan, wanted-by a date not in
 * the past. Codes: `REQUIRED`, `INVALID`, `TOO_LONG`, `PAST`.
 */
export function validateWish(form: WishForm, today = todayInChina()): FieldProblems {
  const problems: FieldProblems = {};
  if (!form.title.trim()) problems.title = 'REQUIRED';
  else if (form.title.length > 100) problems.title = 'TOO_LONG';
  if (!form.story.trim()) problems.story = 'REQUIRED';
  else if (form.story.length > 2000) problems.story = 'TOO_LONG';
  if (!form.category) problems.category = 'REQUIRED';
  if (!form.beneficiaryKind) problems.beneficiaryKind = 'REQUIRED';
  if (!form.community) problems.community = 'REQUIRED';
  if (form.estimatedCost.trim()) {
    const cost = Number(form.estimatedCost);
    if (!(cost >= 0 && cost <= 100_000)) problems.estimatedCost = 'INVALID';
  }
  if (form.wantedBy) {
    if (!DATE.test(form.wantedBy) || Number.isNaN(Date.parse(form.wantedBy))) problems.wantedBy = 'INVALID';
    else if (form.wantedBy < today) problems.wantedBy = 'PAST';
  }
  return problems;
}

/**
 * The mutation's input from a form that passed `validateWish`. For a resident (`beneficiary`), the
 * grid is sent when the poster's right holds in a grid only (a grid worker's), so the API checks it there.
 */
export function postInput(form: WishForm, grid: string | null = null): PostWishInput {
  return {
    title: form.title.trim(),
    story: form.story.trim(),
    category: form.category as WishCategory,
    beneficiaryKind: form.beneficiaryKind as PostWishInput['beneficiaryKind'],
    community: form.community,
    beneficiary: form.beneficiary || null,
    grid: form.beneficiary ? grid : null,
    estimatedCost: form.estimatedCost.trim() ? Number(form.estimatedCost) : null,
    wantedBy: form.wantedBy || null,
  };
}

/**
 * The API's `userErrors` by form field (`['input', 'title']` → `title`); others under `''`. A
 * `NOT_FOUND` community means no home there when posting for yourself (`NOT_HOME`), outside the
 * poster's area when posting for a resident (`NOT_IN_AREA`, the grid's too); a `NOT_FOUND`
 * beneficiary is `NO_PERSON`.
 */
export function problemsByField(
  errors: readonly { field: readonly string[]; code: string }[],
  forSelf = true,
): FieldProblems & { '': string[] } {
  const fields: FormField[] = ['title', 'story', 'category', 'beneficiaryKind', 'community', 'beneficiary', 'estimatedCost', 'wantedBy'];
  const result: FieldProblems & { '': string[] } = { '': [] };
  for (const { field: path, code } of errors) {
    const field = path[1] === 'grid' ? 'community' : fields.find((name) => path[1] === name);
    const notFound = code === 'NOT_FOUND';
    const mapped =
      notFound && field === 'community' ? (forSelf ? 'NOT_HOME' : 'NOT_IN_AREA') : notFound && field === 'beneficiary' ? 'NO_PERSON' : code;
    if (field) result[field] ??= mapped;
    else result[''].push(mapped);
  }
  return result;
}

/** One of the signed-in person's roles, as `viewer { roles }` gives it. */
export type ViewerRole = NonNullable<WishBoardViewerQuery['viewer']>['roles']['nodes'][number];

/** The roles in force today (started, not ended): the API counts no others. */
export function rolesInForce(roles: readonly ViewerRole[], today = todayInChina()): ViewerRole[] {
  return roles.filter((role) => String(role.startsOn) <= today && (role.endsOn == null || String(role.endsOn) >= today));
}

/** Units and teams a claim may be made for: the organisations of the roles in force, once each. */
export function claimOrganizations(roles: readonly ViewerRole[]): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const { organization } of roles) if (organization && !seen.has(organization.id)) seen.set(organization.id, organization);
  return [...seen.values()];
}

/** Roles that may post a wish for a resident of their area (the API's post:wishes). */
export const POSTING_ROLES: readonly RoleKind[] = [
  'GRID_WORKER',
  'GRID_HEAD',
  'BUILDING_HEAD',
  'SOCIAL_WORKER',
  'COMMUNITY_COMMITTEE_MEMBER',
  'ADMINISTRATOR',
];

/** A community of the post form, with the ids of the areas above it. */
export interface Community {
  id: string;
  name: string;
  ancestors: { id: string }[];
}

/**
 * Whether the roles let the viewer post for a resident of `community`, and how: residents are
 * searched `within` the area where the right holds, and `grid` is sent when that is a grid inside
 * the community (the API checks the right there). A role in the community or above it covers it all;
 * a building head's covers the residents of the building (the API checks the right over the
 * resident's home).
 */
export function postingScope(
  roles: readonly ViewerRole[],
  community: Community | undefined,
): { within: string; grid: string | null } | null {
  if (!community) return null;
  let inGrid: { within: string; grid: string } | null = null;
  let inBuilding: { within: string; grid: null } | null = null;
  for (const { role, area } of roles) {
    if (!POSTING_ROLES.includes(role)) continue;
    if (area.id === community.id || community.ancestors.some((above) => above.id === area.id)) return { within: community.id, grid: null };
    const inside = area.ancestors.some((above) => above.id === community.id);
    if ((area.kind === 'GRID' || area.kind === 'MICRO_GRID') && inside) inGrid ??= { within: area.id, grid: area.id };
    if (area.kind === 'BUILDING' && inside) inBuilding ??= { within: area.id, grid: null };
  }
  return inGrid ?? inBuilding;
}

/** A resident found by name, with their home (building and household) to tell namesakes apart. */
export interface PersonHit {
  id: string;
  name: string;
  home: string;
}

/** Residents (owners, residents) in `within` whose names contain `name`: at most 10. */
export async function findPeople(client: GraphQLClient, within: string, name: string, signal?: AbortSignal): Promise<PersonHit[]> {
  const { people } = await client.request(WishBoardPeopleDocument, { within, name }, signal);
  return people.nodes.map(({ id, name, roles }) => {
    const home = roles.nodes.find((role) => role.role === 'OWNER' || role.role === 'RESIDENT')?.area;
    return { id, name, home: home ? [home.parent?.name, home.name].filter(Boolean).join(' ') : '' };
  });
}
