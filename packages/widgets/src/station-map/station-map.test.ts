import { afterEach, describe, expect, inject, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import {
  ask,
  cleanup,
  districtId,
  expectAccessible,
  graphqlUrl,
  markers,
  mount,
  next,
  part,
  parts,
  shadow,
  statusText,
} from '../../test/fixtures.js';
import { wgs84ToGcj02 } from '../core/geo.js';
import type { MapStation } from './station-map.data.js';

afterEach(cleanup);

interface ApiStation {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  address: string;
  openNow: boolean;
}

async function districtStations(): Promise<{ totalCount: number; nodes: ApiStation[] }> {
  const { stations } = await ask<{ stations: { totalCount: number; nodes: ApiStation[] } }>(
    'query($d: ID!) { stations(filter: { within: $d }, first: 100) { totalCount nodes { id name latitude longitude phone address openNow } } }',
    { d: districtId() },
  );
  return stations;
}

/** Synthetic stations around Meihekou, for host-provided data. */
function synthetic(count: number): MapStation[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `synthetic-${index}`,
    name: `测试服务站 ${index}`,
    address: `测试路 ${index} 号`,
    latitude: 42.5 + ((index * 7919) % 1000) / 2500,
    longitude: 125.6 + ((index * 104_729) % 1000) / 2000,
  }));
}

