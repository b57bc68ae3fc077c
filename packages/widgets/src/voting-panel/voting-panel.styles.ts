import { css } from 'lit';

export const votingPanelStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1.05rem;
  }
  p {
    margin: 0.25rem 0;
  }
  [part='header'],
  .bar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  [part='stage'] {
    font-size: 0.8rem;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    color: var(--_muted);
  }
  [part='stage'].voting {
    color: var(--_open);
  }
  [part='status'] {
    color: var(--_muted);
    flex: 1 1 12rem;
  }
  /* Live regions stay in the page when empty, so that what comes into them is announced. */
  [part='status']:empty,
  [part='notice']:empty,
  [part='check-result']:empty {
    margin: 0;
  }
  .text {
    white-space: pre-line;
  }
  dl {
    margin: 0.5rem 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  a {
    color: var(--_primary);
  }
  .muted,
  .live {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .live {
    color: var(--_open);
  }
  .live.down,
  .problem {
    color: var(--_danger);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part='tally'] {
    display: grid;
    gap: 0.75rem;
  }
  [part='tally'] > .bar {
    align-items: baseline;
  }
  .measure {
    display: grid;
    gap: 0.2rem;
  }
  .measure-label {
    font-weight: 600;
  }
  [part~='meter'] {
    position: relative;
    height: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  .fill {
    position: absolute;
    inset: 0 auto 0 0;
    background: var(--_primary);
    transition: width 0.3s ease;
  }
  [part~='meter'].met .fill {
    background: var(--_open);
  }
  .mark {
    position: absolute;
    top: 0;
    bottom: 0;
    width: 0;
    border-left: 2px dashed var(--_text);
  }
  .measure-text {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .yes {
    color: var(--_open);
    font-weight: 600;
  }
  .no {
    color: var(--_muted);
    font-weight: 600;
  }
  [part='verdict'],
  [part='outcome'] {
    font-weight: 600;
  }
  [part='outcome'] strong {
    font-size: 1.25rem;
  }
  [part='outcome'].passed strong {
    color: var(--_open);
  }
  [part='outcome'].failed strong {
    color: var(--_danger);
  }
  fieldset {
    border: 0;
    margin: 0 0 0.5rem;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0 0.25rem;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  input[type='radio'] {
    accent-color: var(--_primary);
    width: 1.1rem;
    height: 1.1rem;
  }
  input[type='text'] {
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
    min-width: 14rem;
  }
  [part='receipt'],
  .confirm {
    margin: 0.5rem 0;
    padding: 0.75rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
  }
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }
  [part='receipt-code'] {
    font-size: 1.35rem;
    letter-spacing: 0.05em;
    font-weight: 700;
  }
  .digest {
    overflow-wrap: anywhere;
    font-size: 0.875rem;
  }
  [part='check-form'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
  }
`;
