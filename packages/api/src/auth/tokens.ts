import { createPublicKey, type KeyObject, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import type { JwtSettings } from '../config.js';

/** Algorithms accepted from a public key or JWKS; never `none`, never a secret mistaken for a key. */
const ASYMMETRIC = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export class TokenError extends Error {
  override name = 'TokenError';
}

/**
 * Verifies people's bearer tokens (JWT) as the portal's single sign-on issues them: signature by
 * the configured secret, public key or JWKS, and issuer, audience and expiry. `sub` is the
 * person's database id. In development, with nothing configured, a random secret is made at
 * start-up so that `issueDevelopmentToken` can sign tokens this server accepts.
 */
export class Tokens {
  private constructor(
    private readonly settings: JwtSettings,
    private readonly key: Uint8Array | KeyObject | JWTVerifyGetKey,
    private readonly algorithms: string[],
    /** The secret development tokens are signed with, when this server may issue them. */
    private readonly signingSecret: Uint8Array | null,
  ) {}

  static create(settings: JwtSettings, production: boolean): Tokens | null {
    const key = settings.key;
    if (!key) {
      if (production) return null;
      const secret = new Uint8Array(randomBytes(32));
      return new Tokens(settings, secret, ['HS256'], secret);
    }
    if (key.kind === 'secret') {
      const secret = new TextEncoder().encode(key.secret);
      return new Tokens(settings, secret, ['HS256'], production ? null : secret);
    }
    if (key.kind === 'publicKey') return new Tokens(settings, createPublicKey(key.pem), ASYMMETRIC, null);
    return new Tokens(settings, createRemoteJWKSet(new URL(key.url)), ASYMMETRIC, null);
  }

  get canIssue(): boolean {
    return this.signingSecret !== null;
  }

  /**
   * Tokens already verified, until they expire: verifying a signature costs more than the rest of
   * a small request, and a token that verified once verifies again until its `exp`. Kept per
   * server, at most 20,000 tokens.
   */
  private readonly verified = new LRUCache<string, { person: number; expiresAt: number }>({ max: 20_000 });

  /**
   * The person id a token names, or a TokenError saying why it is not accepted. `confirm` (that
   * the person exists) runs once per token, before it is remembered.
   */
  async verify(token: string, confirm: (person: number) => Promise<void> = async () => {}): Promise<number> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.person;
    let payload: { sub?: string; exp?: number };
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: this.algorithms,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new TokenError(`the token is not accepted: ${(error as Error).message}`);
    }
    const id = Number(payload.sub);
    if (!Number.isInteger(id) || id < 1) throw new TokenError('the token’s subject is not a person id');
    await confirm(id);
    this.verified.set(token, { person: id, expiresAt: (payload.exp as number) * 1000 });
    return id;
  }

  /** A short-lived token for a person, for local development and the demo only. */
  async issue(personId: number, minutes: number): Promise<{ token: string; expiresAt: Date }> {
    if (!this.signingSecret) throw new TokenError('this server does not issue tokens');
    const expiresAt = new Date(Date.now() + minutes * 60_000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(personId))
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.signingSecret);
    return { token, expiresAt };
  }
}