describe('<gz-station-map> against the real API', () => {
  it('shows loading, then the district’s stations on the map and in the list, accessibly', async () => {
    const element = mount({ endpoint: graphqlUrl(), area: districtId() });
    const loaded = next<{ count: number }>(element, 'gz-load');
    await element.updateComplete;
    expect(statusText(element)).toBe('正在加载服务站…');
    expect(part(element, 'base')!.getAttribute('aria-busy')).toBe('true');
    await expectAccessible(element);

    const { detail } = await loaded;
    const api = await districtStations();
    expect(detail.count).toBe(api.totalCount);
    await element.updateComplete;
    expect(markers(element)).toBeGreaterThan(0);
    const listed = parts(element, 'list-item');
    expect(listed.length).toBe(Math.min(50, api.totalCount));
    expect(statusText(element)).toBe(`显示 ${listed.length} / ${api.totalCount} 个服务站`);
    // Without a starting point the list is by name, in Chinese collation.
    const names = listed.map((item) => item.querySelector('.name')!.textContent);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    await expectAccessible(element);
  });

  it('loads again when it is put back in the page after being removed while loading', async () => {
    const element = mount({ endpoint: graphqlUrl(), area: districtId() });
    await element.updateComplete;
    element.remove();
    const loaded = next<{ count: number }>(element, 'gz-load');
    document.body.append(element);
    expect((await loaded).detail.count).toBeGreaterThan(0);
  });

  it('draws the district’s outline from Area.boundary', async () => {
    const { node } = await ask<{ node: { boundary: { latitude: number }[] | null } }>(
      'query($d: ID!) { node(id: $d) { ... on Area { boundary { latitude longitude } } } }',
      { d: districtId() },
    );
    expect(node.boundary?.length).toBeGreaterThanOrEqual(3);
    const element = mount({ endpoint: graphqlUrl(), area: districtId() });
    await next(element, 'gz-load');
    await element.updateComplete;
    // The outline and nothing else is a path in the overlay pane until a station is chosen.
    expect(shadow(element).querySelectorAll('.leaflet-overlay-pane path').length).toBe(1);
  });

  it('chooses a station from the list by keyboard: event, detail panel, walking circle', async () => {
    const element = mount({ endpoint: graphqlUrl(), area: districtId(), radius: '800' });
    await next(element, 'gz-load');
    await element.updateComplete;
    const first = parts(element, 'list-item')[0];
    const id = first.dataset.station!;
    const selected = next<{ id: string }>(element, 'gz-station-select');
    first.focus();
    await userEvent.keyboard('{Enter}');
    expect((await selected).detail.id).toBe(id);
    await element.updateComplete;

    const { node } = await ask<{
      node: { name: string; address: string; phone: string | null; openNow: boolean; services: { nodes: { name: string }[] } };
    }>('query($id: ID!) { node(id: $id) { ... on Station { name address phone openNow services(first: 100) { nodes { name } } } } }', {
      id,
    });
    const detail = part(element, 'detail')!;
    expect(detail.querySelector('#detail-name')!.textContent).toBe(node.name);
    expect(detail.textContent).toContain(node.address);
    if (node.phone) expect(detail.querySelector('a[href^="tel:"]')!.textContent).toBe(node.phone);
    expect(detail.querySelector('.badge')!.textContent).toBe(node.openNow ? '正在营业' : '已休息');
    expect([...detail.querySelectorAll('dd ul')].at(-1)!.querySelectorAll('li').length).toBe(node.services.nodes.length);
    expect(detail.textContent).toContain('步行 800 米范围');
    expect(first.getAttribute('aria-current')).toBe('true');
    // Outline plus the walking circle.
    expect(shadow(element).querySelectorAll('.leaflet-overlay-pane path').length).toBe(2);
    await expectAccessible(element);

    // Closing the details gives focus back to the station's row and takes the circle away.
    const close = [...detail.querySelectorAll('button')].find((button) => button.textContent === '关闭详情')!;
    close.focus();
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(part(element, 'detail')).toBeNull();
    expect(shadow(element).activeElement).toBe(parts(element, 'list-item')[0]);
    expect(shadow(element).querySelectorAll('.leaflet-overlay-pane path').length).toBe(1);
  });

  it('sorts the list by distance from the visitor’s location, in the same order as the API’s `near`', async () => {
    const api = await districtStations();
    const somewhere = api.nodes[17];
    const origin = { latitude: somewhere.latitude + 0.003, longitude: somewhere.longitude - 0.002 };
    await commands.allowGeolocation(origin.latitude, origin.longitude);
    const element = mount({ endpoint: graphqlUrl(), area: districtId() });
    await next(element, 'gz-load');
    await element.updateComplete;
    part(element, 'locate-button')!.click();
    await expect.poll(() => parts(element, 'list-item')[0].querySelector('.meta')!.textContent).toContain('距起点');

    const { stations } = await ask<{ stations: { edges: { distance: number; node: { id: string } }[] } }>(
      'query($d: ID!, $p: GeoPointInput!) { stations(filter: { within: $d }, near: $p, first: 5) { edges { distance node { id } } } }',
      { d: districtId(), p: origin },
    );
    const listed = parts(element, 'list-item').slice(0, 5);
    expect(listed.map((item) => item.dataset.station)).toEqual(stations.edges.map((edge) => edge.node.id));
    // The API measures on PostgreSQL's earth sphere, the widget on the mean radius: within 0.2 %.
    const [, shown, unit] = /距起点 ([\d.]+) (米|公里)/.exec(listed[0].querySelector('.meta')!.textContent!)!;
    const metres = Number(shown) * (unit === '公里' ? 1000 : 1);
    expect(Math.abs(metres - stations.edges[0].distance)).toBeLessThanOrEqual(
      Math.max(1, stations.edges[0].distance * 0.002) + (unit === '公里' ? 50 : 0),
    );
  });

  it('says so when the visitor refuses their location, and keeps the list by name', async () => {
    await commands.denyGeolocation();
    const element = mount({ endpoint: graphqlUrl(), area: districtId() });
    await next(element, 'gz-load');
    await element.updateComplete;
    part(element, 'locate-button')!.click();
    await expect.poll(() => shadow(element).querySelector('[role="alert"]')?.textContent).toBe('无法获取您的位置，请在地图上点选起点。');
    expect(parts(element, 'list-item')[0].querySelector('.meta')!.textContent).not.toContain('距起点');
    await expectAccessible(element);
  });

  it('picks the starting point with Enter on the focused map, and keeps the list nearest first', async () => {
    const element = mount({ endpoint: graphqlUrl(), area: districtId() });
    await next(element, 'gz-load');
    await element.updateComplete;
    part(element, 'map')!.focus();
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    const distances = parts(element, 'list-item').map((item) => {
      const text = item.querySelector('.meta')!.textContent!;
      const [, value, unit] = /距起点 ([\d.]+) (米|公里)/.exec(text)!;
      return Number(value) * (unit === '公里' ? 1000 : 1);
    });
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('filters by service: the list holds exactly the stations the API says offer it', async () => {
    const element = mount({ endpoint: graphqlUrl(), area: districtId() });
    await next(element, 'gz-load');
    await element.updateComplete;
    const select = part(element, 'filter') as HTMLSelectElement;
    const option = select.options[3];
    select.value = option.value;
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const { stations } = await ask<{ stations: { totalCount: number; nodes: { id: string }[] } }>(
      'query($d: ID!, $s: ID!) { stations(filter: { within: $d, service: $s }, first: 100) { totalCount nodes { id } } }',
      { d: districtId(), s: option.value },
    );
    expect(stations.totalCount).toBeGreaterThan(0);
    const offering = stations.nodes.map((node) => node.id);
    const listed = parts(element, 'list-item').map((item) => item.dataset.station);
    for (const id of listed) expect(offering).toContain(id);
    expect(listed.length).toBe(Math.min(50, stations.totalCount));
    expect(statusText(element)).toContain(String(stations.totalCount));
  });

  it('speaks English with lang="en"', async () => {
    const element = mount({ endpoint: graphqlUrl(), area: districtId(), lang: 'en' });
    await next(element, 'gz-load');
    await element.updateComplete;
    expect(part(element, 'locate-button')!.textContent!.trim()).toBe('Use my location');
    expect(statusText(element)).toMatch(/^Showing \d+ of \d+ stations$/);
    expect(part(element, 'map')!.getAttribute('aria-label')).toBe('Map of party and masses service stations');
  });

  it('sends the token provider’s token as a bearer token; a bad one is refused by the server', async () => {
    let asked = 0;
    const good = mount(
      { endpoint: graphqlUrl(), area: districtId() },
      {
        tokenProvider: async () => {
          asked++;
          return inject('token');
        },
      },
    );
    await next(good, 'gz-load');
    expect(asked).toBeGreaterThanOrEqual(2);
    good.remove();

    const bad = mount({ endpoint: graphqlUrl(), area: districtId() }, { tokenProvider: () => 'not-a-token' });
    const { detail } = await next<{ code: string; message: string }>(bad, 'gz-error');
    expect(detail.code).toMatch(/GRAPHQL|HTTP/);
    await bad.updateComplete;
    expect(part(bad, 'retry-button')).not.toBeNull();
  });

  it('shows an error for a bad endpoint and for a GraphQL error, with a retry button', async () => {
    // A same-origin path that is no GraphQL endpoint (another origin's 404 has no CORS headers, so a
    // browser cannot tell it from an unreachable server: that is the offline case below).
    const notGraphql = mount({ endpoint: `${location.origin}/no-such-graphql-endpoint`, area: districtId() });
    const httpError = await next<{ code: string }>(notGraphql, 'gz-error');
    expect(httpError.detail.code).toBe('HTTP');
    await notGraphql.updateComplete;
    expect(statusText(notGraphql)).toMatch(/^加载失败：.*404/);
    expect(part(notGraphql, 'status')!.classList.contains('problem')).toBe(true);
    await expectAccessible(notGraphql);
    notGraphql.remove();

    const badId = mount({ endpoint: graphqlUrl(), area: 'not-a-global-id' });
    const graphqlError = await next<{ code: string; message: string }>(badId, 'gz-error');
    expect(graphqlError.detail.code).toBe('GRAPHQL');
    await badId.updateComplete;
    expect(part(badId, 'retry-button')).not.toBeNull();
    expect(parts(badId, 'list-item')).toHaveLength(0);
  });

  it('shows the offline state when the server cannot be reached, and recovers on retry', async () => {
    const element = mount({ endpoint: 'http://127.0.0.1:9/graphql', area: districtId() });
    const { detail } = await next<{ code: string }>(element, 'gz-error');
    expect(detail.code).toBe('OFFLINE');
    await element.updateComplete;
    expect(statusText(element)).toBe('无法连接服务器，请检查网络后重试。');
    await expectAccessible(element);

    element.setAttribute('endpoint', graphqlUrl());
    const loaded = next(element, 'gz-load');
    part(element, 'retry-button')!.click();
    await loaded;
    await element.updateComplete;
    expect(part(element, 'retry-button')).toBeNull();
    expect(parts(element, 'list-item').length).toBeGreaterThan(0);
  });

  it('shows the empty state for an area without stations', async () => {
    const { areas } = await ask<{ areas: { nodes: { id: string }[] } }>(
      '{ areas(filter: { kind: [COMPOUND] }, first: 1) { nodes { id } } }',
    );
    const compound = areas.nodes[0].id;
    const { stations } = await ask<{ stations: { totalCount: number } }>(
      'query($a: ID!) { stations(filter: { within: $a }) { totalCount } }',
      { a: compound },
    );
    expect(stations.totalCount).toBe(0);
    const element = mount({ endpoint: graphqlUrl(), area: compound });
    await expect.poll(() => element.shadowRoot && statusText(element), { timeout: 15_000 }).toBe('这里没有党群服务站。');
    expect(parts(element, 'list-item')).toHaveLength(0);
    expect(markers(element)).toBe(0);
    await expectAccessible(element);
  });

  it('still shows the stations and a working list when the tile server is unreachable (an intranet)', async () => {
    const element = mount({
      endpoint: graphqlUrl(),
      area: districtId(),
      'tile-url': 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png',
      'tile-attribution': '内网底图',
    });
    await next(element, 'gz-load');
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('img.leaflet-tile').length).toBeGreaterThan(0);
    expect(shadow(element).querySelector('.leaflet-control-attribution')!.textContent).toContain('内网底图');
    expect(markers(element)).toBeGreaterThan(0);
    const selected = next<{ id: string }>(element, 'gz-station-select');
    parts(element, 'list-item')[2].click();
    expect((await selected).detail.id).toBe(parts(element, 'list-item')[2].dataset.station);
  });
});

describe('<gz-station-map> with a tile server', () => {
  it('draws tiles from a locally served tile URL under the stations', async () => {
    const element = mount({
      endpoint: graphqlUrl(),
      area: districtId(),
      'tile-url': `${location.origin}/test/tile.svg?z={z}&x={x}&y={y}`,
      'tile-attribution': '本地底图',
    });
    await next(element, 'gz-load');
    await expect.poll(() => shadow(element).querySelectorAll('img.leaflet-tile-loaded').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const tile = shadow(element).querySelector<HTMLImageElement>('img.leaflet-tile-loaded')!;
    expect(tile.naturalWidth).toBe(256);
    expect(tile.src).toMatch(/tile\.svg\?z=\d+(\.\d+)?&x=\d+&y=\d+/);
    expect(markers(element)).toBeGreaterThan(0);
    await expectAccessible(element);
  });

  it('draws a second, label layer over the map with tile-label-url (Tianditu’s cva_w)', async () => {
    const element = mount({
      endpoint: graphqlUrl(),
      area: districtId(),
      'tile-url': `${location.origin}/test/tile.svg?layer=map&z={z}&x={x}&y={y}`,
      'tile-label-url': `${location.origin}/test/tile.svg?layer=labels&z={z}&x={x}&y={y}`,
    });
    await next(element, 'gz-load');
    expect(shadow(element).querySelectorAll('.leaflet-tile-pane > .leaflet-layer')).toHaveLength(2);
    await expect
      .poll(
        () =>
          [...shadow(element).querySelectorAll<HTMLImageElement>('img.leaflet-tile-loaded')].some((tile) =>
            tile.src.includes('layer=labels'),
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    element.removeAttribute('tile-label-url');
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('.leaflet-tile-pane > .leaflet-layer')).toHaveLength(1);
  });
});

describe('<gz-station-map> and motion', () => {
  it('does not animate zooms for visitors who prefer reduced motion', async () => {
    const animated = mount({}, { stations: synthetic(10) });
    await next(animated, 'gz-load');
    expect(shadow(animated).querySelector('.leaflet-proxy')).not.toBeNull();
    animated.remove();
    await commands.emulateReducedMotion(true);
    try {
      const still = mount({}, { stations: synthetic(10) });
      await next(still, 'gz-load');
      // Leaflet makes its zoom-animation proxy only when it animates zooms.
      expect(shadow(still).querySelector('.leaflet-proxy')).toBeNull();
      expect(markers(still)).toBeGreaterThan(0);
    } finally {
      await commands.emulateReducedMotion(false);
    }
  });
});

describe('<gz-station-map> with host-provided stations', () => {
  it('renders 1,000 stations within a second of connecting', async () => {
    const stations = synthetic(1000);
    const started = performance.now();
    const element = mount({}, { stations });
    const { detail } = await next<{ count: number }>(element, 'gz-load');
    await element.updateComplete;
    const elapsed = performance.now() - started;
    expect(detail.count).toBe(1000);
    expect(markers(element)).toBeGreaterThan(0);
    expect(parts(element, 'list-item')).toHaveLength(50);
    expect(elapsed).toBeLessThan(1000);
  });

  it('draws its map again after being moved in the page (removed, then appended elsewhere)', async () => {
    const element = mount({}, { stations: synthetic(200) });
    await next(element, 'gz-load');
    await element.updateComplete;
    const before = markers(element);
    element.remove();
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(element);
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('.leaflet-map-pane')).toHaveLength(1);
    expect(markers(element)).toBe(before);
    elsewhere.remove();
  });

  it('clusters 10,000 stations and splits a cluster when it is activated by keyboard', async () => {
    const element = mount({}, { stations: synthetic(10_000) });
    await next(element, 'gz-load');
    await element.updateComplete;
    const clusters = shadow(element).querySelectorAll<HTMLElement>('.gz-cluster');
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.length).toBeLessThan(200);
    const total =
      [...clusters].reduce((sum, cluster) => sum + Number(cluster.textContent), 0) + shadow(element).querySelectorAll('.gz-marker').length;
    expect(total).toBe(10_000);
    const before = statusText(element);
    clusters[0].focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => statusText(element)).not.toBe(before);
    await expectAccessible(element);
  });

  it('places markers in GCJ-02 with crs="gcj02" and keeps distances in WGS-84', async () => {
    const [station] = synthetic(1);
    const element = mount({ crs: 'gcj02' }, { stations: [station] });
    await next(element, 'gz-load');
    await element.updateComplete;
    const selected = next(element, 'gz-station-select');
    (shadow(element).querySelector('.gz-marker') as HTMLElement).click();
    await selected;
    await element.updateComplete;
    const shifted = wgs84ToGcj02(station);
    // Where Leaflet puts the shifted point on screen is where the marker must be.
    const map = (element as unknown as { map: { latLngToContainerPoint(p: [number, number]): { x: number; y: number } } }).map;
    const markerBox = shadow(element).querySelector('.gz-marker')!.getBoundingClientRect();
    const mapBox = part(element, 'map')!.getBoundingClientRect();
    const expected = map.latLngToContainerPoint([shifted.latitude, shifted.longitude]);
    expect(Math.abs(markerBox.left + markerBox.width / 2 - mapBox.left - expected.x)).toBeLessThan(2);
    expect(Math.abs(markerBox.top + markerBox.height / 2 - mapBox.top - expected.y)).toBeLessThan(2);
  });
});

