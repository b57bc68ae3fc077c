import type { EntityManager } from '@mikro-orm/sql';
import { type Actor, anonymous } from '../modules/audit/audit.service.js';
import { Person } from '../modules/people/person.entity.js';
import { TokenError, type Tokens } from './tokens.js';

/**
 * Who is asking: a person named by a valid bearer token, or anonymous without one. A token that
 * is present but not valid (forged, expired, for someone unknown) is refused, never ignored.
 */
export async function authenticate(
  em: EntityManager,
  tokens: Tokens | null,
  authorization: string | undefined,
  requestId: string | null,
): Promise<Actor> {
  if (!authorization) return anonymous(requestId);
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization.trim());
  if (!match) throw new TokenError('the Authorization header must be "Bearer <token>"');
  if (!tokens) throw new TokenError('sign-in is not configured on this server');
  const personId = await tokens.verify(match[1]);
  const person = await em.findOne(Person, { id: personId }, { fields: ['id'] });
  if (!person) throw new TokenError('the token names no known person');
  return { kind: 'PERSON', id: personId, role: null, roleAreaId: null, requestId };
}
