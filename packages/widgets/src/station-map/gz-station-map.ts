import {
  circle,
  circleMarker,
  divIcon,
  type LatLngBounds,
  type LayerGroup,
  type Map as LeafletMap,
  type LeafletMouseEvent,
  latLngBounds,
  layerGroup,
  map as leafletMap,
  type Marker,
  marker,
  type Polygon,
  polygon,
  type TileLayer,
  tileLayer,
} from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { html, nothing, type PropertyValues, unsafeCSS } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { datumTransform, type LatLng, type MapDatum } from '../core/geo.js';
import { RequestError } from '../core/graphql-client.js';
import { GzElement } from '../core/gz-element.js';
import { themeStyles } from '../core/theme.js';
import { StationClusters } from './station-map.clusters.js';
import {
  type Bounds,
  boundsOf,
  filterByService,
  inBounds,
  isOpen,
  loadArea,
  loadStations,
  type MapArea,
  type MapService,
  type MapStation,
  rankByDistance,
  type StationRank,
  servicesOf,
  sortByName,
} from './station-map.data.js';
import { stationMapStyles } from './station-map.styles.js';

export type StationMapStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'offline';

/** How many list rows are shown at first, and added by "show more". */
const LIST_STEP = 50;
/** Where a map with no stations and no area centre looks: the middle of China. */
const FALLBACK_VIEW: [number, number, number] = [35.0, 105.0, 4];

/**
 * A map of the party and masses service stations (党群服务站) of an area, with a list of the
 * same stations nearest first from a point the visitor picks, a service filter, a detail panel,
 * and the walking circle (一刻钟服务圈) around the chosen station.
 *
 * @tagname gz-station-map
 * @summary Service stations on a map and in a list, nearest first.
 *
 * @event {CustomEvent<{ id: string }>} gz-station-select - A station was chosen on the map or in the list; `id` is its global ID.
 * @event {CustomEvent<{ count: number }>} gz-load - Stations are on the map (after each load); `count` is how many.
 * @event {CustomEvent<{ code: string; message: string }>} gz-error - Loading failed; `code` is `OFFLINE`, `HTTP`, `GRAPHQL` or `NOT_FOUND`.
 *
 * @csspart base - The frame around everything.
 * @csspart toolbar - The row with the service filter, the location button and the status.
 * @csspart filter - The service filter's `<select>`.
 * @csspart button - Every button of the widget (also named by its own part).
 * @csspart locate-button - "Use my location".
 * @csspart retry-button - "Try again", shown after a failure.
 * @csspart more-button - "Show more" below the list.
 * @csspart status - The live status line (loading, empty, error, offline, count).
 * @csspart map - The map's container.
 * @csspart list - The list of stations.
 * @csspart list-item - One station's button in the list.
 * @csspart detail - The chosen station's details.
 *
 * @cssprop [--gz-color-primary=#c8161d] - Markers, buttons, outline, the chosen station.
 * @cssprop [--gz-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--gz-color-text=#1f2329] - Body text.
 * @cssprop [--gz-color-text-muted=#5c6370] - Secondary text.
 * @cssprop [--gz-color-surface=#ffffff] - Background of the widget.
 * @cssprop [--gz-color-border=#d9dce1] - Borders.
 * @cssprop [--gz-color-open=#116329] - "Open now".
 * @cssprop [--gz-color-closed=#57606a] - "Closed".
 * @cssprop [--gz-color-danger=#b42318] - Error messages.
 * @cssprop [--gz-focus-ring=3px solid #1a56db] - The keyboard focus outline.
 * @cssprop [--gz-radius=6px] - Corner radius.
 * @cssprop --gz-font-family - Font stack; system Chinese fonts by default.
 * @cssprop [--gz-map-height=460px] - Height of the map (and of the list beside it).
 * @cssprop [--gz-map-background=#eef1f4] - What shows where there are no tiles (an intranet without a tile server).
 * @cssprop --gz-map-outline-color - The area's outline; the primary colour by default.
 */
export class GzStationMap extends GzElement {
  static override styles = [themeStyles, unsafeCSS(leafletCss), stationMapStyles];

  /** Global ID of the area (district, street, community) whose stations are shown; all stations when unset. */
  @property() area = '';