describe('the example portal page', () => {
  it('embeds the single-file bundle, themed, and is saved as test-artifacts/portal.png', async () => {
    const url = `${inject('portalUrl')}?endpoint=${encodeURIComponent(graphqlUrl())}&area=${encodeURIComponent(districtId())}`;
    const shot = await commands.screenshotPage(url, 'test-artifacts/portal.png');
    expect(shot.pageErrors).toEqual([]);
    expect(shot.consoleErrors).toEqual([]);
    expect(shot.status).toMatch(/^显示 \d+ \/ \d+ 个服务站$/);
    expect(shot.markers).toBeGreaterThan(0);
    expect(shot.listItems).toBeGreaterThan(0);
    // The wish board below it: the district's public wishes (none before the wish tests post some).
    expect(shot.wishStatus).toMatch(/^(共 \d+ 个心愿|显示 \d+ \/ \d+ 个心愿|这里还没有微心愿。)$/);
    expect(shot.wishCards).toBe(shot.wishStatus.startsWith('这里') ? 0 : Math.min(24, Number(shot.wishStatus.match(/(\d+) 个心愿/)![1])));
    // The portal's three lines of CSS: --gz-color-primary: #1d4f91.
    expect(shot.primaryColour).toBe('rgb(29, 79, 145)');
  });
});
