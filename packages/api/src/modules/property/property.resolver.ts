import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireCompany } from '../../auth/property-company.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
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
    const company = await requireCompany(ctx);
    const count = countRecords(input);
    if (count > MAX_BATCH) throw badInput(`A call carries at most ${MAX_BATCH} records; this one has ${count}`, 'input');
    return syncProperty(ctx.em, company, input, ctx.actor);
  }
}
