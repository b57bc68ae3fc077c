import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { buttonStyles } from '../core/buttons.js';
import {
  WishBoardChangedDocument,
  WishBoardClaimDocument,
  WishBoardCommunitiesDocument,
  WishBoardConfirmDocument,
  WishBoardPostDocument,
  WishBoardReviewDocument,
  WishBoardViewerDocument,
} from '../core/generated/graphql.js';
import { RequestError } from '../core/graphql-client.js';
import { GzElement } from '../core/gz-element.js';
import { subscribe } from '../core/live.js';
import { themeStyles } from '../core/theme.js';
import {
  appendPage,
  applyChange,
  type BoardFilter,
  type BoardWish,
  type Community,
  claimOrganizations,
  type FieldProblems,
  type FormField,
  findPeople,
  loadProgress,
  loadWishes,
  type PersonHit,
  PUBLIC_STATES,
  parseList,
  postInput,
  postingScope,
  problemsByField,
  rolesInForce,
  type ViewerRole,
  validateWish,
  WISH_CATEGORIES,
  WISH_STATES,
  type WishForm,
} from './wish-board.data.js';
import { type WishTranslation, wishTranslationFor } from './wish-board.i18n.js';
import { wishBoardStyles } from './wish-board.styles.js';

export type WishBoardStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'offline';
type Action = 'claim' | 'approve' | 'reject' | 'confirm';

const emptyForm = (): WishForm => ({
  title: '',
  story: '',
  category: '',
  beneficiaryKind: '',
  community: '',
  beneficiary: '',
  estimatedCost: '',
  wantedBy: '',
});

/**
 * The micro-wish board (微心愿) of an area: residents' small wishes, newest first, with how many are
 * lit up (已点亮), live as they move. Anonymous visitors see the public board; signed-in party
 * members and volunteers claim open wishes (after a confirmation step; for their unit or team if
 * they hold a role for one), community staff review and confirm, residents post a wish through a
 * validated form, and grid workers and community staff post for a resident they find by name.
 *
 * @tagname gz-wish-board
 * @summary Micro-wishes of an area, live, with claim, review, confirm and post.
 *
 * @event {CustomEvent<{ id: string }>} gz-wish-claim - The signed-in person claimed a wish; `id` is its global ID.
 * @event {CustomEvent<{ id: string }>} gz-wish-post - The signed-in person posted a wish; `id` is its global ID.
 * @event {CustomEvent<{ code: string; message: string }>} gz-error - Loading failed; `code` is `OFFLINE`, `HTTP` or `GRAPHQL`.
 *
 * @csspart base - The frame around everything.
 * @csspart header - The title, the progress and the post button.
 * @csspart progress - 已点亮 n / m, with its bar.
 * @csspart button - Every button of the widget (also named by its own part).
 * @csspart post-button - "Post a wish".
 * @csspart claim-button - "Claim" on an open wish.
 * @csspart retry-button - "Try again", shown after a failure.
 * @csspart more-button - "Load more" below the list.
 * @csspart status - The live status line (loading, empty, error, offline, count).
 * @csspart notice - The outcome of the last action (done, or why not).
 * @csspart list - The list of wishes.
 * @csspart card - One wish.
 * @csspart state - A wish's state badge.
 * @csspart form - The post form.
 * @csspart chip - The resident a wish is posted for, once chosen.
 * @csspart clear-button - The chip's button that takes the resident away again.
 *
 * @cssprop [--gz-color-primary=#c8161d] - Buttons, the progress bar, lit-up wishes.
 * @cssprop [--gz-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--gz-color-text=#1f2329] - Body text.
 * @cssprop [--gz-color-text-muted=#5c6370] - Secondary text.
 * @cssprop [--gz-color-surface=#ffffff] - Background of the widget.
 * @cssprop [--gz-color-border=#d9dce1] - Borders.
 * @cssprop [--gz-color-open=#116329] - The open state.
 * @cssprop [--gz-color-danger=#b42318] - Error messages.
 * @cssprop [--gz-focus-ring=3px solid #1a56db] - The keyboard focus outline.
 * @cssprop [--gz-radius=6px] - Corner radius.
 * @cssprop --gz-font-family - Font stack; system Chinese fonts by default.
 */
