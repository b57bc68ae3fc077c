import type { Context } from '../graphql/context.js';
import { GzError } from '../graphql/errors.js';
import { ApiKey } from '../modules/api-keys/api-key.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';

/**
 * The property company a caller speaks for: the organisation, of kind PROPERTY_COMPANY, of an API
 * key with scope `write:property`. It syncs its records (modules/property), reads its change feed
 * and keeps its webhooks; anyone else is refused, people included (a person's roles say nothing
 * of which company they work for). Changes it makes are audited in that scope, at the company's area.
 */
export async function requireCompany(ctx: Context): Promise<number> {
  const { actor } = ctx;
  const key =
    actor.kind === 'API_KEY' && actor.id != null
      ? await ctx.em.findOne(ApiKey, { id: actor.id, revokedAt: null }, { fields: ['scopes', 'organization'] })
      : null;
  const organization = key?.scopes.includes('write:property')
    ? await ctx.em.findOne(Organization, { id: key.organization.id as number }, { fields: ['kind', 'area'] })
    : null;
  if (organization?.kind !== 'PROPERTY_COMPANY') {
    throw new GzError('FORBIDDEN', 'This is for property companies: an API key of the company with scope WRITE_PROPERTY', {
      http: { status: 403 },
    });
  }
  actor.role = 'write:property';
  actor.roleAreaId = (organization.area?.id as number | undefined) ?? null;
  return organization.id;
}
