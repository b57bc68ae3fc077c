import type { Plugin } from 'vite';

/**
 * Leaflet 1.9 trimmed to what `<gz-station-map>` uses, for the single-file bundle's 60 KB gzip
 * budget. Leaflet 1.9 attaches popups, tooltips and GeoJSON export to every layer with
 * `Layer.include(...)` / `Marker.include(...)`, so a bundler cannot drop them; the widget uses
 * none of them (its detail panel is its own markup). About 5 KB gzip.
 */
const SECTIONS: { from: string; to: string; exports: string[]; statics?: RegExp }[] = [
  { from: 'GeoJSON', to: 'ImageOverlay', exports: ['GeoJSON', 'geoJSON', 'geoJson'], statics: /^GeoJSON\.\w+ = \w+;\r?\n/gm },
  { from: 'DivOverlay', to: 'DivIcon', exports: ['DivOverlay', 'Popup', 'Tooltip', 'popup', 'tooltip'] },
];

const classComment = (name: string) => new RegExp(`/\\*\\r?\\n \\* @class ${name}\\r?\\n`);

export function dropLeafletSections(source: string): string {
  let code = source;
  const dropped: string[] = [];
  for (const section of SECTIONS) {
    const start = code.search(classComment(section.from));
    const end = code.search(classComment(section.to));
    // Leaflet 1.x is frozen; if another version moves these sections, fail the build rather than guess.
    if (start < 0 || end < start)
      throw new Error(`leaflet.plugin: the ${section.from}…${section.to} section of leaflet-src.esm.js was not found`);
    code = code.slice(0, start) + code.slice(end);
    if (section.statics) code = code.replace(section.statics, '');
    dropped.push(...section.exports);
  }
  return code.replace(/export \{([^}]*)\};/, (_, names: string) => {
    const kept = names
      .split(',')
      .map((name) => name.trim())
      .filter((name) => !dropped.includes(name));
    return `export { ${kept.join(', ')} };`;
  });
}

/**
 * Leaflet's stylesheet without what `<gz-station-map>` never shows: popups, tooltips, the layers
 * control, the default marker images (inlined, they would cost 3.5 KB gzip in the bundle),
 * old-IE and VML rules, print rules. About 5 KB gzip of the 60 KB budget.
 */
const UNUSED_SELECTOR = /popup|tooltip|control-layers|oldie|vml|marker-shadow|image-layer|default-icon-path|leaflet-retina/;

export function trimLeafletCss(css: string): string {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const printAt = withoutComments.indexOf('@media print');
  const body = printAt >= 0 ? withoutComments.slice(0, printAt) : withoutComments;
  const rules: string[] = [];
  for (const rule of body.split('}')) {
    const [selectorList, declarations] = rule.split('{');
    if (declarations === undefined) continue;
    // A rule often lists several selectors: drop only the unused ones, and images (url(…)).
    const selectors = selectorList
      .split(',')
      .map((selector) => selector.trim())
      .filter((selector) => selector && !UNUSED_SELECTOR.test(selector));
    const kept = declarations
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration && !declaration.includes('url('));
    if (selectors.length && kept.length) rules.push(`${selectors.join(',')}{${kept.join(';')}}`);
  }
  return rules.join('\n');
}

/** Both trims, for the builds and for the tests (which so run the Leaflet the bundle ships). */
export function trimLeaflet(): Plugin {
  return {
    name: 'gz-trim-leaflet',
    enforce: 'pre',
    transform(code, id) {
      if (/leaflet\/dist\/leaflet\.css/.test(id)) return { code: trimLeafletCss(code), map: null };
      if (/leaflet\/dist\/leaflet-src\.esm\.js$/.test(id)) return { code: dropLeafletSections(code), map: null };
      return null;
    },
  };
}