export class GzWishBoard extends GzElement {
  static override styles = [themeStyles, buttonStyles, wishBoardStyles];

  /** Global ID of the area (district, street, community) whose wishes are shown; all when unset. */
  @property() area = '';

  /** Only wishes in these states, space- or comma-separated (`OPEN CLAIMED`); the API's default when unset. */
  @property() state = '';

  /** Only wishes of these categories, space- or comma-separated (`STUDY HEALTH`). */
  @property() category = '';

  @state() private status: WishBoardStatus = 'idle';
  @state() private problem = '';
  @state() private wishes: BoardWish[] = [];
  @state() private totalCount = 0;
  @state() private cursor: string | null = null;
  @state() private hasMore = false;
  @state() private loadingMore = false;
  @state() private progress: { lit: number; total: number } | null = null;
  @state() private viewer: string | null = null;
  @state() private live: 'off' | 'on' | 'down' = 'off';
  @state() private confirming: string | null = null;
  @state() private busy: string | null = null;
  @state() private notice: { text: string; problem: boolean } | null = null;
  @state() private formOpen = false;
  @state() private form: WishForm = emptyForm();
  @state() private formProblems: FieldProblems = {};
  @state() private formMessage = '';
  @state() private communities: Community[] = [];
  /** The signed-in person's roles in force: units and teams to claim for, where to post for residents. */
  @state() private roles: ViewerRole[] = [];
  /** The organisation the claim being confirmed is for; empty: yourself. */
  @state() private claimAs = '';
  // The resident picker of the post form (a combobox over `people(filter: { nameContains })`).
  @state() private picked: PersonHit | null = null;
  @state() private search = '';
  @state() private searched: string | null = null;
  @state() private hits: PersonHit[] = [];
  @state() private active = -1;
  @state() private listOpen = false;
  @state() private searching = false;

  #abort?: AbortController;
  #unsubscribe?: () => void;
  #generation = 0;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #searchAbort?: AbortController;

  private get tr(): WishTranslation {
    return wishTranslationFor(this.lang);
  }

  private get filter(): BoardFilter {
    return {
      area: this.area,
      states: parseList(this.state, WISH_STATES),
      categories: parseList(this.category, WISH_CATEGORIES),
    };
  }

