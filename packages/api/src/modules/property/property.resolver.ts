import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput, GzError } from '../../graphql/errors.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { syncProperty } from './property.service.js';
import { SyncPropertyInput, SyncPropertyPayload } from './property.types.js';
import { countRecords, MAX_BATCH } from './property-sync.service.js';

@Resolver()
export class PropertyResolver {
  @Mutation(() => SyncPropertyPayload, {
    description:
      'A property company’s system keeps its compounds, buildings, households, staff, fees and service tickets in step with ours: upserts by its own ids, each record with its own result. Needs an API key of the company with the WRITE_PROPERTY scope; it writes only in compounds the company manages.',
  })
  async syncProperty(@Ctx() ctx: Context, @Arg('input', () => SyncPropertyInput) input: SyncPropertyInput) {
    const company = await companyOf(ctx);
    const count = countRecords(input);
    if (count > MAX_BATCH) throw badInput(`A call carries at most ${MAX_BATCH} records; this one has ${count}`, 'input');
    return syncProperty(ctx.em, company, input, ctx.actor);
  }
}

/** The property company a caller writes for: the organisation of its API key, with WRITE_PROPERTY. */
async function companyOf(ctx: Context): Promise<number> {
  const forbidden = (why: string) => new GzError('FORBIDDEN', why, { http: { status: 403 } });
  if (ctx.actor.kind !== 'API_KEY' || !ctx.actor.id)
    throw forbidden('Property records are written by a property company’s API key with the WRITE_PROPERTY scope');
  const key = await ctx.em.findOne(ApiKey, { id: ctx.actor.id }, { fields: ['scopes', 'organization'] });
  if (!key?.scopes.includes('write:property')) throw forbidden('This API key lacks the WRITE_PROPERTY scope');
  const organization = await ctx.em.findOne(Organization, { id: key.organization.id }, { fields: ['kind', 'area'] });
  if (organization?.kind !== 'PROPERTY_COMPANY') throw forbidden('Only a property company’s key writes property records');
  ctx.actor.role = 'write:property';
  ctx.actor.roleAreaId = (organization.area?.id as number | undefined) ?? null;
  return organization.id;
}
