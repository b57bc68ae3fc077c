import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('settings from the environment', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, seedOnEmpty: true, seedScale: 1, sqlTrace: false });
    expect(config.dataDir).toMatch(/\.data\/pglite$/);
  });

  it('reports every bad value with a clear message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/x', GZ_SEED_SCALE: '0', GZ_SQL_TRACE: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT="eighty": must be a number/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL="mysql:\/\/localhost\/x": must be a PostgreSQL URL/);
    expect(problems.join('\n')).toMatch(/GZ_SEED_SCALE="0": must be at least 1/);
    expect(problems.join('\n')).toMatch(/GZ_SQL_TRACE="maybe": must be true or false/);
  });

  it('lets webhooks point into private networks in development only, unless told', () => {
    expect(loadConfig({}).webhooks).toEqual({
      intervalMs: 1_000,
      timeoutMs: 10_000,
      backoffMs: 1_000,
      backoffMaxMs: 3_600_000,
      maxFailures: 30,
      allowPrivate: true,
    });
    expect(loadConfig({ GZ_PRODUCTION: 'true' }).webhooks.allowPrivate).toBe(false);
    expect(loadConfig({ GZ_PRODUCTION: 'true', GZ_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhooks.allowPrivate).toBe(true);
    expect(() => loadConfig({ GZ_WEBHOOK_INTERVAL_MS: '10' })).toThrow(/GZ_WEBHOOK_INTERVAL_MS="10": must be at least 50/);
  });

  it('takes a PostgreSQL URL and a port', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/gongzhi' });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/gongzhi');
  });
});
