import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttonStyles } from '../core/buttons.js';
import {
  RequestTrackerChangedDocument,
  RequestTrackerRateDocument,
  RequestTrackerReopenDocument,
  RequestTrackerSummaryDocument,
} from '../core/generated/graphql.js';
import { RequestError } from '../core/graphql-client.js';
import { GzElement } from '../core/gz-element.js';
import { subscribe } from '../core/live.js';
import { themeStyles } from '../core/theme.js';
import { markedSteps, mayReopen, normalizeCode, type OwnRequest, ownRequest, type TrackedRequest } from './request-tracker.data.js';
import { type RequestTrackerTranslation, requestTrackerTranslationFor } from './request-tracker.i18n.js';
import { requestTrackerStyles } from './request-tracker.styles.js';

export type RequestTrackerStatus = 'idle' | 'loading' | 'ready' | 'not-found' | 'error' | 'offline';

/**
 * Follows a resident's request (诉求) by its tracking code: the public summary (state, the level
 * answering for it — 网格 → 社区 → 街道 —, overdue, the stage's deadline) and its history, live for
 * the signed-in reporter (`requestChanged`), anonymous visitors every minute. Once it is resolved,
 * its reporter rates it (一键评价, once) and may reopen it within 7 days.
 *
 * @tagname gz-request-tracker
 * @summary A request's progress by its tracking code, with rating and reopening for its reporter.
 *
 * @event {CustomEvent<{ trackingCode: string; rating: number }>} gz-request-rate - The reporter rated the request.
 * @event {CustomEvent<{ code: string; message: string }>} gz-error - Loading failed; `code` is `OFFLINE`, `HTTP` or `GRAPHQL`.
 *
 * @csspart base - The frame around everything.
 * @csspart lookup - The form to type a tracking code.
 * @csspart button - Every button (also named by its own part).
 * @csspart status - The status line (loading, not found, error, offline).
 * @csspart summary - The request's summary.
 * @csspart state - The state badge.
 * @csspart overdue - The overdue badge.
 * @csspart history - The list of steps.
 * @csspart step - One step.
 * @csspart rate-form - 一键评价.
 * @csspart reopen-form - Reopening.
 * @csspart notice - The outcome of rating or reopening.
 *
 * @cssprop [--gz-color-primary=#c8161d] - Buttons, level rises.
 * @cssprop [--gz-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--gz-color-text=#1f2329] - Body text.
 * @cssprop [--gz-color-text-muted=#5c6370] - Secondary text.
 * @cssprop [--gz-color-surface=#ffffff] - Background.
 * @cssprop [--gz-color-border=#d9dce1] - Borders.
 * @cssprop [--gz-color-open=#116329] - Resolved states, the live mark.
 * @cssprop [--gz-color-danger=#b42318] - Overdue and problems.
 * @cssprop [--gz-focus-ring=3px solid #1a56db] - The keyboard focus outline.
 * @cssprop [--gz-radius=6px] - Corner radius.
 * @cssprop --gz-font-family - Font stack.
 */
export class GzRequestTracker extends GzElement {
  static override styles = [themeStyles, buttonStyles, requestTrackerStyles];

  /** The tracking code followed (`GZ…`); typed into the widget's own form when unset. */
  @property() code = '';

  @state() private status: RequestTrackerStatus = 'idle';
  @state() private problem = '';
  @state() private request: TrackedRequest | null = null;
  @state() private own: OwnRequest | null = null;
  @state() private typed = '';
  @state() private typedProblem = false;
  @state() private live: 'off' | 'on' | 'down' = 'off';
  @state() private stars = 0;
  @state() private comment = '';
  @state() private reason = '';
  @state() private busy = false;
  @state() private notice: { text: string; problem: boolean } | null = null;

  #abort?: AbortController;
  #unsubscribe?: () => void;
  #poll?: ReturnType<typeof setInterval>;

  private get tr(): RequestTrackerTranslation {
    return requestTrackerTranslationFor(this.lang);
  }

