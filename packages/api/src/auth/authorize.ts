import type { Context } from '../graphql/context.js';
import { GzError, InputProblem } from '../graphql/errors.js';
import { ApiKey } from '../modules/api-keys/api-key.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { PERMISSIONS, type Permission, SCOPE_PERMISSIONS } from './permissions.js';

/**
 * Checks a change before it is made: the caller must hold `permission` in every area the change
 * touches (`paths`: where the object is, and where it goes). A caller who holds it nowhere gets
 * FORBIDDEN; one who holds it elsewhere is told the object does not exist, since an object the
 * caller may not see must look like one that does not.
 */
export async function authorizeChange(ctx: Context, permission: Permission, paths: (string | null)[], field: string[]): Promise<void> {
  const granted = await ctx.grantedAreas(permission);
  if (!granted.length) {
    throw new GzError('FORBIDDEN', `You may not do this: it needs ${permission} in the area`, { http: { status: 403 } });
  }
  for (const path of paths) {
    if (path === null || !granted.some((area) => path.startsWith(area)))
      throw new InputProblem(field, 'No such object in your areas', 'NOT_FOUND');
  }
  await recordAuthority(ctx, permission, paths as string[]);
}

/**
 * Names, for the audit record, the role the change is made in (信息化留痕): of the caller's roles
 * granting `permission` over every touched area, the one held nearest to them. A key acts in
 * its scope, at its organisation's area.
 */
async function recordAuthority(ctx: Context, permission: Permission, paths: string[]): Promise<void> {
  const { actor } = ctx;
  if (actor.kind === 'PERSON') {
    const granting: readonly string[] = PERMISSIONS[permission];
    const held = (await ctx.roles())
      .filter((r) => granting.includes(r.role) && paths.every((path) => path.startsWith(r.areaPath)))
      .sort((a, b) => b.areaPath.length - a.areaPath.length)[0];
    actor.role = held?.role ?? null;
    actor.roleAreaId = held?.areaId ?? null;
  } else if (actor.kind === 'API_KEY' && actor.id) {
    const key = await ctx.em.findOne(ApiKey, { id: actor.id }, { fields: ['scopes', 'organization'] });
    const organization = key ? await ctx.em.findOne(Organization, { id: key.organization.id }, { fields: ['area'] }) : null;
    actor.role = key?.scopes.find((scope) => SCOPE_PERMISSIONS[scope].includes(permission)) ?? null;
    actor.roleAreaId = (organization?.area?.id as number | undefined) ?? null;
  }
}
