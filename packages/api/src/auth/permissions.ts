import type { RoleKind } from '../modules/people/person.entity.js';
import type { HeldRole } from './roles.js';

/**
 * What each role may do, in the area it is held in and everywhere below it: the one table of
 * who may do what. Roles not listed grant nothing beyond what anyone may do.
 */
export const PERMISSIONS = {
  /** Read the audit trail (`auditLog`). */
  'read:audit': ['AUDITOR', 'ADMINISTRATOR'],
  /** Create, list and revoke the API keys of organisations in the area. */
  'manage:keys': ['ADMINISTRATOR'],
} as const satisfies Record<string, readonly RoleKind[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The paths of the areas where the roles grant `permission`; empty when they grant it nowhere. */
export function areasGranting(roles: readonly HeldRole[], permission: Permission): string[] {
  const granting: readonly RoleKind[] = PERMISSIONS[permission];
  const paths = roles.filter((r) => granting.includes(r.role)).map((r) => r.areaPath);
  // A grant in an area covers its subtree: drop paths inside another granted path.
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/** Whether the roles grant `permission` at `path` (an area's materialised path). */
export function grants(roles: readonly HeldRole[], permission: Permission, path: string | null): boolean {
  return path !== null && areasGranting(roles, permission).some((granted) => path.startsWith(granted));
}
