import { css } from 'lit';

export const requestTrackerStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  h2,
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
    margin-top: 0.75rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  input,
  textarea {
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .problem,
  .overdue {
    color: var(--_danger);
  }
  [part='status']:empty,
  [part='notice']:empty {
    display: none;
  }
  .live {
    font-size: 0.875rem;
    color: var(--_open);
  }
  .live.down {
    color: var(--_danger);
  }
  [part='code'] {
    letter-spacing: 0.05em;
  }
  [part='state'],
  [part='overdue'] {
    font-size: 0.85rem;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  [part='state'].resolved,
  [part='state'].rated,
  [part='state'].closed {
    color: var(--_open);
  }
  dl {
    margin: 0.5rem 0;
  }
  dl div {
    display: flex;
    gap: 0.5rem;
  }
  dt {
    color: var(--_muted);
    min-width: 6em;
  }
  dd {
    margin: 0;
  }
  ol {
    margin: 0;
    padding-left: 1.25rem;
  }
  [part~='step'] {
    padding: 0.2rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
  [part~='step'].rise {
    border-left: 3px solid var(--_primary);
    padding-left: 0.5rem;
  }
  .rise-mark {
    color: var(--_primary);
  }
  form,
  fieldset {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    margin: 0.5rem 0;
  }
  form.row,
  fieldset.stars {
    flex-direction: row;
    flex-wrap: wrap;
  }
  fieldset {
    border: 0;
    padding: 0;
  }
  legend,
  label {
    font-weight: 600;
  }
  .stars label {
    font-weight: normal;
  }
  [part='lookup'] input {
    text-transform: uppercase;
  }
  summary {
    cursor: pointer;
  }
`;
