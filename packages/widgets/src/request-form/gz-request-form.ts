import { type CircleMarker, circleMarker, type Map as LeafletMap, map as leafletMap, polygon, tileLayer } from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { html, nothing, type PropertyValues, unsafeCSS } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttonStyles } from '../core/buttons.js';
import { RequestFormSetupDocument, RequestFormSubmitDocument } from '../core/generated/graphql.js';
import { datumTransform, type LatLng, type MapDatum } from '../core/geo.js';
import { RequestError } from '../core/graphql-client.js';
import { GzElement } from '../core/gz-element.js';
import { themeStyles } from '../core/theme.js';
import {
  emptyValues,
  type FormCategory,
  type HomeGrid,
  homeGrid,
  problemsByField,
  type RequestField,
  type RequestFormValues,
  type RequestProblems,
  submitInput,
  validateRequest,
} from './request-form.data.js';
import { type RequestFormTranslation, requestFormTranslationFor } from './request-form.i18n.js';
import { requestFormStyles } from './request-form.styles.js';

export type RequestFormStatus = 'idle' | 'loading' | 'ready' | 'signed-out' | 'error' | 'offline' | 'done';

/**
 * 群众点单: a signed-in resident reports a need or a complaint (诉求) — a category, what the matter
 * is, where (a point picked on a small map, or an address in their home grid), photo links, and
 * whether the address may be public — and gets the tracking code to follow it with
 * `<gz-request-tracker>`. Checked as the API checks it before sending; the API's objections are
 * shown by the field they concern.
 *
 * @tagname gz-request-form
 * @summary A resident submits a request (诉求) and gets its tracking code.
 *
 * @event {CustomEvent<{ trackingCode: string }>} gz-request-submit - The request was submitted.
 * @event {CustomEvent<{ code: string; message: string }>} gz-error - Loading failed; `code` is `OFFLINE`, `HTTP` or `GRAPHQL`.
 *
 * @csspart base - The frame around everything.
 * @csspart form - The form.
 * @csspart map - The map to pick the place on.
 * @csspart button - Every button (also named by its own part).
 * @csspart submit-button - "Submit".
 * @csspart copy-button - Copies the tracking code.
 * @csspart status - The status line (loading, sign in, error, offline).
 * @csspart code - The tracking code, once submitted.
 *
 * @cssprop [--gz-color-primary=#c8161d] - Buttons and the tracking code.
 * @cssprop [--gz-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--gz-color-text=#1f2329] - Body text.
 * @cssprop [--gz-color-text-muted=#5c6370] - Hints.
 * @cssprop [--gz-color-surface=#ffffff] - Background.
 * @cssprop [--gz-color-border=#d9dce1] - Borders.
 * @cssprop [--gz-color-danger=#b42318] - Problems.
 * @cssprop [--gz-focus-ring=3px solid #1a56db] - The keyboard focus outline.
 * @cssprop [--gz-radius=6px] - Corner radius.
 * @cssprop --gz-font-family - Font stack.
 * @cssprop [--gz-map-height=260px] - Height of the map.
 * @cssprop [--gz-map-background=#eef1f4] - What shows where there are no tiles (an intranet).
 */
export class GzRequestForm extends GzElement {
  static override styles = [themeStyles, unsafeCSS(leafletCss), buttonStyles, requestFormStyles];

  /** Tile URL template, as `<gz-station-map>`'s; without it the map is a plain background with the home grid's outline. */
  @property({ attribute: 'tile-url' }) tileUrl = '';
  /** The tile provider's attribution (审图号 and copyright). */
  @property({ attribute: 'tile-attribution' }) tileAttribution = '';
  /** Subdomains for `{s}` in `tile-url`. */
  @property({ attribute: 'tile-subdomains' }) tileSubdomains = 'abc';
  /** The datum of the tiles: `wgs84` or `gcj02`; the API is always WGS-84. */
  @property() crs: MapDatum = 'wgs84';

  @state() private status: RequestFormStatus = 'idle';
  @state() private problem = '';
  @state() private categories: FormCategory[] = [];
  @state() private home: HomeGrid | null = null;
  @state() private values: RequestFormValues = emptyValues();
  @state() private problems: RequestProblems = {};
  @state() private message = '';
  @state() private busy = false;
  @state() private trackingCode = '';
  @state() private copied = false;

