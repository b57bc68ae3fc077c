import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { buttonStyles } from '../core/buttons.js';
import { VotingPanelCastDocument, VotingPanelReceiptDocument, VotingPanelTallyChangedDocument } from '../core/generated/graphql.js';
import { RequestError } from '../core/graphql-client.js';
import { GzElement } from '../core/gz-element.js';
import { subscribe } from '../core/live.js';
import { themeStyles } from '../core/theme.js';
import {
  applyProgress,
  attachmentName,
  type BallotChoice,
  type Bar,
  barsOf,
  CHOICES,
  castProblem,
  firstHousehold,
  householdLabel,
  loadProposal,
  mayVote,
  msUntilClose,
  normalizeReceipt,
  type OwnBallot,
  type PanelProposal,
  type Phase,
  percent,
  phaseOf,
} from './voting-panel.data.js';
import { type VotingTranslation, votingTranslationFor } from './voting-panel.i18n.js';
import { votingPanelStyles } from './voting-panel.styles.js';

export type VotingPanelStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error' | 'offline';

/** What a receipt check found. */
interface Check {
  counted: boolean;
  position: number | null;
  choice: BallotChoice | null;
}

/**
 * An owners' vote (业主表决) on one proposal: the matter, the rule in plain words, live bars of
 * participation and approval against their thresholds, the signed-in owner's ballot (with a
 * confirmation step and a receipt code), and after close the result, the digest of the ballot
 * log and a receipt check.
 *
 * @tagname gz-voting-panel
 * @summary One proposal's vote: the matter, live bars, the owner's ballot, the result and receipt check.
 *
 * @event {CustomEvent<{ proposal: string; choice: 'FOR' | 'AGAINST' | 'ABSTAIN' }>} gz-ballot-cast - The signed-in owner cast (or changed) a ballot; `proposal` is the proposal's global ID.
 * @event {CustomEvent<{ code: string; message: string }>} gz-error - Loading failed; `code` is `OFFLINE`, `HTTP` or `GRAPHQL`.
 *
 * @csspart base - The frame around everything.
 * @csspart header - The title and the stage.
 * @csspart stage - The proposal's stage badge.
 * @csspart status - The status line (loading, missing, error, offline, not yet open, counting).
 * @csspart matter - The matter: text, type, scope, voting window, rule, attachments.
 * @csspart tally - The bars: live while voting, final once decided.
 * @csspart meter - One bar (role="meter"), with its threshold marked.
 * @csspart verdict - "If voting closed now, it would (not) pass".
 * @csspart ballot - The signed-in owner's ballot.
 * @csspart notice - Why a ballot was refused.
 * @csspart receipt - The receipt code after casting, with its copy button.
 * @csspart receipt-code - The receipt code itself.
 * @csspart result - The outcome once decided.
 * @csspart outcome - Passed or not passed.
 * @csspart verify - The digest of the ballot log and the receipt check.
 * @csspart digest - The digest (SHA-256, hex).
 * @csspart check-form - The receipt check form.
 * @csspart check-result - What the receipt check found.
 * @csspart button - Every button of the widget (also named by its own part).
 * @csspart cast-button - "Cast ballot".
 * @csspart confirm-button - "Confirm" in the confirmation step.
 * @csspart copy-button - "Copy receipt code".
 * @csspart check-button - "Check" in the receipt check form.
 * @csspart retry-button - "Try again", shown after a failure.
 *
 * @cssprop [--gz-color-primary=#c8161d] - Buttons, bars, links.
 * @cssprop [--gz-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--gz-color-text=#1f2329] - Body text and the threshold marks.
 * @cssprop [--gz-color-text-muted=#5c6370] - Secondary text.
 * @cssprop [--gz-color-surface=#ffffff] - Background of the widget.
 * @cssprop [--gz-color-border=#d9dce1] - Borders.
 * @cssprop [--gz-color-open=#116329] - Voting open, a threshold met, passed.
 * @cssprop [--gz-color-danger=#b42318] - Errors, not passed.
 * @cssprop [--gz-focus-ring=3px solid #1a56db] - The keyboard focus outline.
 * @cssprop [--gz-radius=6px] - Corner radius.
 * @cssprop --gz-font-family - Font stack; system Chinese fonts by default.
 */
export class GzVotingPanel extends GzElement {
  static override styles = [themeStyles, buttonStyles, votingPanelStyles];

