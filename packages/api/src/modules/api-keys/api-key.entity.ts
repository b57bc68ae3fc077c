import { defineEntity, p } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity.js';

/** What a machine client may do; enforced as access control grows (see auth/permissions.ts). */
export const API_KEY_SCOPES = ['read:public', 'read:stats', 'read:personal', 'write:property', 'submit:requests'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A machine client's key (a property company's system, a data team's scripts), bound to one
 * organisation. Only a SHA-256 of the key is stored: it is shown once, when created.
 */
const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: p.integer().primary().autoincrement(),
    organization: () => p.manyToOne(Organization).index().deleteRule('cascade'),
    name: p.string().length(100),
    scopes: p.array<ApiKeyScope>().$type<ApiKeyScope[]>(),
    /** The key's public part, `gzk_<prefix>_…`: finds the row, and tells keys apart in lists. */
    prefix: p.string().length(16).unique(),
    secretHash: p.string().length(64).hidden(),
    createdBy: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export class ApiKey extends ApiKeySchema.class {}
ApiKeySchema.setClass(ApiKey);
