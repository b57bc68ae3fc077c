import type { EntityManager } from '@mikro-orm/sql';
import { Webhook as Signer } from 'standardwebhooks';
import type { WebhookSettings } from '../../config.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { type ChangeEventValue, type ChangeKind, changesAfter, compoundsOf, toCursor } from '../changes/changes.service.js';
import { urlProblem } from './webhook.url.js';

export type DeliverySettings = WebhookSettings;

/** Changes delivered per claim of a webhook, one POST each; what is left waits for the next claim. */
const BATCH = 50;

interface Claimed {
  id: number;
  organization_id: number;
  url: string;
  kinds: ChangeKind[] | string;
  secret: string;
  cursor: number;
  failures: number;
}

/** What a receiver gets: Standard Webhooks' `{ type, timestamp, data }`, with the feed's event as data. */
export function payloadOf(event: ChangeEventValue): string {
  return JSON.stringify({
    type: event.action,
    timestamp: event.at.toISOString(),
    data: {
      id: toCursor(event.sequence),
      at: event.at.toISOString(),
      kind: event.kind,
      action: event.action,
      objectId: toGlobalId(event.objectType, event.objectId),
      objectType: event.objectType,
      compound: event.compoundId === null ? null : toGlobalId('Area', event.compoundId),
      area: event.areaId === null ? null : toGlobalId('Area', event.areaId),
      summary: event.summary,
    },
  });
}

/** The delay before the next attempt after `failures` failures in a row: doubling, capped, with jitter (half to all of it). */
export function backoff(failures: number, settings: Pick<DeliverySettings, 'backoffMs' | 'backoffMaxMs'>): number {
  const delay = Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(delay / 2 + (Math.random() * delay) / 2);
}

/**
 * The delivery worker: pushes each webhook's changes, in order, one POST per change, signed as
 * Standard Webhooks has it (`webhook-id` the event's id, `webhook-timestamp`, `webhook-signature`
 * an HMAC-SHA256). A webhook's row is its outbox: its `cursor` moves past a change only after the
 * receiver answered 2xx, so a crash or a restart between the POST and that write sends the change
 * again (at least once; receivers dedupe by `webhook-id`), and nothing is ever skipped.
 *
 * Several API instances may run it on one database: a webhook is claimed with `FOR UPDATE SKIP
 * LOCKED` and leased for a while, so one instance delivers it at a time. The lease, rather than a
 * transaction held open across the POSTs, keeps no connection (the embedded database has only
 * one) waiting on a receiver; a cursor moves only from the value it was claimed at, so an
 * instance whose lease ran out cannot move it back.
 */
export function startWebhookDeliveries(fork: () => EntityManager, settings: DeliverySettings): { stop(): Promise<void> } {
  const stopping = new AbortController();
  // A lease outlives a whole batch of slow receivers.
  const leaseMs = settings.timeoutMs * (BATCH + 1);
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = async () => {
    // Each due webhook once, in order of id, one page of its changes each; the rest waits for the next tick.
    let last = 0;
    while (!stopping.signal.aborted) {
      const em = fork();
      const [claimed] = await em.execute<Claimed[]>(
        `update webhook set leased_until = now() + ?::integer * interval '1 millisecond'
         where id = (select id from webhook
                     where id > ? and disabled_at is null and next_attempt_at <= now()
                       and (leased_until is null or leased_until < now())
                     order by id limit 1 for update skip locked)
         returning id, organization_id, url, kinds, secret, cursor, failures`,
        [leaseMs, last],
      );
      if (!claimed) return;
      last = claimed.id;
      try {
        await deliver(em, claimed);
      } catch (error) {
        // The database failed us mid-way: let the next tick (here or elsewhere) take it up again.
        console.error(`webhook ${claimed.id}: delivery failed:`, error);
        await em.execute('update webhook set leased_until = null where id = ?', [claimed.id]).catch(() => undefined);
      }
    }
  };

  const deliver = async (em: EntityManager, webhook: Claimed) => {
    const kinds = (typeof webhook.kinds === 'string' ? webhook.kinds.replace(/[{}]/g, '').split(',') : webhook.kinds) as ChangeKind[];
    const page = await changesAfter(em, await compoundsOf(em, webhook.organization_id), webhook.cursor, BATCH, kinds);
    let cursor = webhook.cursor;
    for (const event of page.events) {
      const error = await post(webhook, event);
      if (error === 'stopped') break;
      if (error) {
        const failures = webhook.failures + 1;
        await em.execute(
          `update webhook set failures = ?, attempts = attempts + 1, last_attempt_at = now(), last_error = ?,
             next_attempt_at = now() + ?::integer * interval '1 millisecond', leased_until = null, disabled_at = ?
           where id = ? and cursor = ?`,
          [
            failures,
            error.slice(0, 500),
            backoff(failures, settings),
            failures >= settings.maxFailures ? new Date() : null,
            webhook.id,
            cursor,
          ],
        );
        return;
      }
      const moved = await em.execute<{ id: number }[]>(
        `update webhook set cursor = ?, failures = 0, attempts = attempts + 1, delivered = delivered + 1,
           last_attempt_at = now(), last_delivered_at = now(), last_error = null
         where id = ? and cursor = ? returning id`,
        [event.sequence, webhook.id, cursor],
      );
      // Deleted meanwhile, or another instance took over after the lease ran out.
      if (!moved.length) return;
      cursor = event.sequence;
      webhook.failures = 0;
    }
    await em.execute('update webhook set leased_until = null where id = ? and cursor = ?', [webhook.id, cursor]);
  };

  /** One POST; null when the receiver took it (2xx), else what went wrong. */
  const post = async (webhook: Claimed, event: ChangeEventValue): Promise<string | null | 'stopped'> => {
    const problem = await urlProblem(webhook.url, settings.allowPrivate);
    if (problem) return `${problem}: not sent`;
    const body = payloadOf(event);
    const id = toCursor(event.sequence);
    const now = new Date();
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'gongzhi-webhooks',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Signer(webhook.secret).sign(id, now, body),
        },
        body,
        // A redirect is not an answer: following it could lead into a private network.
        redirect: 'manual',
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(settings.timeoutMs)]),
      });
      await response.body?.cancel();
      return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`;
    } catch (error) {
      if (stopping.signal.aborted) return 'stopped';
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return (error as Error).name === 'TimeoutError'
        ? `No answer within ${settings.timeoutMs} ms`
        : `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`;
    }
  };

  const schedule = () => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => console.error('webhook deliveries failed:', error))
        .finally(schedule);
    }, settings.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
