import { defineEntity, p } from '@mikro-orm/core';
import type { ChangeKind } from '../changes/changes.service.js';
import { Organization } from '../organizations/organization.entity.js';

/**
 * A property company's webhook: where its change feed (modules/changes) is pushed. The row is the
 * durable outbox of its deliveries: `cursor` is the last change delivered, so what is not yet
 * acknowledged is simply every change after it, and nothing is lost across a restart.
 */
const WebhookSchema = defineEntity({
  name: 'Webhook',
  tableName: 'webhook',
  properties: {
    id: p.integer().primary().autoincrement(),
    organization: () => p.manyToOne(Organization).index().deleteRule('cascade'),
    url: p.string().length(2000),
    kinds: p.array<ChangeKind>().$type<ChangeKind[]>(),
    /**
     * The signing secret (Standard Webhooks, `whsec_…`). Kept as it is: an HMAC the receiver can
     * check needs the same key on both sides. It is shown once, when the webhook is created.
     */
    secret: p.string().length(100).hidden(),
    /** The audit record id of the last change delivered (acknowledged with a 2xx). */
    cursor: p.integer(),
    /** Failed attempts in a row; 0 after a success. */
    failures: p.integer().default(0),
    /** Every POST made, successful or not. */
    attempts: p.integer().default(0),
    delivered: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    /** A worker holds the webhook until then (so two instances never deliver the same change at once). */
    leasedUntil: p.datetime().nullable(),
    lastAttemptAt: p.datetime().nullable(),
    lastDeliveredAt: p.datetime().nullable(),
    lastError: p.string().length(500).nullable(),
    /** Set after too many failures in a row; deliveries stop until it is turned on again. */
    disabledAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Webhook extends WebhookSchema.class {}
WebhookSchema.setClass(Webhook);
