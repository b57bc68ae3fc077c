import type { Plugin } from 'vite';

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

export function leafletCss(): Plugin {
  return {
    name: 'gz-leaflet-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/leaflet\/dist\/leaflet\.css/.test(id)) return null;
      return { code: trimLeafletCss(code), map: null };
    },
  };
}