  /** Loads the board again from the first page (the retry button calls it). */
  reload(): void {
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#resetSearch();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.live = 'off';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: start again (willUpdate only runs when a property changes).
    if (this.hasUpdated && this.endpoint) void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      ['endpoint', 'area', 'state', 'category', 'tokenProvider'].some((name) => changed.has(name as keyof GzWishBoard)) &&
      this.endpoint
    ) {
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const generation = ++this.#generation;
    this.status = 'loading';
    this.problem = '';
    this.confirming = null;
    this.#listen();
    const client = this.client;
    try {
      const [page, progress, viewer] = await Promise.all([
        loadWishes(client, this.filter, null, abort.signal),
        loadProgress(client, this.area, abort.signal),
        this.tokenProvider ? client.request(WishBoardViewerDocument, {}, abort.signal) : Promise.resolve({ viewer: null }),
      ]);
      if (generation !== this.#generation) return;
      this.viewer = viewer.viewer?.id ?? null;
      this.roles = rolesInForce(viewer.viewer?.roles.nodes ?? []);
      this.wishes = page.wishes;
      this.totalCount = page.totalCount;
      this.cursor = page.endCursor;
      this.hasMore = page.hasNextPage;
      this.progress = progress;
      this.status = page.wishes.length ? 'ready' : 'empty';
    } catch (error) {
      if (abort.signal.aborted || generation !== this.#generation) return;
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const request = error instanceof RequestError ? error : null;
    this.status = request?.code === 'OFFLINE' ? 'offline' : 'error';
    this.problem = (error as Error).message;
    this.emit('gz-error', { code: request?.code ?? 'GRAPHQL', message: this.problem });
  }

  async #loadMore(): Promise<void> {
    if (!this.hasMore || this.loadingMore) return;
    this.loadingMore = true;
    const generation = this.#generation;
    const before = this.wishes.length;
    try {
      const page = await loadWishes(this.client, this.filter, this.cursor, this.#abort?.signal);
      if (generation !== this.#generation) return;
      this.wishes = appendPage(this.wishes, page.wishes);
      this.totalCount = page.totalCount;
      this.cursor = page.endCursor;
      this.hasMore = page.hasNextPage;
      await this.updateComplete;
      // Keyboard users continue where the new page starts.
      this.renderRoot.querySelectorAll<HTMLElement>('[part~="card"]')[before]?.focus();
    } catch (error) {
      if (generation === this.#generation) this.#note(this.#errorText(error), true);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Subscribes to `wishChanged(within: area)`; after a dropped connection, loads again to catch up. */
  #listen(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = subscribe(
      this.endpoint,
      this.tokenProvider,
      WishBoardChangedDocument,
      { within: this.area || null },
      {
        next: ({ wishChanged }) => {
          if (wishChanged.wish) this.#upsert(wishChanged.wish);
        },
        connected: (again) => {
          this.live = 'on';
          if (again) void this.#load();
        },
        disconnected: () => {
          this.live = 'down';
        },
      },
    );
  }

  #upsert(wish: BoardWish): void {
    // Anonymous visitors get only public wishes on the board, whatever the feed says.
    const visible = (item: BoardWish) => Boolean(this.viewer) || PUBLIC_STATES.includes(item.state);
    const { wishes, delta } = applyChange(this.wishes, wish, this.filter, visible);
    this.wishes = wishes;
    this.totalCount = Math.max(0, this.totalCount + delta);
    if (this.status === 'empty' && wishes.length) this.status = 'ready';
    void loadProgress(this.client, this.area)
      .then((progress) => {
        this.progress = progress;
      })
      .catch(() => undefined);
  }

  #note(text: string, problem: boolean): void {
    this.notice = { text, problem };
  }

  #errorText(error: unknown): string {
    const errors = this.tr.errors;
    if (error instanceof RequestError) {
      if (error.code === 'OFFLINE') return errors.OFFLINE;
      if (error.status === 403) return errors.FORBIDDEN;
      return errors[error.graphqlCode ?? ''] ?? errors.OTHER;
    }
    return errors.OTHER;
  }

  async #act(wish: BoardWish, action: Action): Promise<void> {
    this.busy = wish.id;
    this.confirming = null;
    this.notice = null;
    const client = this.client;
    try {
      const payload =
        action === 'claim'
          ? (await client.request(WishBoardClaimDocument, { input: { id: wish.id, onBehalfOf: this.claimAs || null } })).claimWish
          : action === 'confirm'
            ? (await client.request(WishBoardConfirmDocument, { input: { id: wish.id } })).confirmWish
            : (await client.request(WishBoardReviewDocument, { input: { id: wish.id, approve: action === 'approve' } })).reviewWish;
      const [problem] = payload.userErrors;
      if (problem) {
        this.#note(this.tr.errors[problem.code] ?? problem.message, true);
      } else {
        this.#note(this.tr.done[action], false);
        if (action === 'claim') this.emit('gz-wish-claim', { id: wish.id });
      }
      if (payload.wish) this.#upsert(payload.wish);
    } catch (error) {
      this.#note(this.#errorText(error), true);
    } finally {
      this.busy = null;
    }
  }

  async #askClaim(wish: BoardWish): Promise<void> {
    this.confirming = wish.id;
    this.claimAs = '';
    this.notice = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-confirm-claim]')?.focus();
  }

  async #cancelClaim(id: string): Promise<void> {
    this.confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-claim="${id}"]`)?.focus();
  }

  async #openForm(): Promise<void> {
    this.formOpen = true;
    this.formProblems = {};
    this.formMessage = '';
    this.notice = null;
    if (this.area && !this.communities.length) {
      try {
        const { node, areas } = await this.client.request(WishBoardCommunitiesDocument, { area: this.area });
        this.communities =
          node && 'kind' in node && node.kind === 'COMMUNITY' ? [{ id: node.id, name: node.name, ancestors: node.ancestors }] : areas.nodes;
        if (this.communities.length === 1) this.form = { ...this.form, community: this.communities[0].id };
      } catch (error) {
        this.formMessage = this.#errorText(error);
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#gz-wish-title')?.focus();
  }

  async #closeForm(): Promise<void> {
    this.formOpen = false;
    this.#resetSearch();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="post-button"]')?.focus();
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const problems = validateWish(this.form);
    this.formProblems = problems;
    this.formMessage = '';
    if (Object.keys(problems).length) return this.#focusProblem(problems);
    this.busy = 'form';
    try {
      const input = postInput(this.form, this.#scope?.grid ?? null);
      const { postWish } = await this.client.request(WishBoardPostDocument, { input });
      if (postWish.userErrors.length) {
        const { '': other, ...byField } = problemsByField(postWish.userErrors, !input.beneficiary);
        this.formProblems = byField;
        this.formMessage = other.map((code) => this.tr.errors[code] ?? code).join(' ');
        return this.#focusProblem(byField);
      }
      if (postWish.wish) {
        this.#upsert(postWish.wish);
        this.emit('gz-wish-post', { id: postWish.wish.id });
      }
      this.form = emptyForm();
      this.picked = null;
      this.#resetSearch();
      this.#note(this.tr.done.post, false);
      await this.#closeForm();
    } catch (error) {
      this.formMessage = this.#errorText(error);
    } finally {
      this.busy = null;
    }
  }

  async #focusProblem(problems: FieldProblems): Promise<void> {
    await this.updateComplete;
    const first = (Object.keys(problems) as FormField[])[0];
    if (first) this.renderRoot.querySelector<HTMLElement>(`#gz-wish-${first}`)?.focus();
  }

  #statusText(): string {
    const tr = this.tr;
    switch (this.status) {
      case 'loading':
        return tr.loading;
      case 'empty':
        return tr.empty;
      case 'offline':
        return tr.offline;
      case 'error':
        return tr.failed(this.problem);
      case 'ready':
        return tr.count(this.wishes.length, this.totalCount);
      default:
        return '';
    }
  }

  override render() {
    const tr = this.tr;
    const failed = this.status === 'error' || this.status === 'offline';
    return html`<section part="base" aria-labelledby="gz-wish-heading" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      <div part="header">
        <h2 id="gz-wish-heading">${tr.title}</h2>
        ${this.#renderProgress(tr)}
        ${
          this.viewer && !this.formOpen
            ? html`<button part="button post-button" type="button" @click=${() => this.#openForm()}>${tr.post}</button>`
            : nothing
        }
      </div>
      ${this.formOpen ? this.#renderForm(tr) : nothing}
      <div class="bar">
        <p part="status" class=${failed ? 'problem' : ''} role="status">${this.#statusText()}</p>
        ${failed ? html`<button part="button retry-button" type="button" @click=${() => this.reload()}>${tr.retry}</button>` : nothing}
        ${this.live === 'down' ? html`<span class="live down">${tr.reconnecting}</span>` : this.live === 'on' ? html`<span class="live">${tr.live}</span>` : nothing}
      </div>
      <p part="notice" class=${this.notice?.problem ? 'problem' : ''} role=${this.notice?.problem ? 'alert' : 'status'}>${this.notice?.text ?? ''}</p>
      ${
        this.wishes.length && !failed
          ? html`<ul part="list" aria-label=${tr.listLabel}>
            ${repeat(
              this.wishes,
              (wish) => wish.id,
              (wish) => this.#renderWish(wish, tr),
            )}
          </ul>`
          : nothing
      }
      ${
        this.hasMore && !failed
          ? html`<button part="button more-button" type="button" ?disabled=${this.loadingMore} @click=${() => this.#loadMore()}>
            ${tr.loadMore}
          </button>`
          : nothing
      }
    </section>`;
  }

  #renderProgress(tr: WishTranslation) {
    if (!this.progress) return nothing;
    const { lit, total } = this.progress;
    return html`<div part="progress">
      <span>${tr.progress(lit, total)}</span>
      <progress max=${Math.max(total, 1)} .value=${lit} aria-label=${tr.progressLabel}></progress>
    </div>`;
  }

  #renderWish(wish: BoardWish, tr: WishTranslation) {
    const headingId = `gz-wish-${wish.id}`;
    return html`<li part="card" class=${`card ${wish.state.toLowerCase()}`} tabindex="-1" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${wish.title}</h3>
      <p class="story">${wish.story}</p>
      <dl>
        <div><dt>${tr.beneficiary}</dt><dd>${tr.beneficiaryOf(wish.beneficiaryName, tr.kinds[wish.beneficiaryKind])}</dd></div>
        <div><dt>${tr.category}</dt><dd>${tr.categories[wish.category]}${wish.estimatedCost != null ? `${tr.separator}${tr.cost(wish.estimatedCost)}` : nothing}</dd></div>
        <div><dt>${tr.community}</dt><dd>${wish.community.name}</dd></div>
        ${wish.wantedBy ? html`<div><dt>${tr.wantedBy}</dt><dd><time datetime=${wish.wantedBy}>${wish.wantedBy}</time></dd></div>` : nothing}
      </dl>
      <p class="foot">
        <span part="state" class=${`state ${wish.state.toLowerCase()}`}>${tr.state[wish.state]}</span>
        ${wish.claimerName ? html`<span class="muted">${tr.claimedBy(wish.claimerName)}</span>` : nothing}
        ${wish.claimedFor ? html`<span class="muted">${tr.claimedFor(wish.claimedFor.name)}</span>` : nothing}
      </p>
      ${this.viewer ? this.#renderActions(wish, tr) : nothing}
    </li>`;
  }

  #renderActions(wish: BoardWish, tr: WishTranslation) {
    const busy = this.busy === wish.id;
    if (this.confirming === wish.id) {
      const organizations = claimOrganizations(this.roles);
      return html`<div class="confirm" role="group" aria-label=${tr.claim}>
        <p>${tr.confirmClaim(wish.title)}</p>
        ${
          organizations.length
            ? html`<fieldset>
              <legend>${tr.claimAs}</legend>
              ${[{ id: '', name: tr.myself }, ...organizations].map(
                (organization) => html`<label><input type="radio" name="gz-claim-as" .value=${organization.id}
                  .checked=${this.claimAs === organization.id}
                  @change=${(event: Event) => {
                    this.claimAs = (event.target as HTMLInputElement).value;
                  }} />${organization.name}</label>`,
              )}
            </fieldset>`
            : nothing
        }
        <button part="button" type="button" data-confirm-claim @click=${() => this.#act(wish, 'claim')}>${tr.claimYes}</button>
        <button part="button" class="secondary" type="button" @click=${() => this.#cancelClaim(wish.id)}>${tr.cancel}</button>
      </div>`;
    }
    if (wish.state === 'OPEN') {
      return html`<div class="actions">
        <button part="button claim-button" type="button" data-claim=${wish.id} ?disabled=${busy}
          aria-describedby=${`gz-wish-${wish.id}`} @click=${() => this.#askClaim(wish)}>${tr.claim}</button>
      </div>`;
    }
    if (wish.state === 'PENDING_REVIEW') {
      return html`<div class="actions">
        <button part="button" type="button" ?disabled=${busy} aria-describedby=${`gz-wish-${wish.id}`} @click=${() => this.#act(wish, 'approve')}>${tr.approve}</button>
        <button part="button" class="secondary" type="button" ?disabled=${busy} aria-describedby=${`gz-wish-${wish.id}`} @click=${() => this.#act(wish, 'reject')}>${tr.reject}</button>
      </div>`;
    }
    if (wish.state === 'FULFILLED') {
      return html`<div class="actions">
        <button part="button" type="button" ?disabled=${busy} aria-describedby=${`gz-wish-${wish.id}`} @click=${() => this.#act(wish, 'confirm')}>${tr.confirm}</button>
      </div>`;
    }
    return nothing;
  }

  #field(name: FormField, tr: WishTranslation, control: unknown) {
    const problem = this.formProblems[name];
    return html`<div class="field">
      <label for=${`gz-wish-${name}`}>${tr.fields[name]}</label>
      ${control}
      ${problem ? html`<span class="problem" id=${`gz-wish-${name}-problem`}>${tr.errors[problem] ?? problem}</span>` : nothing}
    </div>`;
  }

  #input(name: FormField, extra: { type?: string; required?: boolean; max?: number } = {}) {
    const problem = this.formProblems[name];
    return html`<input id=${`gz-wish-${name}`} name=${name} type=${extra.type ?? 'text'} .value=${this.form[name]}
      ?required=${extra.required} maxlength=${extra.max ?? nothing} aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? `gz-wish-${name}-problem` : nothing}
      @input=${(event: Event) => this.#set(name, (event.target as HTMLInputElement).value)} />`;
  }

  #select(name: FormField, options: [string, string][], tr: WishTranslation) {
    const problem = this.formProblems[name];
    return html`<select id=${`gz-wish-${name}`} name=${name} required aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? `gz-wish-${name}-problem` : nothing}
      @change=${(event: Event) => this.#set(name, (event.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!this.form[name]}>${tr.choose}</option>
      ${options.map(([value, label]) => html`<option value=${value} ?selected=${this.form[name] === value}>${label}</option>`)}
    </select>`;
  }

  #set(name: FormField, value: string): void {
    // Another community: the resident chosen may not live there, and the search is elsewhere.
    if (name === 'community' && value !== this.form.community) {
      this.picked = null;
      this.#resetSearch();
      this.form = { ...this.form, beneficiary: '' };
    }
    this.form = { ...this.form, [name]: value };
  }

  /** Where the viewer may post for a resident of the chosen community; null: only for themselves. */
  get #scope() {
    return postingScope(
      this.roles,
      this.communities.find((community) => community.id === this.form.community),
    );
  }

  #resetSearch(): void {
    clearTimeout(this.#searchTimer);
    this.#searchAbort?.abort();
    this.search = '';
    this.searched = null;
    this.hits = [];
    this.active = -1;
    this.listOpen = false;
    this.searching = false;
  }

  /** Typed in the search box: looks people up 250 ms after the last key. */
  #typed(value: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchAbort?.abort();
    const text = value.trim();
    this.search = value;
    this.active = -1;
    this.searching = Boolean(text);
    if (!text) {
      this.hits = [];
      this.searched = null;
      this.listOpen = false;
      return;
    }
    this.#searchTimer = setTimeout(() => void this.#find(text), 250);
  }

  async #find(text: string): Promise<void> {
    const scope = this.#scope;
    if (!scope) return;
    const abort = new AbortController();
    this.#searchAbort = abort;
    try {
      const hits = await findPeople(this.client, scope.within, text, abort.signal);
      if (abort.signal.aborted) return;
      this.hits = hits;
      this.searched = text;
      this.listOpen = true;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.hits = [];
      this.searched = null;
      this.formMessage = this.#errorText(error);
    } finally {
      if (!abort.signal.aborted) this.searching = false;
    }
  }

  #pickerKey(event: KeyboardEvent): void {
    const count = this.hits.length;
    const open = this.listOpen && count > 0;
    const down = event.key === 'ArrowDown';
    if (down || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      this.listOpen = true;
      this.active = open && this.active >= 0 ? (this.active + (down ? 1 : count - 1)) % count : down ? 0 : count - 1;
    } else if (event.key === 'Enter') {
      // Never post the form by accident while looking someone up.
      if (this.search.trim()) event.preventDefault();
      if (open && this.active >= 0) void this.#pick(this.hits[this.active]);
    } else if (event.key === 'Escape' && (open || this.search)) {
      event.preventDefault();
      if (open) {
        this.listOpen = false;
        this.active = -1;
      } else this.#resetSearch();
    }
  }

  async #pick(hit: PersonHit | null): Promise<void> {
    this.picked = hit;
    this.form = { ...this.form, beneficiary: hit?.id ?? '' };
    const { beneficiary: _, ...others } = this.formProblems;
    this.formProblems = others;
    this.#resetSearch();
    await this.updateComplete;
    // The chip's clear button after a choice, the search box after clearing: both #gz-wish-beneficiary.
    this.renderRoot.querySelector<HTMLElement>('#gz-wish-beneficiary')?.focus();
  }

  /** "Post for a resident": a combobox (ARIA 1.2) over the residents found, or the one chosen as a chip. */
  #renderPicker(tr: WishTranslation) {
    const problem = this.formProblems.beneficiary;
    const picked = this.picked;
    const open = this.listOpen && this.hits.length > 0;
    const text = this.search.trim();
    const status = this.searching
      ? tr.searching
      : text && this.searched === text
        ? this.hits.length
          ? tr.found(this.hits.length)
          : tr.noneFound(text)
        : '';
    const described = `gz-wish-beneficiary-hint${problem ? ' gz-wish-beneficiary-problem' : ''}`;
    return html`<div class="field picker">
      <label for="gz-wish-beneficiary">${tr.fields.beneficiary}</label>
      ${
        picked
          ? html`<span part="chip" class="chip">${picked.name} <span class="muted">${picked.home}</span>
            <button id="gz-wish-beneficiary" part="button clear-button" class="secondary" type="button"
              aria-label=${tr.clearBeneficiary(picked.name)} aria-describedby=${described} @click=${() => this.#pick(null)}>×</button></span>`
          : html`<input id="gz-wish-beneficiary" type="text" role="combobox" autocomplete="off" aria-autocomplete="list"
              aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? 'gz-wish-people' : nothing}
              aria-activedescendant=${open && this.active >= 0 ? `gz-wish-person-${this.active}` : nothing}
              aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described} .value=${this.search}
              @input=${(event: Event) => this.#typed((event.target as HTMLInputElement).value)}
              @keydown=${(event: KeyboardEvent) => this.#pickerKey(event)}
              @blur=${() => {
                this.listOpen = false;
              }} />
            ${
              open
                ? html`<ul id="gz-wish-people" role="listbox" aria-label=${tr.fields.beneficiary}>
                  ${this.hits.map(
                    (hit, index) => html`<li id=${`gz-wish-person-${index}`} role="option" data-id=${hit.id}
                      aria-selected=${index === this.active ? 'true' : 'false'}
                      @mousedown=${(event: Event) => event.preventDefault()} @click=${() => this.#pick(hit)}>
                      ${hit.name} <span class="muted">${hit.home}</span></li>`,
                  )}
                </ul>`
                : nothing
            }`
      }
      <span class="muted" id="gz-wish-beneficiary-hint">${tr.beneficiaryHint}</span>
      <span class="muted" role="status">${status}</span>
      ${problem ? html`<span class="problem" id="gz-wish-beneficiary-problem">${tr.errors[problem] ?? problem}</span>` : nothing}
    </div>`;
  }

  #renderForm(tr: WishTranslation) {
    const problems = Object.keys(this.formProblems).length;
    const problem = this.formProblems.story;
    return html`<form part="form" novalidate aria-labelledby="gz-wish-form-heading" @submit=${(event: Event) => this.#submit(event)}>
      <h3 id="gz-wish-form-heading">${tr.postTitle}</h3>
      ${this.#field('title', tr, this.#input('title', { required: true }))}
      ${this.#field(
        'story',
        tr,
        html`<textarea id="gz-wish-story" name="story" rows="3" required .value=${this.form.story}
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'gz-wish-story-problem' : nothing}
          @input=${(event: Event) => this.#set('story', (event.target as HTMLTextAreaElement).value)}></textarea>`,
      )}
      ${this.#field(
        'category',
        tr,
        this.#select(
          'category',
          WISH_CATEGORIES.map((category) => [category, tr.categories[category]]),
          tr,
        ),
      )}
      ${this.#field(
        'beneficiaryKind',
        tr,
        this.#select(
          'beneficiaryKind',
          (Object.keys(tr.kinds) as (keyof WishTranslation['kinds'])[]).map((kind) => [kind, tr.kinds[kind]]),
          tr,
        ),
      )}
      ${this.#field(
        'community',
        tr,
        this.#select(
          'community',
          this.communities.map((community) => [community.id, community.name]),
          tr,
        ),
      )}
      ${this.#scope ? this.#renderPicker(tr) : nothing}
      ${this.#field('estimatedCost', tr, this.#input('estimatedCost', { type: 'number' }))}
      ${this.#field('wantedBy', tr, this.#input('wantedBy', { type: 'date' }))}
      <p class="problem" role="alert">${problems ? tr.fixFields(problems) : ''} ${this.formMessage}</p>
      <div class="actions">
        <button part="button" type="submit" ?disabled=${this.busy === 'form'}>${tr.submit}</button>
        <button part="button" class="secondary" type="button" @click=${() => this.#closeForm()}>${tr.cancel}</button>
      </div>
    </form>`;
  }
}
