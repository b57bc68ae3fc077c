import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { organizationPath } from '../api-keys/api-key.service.js';
import { type Actor, changedFields, recordChange } from '../audit/audit.service.js';
import { CHANGE_KINDS, type ChangeKind, latestSequence } from '../changes/changes.service.js';
import { Webhook } from './webhook.entity.js';
import { urlProblem } from './webhook.url.js';

/** A company has a few receiving systems, not hundreds. */
export const MAX_WEBHOOKS = 10;

export interface NewWebhook {
  url: string;
  kinds: ChangeKind[];
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * A webhook for a company, delivering its changes from now on (the history is in `changes`). The
 * returned `secret` is shown this once; it is kept, as the signatures need it.
 */
export async function createWebhook(
  em: EntityManager,
  company: number,
  input: NewWebhook,
  actor: Actor,
  allowPrivate: boolean,
): Promise<{ webhook: Webhook; secret: string }> {
  const problems: InputProblem[] = [];
  const url = input.url.trim();
  const problem = await urlProblem(url, allowPrivate);
  if (problem) problems.push(new InputProblem(['input', 'url'], problem));
  const kinds = input.kinds.length ? [...new Set(input.kinds)] : [...CHANGE_KINDS];
  if (problems.length) throw new InputProblems(problems);
  return em.transactional(async (tx) => {
    if ((await tx.count(Webhook, { organization: company })) >= MAX_WEBHOOKS) {
      throw new InputProblem(['input'], `A company has at most ${MAX_WEBHOOKS} webhooks`, 'LIMIT_REACHED');
    }
    const secret = newSecret();
    const now = new Date();
    const areaPath = await organizationPath(tx, company);
    const webhook = tx.create(Webhook, {
      organization: company,
      url,
      kinds,
      secret,
      cursor: 0,
      nextAttemptAt: now,
    } as never);
    await tx.flush();
    await recordChange(tx, actor, {
      action: 'webhook.create',
      objectType: 'Webhook',
      objectId: webhook.id,
      areaPath,
      ...changedFields(null, { organization: company, url, kinds }),
    });
    // Read while this transaction holds the chain's lock (taken by recordChange): every change
    // committed before is behind the cursor, every later one after it (see modules/changes).
    webhook.cursor = await latestSequence(tx);
    await tx.flush();
    return { webhook, secret };
  });
}

/** Removes a company's webhook; deliveries stop at once (one in flight may still arrive). */
export async function deleteWebhook(em: EntityManager, company: number, id: number, actor: Actor): Promise<Webhook> {
  return em.transactional(async (tx) => {
    const webhook = await tx.findOne(Webhook, { id, organization: company });
    if (!webhook) throw new InputProblem(['input', 'id'], 'No such webhook', 'NOT_FOUND');
    await recordChange(tx, actor, {
      action: 'webhook.delete',
      objectType: 'Webhook',
      objectId: webhook.id,
      areaPath: await organizationPath(tx, company),
      ...changedFields({ url: webhook.url, kinds: webhook.kinds }, { url: null, kinds: null }),
    });
    tx.remove(webhook);
    await tx.flush();
    return webhook;
  });
}
