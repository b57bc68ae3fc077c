import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig, type Plugin } from 'vite';
import { trimLeaflet } from './leaflet.plugin.js';

/**
 * The builds. `vite build`: the npm package, one ES module per component (`station-map.js`
 * registers `<gz-station-map>`) and `index.js` (classes only), with lit, leaflet and supercluster
 * left to the host's bundler. `vite build --mode bundle`: `gongzhi-widgets.js`, one file with
 * everything, for a portal that adds one `<script type="module">`; `--mode bundle-station-map`,
 * `--mode bundle-wish-board`, `--mode bundle-voting-panel`, `--mode bundle-request-form` and
 * `--mode bundle-request-tracker`: one component alone in one file, for
 * a portal that needs only it (a single file cannot share chunks, so each is a build of its own;
 * the map alone keeps its 60 KB bar). `--mode bundle-without-<folder>` (`bundle-without-voting-panel`,
 * `bundle-without-request-form`, …) is for measuring only (bench/widgets-bundle.mjs builds it into a
 * folder of its own): everything but that component, so that its own code is the difference from
 * `gongzhi-widgets.js`.
 */
const bundles: Record<string, Record<string, string>> = {
  bundle: { 'gongzhi-widgets': 'src/gongzhi-widgets.ts' },
  'bundle-station-map': { 'gongzhi-station-map': 'src/station-map/define.ts' },
  'bundle-wish-board': { 'gongzhi-wish-board': 'src/wish-board/define.ts' },
  'bundle-voting-panel': { 'gongzhi-voting-panel': 'src/voting-panel/define.ts' },
  'bundle-request-form': { 'gongzhi-request-form': 'src/request-form/define.ts' },
  'bundle-request-tracker': { 'gongzhi-request-tracker': 'src/request-tracker/define.ts' },
};

/** For `bundle-without-<component>`: the entry and the index without the lines of that component's folder. */
function without(component: string): Plugin {
  const line = new RegExp(`^.*\\./${component}/.*$`, 'gm');
  return {
    name: `gz-without-${component}`,
    transform(code, id) {
      if (!/\/src\/(gongzhi-widgets|index)\.ts$/.test(id)) return null;
      return { code: code.replace(line, ''), map: null };
    },
  };
}

/**
 * The generated documents are `new TypedDocumentString(…)` constants, which a bundler must keep
 * unless told they are pure: without this, every component's bundle carries every operation.
 */
function pureDocuments(): Plugin {
  return {
    name: 'gz-pure-documents',
    transform(code, id) {
      if (!id.endsWith('/core/generated/graphql.ts')) return null;
      return { code: code.replaceAll('= new TypedDocumentString(', '= /*#__PURE__*/ new TypedDocumentString('), map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  const bundle = mode.startsWith('bundle');
  const left = /^bundle-without-([a-z-]+)$/.exec(mode)?.[1];
  const entry: Record<string, string> = left
    ? { [`gongzhi-widgets-without-${left}`]: 'src/gongzhi-widgets.ts' }
    : bundle
      ? bundles[mode]
      : {
          index: 'src/index.ts',
          'station-map': 'src/station-map/define.ts',
          'wish-board': 'src/wish-board/define.ts',
          'voting-panel': 'src/voting-panel/define.ts',
          'request-form': 'src/request-form/define.ts',
          'request-tracker': 'src/request-tracker/define.ts',
        };
  if (!entry) throw new Error(`unknown mode ${mode}: ${Object.keys(bundles).join(', ')}`);
  return {
    // Lit's html`` and css`` templates keep their indentation unless minified.
    plugins: [trimLeaflet(), pureDocuments(), bundle && minifyTemplateLiterals(), left && without(left)],
    resolve: {
      // Leaflet 1.9's `main` is its UMD build; its ES build lets the bundler drop what is unused.
      alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }],
    },
    build: {
      target: 'es2022',
      emptyOutDir: !bundle,
      sourcemap: !bundle,
      lib: { entry, formats: ['es'] },
      rolldownOptions: bundle ? { output: { minify: true } } : { external: [/^lit($|\/)/, /^@lit\//, /^leaflet($|\/)/, 'supercluster'] },
      minify: bundle,
    },
  };
});
