import type { Context } from '../graphql/context.js';
import { GzError, InputProblem } from '../graphql/errors.js';
import type { Permission } from './permissions.js';

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
}
