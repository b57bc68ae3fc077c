import { readFileSync } from 'node:fs';

/** The gongzhi API's schema in SDL, for clients and code generators. */
export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
export const schemaPath = new URL('./schema.graphql', import.meta.url).pathname;
