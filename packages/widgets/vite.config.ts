import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';
import { trimLeaflet } from './leaflet.plugin.js';

/**
 * Two builds. `vite build`: the npm package, one ES module per component (`station-map.js`
 * registers `<gz-station-map>`) and `index.js` (classes only), with lit, leaflet and supercluster
 * left to the host's bundler. `vite build --mode bundle`: `gongzhi-widgets.js`, one file with
 * everything, for a portal that adds one `<script type="module">`.
 */
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  const entry: Record<string, string> = bundle
    ? { 'gongzhi-widgets': 'src/gongzhi-widgets.ts' }
    : { index: 'src/index.ts', 'station-map': 'src/station-map/define.ts', 'wish-board': 'src/wish-board/define.ts' };
  return {
    // Lit's html`` and css`` templates keep their indentation unless minified.
    plugins: [trimLeaflet(), bundle && minifyTemplateLiterals()],
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
