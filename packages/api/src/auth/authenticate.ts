import type { EntityManager } from '@mikro-orm/sql';
import { findUsableKey, looksLikeApiKey } from '../modules/api-keys/api-key.service.js';
import { type Actor, anonymous } from '../modules/audit/audit.service.js';
import { Person } from '../modules/people/person.entity.js';
import { TokenError, type Tokens } from './tokens.js';

/**
 * Who is asking: a machine by its API key (`gzk_…`), a person named by a valid bearer token, or
 * anonymous without either. A credential that is present but not valid (forged, expired,
 * revoked, for someone unknown) is refused, never ignored.
 */
export async function authenticate(
  /** The root entity manager: a caller with a credential is looked up on a fork of it. */
  em: EntityManager,
  tokens: Tokens | null,
  authorization: string | undefined,
  requestId: string | null,
): Promise<Actor> {
  if (!authorization) return anonymous(requestId);
  // A unit of work of its own, only for a caller who names themselves (most calls are anonymous).
  const work = em.fork();
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization.trim());
  if (!match) throw new TokenError('the Authorization header must be "Bearer <token>"');
  if (looksLikeApiKey(match[1])) {
    const key = await findUsableKey(work, match[1]);
    if (!key) throw new TokenError('the API key is not valid (unknown, or revoked)');
    return { kind: 'API_KEY', id: key.id, role: null, roleAreaId: null, requestId };
  }
  if (!tokens) throw new TokenError('sign-in is not configured on this server');
  const personId = await tokens.verify(match[1], async (id) => {
    const person = await work.findOne(Person, { id }, { fields: ['id'] });
    if (!person) throw new TokenError('the token names no known person');
  });
  return { kind: 'PERSON', id: personId, role: null, roleAreaId: null, requestId };
}
