import type { ApiKeyScope } from '../modules/api-keys/api-key.entity.js';
import type { RoleKind } from '../modules/people/person.entity.js';
import type { HeldRole } from './roles.js';

/**
 * What each role may do, in the area it is held in and everywhere below it: the one table of
 * who may do what. Roles not listed grant nothing beyond what anyone may do.
 */
/** The staff of the grid system: the people who serve residents in an area. */
const STAFF = [
  'GRID_WORKER',
  'GRID_HEAD',
  'GRID_POLICE_OFFICER',
  'BUILDING_HEAD',
  'MEDIATOR',
  'SOCIAL_WORKER',
  'COMMUNITY_COMMITTEE_MEMBER',
  'FIRST_SECRETARY',
  'STATION_HEAD',
  'ADMINISTRATOR',
] as const satisfies readonly RoleKind[];

export const PERMISSIONS = {
  /** Read the audit trail (`auditLog`). */
  'read:audit': ['AUDITOR', 'ADMINISTRATOR'],
  /**
   * See households, people and the roles they hold (auth/visibility.ts); what is personal stays
   * masked without `read:personal`. Auditors see who did what, but not the data in the clear.
   */
  'read:people': [...STAFF, 'AUDITOR'],
  /** Read personal data (names, phones, ID numbers, household addresses) unmasked. */
  'read:personal': STAFF,
  /** Read statistics of the area: service coverage of households, and (#8) the exports. */
  'read:stats': [...STAFF, 'AUDITOR'],
  /** Create and change areas below the area (and the area itself). */
  'write:areas': ['ADMINISTRATOR', 'COMMUNITY_COMMITTEE_MEMBER'],
  /** Create and change the organisations sitting in the area. */
  'write:organizations': ['ADMINISTRATOR'],
  /** Create and change the service stations in the area. */
  'write:stations': ['ADMINISTRATOR', 'COMMUNITY_COMMITTEE_MEMBER', 'STATION_HEAD'],
  /** Post a wish for a resident of the area (代发微心愿). */
  'post:wishes': ['GRID_WORKER', 'GRID_HEAD', 'BUILDING_HEAD', 'SOCIAL_WORKER', 'COMMUNITY_COMMITTEE_MEMBER', 'ADMINISTRATOR'],
  /** Review new wishes of the area, confirm fulfilled ones, and see wishes in every state. */
  'review:wishes': ['COMMUNITY_COMMITTEE_MEMBER', 'FIRST_SECRETARY', 'SOCIAL_WORKER', 'ADMINISTRATOR'],
  /** Claim open wishes of the area (认领): party members, in-service party members registered there (双报到), volunteers. */
  'claim:wishes': ['PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'VOLUNTEER'],
  /** Put a matter to the owners of the area (一提). Owners may also propose where they own a household (votes/proposal.service.ts). */
  'propose:matters': ['BUILDING_HEAD', 'GRID_HEAD', 'COMMUNITY_COMMITTEE_MEMBER', 'FIRST_SECRETARY', 'ADMINISTRATOR'],
  /** Review proposals of the area, publish them, open and close their votes, publish results and report implementation (二审, 两公开). */
  'manage:proposals': ['COMMUNITY_COMMITTEE_MEMBER', 'FIRST_SECRETARY', 'ADMINISTRATOR'],
  /** Publish free-standing notices on the area's notice board (一窗公示). */
  'publish:notices': ['COMMUNITY_COMMITTEE_MEMBER', 'FIRST_SECRETARY', 'SOCIAL_WORKER', 'STATION_HEAD', 'ADMINISTRATOR'],
  /**
   * Residents' requests (诉求) of the area: submit one for a resident, dispatch (派单), reject, and
   * close. A request answered for by a higher level (it was escalated) needs the grant there.
   */
  'dispatch:requests': ['GRID_WORKER', 'GRID_HEAD', 'COMMUNITY_COMMITTEE_MEMBER', 'FIRST_SECRETARY', 'STATION_HEAD', 'ADMINISTRATOR'],
  /** See every request of the area; accept (接单) or return the ones dispatched there, take them on, report to supervisors. */
  'handle:requests': STAFF,
  /** Take on (领单) requests of the area once accepted: party members, in-service party members (双报到), volunteers. */
  'take:requests': ['PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'VOLUNTEER'],
  /** 督查: see every request of the area, flag one and ask for a report. */
  'supervise:requests': ['FIRST_SECRETARY', 'ADMINISTRATOR', 'AUDITOR'],
  /** Create, list and revoke the API keys of organisations in the area. */
  'manage:keys': ['ADMINISTRATOR'],
  /**
   * Submit residents' requests of the area on their behalf through an API key (Open311 POST). No
   * role needs it: residents submit their own, and staff submit for them under handle:requests.
   */
  'submit:requests': [],
} as const satisfies Record<string, readonly RoleKind[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The paths of the areas where the roles grant `permission`; empty when they grant it nowhere. */
export function areasGranting(roles: readonly HeldRole[], permission: Permission): string[] {
  const granting: readonly RoleKind[] = PERMISSIONS[permission];
  // A grant in an area covers its subtree: paths inside another granted path add nothing.
  return outermost(roles.filter((r) => granting.includes(r.role)).map((r) => r.areaPath));
}

/** What an API key's scopes grant, in the area of the key's organisation. */
export const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  /** What anyone may read; the key only names the caller (and its own rate limit). */
  'read:public': [],
  'read:stats': ['read:stats'],
  'read:personal': ['read:people', 'read:personal'],
  /** A property company's key: syncProperty (modules/property) checks the scope itself; it grants no reading. */
  'write:property': [],
  /** A 12345 hotline's or a city app's Open311 client submits requests in its organisation's area. */
  'submit:requests': ['submit:requests'],
};

/** The paths where a set of grants (roles, or a key's scopes) give `permission`, outermost only. */
export function outermost(paths: readonly string[]): string[] {
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/** Whether the roles grant `permission` at `path` (an area's materialised path). */
export function grants(roles: readonly HeldRole[], permission: Permission, path: string | null): boolean {
  return path !== null && areasGranting(roles, permission).some((granted) => path.startsWith(granted));
}