  /** Global ID of the proposal whose vote is shown. */
  @property() proposal = '';

  @state() private status: VotingPanelStatus = 'idle';
  @state() private problem = '';
  @state() private matter: PanelProposal | null = null;
  @state() private live: 'off' | 'on' | 'down' = 'off';
  @state() private household = '';
  @state() private choice: BallotChoice | '' = '';
  @state() private confirming = false;
  @state() private changing = false;
  @state() private busy = false;
  @state() private notice = '';
  @state() private receipt: { code: string; household: string; changed: boolean } | null = null;
  @state() private copyNote = '';
  @state() private receiptInput = '';
  @state() private check: Check | null = null;
  @state() private checkNote = '';

  #abort?: AbortController;
  #unsubscribe?: () => void;
  #generation = 0;
  #closeTimer?: ReturnType<typeof setTimeout>;

  private get tr(): VotingTranslation {
    return votingTranslationFor(this.lang);
  }

  /** Loads the proposal again (the retry button calls it). */
  reload(): void {
    void this.#load(false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: start again (willUpdate only runs when a property changes).
    if (this.hasUpdated && this.endpoint) void this.#load(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#stopListening();
    clearTimeout(this.#closeTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const who = changed.has('proposal') || changed.has('tokenProvider');
    if ((who || changed.has('endpoint')) && this.endpoint) void this.#load(who);
    else if (changed.has('lang') && this.matter) void this.#refresh();
  }

  async #load(reset: boolean): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const generation = ++this.#generation;
    this.#stopListening();
    this.confirming = false;
    if (reset || this.matter?.id !== this.proposal) {
      this.matter = null;
      this.receipt = null;
      this.check = null;
      this.checkNote = '';
      this.receiptInput = '';
      this.choice = '';
      this.changing = false;
      this.notice = '';
    }
    this.problem = '';
    if (!this.proposal) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    // Listen first, then load: no ballot falls between the two.
    this.#listen();
    try {
      const matter = await loadProposal(this.client, this.proposal, this.tr.locale === 'en', abort.signal);
      if (generation !== this.#generation) return;
      this.#show(matter);
      this.status = matter ? 'ready' : 'missing';
    } catch (error) {
      if (abort.signal.aborted || generation !== this.#generation) return;
      this.#stopListening();
      const request = error instanceof RequestError ? error : null;
      this.status = request?.code === 'OFFLINE' ? 'offline' : 'error';
      this.problem = (error as Error).message;
      this.emit('gz-error', { code: request?.code ?? 'GRAPHQL', message: this.problem });
    }
  }

  /** Loads the proposal again without showing the loading state (after a reconnection, a new stage, another language). */
  async #refresh(): Promise<void> {
    const generation = this.#generation;
    try {
      const matter = await loadProposal(this.client, this.proposal, this.tr.locale === 'en', this.#abort?.signal);
      if (generation === this.#generation && matter) this.#show(matter);
    } catch {
      // The panel keeps what it shows; the live line says whether it is current.
    }
  }

  #show(matter: PanelProposal | null): void {
    this.matter = matter;
    if (matter && !matter.ownBallots.some((ballot) => ballot.household.id === this.household)) {
      this.household = firstHousehold(matter.ownBallots);
    }
    // Once decided (or never to be voted on) nothing more comes: no connection kept open.
    const phase = matter ? phaseOf(matter) : 'ended';
    if (phase === 'decided' || phase === 'ended') this.#stopListening();
    // Redraw when the window closes: the ballot form goes, "counting" comes.
    clearTimeout(this.#closeTimer);
    const left = matter ? msUntilClose(matter) : null;
    if (left != null) {
      this.#closeTimer = setTimeout(() => {
        this.confirming = false;
        this.requestUpdate();
      }, left + 50);
    }
  }

  /** Subscribes to `tallyChanged(proposal)`; after a dropped connection, loads again to catch up. */
  #listen(): void {
    this.#unsubscribe = subscribe(
      this.endpoint,
      this.tokenProvider,
      VotingPanelTallyChangedDocument,
      { proposal: this.proposal },
      {
        next: ({ tallyChanged }) => {
          const matter = this.matter;
          if (!matter || !tallyChanged) return;
          const moved = tallyChanged.proposal.stage !== matter.stage;
          this.#show(applyProgress(matter, tallyChanged.proposal, tallyChanged.tally));
          // A new stage (voting opened, or closed): the roll, the own ballots, the result.
          if (moved) void this.#refresh();
        },
        connected: (again) => {
          this.live = 'on';
          if (again) void this.#refresh();
        },
        disconnected: () => {
          this.live = 'down';
        },
      },
    );
  }

  #stopListening(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.live = 'off';
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

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #askConfirm(): void {
    if (!this.choice) {
      this.notice = this.tr.chooseFirst;
      void this.#focus('input[name="gz-vote-choice"]');
      return;
    }
    this.notice = '';
    this.confirming = true;
    void this.#focus('[data-confirm]');
  }

  #cancelConfirm(): void {
    this.confirming = false;
    void this.#focus('[part~="cast-button"]');
  }

  #pickHousehold(id: string): void {
    this.household = id;
    this.choice = '';
    this.confirming = false;
    this.changing = false;
    this.notice = '';
  }

  async #cast(): Promise<void> {
    const matter = this.matter;
    const choice = this.choice;
    if (!matter || !choice || this.busy) return;
    this.busy = true;
    this.notice = '';
    const tr = this.tr;
    try {
      const { castBallot } = await this.client.request(VotingPanelCastDocument, {
        input: { proposal: matter.id, choice, household: this.household || null },
      });
      if (castBallot.proposal && this.matter) {
        this.#show(applyProgress(this.matter, castBallot.proposal, castBallot.proposal.tally, castBallot.proposal.ownBallots));
      }
      const problem = castProblem(castBallot.userErrors);
      if (problem || !castBallot.receipt) {
        this.notice = (problem && tr.errors[problem]) || castBallot.userErrors[0]?.message || tr.errors.OTHER;
        this.confirming = false;
        // Someone voted for the household elsewhere, or the window closed: show how things stand.
        void this.#refresh();
        void this.#focus('[part~="cast-button"], [part="notice"]');
        return;
      }
      this.receipt = { code: castBallot.receipt, household: this.household, changed: Boolean(castBallot.changed) };
      this.receiptInput = castBallot.receipt;
      this.copyNote = '';
      this.confirming = false;
      this.changing = false;
      this.choice = '';
      this.emit('gz-ballot-cast', { proposal: matter.id, choice });
      void this.#focus('[part="receipt"]');
    } catch (error) {
      this.notice = this.#errorText(error);
      this.confirming = false;
      void this.#focus('[part~="cast-button"], [part="notice"]');
    } finally {
      this.busy = false;
    }
  }

  async #copy(): Promise<void> {
    const code = this.receipt?.code;
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code);
      this.copyNote = this.tr.copied;
    } catch {
      // No clipboard (an insecure page, a refused permission): select the code for the visitor.
      const element = this.renderRoot.querySelector('[part="receipt-code"]');
      const selection = getSelection();
      if (element && selection) selection.selectAllChildren(element);
      this.copyNote = this.tr.copyFailed;
    }
  }

  async #checkReceipt(event: Event): Promise<void> {
    event.preventDefault();
    const matter = this.matter;
    const receipt = normalizeReceipt(this.receiptInput);
    if (!matter) return;
    this.check = null;
    if (!receipt) {
      this.checkNote = this.tr.receiptFormat;
      return void this.#focus('#gz-vote-receipt');
    }
    this.checkNote = this.tr.checking;
    try {
      const { verifyReceipt } = await this.client.request(VotingPanelReceiptDocument, { proposal: matter.id, receipt });
      this.check = verifyReceipt && { counted: verifyReceipt.counted, position: verifyReceipt.position, choice: verifyReceipt.choice };
      this.checkNote = verifyReceipt ? '' : this.tr.errors.NOT_FOUND;
    } catch (error) {
      this.checkNote = this.#errorText(error);
    }
  }

  // ------------------------------------------------------------------ rendering

  #percent(share: number): string {
    return new Intl.NumberFormat(this.tr.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
  }

  #number(value: number): string {
    return new Intl.NumberFormat(this.tr.locale, { maximumFractionDigits: 2 }).format(value);
  }

  /** A moment in China's time, where the votes are held. */
  #time(iso: string) {
    const text = new Intl.DateTimeFormat(this.tr.locale, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(iso));
    return html`<time datetime=${iso}>${text}</time>`;
  }

  #statusText(phase: Phase | null): unknown {
    const tr = this.tr;
    switch (this.status) {
      case 'idle':
        return tr.noProposal;
      case 'loading':
        return tr.loading;
      case 'missing':
        return tr.missing;
      case 'offline':
        return tr.offline;
      case 'error':
        return tr.failed(this.problem);
    }
    const matter = this.matter;
    if (!matter) return '';
    if (phase === 'before')
      return tr.opensAt(
        new Intl.DateTimeFormat(tr.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
          new Date(matter.votingOpensAt),
        ),
      );
    if (phase === 'counting') return tr.counting;
    if (phase === 'ended') return tr.noVote;
    return '';
  }

  override render() {
    const tr = this.tr;
    const matter = this.matter;
    const phase = matter ? phaseOf(matter) : null;
    const failed = this.status === 'error' || this.status === 'offline';
    return html`<section part="base" aria-labelledby="gz-vote-title" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      <div part="header">
        <h2 id="gz-vote-title">${matter?.title ?? tr.label}</h2>
        ${matter ? html`<span part="stage" class=${phase ?? ''}>${tr.stages[matter.stage]}</span>` : nothing}
      </div>
      <div class="bar">
        <p part="status" class=${failed ? 'problem' : ''} role="status">${this.#statusText(phase)}</p>
        ${failed ? html`<button part="button retry-button" type="button" @click=${() => this.reload()}>${tr.retry}</button>` : nothing}
      </div>
      ${matter && phase ? [this.#renderMatter(matter, tr), this.#renderResult(matter, tr, phase), this.#renderTally(matter, tr, phase), this.#renderBallot(matter, tr, phase), this.#renderVerify(matter, tr, phase)] : nothing}
    </section>`;
  }

  #renderMatter(matter: PanelProposal, tr: VotingTranslation) {
    const links = matter.attachmentUrls.map((url) => ({ url, name: attachmentName(url) }));
    return html`<div part="matter">
      <p class="text">${matter.text}</p>
      <dl>
        <dt>${tr.matterType}</dt>
        <dd>${tr.matterTypes[matter.matterType]}</dd>
        <dt>${tr.scope}</dt>
        <dd>${matter.scope.name}</dd>
        <dt>${tr.window}</dt>
        <dd>${this.#time(matter.votingOpensAt)}${tr.rangeTo}${this.#time(matter.votingClosesAt)}</dd>
        <dt>${tr.rule}</dt>
        <dd>${matter.ruleDescription}</dd>
        <dt>${tr.ballotRule}</dt>
        <dd>${tr.changeable(matter.ballotsChangeable)}</dd>
        ${
          links.length
            ? html`<dt>${tr.attachments}</dt>
              <dd><ul>
                ${links.map(({ url, name }) =>
                  name
                    ? html`<li><a href=${url} target="_blank" rel="noopener noreferrer">${name}<span class="sr-only">${tr.newWindow}</span></a></li>`
                    : html`<li>${url}</li>`,
                )}
              </ul></dd>`
            : nothing
        }
      </dl>
    </div>`;
  }

  #renderTally(matter: PanelProposal, tr: VotingTranslation, phase: Phase) {
    const tally = matter.tally;
    if (!tally) return nothing;
    return html`<section part="tally" aria-labelledby="gz-vote-tally-heading">
      <div class="bar">
        <h3 id="gz-vote-tally-heading">${tally.final ? tr.finalTally : tr.liveTally}</h3>
        ${this.live === 'down' ? html`<span class="live down">${tr.reconnecting}</span>` : this.live === 'on' && phase !== 'decided' ? html`<span class="live">${tr.live}</span>` : nothing}
      </div>
      ${barsOf(tally, matter.rule).map((bar) => this.#renderBar(bar, tr))}
      <p class="muted">${tr.counts(tally.approval.households, tally.against.households, tally.abstain.households, tally.rollHouseholds)}</p>
      ${phase === 'voting' ? html`<p part="verdict" class=${tally.passes ? 'yes' : 'no'}>${tr.wouldPass(tally.passes)}</p>` : nothing}
    </section>`;
  }

  #renderBar(bar: Bar, tr: VotingTranslation) {
    const id = `gz-vote-${bar.key}`;
    const value = percent(bar.share);
    const share = this.#percent(bar.share);
    const threshold = bar.threshold
      ? tr.threshold(
          bar.threshold.strict,
          `${bar.threshold.fraction.numerator}/${bar.threshold.fraction.denominator}`,
          this.#percent(bar.threshold.value),
        )
      : tr.noThreshold;
    const met = bar.met == null ? '' : tr.met(bar.met);
    const amount = tr.amount(this.#number(bar.part), this.#number(bar.whole), bar);
    return html`<div class="measure">
      <span class="measure-label" id=${id}>${tr.bars[bar.key]}</span>
      <div part="meter" class=${bar.met ? 'met' : ''} role="meter" aria-labelledby=${id} aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${value} aria-valuetext=${[share, threshold, met].filter(Boolean).join(tr.separator)}>
        <div class="fill" style=${styleMap({ width: `${value}%` })}></div>
        ${bar.threshold ? html`<div class="mark" style=${styleMap({ left: `${percent(bar.threshold.value)}%` })}></div>` : nothing}
      </div>
      <p class="measure-text">
        <strong>${share}</strong> · ${amount} · ${threshold}${met ? html` · <span class=${bar.met ? 'yes' : 'no'}>${met}</span>` : nothing}
      </p>
    </div>`;
  }

  #renderBallot(matter: PanelProposal, tr: VotingTranslation, phase: Phase) {
    if (phase !== 'voting' && phase !== 'counting') return nothing;
    const ballots = matter.ownBallots;
    if (phase === 'counting' && !ballots.length && !this.receipt) return nothing;
    const body = !this.tokenProvider
      ? html`<p class="muted">${tr.signIn}</p>`
      : !ballots.length
        ? html`<p class="muted">${tr.notOnRoll}</p>`
        : this.#renderOwnBallots(matter, ballots, tr, phase);
    return html`<section part="ballot" aria-labelledby="gz-vote-ballot-heading">
      <h3 id="gz-vote-ballot-heading">${tr.ballot}</h3>
      ${this.receipt ? this.#renderReceipt(ballots, tr) : nothing}
      ${body}
      <p part="notice" class="problem" role="alert" tabindex="-1">${this.notice}</p>
    </section>`;
  }

  #votedText(ballot: OwnBallot, tr: VotingTranslation): string {
    if (!ballot.choice) return '';
    const when = ballot.castAt
      ? new Intl.DateTimeFormat(tr.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
          new Date(ballot.castAt),
        )
      : '';
    return tr.voted(tr.choices[ballot.choice], when);
  }

  #renderOwnBallots(matter: PanelProposal, ballots: readonly OwnBallot[], tr: VotingTranslation, phase: Phase) {
    const selected = ballots.find((ballot) => ballot.household.id === this.household) ?? ballots[0];
    const voting = phase === 'voting';
    const choosing = voting && (!selected.choice || (this.changing && matter.ballotsChangeable));
    return html`
      ${
        ballots.length > 1
          ? html`<fieldset>
            <legend>${tr.household}</legend>
            ${ballots.map(
              (ballot) => html`<label><input type="radio" name="gz-vote-household" .value=${ballot.household.id}
                .checked=${ballot.household.id === selected.household.id} ?disabled=${this.confirming || this.busy}
                @change=${() => this.#pickHousehold(ballot.household.id)} />${householdLabel(ballot)}${
                  ballot.choice ? html` <span class="muted">${this.#votedText(ballot, tr)}</span>` : nothing
                }</label>`,
            )}
          </fieldset>`
          : nothing
      }
      ${
        selected.choice && !choosing
          ? html`<p>${ballots.length > 1 ? nothing : html`<span class="muted">${householdLabel(selected)}</span> `}<strong>${this.#votedText(selected, tr)}</strong></p>
            ${
              voting && mayVote(selected, matter.ballotsChangeable)
                ? html`<button part="button change-button" class="secondary" type="button" @click=${() => {
                    this.changing = true;
                    this.receipt = null;
                    void this.#focus('input[name="gz-vote-choice"]');
                  }}>${tr.change}</button>`
                : nothing
            }`
          : nothing
      }
      ${choosing ? this.#renderChoice(selected, matter, tr) : nothing}
    `;
  }

  #renderChoice(selected: OwnBallot, matter: PanelProposal, tr: VotingTranslation) {
    return html`<fieldset>
        <legend>${tr.choice}${matter.ownBallots.length > 1 ? nothing : html` <span class="muted">${householdLabel(selected)}</span>`}</legend>
        ${CHOICES.map(
          (choice) => html`<label><input type="radio" name="gz-vote-choice" .value=${choice} .checked=${this.choice === choice}
            ?disabled=${this.confirming || this.busy}
            @change=${() => {
              this.choice = choice;
              this.notice = '';
            }} />${tr.choices[choice]}</label>`,
        )}
      </fieldset>
      ${
        this.confirming && this.choice
          ? html`<div class="confirm" role="group" aria-labelledby="gz-vote-confirm-text">
            <p id="gz-vote-confirm-text">${tr.confirm(tr.choices[this.choice], householdLabel(selected), matter.ballotsChangeable)}</p>
            <div class="actions">
              <button part="button confirm-button" type="button" data-confirm ?disabled=${this.busy} @click=${() => this.#cast()}>${tr.confirmYes}</button>
              <button part="button" class="secondary" type="button" ?disabled=${this.busy} @click=${() => this.#cancelConfirm()}>${tr.back}</button>
            </div>
          </div>`
          : html`<div class="actions">
            <button part="button cast-button" type="button" @click=${() => this.#askConfirm()}>${tr.cast}</button>
          </div>`
      }`;
  }

  #renderReceipt(ballots: readonly OwnBallot[], tr: VotingTranslation) {
    const receipt = this.receipt!;
    const ballot = ballots.find((item) => item.household.id === receipt.household);
    return html`<div part="receipt" role="group" aria-labelledby="gz-vote-receipt-title" tabindex="-1">
      <p id="gz-vote-receipt-title">${ballots.length > 1 && ballot ? `${householdLabel(ballot)} · ` : ''}${tr.receiptTitle(receipt.changed)}</p>
      <p class="actions">
        <code part="receipt-code">${receipt.code}</code>
        <button part="button copy-button" class="secondary" type="button" @click=${() => this.#copy()}>${tr.copy}</button>
        <span class="muted" role="status">${this.copyNote}</span>
      </p>
      <p class="muted">${tr.receiptHint}</p>
    </div>`;
  }

  #renderResult(matter: PanelProposal, tr: VotingTranslation, phase: Phase) {
    if (phase !== 'decided' || !matter.outcome) return nothing;
    return html`<section part="result" aria-labelledby="gz-vote-result-heading">
      <h3 id="gz-vote-result-heading">${tr.result}</h3>
      <p part="outcome" class=${matter.outcome.toLowerCase()}>
        <strong>${tr.outcomes[matter.outcome]}</strong>
        ${matter.decidedAt ? html`<span class="muted">${tr.decidedAt}${this.#time(matter.decidedAt)}</span>` : nothing}
      </p>
      ${matter.implementationReport ? html`<p><strong>${tr.implementation}</strong>${matter.implementationReport}</p>` : nothing}
    </section>`;
  }

  #renderVerify(matter: PanelProposal, tr: VotingTranslation, phase: Phase) {
    if (phase !== 'decided') return nothing;
    const check = this.check;
    const found = check
      ? check.counted
        ? tr.counted(check.position ?? 0, check.choice ? tr.choices[check.choice] : '')
        : tr.notCounted
      : this.checkNote;
    return html`<section part="verify" aria-labelledby="gz-vote-verify-heading">
      <h3 id="gz-vote-verify-heading">${tr.check}</h3>
      <dl>
        <dt>${tr.ballotCount}</dt>
        <dd>${matter.ballotCount ?? 0}</dd>
        <dt>${tr.digest}</dt>
        <dd><code part="digest" class="digest">${matter.ballotDigest ?? ''}</code></dd>
      </dl>
      <p class="muted">${tr.digestHint}</p>
      <form part="check-form" aria-labelledby="gz-vote-verify-heading" @submit=${(event: Event) => this.#checkReceipt(event)}>
        <div class="field">
          <label for="gz-vote-receipt">${tr.receipt}</label>
          <input id="gz-vote-receipt" type="text" autocomplete="off" spellcheck="false" aria-describedby="gz-vote-receipt-format"
            .value=${this.receiptInput} @input=${(event: Event) => {
              this.receiptInput = (event.target as HTMLInputElement).value;
            }} />
          <span id="gz-vote-receipt-format" class="muted">${tr.receiptFormat}</span>
        </div>
        <button part="button check-button" type="submit" ?disabled=${this.checkNote === tr.checking}>${tr.checkButton}</button>
      </form>
      <p part="check-result" class=${check ? (check.counted ? 'yes' : 'no') : ''} role="status">${found}</p>
    </section>`;
  }
}
