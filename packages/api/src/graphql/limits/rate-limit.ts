import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Actor } from '../../modules/audit/audit.service.js';
import type { RedisClients } from '../../redis.js';

export interface Budget {
  /** Points left in this minute, after this request. */
  remaining: number;
  /** When the minute's points are whole again. */
  resetAt: Date;
}

/**
 * Points per minute for each caller: a signed-in person by their id, anyone else by their
 * address. A query spends its cost (query-cost.ts). Kept in Redis when it is configured, so
 * every API instance spends from the same budget; in this process's memory otherwise, and as
 * the fallback while Redis cannot be reached.
 */
export class RateLimit {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    readonly pointsPerMinute: number,
    redis?: RedisClients,
  ) {
    const memory = new RateLimiterMemory({ points: pointsPerMinute, duration: 60 });
    this.limiter = redis
      ? new RateLimiterRedis({
          storeClient: redis.commands,
          keyPrefix: `${redis.prefix}rate`,
          points: pointsPerMinute,
          duration: 60,
          insuranceLimiter: memory,
        })
      : memory;
  }

  static keyOf(actor: Actor, address: string): string {
    return actor.kind === 'PERSON' || actor.kind === 'API_KEY' ? `${actor.kind}:${actor.id}` : `address:${address}`;
  }

  /** Spends `points` of the caller's minute, unless fewer than that are left. */
  async spend(key: string, points: number): Promise<{ ok: true; budget: Budget } | { ok: false; budget: Budget }> {
    try {
      const res = await this.limiter.consume(key, Math.max(points, 1));
      return { ok: true, budget: budgetOf(res) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // A refused query spends nothing: give its points back, so a cheaper one may still fit.
      await this.limiter.reward(key, Math.max(points, 1));
      const now = await this.limiter.get(key);
      return { ok: false, budget: now ? budgetOf(now) : { remaining: this.pointsPerMinute, resetAt: new Date() } };
    }
  }
}

function budgetOf(res: RateLimiterRes): Budget {
  return { remaining: res.remainingPoints, resetAt: new Date(Date.now() + res.msBeforeNext) };
}
