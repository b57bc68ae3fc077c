import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { subtreePath } from '../areas/area.service.js';
import { type Actor, changedFields, recordChange } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { ApiKey, type ApiKeyScope } from './api-key.entity.js';

const KEY = /^gzk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function newKey(): { key: string; prefix: string } {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  return { key: `gzk_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('gzk_');
}

/**
 * The key a caller presents, if it exists and is not revoked; marks it used (at most once a
 * minute, so reads stay cheap).
 */
export async function findUsableKey(em: EntityManager, presented: string): Promise<ApiKey | null> {
  const match = KEY.exec(presented);
  if (!match) return null;
  const key = await em.findOne(ApiKey, { prefix: match[1] });
  if (!key || key.revokedAt) return null;
  const stored = Buffer.from(key.secretHash, 'hex');
  if (!timingSafeEqual(stored, Buffer.from(sha256(presented), 'hex'))) return null;
  await em.execute(
    `update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [key.id],
  );
  return key;
}

/** The area path of the organisation a key is for: where its managers must hold their role. */
export async function organizationPath(em: EntityManager, organizationId: number): Promise<string | null> {
  const org = await em.findOne(Organization, { id: organizationId }, { fields: ['area'] });
  return org?.area ? subtreePath(em, org.area.id as number) : null;
}

export interface NewKey {
  organization: number;
  name: string;
  scopes: ApiKeyScope[];
}

/** Creates a key; the returned `secret` is the only time the full key exists outside the caller. */
export async function createApiKey(em: EntityManager, input: NewKey, actor: Actor): Promise<{ apiKey: ApiKey; secret: string }> {
  return em.transactional(async (tx) => {
    const problems: InputProblem[] = [];
    const name = input.name.trim();
    if (!name || name.length > 100) problems.push(new InputProblem(['input', 'name'], 'Name must be 1 to 100 characters', 'INVALID'));
    if (!input.scopes.length) problems.push(new InputProblem(['input', 'scopes'], 'A key needs at least one scope', 'REQUIRED'));
    if (problems.length) throw new InputProblems(problems);
    const { key, prefix } = newKey();
    const apiKey = tx.create(ApiKey, {
      organization: input.organization,
      name,
      scopes: [...new Set(input.scopes)].sort(),
      prefix,
      secretHash: sha256(key),
      createdBy: actor.kind === 'PERSON' ? actor.id : null,
    } as never);
    await tx.flush();
    await recordChange(tx, actor, {
      action: 'apiKey.create',
      objectType: 'ApiKey',
      objectId: apiKey.id,
      areaPath: await organizationPath(tx, input.organization),
      ...changedFields(null, { organization: input.organization, name, scopes: apiKey.scopes, prefix }),
    });
    return { apiKey, secret: key };
  });
}

/** Revokes a key: the next request that presents it is refused. */
export async function revokeApiKey(em: EntityManager, id: number, actor: Actor): Promise<ApiKey> {
  return em.transactional(async (tx) => {
    const apiKey = await tx.findOne(ApiKey, { id });
    if (!apiKey) throw new InputProblem(['input', 'id'], 'No such API key', 'NOT_FOUND');
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await tx.flush();
      await recordChange(tx, actor, {
        action: 'apiKey.revoke',
        objectType: 'ApiKey',
        objectId: apiKey.id,
        areaPath: await organizationPath(tx, apiKey.organization.id as number),
        before: { revokedAt: null },
        after: { revokedAt: apiKey.revokedAt.toISOString() },
      });
    }
    return apiKey;
  });
}
