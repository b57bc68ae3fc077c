import { serveDemo } from '@gongzhi/api/test/serve-demo';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { servePortal } from '../../../examples/portal/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real API's GraphQL URL, over a fresh database with the demo district (scale 1). */
    graphqlUrl: string;
    /** Global IDs of the seeded districts. */
    districtIds: string[];
    /** A valid development token of a seeded person. */
    token: string;
    /** The example portal page, served with the built single-file bundle. */
    portalUrl: string;
  }
}

/** One real API server for the widgets' browser tests, and the portal page's static server. */
export default async function setup(project: TestProject) {
  // The portal page loads dist/gongzhi-widgets.js: test the bundle as the sources are now.
  await build({ root: project.config.root, mode: 'bundle', logLevel: 'warn' });
  const demo = await serveDemo({ kind: 'postgres', scale: 1 });
  const portal = await servePortal({ port: 0 });
  project.provide('graphqlUrl', demo.graphqlUrl);
  project.provide(
    'districtIds',
    demo.districts.map((district) => district.id),
  );
  project.provide('token', demo.token);
  project.provide('portalUrl', portal.url);
  return async () => {
    await portal.close();
    await demo.close();
  };
}
