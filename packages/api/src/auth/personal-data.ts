import type { Context } from '../graphql/context.js';

/**
 * Whether the caller may read a person's personal data in the clear: it is their own, or they
 * hold `read:personal` in an area where that person holds a role.
 */
export async function mayReadPersonalDataOf(ctx: Context, personId: number): Promise<boolean> {
  if (ctx.actor.kind === 'PERSON' && ctx.actor.id === personId) return true;
  const granted = await ctx.grantedAreas('read:personal');
  if (!granted.length) return false;
  const paths = await ctx.loaders.rolePaths(personId);
  return paths.some((path) => granted.some((area) => path.startsWith(area)));
}

/** Whether the caller may read personal data tied to a place (a household's exact address): their own home, or where they have read:personal. */
export async function mayReadPersonalDataAt(ctx: Context, areaPath: string): Promise<boolean> {
  const granted = await ctx.grantedAreas('read:personal');
  if (granted.some((area) => areaPath.startsWith(area))) return true;
  return (await ctx.roles()).some((role) => role.areaPath === areaPath);
}
