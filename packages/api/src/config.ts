import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MANIFEST } from './graphql/limits/persisted-operations.js';

/** Environment in, validated settings out. Every bad value is reported, not just the first. */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const milliseconds = (min: number, max: number, maxInWords: string) =>
  z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max} (${maxInWords})`);

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(4000),
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
      } catch {
        return false;
      }
    }, 'must be a PostgreSQL URL such as postgresql://user@127.0.0.1:5432/gongzhi')
    .optional(),
  DATABASE_REPLICA_URLS: z
    .string()
    .refine(
      (v) =>
        v.split(',').every((u) => {
          try {
            const url = new URL(u.trim());
            return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
          } catch {
            return false;
          }
        }),
      'must be a comma-separated list of PostgreSQL URLs',
    )
    .optional(),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), 'must be a Redis URL such as redis://127.0.0.1:6379')
    .optional(),
  GZ_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,40}$/, 'must be 1 to 40 letters, digits or : _ . -')
    .default('gz:'),
  GZ_DATA_DIR: z.string().min(1, 'must not be empty').default('.data/pglite'),
  GZ_SEED_ON_EMPTY: booleanFlag.default(true),
  GZ_SEED_SCALE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(1),
  GZ_SQL_TRACE: booleanFlag.default(false),
  GZ_PRODUCTION: booleanFlag.default(false),
  GZ_INTROSPECTION: booleanFlag.optional(),
  GZ_GRAPHIQL: booleanFlag.optional(),
  GZ_MAX_DEPTH: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(2, 'must be at least 2')
    .max(100, 'must be at most 100')
    .default(16),
  GZ_MAX_COST: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(100_000),
  GZ_LOG_QUERIES: booleanFlag.default(false),
  GZ_RATE_LIMIT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(200_000),
  GZ_TRUST_PROXY: z.coerce.number({ message: 'must be the number of proxies in front of the server' }).int().min(0).default(0),
  GZ_CORS_ORIGINS: z
    .string()
    .regex(
      /^(\*|https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*)$/,
      'must be * or a comma-separated list of origins such as https://portal.example.gov.cn',
    )
    .default('*'),
  GZ_SWEEP_INTERVAL_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .max(3_600_000, 'must be at most 3600000 (an hour)')
    .default(60_000),
  GZ_PERSISTED_OPERATIONS: z.string().min(1, 'must not be empty').optional(),
  GZ_SAFELIST: booleanFlag.default(false),
  GZ_WEBHOOK_INTERVAL_MS: milliseconds(50, 60_000, 'a minute').default(1_000),
  GZ_WEBHOOK_TIMEOUT_MS: milliseconds(100, 60_000, 'a minute').default(10_000),
  GZ_WEBHOOK_BACKOFF_MS: milliseconds(10, 3_600_000, 'an hour').default(1_000),
  GZ_WEBHOOK_BACKOFF_MAX_MS: milliseconds(10, 86_400_000, 'a day').default(3_600_000),
  GZ_WEBHOOK_MAX_FAILURES: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(30),
  GZ_WEBHOOK_ALLOW_PRIVATE: booleanFlag.optional(),
  GZ_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  GZ_JWT_PUBLIC_KEY: z
    .string()
    .includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)' })
    .optional(),
  GZ_JWT_JWKS_URL: z.url({ message: 'must be an http(s) URL', protocol: /^https?$/ }).optional(),
  GZ_JWT_ISSUER: z.string().min(1, 'must not be empty').default('gongzhi'),
  GZ_JWT_AUDIENCE: z.string().min(1, 'must not be empty').default('gongzhi-api'),
});

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded database (PGlite) in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** PostgreSQL read replicas: queries read from them; mutations, subscriptions and transactions use the primary. */
  replicaUrls: string[];
  /** Redis: subscriptions fan out across instances and the rate limit is shared; in-process without it. */
  redisUrl: string | undefined;
  /** What every Redis key and channel of this deployment starts with. */
  redisPrefix: string;
  /** Folder of the embedded database; it survives restarts. */
  dataDir: string;
  seedOnEmpty: boolean;
  seedScale: number;
  /** Report the SQL statement count of each GraphQL request in `extensions.sqlStatements`. */
  sqlTrace: boolean;
  logQueries: boolean;
  /** Production mode: introspection and GraphiQL off unless asked for, no field suggestions. */
  production: boolean;
  introspection: boolean;
  graphiql: boolean;
  /** The deepest nesting of fields a document may have. */
  maxDepth: number;
  /** The most objects one operation may ask for (see graphql/limits/query-cost.ts). */
  maxCost: number;
  /** Points each caller may spend per minute (a query spends its cost); 0 turns the limit off. */
  rateLimit: number;
  /** How many proxies stand in front of the server, whose X-Forwarded-For to trust. */
  trustProxy: number;
  /**
   * Which web origins may call the API from a browser (the portals that embed the widgets):
   * `'*'` for any, or a list. Sign-in is by bearer token, never by cookie, so `*` lends no one's session to another site.
   */
  corsOrigins: '*' | string[];
  /**
   * Manifests of registered operations (graphql/limits/persisted-operations.ts): by default the
   * widgets' own; their hashes run without their text (persisted queries).
   */
  persistedOperations: string[];
  /** Safelist mode: only registered operations run. */
  safelist: boolean;
  /** How people's bearer tokens are verified; `undefined` when sign-in is not configured. */
  jwt: JwtSettings;
  /** How often what moves by the clock is moved on (wishes, votes, requests' deadlines), besides at start-up. */
  sweepIntervalMs: number;
  /** Property companies' webhooks: how often to look, how long to wait, how to back off (modules/webhooks). */
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  intervalMs: number;
  timeoutMs: number;
  /** The first retry's delay; doubled by each failure in a row, up to `backoffMaxMs`, with jitter. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Failures in a row after which a webhook is turned off. */
  maxFailures: number;
  /** Webhooks may point into private and local networks: in development, not in production. */
  allowPrivate: boolean;
}

export interface JwtSettings {
  key: { kind: 'secret'; secret: string } | { kind: 'publicKey'; pem: string } | { kind: 'jwks'; url: string } | undefined;
  issuer: string;
  audience: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(present[String(issue.path[0])])}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const keys = [
    e.GZ_JWT_SECRET && 'GZ_JWT_SECRET',
    e.GZ_JWT_PUBLIC_KEY && 'GZ_JWT_PUBLIC_KEY',
    e.GZ_JWT_JWKS_URL && 'GZ_JWT_JWKS_URL',
  ].filter(Boolean);
  if (keys.length > 1) throw new ConfigError([`${keys.join(', ')}: give one way to verify tokens, not ${keys.length}`]);
  if (e.DATABASE_REPLICA_URLS && !e.DATABASE_URL)
    throw new ConfigError(['DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded database has no replicas']);
  if (e.GZ_SAFELIST && e.GZ_PERSISTED_OPERATIONS === 'none')
    throw new ConfigError(['GZ_SAFELIST=true needs registered operations: GZ_PERSISTED_OPERATIONS must not be none']);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    replicaUrls: e.DATABASE_REPLICA_URLS ? e.DATABASE_REPLICA_URLS.split(',').map((u) => u.trim()) : [],
    redisUrl: e.REDIS_URL,
    redisPrefix: e.GZ_REDIS_PREFIX,
    dataDir: resolve(e.GZ_DATA_DIR),
    seedOnEmpty: e.GZ_SEED_ON_EMPTY,
    seedScale: e.GZ_SEED_SCALE,
    sqlTrace: e.GZ_SQL_TRACE,
    logQueries: e.GZ_LOG_QUERIES,
    production: e.GZ_PRODUCTION,
    introspection: e.GZ_INTROSPECTION ?? !e.GZ_PRODUCTION,
    graphiql: e.GZ_GRAPHIQL ?? !e.GZ_PRODUCTION,
    maxDepth: e.GZ_MAX_DEPTH,
    maxCost: e.GZ_MAX_COST,
    rateLimit: e.GZ_RATE_LIMIT,
    trustProxy: e.GZ_TRUST_PROXY,
    corsOrigins: e.GZ_CORS_ORIGINS === '*' ? '*' : e.GZ_CORS_ORIGINS.split(','),
    sweepIntervalMs: e.GZ_SWEEP_INTERVAL_MS,
    persistedOperations:
      e.GZ_PERSISTED_OPERATIONS === 'none'
        ? []
        : e.GZ_PERSISTED_OPERATIONS
          ? e.GZ_PERSISTED_OPERATIONS.split(',').map((path) => resolve(path.trim()))
          : [DEFAULT_MANIFEST],
    safelist: e.GZ_SAFELIST,
    webhooks: {
      intervalMs: e.GZ_WEBHOOK_INTERVAL_MS,
      timeoutMs: e.GZ_WEBHOOK_TIMEOUT_MS,
      backoffMs: e.GZ_WEBHOOK_BACKOFF_MS,
      backoffMaxMs: e.GZ_WEBHOOK_BACKOFF_MAX_MS,
      maxFailures: e.GZ_WEBHOOK_MAX_FAILURES,
      allowPrivate: e.GZ_WEBHOOK_ALLOW_PRIVATE ?? !e.GZ_PRODUCTION,
    },
    jwt: {
      key: e.GZ_JWT_SECRET
        ? { kind: 'secret', secret: e.GZ_JWT_SECRET }
        : e.GZ_JWT_PUBLIC_KEY
          ? { kind: 'publicKey', pem: e.GZ_JWT_PUBLIC_KEY }
          : e.GZ_JWT_JWKS_URL
            ? { kind: 'jwks', url: e.GZ_JWT_JWKS_URL }
            : undefined,
      issuer: e.GZ_JWT_ISSUER,
      audience: e.GZ_JWT_AUDIENCE,
    },
  };
}

/** For commands: the settings, or every problem with them printed and exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
