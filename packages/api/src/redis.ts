import { Redis } from 'ioredis';

/**
 * The Redis connections of one API instance, when `REDIS_URL` is set: one to publish and keep
 * rate-limit budgets, one held in subscriber mode (Redis allows nothing else on it). Every key and
 * channel starts with `prefix`, so deployments (or test runs) can share one Redis.
 */
export interface RedisClients {
  commands: Redis;
  subscriber: Redis;
  prefix: string;
  close(): Promise<void>;
}

export async function openRedis(url: string, prefix: string): Promise<RedisClients> {
  // Commands fail fast while Redis is away instead of queueing without end; callers fall back
  // (the rate limit to this instance's memory) and subscribers reconnect by themselves.
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true };
  const commands = new Redis(url, options);
  const subscriber = new Redis(url, options);
  await Promise.all([commands.connect(), subscriber.connect()]);
  return {
    commands,
    subscriber,
    prefix,
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}
