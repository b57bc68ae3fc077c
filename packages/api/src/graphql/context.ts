import type { EntityManager } from '@mikro-orm/sql';
import { areasGranting, type Permission, SCOPE_PERMISSIONS } from '../auth/permissions.js';
import { type HeldRole, rolesHeldToday } from '../auth/roles.js';
import type { Tokens } from '../auth/tokens.js';
import { type Visibility, visibilityOf } from '../auth/visibility.js';
import { type SqlCount, sqlCountInScope } from '../db/sql-counter.js';
import { ApiKey } from '../modules/api-keys/api-key.entity.js';
import { organizationPath } from '../modules/api-keys/api-key.service.js';
import { type Actor, anonymous } from '../modules/audit/audit.service.js';
import { RateLimit } from './limits/rate-limit.js';
import { Loaders } from './loaders.js';
import type { ChangePubSub } from './pubsub.js';

/** What every resolver receives: this request's unit of work, its loaders, the change feed. */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  sql: SqlCount;
  pubsub: ChangePubSub;
  /** Who is asking; every change they make is audited under this name. */
  actor: Actor;
  /** Verifies and, in development, issues people's tokens; null when sign-in is off. */
  tokens: Tokens | null;
  /** The roles the signed-in person holds today; none for anyone else. Read once per request. */
  roles(): Promise<HeldRole[]>;
  /** The areas (by path) where this caller may do `permission`: from a person's roles or a key's scopes. */
  grantedAreas(permission: Permission): Promise<string[]>;
  /** What this caller may see at all (auth/visibility.ts); worked out once per request. */
  visibility(): Promise<Visibility>;
  /** Whose points of the minute this request spends: the person's, or the address's. */
  rateKey: string;
  /** Whether webhooks may point into private and local networks (`GZ_WEBHOOK_ALLOW_PRIVATE`). */
  allowPrivateWebhooks: boolean;
  /** The request's one clock reading: every "open now" in one answer is judged at the same instant. */
  now: Date;
  /**
   * A subscription lives for many events: each event is resolved on a fresh unit of work
   * and fresh loaders, so it never sees the data of an earlier one.
   */
  renew(): void;
  /**
   * This operation writes (server.ts calls it for every mutation, over HTTP and WebSocket): from
   * here on, read from the primary database, not a replica, so a mutation reads what it has just
   * written, and load entities by ID into the unit of work, where changes to them are tracked.
   * Until then, loaders build read-only entities (db/read-entity.ts).
   */
  usePrimary(): void;
}

export function createContext(
  root: EntityManager,
  pubsub: ChangePubSub,
  tokens: Tokens | null,
  actor: Actor = anonymous(),
  address = 'unknown',
  primary: EntityManager = root,
): Context {
  let held: Promise<HeldRole[]> | undefined;
  let seen: Promise<Visibility> | undefined;
  const granted = new Map<Permission, Promise<string[]>>();
  let writes = false;
  const readOnly = () => !writes;
  const context: Context = {
    em: root.fork({ clear: true }),
    loaders: undefined as unknown as Loaders,
    // The request's counter (server.ts runs each GraphQL request in one); its own otherwise.
    sql: sqlCountInScope() ?? { statements: 0 },
    pubsub,
    actor,
    tokens,
    rateKey: RateLimit.keyOf(actor, address),
    now: new Date(),
    allowPrivateWebhooks: false,
    grantedAreas(permission) {
      let areas = granted.get(permission);
      if (!areas) {
        areas = grantedTo(context, permission);
        granted.set(permission, areas);
      }
      return areas;
    },
    visibility() {
      seen ??= visibilityOf(context);
      return seen;
    },
    roles() {
      held ??= actor.kind === 'PERSON' && actor.id ? rolesHeldToday(context.em, actor.id) : Promise.resolve([]);
      return held;
    },
    renew() {
      held = undefined;
      seen = undefined;
      granted.clear();
      context.em = root.fork({ clear: true });
      context.loaders = new Loaders(context.em, readOnly);
    },
    usePrimary() {
      writes = true;
      if (root === primary) return;
      root = primary;
      context.renew();
    },
  };
  context.loaders = new Loaders(context.em, readOnly);
  return context;
}

async function grantedTo(context: Context, permission: Permission): Promise<string[]> {
  const { actor } = context;
  if (actor.kind === 'PERSON') return areasGranting(await context.roles(), permission);
  if (actor.kind !== 'API_KEY' || !actor.id) return [];
  const key = await context.em.findOne(ApiKey, { id: actor.id }, { fields: ['scopes', 'organization'] });
  if (!key?.scopes.some((scope) => SCOPE_PERMISSIONS[scope].includes(permission))) return [];
  const path = await organizationPath(context.em, key.organization.id as number);
  return path ? [path] : [];
}
