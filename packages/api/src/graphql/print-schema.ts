/** `pnpm schema:print`: writes the built schema's SDL to packages/schema/schema.graphql. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { createChangePubSub } from './pubsub.js';
import { createSchema } from './schema.js';

export const SDL_FILE = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

export async function buildSdl(): Promise<string> {
  return `${printSchema(await createSchema(createChangePubSub()))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SDL_FILE, await buildSdl());
  console.log(`wrote ${SDL_FILE}`);
}