  #map?: LeafletMap;
  #marker?: CircleMarker;
  #abort?: AbortController;

  private get tr(): RequestFormTranslation {
    return requestFormTranslationFor(this.lang);
  }

  /** Loads the categories and the resident's home again (the retry button calls it). */
  reload(): void {
    void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('endpoint') || changed.has('tokenProvider')) && this.endpoint) void this.#load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const container = this.renderRoot.querySelector<HTMLElement>('[part="map"]');
    const tiles = ['tileUrl', 'tileAttribution', 'tileSubdomains', 'crs'].some((name) => changed.has(name as keyof GzRequestForm));
    if (container && (tiles || this.#map?.getContainer() !== container)) this.#createMap(container);
    else if (!container && this.#map) this.#dropMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#dropMap();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (!this.tokenProvider) {
      this.status = 'signed-out';
      return;
    }
    this.status = 'loading';
    try {
      const { requestCategories, viewer } = await this.client.request(RequestFormSetupDocument, {}, abort.signal);
      if (abort.signal.aborted) return;
      this.categories = requestCategories;
      this.home = homeGrid(viewer);
      this.status = viewer ? 'ready' : 'signed-out';
    } catch (error) {
      if (abort.signal.aborted) return;
      const request = error instanceof RequestError ? error : null;
      this.status = request?.code === 'OFFLINE' ? 'offline' : 'error';
      this.problem = (error as Error).message;
      this.emit('gz-error', { code: request?.code ?? 'GRAPHQL', message: this.problem });
    }
  }

  get #datum() {
    return datumTransform(this.crs);
  }

  #toMap(point: LatLng): [number, number] {
    const { latitude, longitude } = this.#datum.toMap(point);
    return [latitude, longitude];
  }

  #createMap(container: HTMLElement): void {
    this.#dropMap();
    const map = leafletMap(container, { keyboard: true, minZoom: 3, zoomAnimation: false, fadeAnimation: false });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    const home = this.home;
    map.setView(home?.centre ? this.#toMap(home.centre) : [35, 105], home?.centre ? 16 : 4);
    if (this.tileUrl) {
      const subdomains = this.tileSubdomains.includes(',') ? this.tileSubdomains.split(',') : this.tileSubdomains;
      tileLayer(this.tileUrl, { attribution: this.tileAttribution, subdomains, maxZoom: 18 }).addTo(map);
    }
    if (home && home.boundary.length > 2) {
      const outline = polygon(
        home.boundary.map((point) => this.#toMap(point)),
        {
          interactive: false,
          weight: 2,
          fillOpacity: 0.04,
          color: getComputedStyle(this).getPropertyValue('--_primary').trim() || '#c8161d',
        },
      ).addTo(map);
      map.fitBounds(outline.getBounds(), { padding: [16, 16], animate: false, maxZoom: 17 });
    }
    map.on('click', (event) => this.#pick({ latitude: event.latlng.lat, longitude: event.latlng.lng }));
    container.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.composedPath()[0] !== container) return;
      event.preventDefault();
      const centre = map.getCenter();
      this.#pick({ latitude: centre.lat, longitude: centre.lng });
    });
    this.#map = map;
    if (this.values.point) this.#drawPoint();
  }

  #dropMap(): void {
    this.#map?.remove();
    this.#map = undefined;
    this.#marker = undefined;
  }

  /** A point in the map's datum, picked by click or Enter. */
  #pick(onMap: LatLng): void {
    this.#set('point', this.#datum.fromMap(onMap));
    this.#drawPoint();
  }

  #drawPoint(): void {
    this.#marker?.remove();
    this.#marker = undefined;
    const point = this.values.point;
    if (point && this.#map) {
      this.#marker = circleMarker(this.#toMap(point), {
        radius: 7,
        weight: 3,
        color: '#1a56db',
        fillColor: '#fff',
        fillOpacity: 0.9,
      }).addTo(this.#map);
    }
  }

  #set<K extends keyof RequestFormValues>(name: K, value: RequestFormValues[K]): void {
    this.values = { ...this.values, [name]: value };
    const field = name === 'point' ? 'location' : (name as RequestField);
    if (this.problems[field]) {
      const { [field]: _, ...others } = this.problems;
      this.problems = others;
    }
  }

  #errorText(error: unknown): string {
    const errors = this.tr.errors;
    if (error instanceof RequestError) {
      if (error.code === 'OFFLINE') return errors.OFFLINE;
      if (error.status === 403 || error.graphqlCode === 'FORBIDDEN') return errors.FORBIDDEN;
    }
    return errors.OTHER;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    this.message = '';
    this.problems = validateRequest(this.values, this.home);
    if (Object.keys(this.problems).length) return this.#focusProblem();
    this.busy = true;
    try {
      const { submitRequest } = await this.client.request(RequestFormSubmitDocument, { input: submitInput(this.values, this.home) });
      const { '': other, ...byField } = problemsByField(submitRequest.userErrors);
      if (submitRequest.userErrors.length || !submitRequest.request) {
        this.problems = byField;
        this.message = other.map((code) => this.tr.errors[code] ?? code).join(' ');
        return this.#focusProblem();
      }
      this.trackingCode = submitRequest.request.trackingCode;
      this.status = 'done';
      this.copied = false;
      this.emit('gz-request-submit', { trackingCode: this.trackingCode });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="code"]')?.focus();
    } catch (error) {
      this.message = this.#errorText(error);
    } finally {
      this.busy = false;
    }
  }

  async #focusProblem(): Promise<void> {
    await this.updateComplete;
    const first = (['category', 'description', 'location', 'address', 'photos'] as const).find((field) => this.problems[field]);
    const target = first === 'location' ? '[part="map"]' : first ? `#gz-rf-${first}` : '[part~="submit-button"]';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.trackingCode);
      this.copied = true;
    } catch {
      // No clipboard (an insecure page): select the code for Ctrl+C instead.
      const code = this.renderRoot.querySelector('[part~="code"]');
      if (code) getSelection()?.selectAllChildren(code);
    }
  }

  async #another(): Promise<void> {
    this.values = emptyValues();
    this.problems = {};
    this.trackingCode = '';
    this.status = 'ready';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#gz-rf-category')?.focus();
  }

  override render() {
    const tr = this.tr;
    const status =
      this.status === 'loading'
        ? tr.loading
        : this.status === 'signed-out'
          ? tr.signIn
          : this.status === 'offline'
            ? tr.offline
            : this.status === 'error'
              ? tr.failed(this.problem)
              : '';
    const failed = this.status === 'error' || this.status === 'offline';
    return html`<section part="base" aria-labelledby="gz-rf-title" lang=${tr.locale}>
      <h2 id="gz-rf-title">${tr.title}</h2>
      <p part="status" class=${failed ? 'problem' : 'muted'} role="status">${status}</p>
      ${failed ? html`<button part="button" type="button" @click=${() => this.reload()}>${tr.retry}</button>` : nothing}
      ${this.status === 'ready' ? this.#renderForm(tr) : this.status === 'done' ? this.#renderDone(tr) : nothing}
    </section>`;
  }

  #renderDone(tr: RequestFormTranslation) {
    return html`<div role="group" aria-labelledby="gz-rf-code-label">
      <p>${tr.done}</p>
      <p class="row">
        <span id="gz-rf-code-label">${tr.codeLabel}</span>
        <output part="code" tabindex="-1" aria-labelledby="gz-rf-code-label">${this.trackingCode}</output>
        <button part="button copy-button" class="secondary" type="button" aria-label=${tr.codeHint} @click=${() => this.#copy()}>
          ${tr.copy}
        </button>
        <span role="status" class="muted">${this.copied ? tr.copied : ''}</span>
      </p>
      <button part="button" type="button" @click=${() => this.#another()}>${tr.another}</button>
    </div>`;
  }

  #problem(field: RequestField) {
    const code = this.problems[field];
    return html`<span class="problem" id=${`gz-rf-${field}-problem`}>${code ? (this.tr.errors[code] ?? code) : ''}</span>`;
  }

  #aria(field: RequestField, hint = false) {
    const problem = this.problems[field];
    const ids = [hint ? `gz-rf-${field}-hint` : '', problem ? `gz-rf-${field}-problem` : ''].filter(Boolean).join(' ');
    return { invalid: problem ? 'true' : 'false', describedBy: ids || nothing };
  }

  #renderForm(tr: RequestFormTranslation) {
    const count = Object.keys(this.problems).length;
    const point = this.values.point;
    const category = this.#aria('category');
    const description = this.#aria('description', true);
    const location = this.#aria('location');
    const address = this.#aria('address', true);
    const photos = this.#aria('photos', true);
    return html`<form part="form" novalidate aria-labelledby="gz-rf-title" @submit=${(event: Event) => this.#submit(event)}>
      <div class="field">
        <label for="gz-rf-category">${tr.fields.category}</label>
        <select id="gz-rf-category" required aria-invalid=${category.invalid} aria-describedby=${category.describedBy}
          @change=${(event: Event) => this.#set('category', (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.values.category}>${tr.choose}</option>
          ${this.categories.map(
            (item) => html`<option value=${item.code} ?selected=${this.values.category === item.code}>${tr.category(item)}</option>`,
          )}
        </select>
        ${this.#problem('category')}
      </div>
      <div class="field">
        <label for="gz-rf-description">${tr.fields.description}</label>
        <textarea id="gz-rf-description" rows="4" required maxlength="2000" .value=${this.values.description}
          aria-invalid=${description.invalid} aria-describedby=${description.describedBy}
          @input=${(event: Event) => this.#set('description', (event.target as HTMLTextAreaElement).value)}></textarea>
        <span class="muted" id="gz-rf-description-hint">${tr.descriptionHint}</span>
        ${this.#problem('description')}
      </div>
      <fieldset aria-describedby=${location.describedBy}>
        <legend>${tr.fields.location}</legend>
        <p class="muted" id="gz-rf-pick-hint">${tr.pickHint}</p>
        <div part="map" role="application" aria-label=${tr.mapLabel} aria-describedby="gz-rf-pick-hint"
          aria-invalid=${location.invalid}></div>
        <p class="row">
          <span role="status">${point ? tr.picked(point.latitude, point.longitude) : tr.nothingPicked}</span>
          ${
            point
              ? html`<button part="button" class="secondary" type="button" @click=${() => {
                  this.#set('point', null);
                  this.#drawPoint();
                }}>${tr.clearPoint}</button>`
              : nothing
          }
        </p>
        ${this.#problem('location')}
        <div class="field">
          <label for="gz-rf-address">${tr.fields.address}</label>
          <input id="gz-rf-address" type="text" maxlength="300" .value=${this.values.address}
            aria-invalid=${address.invalid} aria-describedby=${address.describedBy}
            @input=${(event: Event) => this.#set('address', (event.target as HTMLInputElement).value)} />
          <span class="muted" id="gz-rf-address-hint">${tr.addressHint}</span>
          ${this.#problem('address')}
        </div>
        <label class="check"><input type="checkbox" .checked=${this.values.addressPublic}
          @change=${(event: Event) => this.#set('addressPublic', (event.target as HTMLInputElement).checked)} />${tr.addressPublic}</label>
      </fieldset>
      <div class="field">
        <label for="gz-rf-photos">${tr.fields.photos}</label>
        <textarea id="gz-rf-photos" rows="2" inputmode="url" .value=${this.values.photos}
          aria-invalid=${photos.invalid} aria-describedby=${photos.describedBy}
          @input=${(event: Event) => this.#set('photos', (event.target as HTMLTextAreaElement).value)}></textarea>
        <span class="muted" id="gz-rf-photos-hint">${tr.photosHint}</span>
        ${this.#problem('photos')}
      </div>
      <p class="problem" role="alert">${count ? tr.fixFields(count) : ''} ${this.message}</p>
      <button part="button submit-button" type="submit" ?disabled=${this.busy}>${this.busy ? tr.sending : tr.submit}</button>
    </form>`;
  }
}