  /**
   * Tile URL template, e.g. Tianditu `https://t{s}.tianditu.gov.cn/vec_w/wmts?…&tk=KEY` or AMap
   * `https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`.
   * Without it the map is a plain background with the area's outline and the stations.
   */
  @property({ attribute: 'tile-url' }) tileUrl = '';

  /** The tile provider's attribution (审图号 and copyright), shown in the map's corner. */
  @property({ attribute: 'tile-attribution' }) tileAttribution = '';

  /**
   * A second tile layer drawn over the first, for providers that serve place names apart from the
   * map: Tianditu's `cva_w` over `vec_w`. Same subdomains and datum as `tile-url`.
   */
  @property({ attribute: 'tile-label-url' }) tileLabelUrl = '';

  /** Subdomains for `{s}` in `tile-url`, as one string of characters (`1234`) or comma-separated. */
  @property({ attribute: 'tile-subdomains' }) tileSubdomains = 'abc';

  /** The datum of the tiles: `wgs84` (Tianditu, OpenStreetMap) or `gcj02` (AMap 高德, Tencent). */
  @property() crs: MapDatum = 'wgs84';

  /** Radius in metres of the walking circle around the chosen station (1,000 m ≈ a 15-minute walk). */
  @property({ type: Number }) radius = 1000;

  /**
   * Stations given by the host page instead of loading them from `endpoint` (WGS-84). When set,
   * the widget does not query stations; `area` still draws the outline when `endpoint` is set.
   */
  @property({ attribute: false }) stations: MapStation[] | null = null;

  @state() private status: StationMapStatus = 'idle';
  @state() private problem = '';
  @state() private loaded: MapStation[] = [];
  @state() private areaInfo: MapArea | null = null;
  @state() private serviceId = '';
  @state() private origin: LatLng | null = null;
  @state() private selectedId: string | null = null;
  @state() private listLimit = LIST_STEP;
  @state() private viewBounds: Bounds | null = null;
  @state() private locating = false;
  @state() private locationProblem = false;

  private map?: LeafletMap;
  private tiles: TileLayer[] = [];
  private markers?: LayerGroup;
  private overlays?: LayerGroup;
  private outline?: Polygon;
  private readonly clusters = new StationClusters();
  private readonly markerActions = new WeakMap<Element, () => void>();
  private readonly onScreen = new Map<string, Marker>();
  /** Derived lists, kept until the data, the service or the language change (10,000 stations: sorting on every pan shows). */
  private derived?: {
    source: MapStation[];
    serviceId: string;
    locale: string;
    shown: MapStation[];
    byName: MapStation[];
    services: MapService[];
  };
  private resizeObserver?: ResizeObserver;
  private loading?: AbortController;
  private fitted = false;

  private get lists() {
    const source = this.stations ?? this.loaded;
    const locale = this.t.locale;
    const cached = this.derived;
    if (cached?.source === source && cached.serviceId === this.serviceId && cached.locale === locale) return cached;
    const shown = filterByService(source, this.serviceId || null);
    const services = cached?.source === source ? cached.services : servicesOf(source);
    this.derived = { source, serviceId: this.serviceId, locale, shown, byName: sortByName(shown, locale), services };
    return this.derived;
  }

  /** The stations shown, after the service filter. */
  private get shown(): MapStation[] {
    return this.lists.shown;
  }

  private get datum() {
    return datumTransform(this.crs === 'gcj02' ? 'gcj02' : 'wgs84');
  }

