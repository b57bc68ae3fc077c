import type { EntityManager } from '@mikro-orm/sql';
import { type ChangePubSub, type RequestChangeEvent, Topics } from '../../graphql/pubsub.js';
import { Area } from '../areas/area.entity.js';
import { Request } from './request.entity.js';
import { responsibleArea } from './request.service.js';

/**
 * Tells `requestChanged` and `requestQueue` subscribers of a request submitted or moved. The
 * event names where the request is and who answers for it now, so an escalated request reaches
 * the dispatchers of the level above (the subscriptions' filters decide who hears of it).
 */
export async function announceRequest(
  pubsub: ChangePubSub,
  em: EntityManager,
  request: Request,
  action: RequestChangeEvent['action'],
): Promise<void> {
  const responsible = responsibleArea(request);
  const areas = await em.find(Area, { id: { $in: [request.grid.id as number, responsible] } }, { fields: ['path'] });
  const pathOf = (id: number) => areas.find((a) => a.id === id)?.path ?? '';
  pubsub.publish(Topics.REQUEST_CHANGED, {
    id: request.id,
    action,
    trackingCode: request.trackingCode,
    gridPath: pathOf(request.grid.id as number),
    responsiblePath: pathOf(responsible),
    people: [request.reporter?.id, request.submittedBy?.id, request.handler?.id].filter((p): p is number => p != null),
  });
}

/** After a sweep: each escalated request, to its reporter and to the level it rose to. */
export async function announceEscalations(em: EntityManager, pubsub: ChangePubSub, ids: number[]): Promise<void> {
  if (!ids.length) return;
  for (const request of await em.find(Request, { id: { $in: ids } })) await announceRequest(pubsub, em, request, 'UPDATED');
}