  /** Looks the request up again (the retry button calls it). */
  reload(): void {
    void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code')) this.typed = this.code;
    if (['endpoint', 'code', 'tokenProvider'].some((name) => changed.has(name as keyof GzRequestTracker))) {
      this.notice = null;
      this.#follow();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  #stop(): void {
    this.#abort?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearInterval(this.#poll);
    this.live = 'off';
  }

  /** Loads the code's request and keeps it current: live for those the API tells, polled for others. */
  #follow(): void {
    this.#stop();
    const code = normalizeCode(this.code);
    if (!this.endpoint || !code) {
      this.status = 'idle';
      this.request = null;
      return;
    }
    void this.#load();
    if (this.tokenProvider) {
      this.#unsubscribe = subscribe(
        this.endpoint,
        this.tokenProvider,
        RequestTrackerChangedDocument,
        { code },
        {
          next: () => void this.#load(true),
          connected: (again) => {
            this.live = 'on';
            if (again) void this.#load(true);
          },
          disconnected: () => {
            this.live = 'down';
          },
        },
      );
    } else {
      this.#poll = setInterval(() => void this.#load(true), 60_000);
    }
  }

  async #load(quiet = false): Promise<void> {
    const code = normalizeCode(this.code);
    if (!code) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (!quiet) {
      this.status = 'loading';
      this.request = null;
    }
    try {
      const client = this.client;
      const { requestByTrackingCode } = await client.request(RequestTrackerSummaryDocument, { code }, abort.signal);
      if (abort.signal.aborted) return;
      this.request = requestByTrackingCode;
      this.own = ownRequest(requestByTrackingCode);
      this.status = requestByTrackingCode ? 'ready' : 'not-found';
    } catch (error) {
      if (abort.signal.aborted || quiet) return;
      const request = error instanceof RequestError ? error : null;
      this.status = request?.code === 'OFFLINE' ? 'offline' : 'error';
      this.problem = (error as Error).message;
      this.emit('gz-error', { code: request?.code ?? 'GRAPHQL', message: this.problem });
    }
  }

  #lookup(event: Event): void {
    event.preventDefault();
    const code = normalizeCode(this.typed);
    this.typedProblem = !code;
    if (code) this.code = code;
    else this.renderRoot.querySelector<HTMLElement>('#gz-rt-code')?.focus();
  }

  #errorText(error: unknown): string {
    const errors = this.tr.errors;
    if (error instanceof RequestError) {
      if (error.code === 'OFFLINE') return errors.OFFLINE;
      if (error.status === 403 || error.graphqlCode === 'FORBIDDEN') return errors.FORBIDDEN;
    }
    return errors.OTHER;
  }

  async #act(action: 'rate' | 'reopen', event: Event): Promise<void> {
    event.preventDefault();
    const own = this.own;
    if (!own || this.busy) return;
    const tr = this.tr;
    if (action === 'rate' && !this.stars) return this.#note(tr.errors.INVALID, true);
    if (action === 'reopen' && !this.reason.trim()) return this.#note(tr.errors.REQUIRED, true);
    this.busy = true;
    this.notice = null;
    try {
      const client = this.client;
      const payload =
        action === 'rate'
          ? (
              await client.request(RequestTrackerRateDocument, {
                input: { id: own.id, rating: this.stars, comment: this.comment.trim() || null },
              })
            ).rateRequest
          : (await client.request(RequestTrackerReopenDocument, { input: { id: own.id, reason: this.reason.trim() } })).reopenRequest;
      const [problem] = payload.userErrors;
      if (problem) {
        this.#note(tr.errors[problem.code] ?? problem.message, true);
      } else {
        this.#note(tr.done[action], false);
        if (action === 'rate') this.emit('gz-request-rate', { trackingCode: this.request?.trackingCode ?? this.code, rating: this.stars });
        this.stars = 0;
        this.comment = '';
        this.reason = '';
      }
      await this.#load(true);
    } catch (error) {
      this.#note(this.#errorText(error), true);
    } finally {
      this.busy = false;
    }
  }

  #note(text: string, problem: boolean): void {
    this.notice = { text, problem };
  }

  override render() {
    const tr = this.tr;
    const failed = this.status === 'error' || this.status === 'offline';
    const status =
      this.status === 'loading'
        ? tr.loading
        : this.status === 'not-found'
          ? tr.notFound(normalizeCode(this.code) ?? this.code)
          : this.status === 'offline'
            ? tr.offline
            : this.status === 'error'
              ? tr.failed(this.problem)
              : '';
    return html`<section part="base" aria-labelledby="gz-rt-title" lang=${tr.locale}>
      <h2 id="gz-rt-title">${tr.title}</h2>
      <form part="lookup" class="row" @submit=${(event: Event) => this.#lookup(event)}>
        <label for="gz-rt-code">${tr.codeLabel}</label>
        <input id="gz-rt-code" type="text" autocomplete="off" spellcheck="false" .value=${this.typed}
          aria-invalid=${this.typedProblem ? 'true' : 'false'} aria-describedby="gz-rt-code-hint"
          @input=${(event: Event) => {
            this.typed = (event.target as HTMLInputElement).value;
          }} />
        <button part="button" type="submit">${tr.track}</button>
        <span class=${this.typedProblem ? 'problem' : 'muted'} id="gz-rt-code-hint">${this.typedProblem ? tr.invalidCode : tr.codeHint}</span>
      </form>
      <div class="row">
        <p part="status" class=${failed || this.status === 'not-found' ? 'problem' : 'muted'} role="status">${status}</p>
        ${failed ? html`<button part="button" type="button" @click=${() => this.reload()}>${tr.retry}</button>` : nothing}
        ${this.live === 'on' ? html`<span class="live">${tr.live}</span>` : this.live === 'down' ? html`<span class="live down">${tr.reconnecting}</span>` : nothing}
      </div>
      ${this.request && this.status === 'ready' ? this.#renderRequest(this.request, tr) : nothing}
    </section>`;
  }

  #renderRequest(request: TrackedRequest, tr: RequestTrackerTranslation) {
    const place = [request.communityName, request.gridName, request.address].filter(Boolean).join(' · ');
    return html`<div part="summary">
        <p class="row">
          <strong part="code">${request.trackingCode}</strong>
          <span part="state" class=${`state ${request.state.toLowerCase()}`}>${tr.states[request.state]}</span>
          ${request.overdue ? html`<span part="overdue" class="overdue">${tr.overdue}</span>` : nothing}
        </p>
        <dl>
          <div><dt>${tr.category}</dt><dd>${tr.categoryName(request.category)}</dd></div>
          <div><dt>${tr.level}</dt><dd>${tr.levels[request.level]}</dd></div>
          <div><dt>${tr.place}</dt><dd>${place}</dd></div>
          <div><dt>${tr.submittedAt}</dt><dd><time datetime=${request.submittedAt}>${tr.time(request.submittedAt)}</time></dd></div>
          ${request.deadline ? html`<div><dt>${tr.deadline}</dt><dd><time datetime=${request.deadline}>${tr.time(request.deadline)}</time></dd></div>` : nothing}
          ${request.rating != null ? html`<div><dt>${tr.rating}</dt><dd>${tr.rated(request.rating)}</dd></div>` : nothing}
        </dl>
      </div>
      <h3 id="gz-rt-history">${tr.history}</h3>
      <ol part="history" aria-labelledby="gz-rt-history">
        ${markedSteps(request.steps).map(
          (step) => html`<li part="step" class=${step.rise ? 'rise' : ''}>
            <time datetime=${step.at}>${tr.time(step.at)}</time>
            <span>${tr.moves[step.move] ?? step.move} → ${tr.states[step.toState]}</span>
            <span class="muted">${tr.levels[step.level]}</span>
            ${step.rise ? html`<strong class="rise-mark">${tr.rise(tr.levels[step.level])}</strong>` : nothing}
          </li>`,
        )}
      </ol>
      <p part="notice" class=${this.notice?.problem ? 'problem' : ''} role=${this.notice?.problem ? 'alert' : 'status'}>${this.notice?.text ?? ''}</p>
      ${this.own && request.state === 'RESOLVED' && request.rating == null ? this.#renderRate(tr) : nothing}
      ${this.own && mayReopen(request.state, this.own.resolvedAt) ? this.#renderReopen(tr) : nothing}`;
  }

  #renderRate(tr: RequestTrackerTranslation) {
    return html`<form part="rate-form" @submit=${(event: Event) => this.#act('rate', event)}>
      <fieldset class="stars">
        <legend>${tr.rating}</legend>
        ${[1, 2, 3, 4, 5].map(
          (count) => html`<label><input type="radio" name="gz-rt-stars" .value=${String(count)} .checked=${this.stars === count}
            @change=${() => {
              this.stars = count;
            }} />${tr.stars(count)}</label>`,
        )}
      </fieldset>
      <label for="gz-rt-comment">${tr.comment}</label>
      <textarea id="gz-rt-comment" rows="2" maxlength="500" .value=${this.comment}
        @input=${(event: Event) => {
          this.comment = (event.target as HTMLTextAreaElement).value;
        }}></textarea>
      <button part="button rate-button" type="submit" ?disabled=${this.busy}>${tr.rate}</button>
    </form>`;
  }

  #renderReopen(tr: RequestTrackerTranslation) {
    return html`<details part="reopen-form">
      <summary>${tr.reopenTitle}</summary>
      <form @submit=${(event: Event) => this.#act('reopen', event)}>
        <label for="gz-rt-reason">${tr.reason}</label>
        <textarea id="gz-rt-reason" rows="2" .value=${this.reason}
          @input=${(event: Event) => {
            this.reason = (event.target as HTMLTextAreaElement).value;
          }}></textarea>
        <button part="button reopen-button" class="secondary" type="submit" ?disabled=${this.busy}>${tr.reopen}</button>
      </form>
    </details>`;
  }
}