  /** Loads again from the API (the retry button does this). */
  reload(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.resizeObserver?.disconnect();
    this.map?.remove();
    this.map = undefined;
    this.onScreen.clear();
    this.fitted = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the page: the map was removed with the old container's life.
    if (this.hasUpdated && !this.map) this.createMap(true);
    // Removed while loading: the request was aborted with it.
    if (this.hasUpdated && this.status === 'loading') void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('endpoint') || changed.has('area') || changed.has('tokenProvider') || changed.has('stations')) {
      this.fitted = false;
      void this.load();
    }
  }

  protected override firstUpdated(): void {
    this.createMap(false);
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.map) return;
    if (changed.has('tileUrl') || changed.has('tileLabelUrl') || changed.has('tileAttribution') || changed.has('tileSubdomains'))
      this.updateTiles();
    const dataChanged = changed.has('loaded') || changed.has('stations') || changed.has('serviceId') || changed.has('crs');
    if (dataChanged || changed.has('lang')) {
      // Cluster IDs are only stable within one data set: start the markers afresh.
      this.clearMarkers();
      this.clusters.load(this.shown, this.datum.toMap);
      if (!this.fitted && this.status === 'ready') this.fitView();
      this.drawMarkers();
    } else if (changed.has('selectedId')) {
      this.drawMarkers();
    }
    if (changed.has('areaInfo') || changed.has('crs')) this.drawOutline();
    if (changed.has('selectedId') || changed.has('origin') || changed.has('radius') || changed.has('crs') || dataChanged)
      this.drawOverlays();
    if (changed.has('status') && this.status === 'ready' && changed.get('status') !== 'ready') {
      this.emit('gz-load', { count: (this.stations ?? this.loaded).length });
    }
  }

  private async load(): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.problem = '';
    const hostStations = this.stations;
    if (!this.endpoint && !hostStations) {
      this.status = 'idle';
      return;
    }
    if (hostStations) this.status = hostStations.length ? 'ready' : 'empty';
    else this.status = 'loading';
    if (!this.endpoint) return;
    try {
      const client = this.client;
      const [area, stations] = await Promise.all([
        this.area ? loadArea(client, this.area, controller.signal) : Promise.resolve(null),
        hostStations ? Promise.resolve(null) : loadStations(client, { within: this.area || undefined, signal: controller.signal }),
      ]);
      if (controller.signal.aborted) return;
      if (this.area && !area) {
        this.fail('NOT_FOUND', this.t.failed(this.area));
        return;
      }
      this.areaInfo = area;
      if (stations) {
        this.loaded = stations;
        this.status = stations.length ? 'ready' : 'empty';
        if (!stations.length) this.fitView();
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof RequestError) this.fail(error.code, error.code === 'OFFLINE' ? this.t.offline : this.t.failed(error.message));
      else throw error;
    }
  }

  private fail(code: string, message: string): void {
    this.loaded = [];
    this.status = code === 'OFFLINE' ? 'offline' : 'error';
    this.problem = message;
    this.emit('gz-error', { code, message });
  }

  /** Makes the Leaflet map; `redraw` after a reconnection, when no property change will draw it. */
  private createMap(redraw: boolean): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container) return;
    // Half-zoom steps let a district fill the map instead of a quarter of it.
    // Visitors who ask for less motion get a map that jumps instead of gliding.
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const map = leafletMap(container, {
      zoomControl: true,
      keyboard: true,
      minZoom: 3,
      zoomSnap: 0.5,
      zoomDelta: 0.5,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      inertia: !still,
    });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.setView([FALLBACK_VIEW[0], FALLBACK_VIEW[1]], FALLBACK_VIEW[2]);
    this.map = map;
    this.overlays = layerGroup().addTo(map);
    this.markers = layerGroup().addTo(map);
    map.on('moveend', () => this.onViewChange());
    map.on('click', (event: LeafletMouseEvent) =>
      this.setOrigin(this.datum.fromMap({ latitude: event.latlng.lat, longitude: event.latlng.lng })),
    );
    container.addEventListener('keydown', (event) => this.onMapKey(event));
    this.resizeObserver = new ResizeObserver(() => map.invalidateSize());
    this.resizeObserver.observe(container);
    this.updateTiles();
    if (!redraw) return;
    this.clusters.load(this.shown, this.datum.toMap);
    this.fitView();
    this.drawMarkers();
    this.drawOutline();
    this.drawOverlays();
  }

  private updateTiles(): void {
    const map = this.map;
    if (!map) return;
    for (const layer of this.tiles) layer.remove();
    this.tiles = [];
    if (!this.tileUrl) return;
    const subdomains = this.tileSubdomains.includes(',') ? this.tileSubdomains.split(',') : this.tileSubdomains;
    this.tiles.push(tileLayer(this.tileUrl, { attribution: this.tileAttribution, subdomains, maxZoom: 18 }).addTo(map));
    if (this.tileLabelUrl) this.tiles.push(tileLayer(this.tileLabelUrl, { subdomains, maxZoom: 18 }).addTo(map));
  }

  private toLeaflet(point: LatLng): [number, number] {
    const { latitude, longitude } = this.datum.toMap(point);
    return [latitude, longitude];
  }

  /** Fits the stations and the outline; the area's centre or a country view when there are none. */
  private fitView(): void {
    if (!this.map) return;
    const points: LatLng[] = [...(this.stations ?? this.loaded), ...(this.areaInfo?.boundary ?? [])];
    const box = boundsOf(points);
    if (box) {
      const bounds: LatLngBounds = latLngBounds(
        this.toLeaflet({ latitude: box.south, longitude: box.west }),
        this.toLeaflet({ latitude: box.north, longitude: box.east }),
      );
      this.map.fitBounds(bounds, { padding: [24, 24], animate: false, maxZoom: 16 });
    } else if (this.areaInfo?.centre) {
      this.map.setView(this.toLeaflet(this.areaInfo.centre), 13, { animate: false });
    }
    this.fitted = Boolean(box);
    this.onViewChange();
  }

  private onViewChange(): void {
    if (!this.map) return;
    const bounds = this.map.getBounds();
    const southWest = this.datum.fromMap({ latitude: bounds.getSouth(), longitude: bounds.getWest() });
    const northEast = this.datum.fromMap({ latitude: bounds.getNorth(), longitude: bounds.getEast() });
    this.viewBounds = { south: southWest.latitude, west: southWest.longitude, north: northEast.latitude, east: northEast.longitude };
    this.drawMarkers();
  }

  private clearMarkers(): void {
    this.markers?.clearLayers();
    this.onScreen.clear();
  }

  /** Puts the view's clusters and stations on the map, keeping the markers already there. */
  private drawMarkers(): void {
    const map = this.map;
    const layer = this.markers;
    if (!map || !layer) return;
    const view = map.getBounds();
    const items = this.clusters.itemsIn(
      { south: view.getSouth(), west: view.getWest(), north: view.getNorth(), east: view.getEast() },
      map.getZoom(),
    );
    const leaving = new Map(this.onScreen);
    this.onScreen.clear();
    for (const item of items) {
      const key = item.kind === 'cluster' ? `c${item.id}` : `s${item.station.id}${item.station.id === this.selectedId ? '*' : ''}`;
      const kept = leaving.get(key);
      if (kept) {
        leaving.delete(key);
        this.onScreen.set(key, kept);
        continue;
      }
      const at: [number, number] = [item.position.latitude, item.position.longitude];
      let added: Marker;
      if (item.kind === 'cluster') {
        const size = item.count < 10 ? 30 : item.count < 100 ? 36 : item.count < 1000 ? 42 : 50;
        added = marker(at, {
          icon: divIcon({ className: 'gz-cluster', html: `<span>${item.count}</span>`, iconSize: [size, size] }),
          keyboard: true,
          title: this.t.cluster(item.count),
        });
        const zoomIn = () => map.setView(at, Math.min(this.clusters.expansionZoom(item.id), map.getMaxZoom()));
        added.on('click', zoomIn);
        added.addTo(layer);
        this.markerActions.set(added.getElement()!, zoomIn);
      } else {
        const selected = item.station.id === this.selectedId;
        added = marker(at, {
          icon: divIcon({ className: `gz-marker${selected ? ' selected' : ''}`, iconSize: selected ? [26, 26] : [20, 20] }),
          keyboard: true,
          title: item.station.name,
          zIndexOffset: selected ? 1000 : 0,
        });
        const choose = () => this.select(item.station.id, 'map');
        added.on('click', choose);
        added.addTo(layer);
        const element = added.getElement()!;
        element.setAttribute('aria-pressed', String(selected));
        this.markerActions.set(element, choose);
      }
      this.onScreen.set(key, added);
    }
    for (const gone of leaving.values()) layer.removeLayer(gone);
  }

  private drawOutline(): void {
    this.outline?.remove();
    this.outline = undefined;
    const ring = this.areaInfo?.boundary;
    if (!this.map || !ring || ring.length < 3) return;
    this.outline = polygon(
      ring.map((point) => this.toLeaflet(point)),
      {
        interactive: false,
        color: getComputedStyle(this).getPropertyValue('--_outline').trim() || '#c8161d',
        weight: 2,
        fillOpacity: 0.04,
      },
    ).addTo(this.map);
    this.outline.bringToBack();
  }

  private drawOverlays(): void {
    const layer = this.overlays;
    if (!layer) return;
    layer.clearLayers();
    const colour = getComputedStyle(this).getPropertyValue('--_primary').trim() || '#c8161d';
    const chosen = this.selectedStation;
    if (chosen && this.radius > 0) {
      layer.addLayer(
        circle(this.toLeaflet(chosen), { radius: this.radius, interactive: false, color: colour, weight: 1.5, fillOpacity: 0.08 }),
      );
    }
    if (this.origin) {
      layer.addLayer(
        circleMarker(this.toLeaflet(this.origin), {
          radius: 7,
          interactive: false,
          color: '#1a56db',
          weight: 3,
          fillOpacity: 0.9,
          fillColor: '#ffffff',
        }),
      );
    }
  }

  private onMapKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.composedPath()[0] as Element;
    const action = this.markerActions.get(target);
    if (action) {
      event.preventDefault();
      action();
    } else if (target === this.map?.getContainer() && event.key === 'Enter' && this.map) {
      event.preventDefault();
      const centre = this.map.getCenter();
      this.setOrigin(this.datum.fromMap({ latitude: centre.lat, longitude: centre.lng }));
    }
  }

  private setOrigin(point: LatLng): void {
    this.origin = point;
    this.listLimit = LIST_STEP;
  }

  private get selectedStation(): MapStation | undefined {
    return this.selectedId ? (this.stations ?? this.loaded).find((station) => station.id === this.selectedId) : undefined;
  }

  private select(id: string, from: 'map' | 'list'): void {
    this.selectedId = id;
    this.emit('gz-station-select', { id });
    const station = this.selectedStation;
    if (!station || !this.map) return;
    const at = this.toLeaflet(station);
    if (from === 'list' && !this.map.getBounds().contains(at)) this.map.panTo(at, { animate: false });
    if (from === 'map') {
      void this.updateComplete.then(() => {
        this.renderRoot.querySelector(`[data-station="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
      });
    }
  }

  private locate(): void {
    if (!('geolocation' in navigator)) {
      this.locationProblem = true;
      return;
    }
    this.locating = true;
    this.locationProblem = false;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.locating = false;
        // Browsers report WGS-84, the API's datum.
        const point = { latitude: position.coords.latitude, longitude: position.coords.longitude };
        this.setOrigin(point);
        this.map?.panTo(this.toLeaflet(point), { animate: false });
      },
      () => {
        this.locating = false;
        this.locationProblem = true;
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  private statusText(total: number, shown: number): string {
    const t = this.t;
    switch (this.status) {
      case 'loading':
        return t.loading;
      case 'empty':
        return t.empty;
      case 'error':
      case 'offline':
        return this.problem;
      case 'ready':
        return t.stationCount(shown, total);
      default:
        return '';
    }
  }

  protected override render() {
    const t = this.t;
    const { shown, byName, services } = this.lists;
    const view = this.viewBounds;
    const inView = view ? shown.filter((station) => inBounds(station, view)) : shown;
    const ranked: StationRank[] = this.origin
      ? rankByDistance(inView, this.origin)
      : (view ? byName.filter((station) => inBounds(station, view)) : byName).map((station) => ({ station, distance: null }));
    const rows = ranked.slice(0, this.listLimit);
    const now = new Date();
    const failed = this.status === 'error' || this.status === 'offline';
    return html`
      <div part="base" aria-busy=${this.status === 'loading'}>
        <div part="toolbar">
          <label>
            ${t.serviceFilter}
            <select part="filter" .value=${this.serviceId} @change=${(event: Event) => this.onFilter(event)} ?disabled=${services.length === 0}>
              <option value="">${t.allServices}</option>
              ${services.map((service) => html`<option value=${service.id} ?selected=${service.id === this.serviceId}>${t.serviceName(service)}</option>`)}
            </select>
          </label>
          <button part="button locate-button" type="button" @click=${() => this.locate()} ?disabled=${this.locating}>
            ${this.locating ? t.locating : t.useMyLocation}
          </button>
          <span part="status" role="status" class=${failed ? 'problem' : ''}>${this.statusText(inView.length, rows.length)}</span>
          ${failed ? html`<button part="button retry-button" type="button" @click=${() => this.reload()}>${t.retry}</button>` : nothing}
          ${this.locationProblem ? html`<span role="alert">${t.locationDenied}</span>` : nothing}
        </div>
        <div part="map" class="map" role="application" aria-label=${t.mapLabel} aria-describedby="pick-hint"></div>
        <div class="side">
          ${this.renderDetail(now)}
          <p id="pick-hint" class="meta">${t.pickHint}</p>
          <ol part="list" aria-label=${t.listLabel}>
            ${repeat(
              rows,
              (row) => row.station.id,
              ({ station, distance }) => {
                const open = isOpen(station, now);
                return html`<li>
                  <button
                    part="list-item"
                    type="button"
                    data-station=${station.id}
                    aria-current=${station.id === this.selectedId ? 'true' : 'false'}
                    @click=${() => this.select(station.id, 'list')}
                  >
                    <span class="name">${station.name}</span>
                    ${open === null ? nothing : html`<span class="badge ${open ? 'open' : 'closed'}">${open ? t.openNow : t.closedNow}</span>`}
                    <span class="meta">${distance === null ? station.address : `${t.fromPoint(t.metres(distance))} · ${station.address}`}</span>
                  </button>
                </li>`;
              },
            )}
          </ol>
          ${
            ranked.length > rows.length
              ? html`<button part="button more-button" type="button" @click=${() => {
                  this.listLimit += LIST_STEP;
                }}>${t.showMore}</button>`
              : nothing
          }
        </div>
      </div>
    `;
  }

  private renderDetail(now: Date) {
    const station = this.selectedStation;
    if (!station) return nothing;
    const t = this.t;
    const open = isOpen(station, now);
    const hours = [...(station.openingHours ?? [])].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
    return html`<section part="detail" aria-labelledby="detail-name">
      <h3>
        <span id="detail-name">${station.name}</span>
        ${open === null ? nothing : html`<span class="badge ${open ? 'open' : 'closed'}">${open ? t.openNow : t.closedNow}</span>`}
      </h3>
      <dl>
        <dt>${t.address}</dt>
        <dd>${station.address}</dd>
        ${station.phone ? html`<dt>${t.phone}</dt><dd><a href="tel:${station.phone}">${station.phone}</a></dd>` : nothing}
        ${
          hours.length
            ? html`<dt>${t.hours}</dt><dd><ul>${hours.map((window) => html`<li>${t.weekday(window.weekday)} ${window.opens}–${window.closes}</li>`)}</ul></dd>`
            : nothing
        }
        ${
          station.services?.length
            ? html`<dt>${t.services}</dt><dd><ul>${station.services.map((service) => html`<li>${t.serviceName(service)}</li>`)}</ul></dd>`
            : nothing
        }
      </dl>
      <p class="meta">${this.radius > 0 ? t.walkingRadius(this.radius) : nothing}</p>
      <div class="detail-actions">
        <button part="button" type="button" @click=${() => this.closeDetail(station.id)}>${t.closeDetail}</button>
      </div>
    </section>`;
  }

  /** Closes the details and gives focus back to the station's row, where a keyboard user came from. */
  private async closeDetail(id: string): Promise<void> {
    this.selectedId = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-station="${CSS.escape(id)}"]`)?.focus();
  }

  private onFilter(event: Event): void {
    this.serviceId = (event.target as HTMLSelectElement).value;
    this.listLimit = LIST_STEP;
    if (this.selectedId && !this.shown.some((station) => station.id === this.selectedId)) this.selectedId = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gz-station-map': GzStationMap;
  }
  interface HTMLElementEventMap {
    'gz-station-select': CustomEvent<{ id: string }>;
    'gz-load': CustomEvent<{ count: number }>;
    'gz-error': CustomEvent<{ code: string; message: string }>;
  }
}
