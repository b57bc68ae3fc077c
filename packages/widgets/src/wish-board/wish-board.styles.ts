import { css } from 'lit';

export const wishBoardStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    container-type: inline-size;
  }
  [part='header'],
  .bar,
  .actions,
  .foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0 0 0.25rem;
    font-size: 1.05rem;
  }
  [part='progress'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex: 1 1 12rem;
    font-weight: 600;
    color: var(--_primary);
  }
  progress {
    flex: 1 1 6rem;
    max-width: 16rem;
    accent-color: var(--_primary);
  }
  [part='status'] {
    color: var(--_muted);
    flex: 1 1 12rem;
  }
  .problem {
    color: var(--_danger);
  }
  [part='notice'] {
    margin: 0.25rem 0;
  }
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
  [part='list'] {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: 0.75rem;
  }
  [part~='card'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  [part~='card'].confirmed {
    border-color: var(--_primary);
  }
  .story {
    margin: 0;
    color: var(--_muted);
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  dl {
    margin: 0;
    font-size: 0.9rem;
  }
  dl div {
    display: flex;
    gap: 0.5rem;
  }
  dt {
    color: var(--_muted);
    min-width: 4.5em;
  }
  dd {
    margin: 0;
  }
  .foot {
    margin: 0.25rem 0 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part='state'] {
    font-size: 0.8rem;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    color: var(--_muted);
  }
  [part='state'].open {
    color: var(--_open);
  }
  [part='state'].confirmed {
    color: var(--_primary);
  }
  .confirm p {
    margin: 0.25rem 0;
  }
  [part='form'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: 0.5rem 1rem;
    margin: 0.75rem 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part='form'] h3,
  [part='form'] > p,
  [part='form'] .actions,
  .field:has(textarea) {
    grid-column: 1 / -1;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  fieldset {
    border: 0;
    margin: 0 0 0.5rem;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  .picker {
    grid-column: 1 / -1;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    align-self: flex-start;
    padding: 0.1rem 0.1rem 0.1rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0.25rem 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [role='option'] {
    padding: 0.25rem 0.5rem;
    cursor: pointer;
  }
  [role='option']:hover,
  [aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  [aria-selected='true'] .muted {
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [part='more-button'],
  [part~='more-button'] {
    display: block;
    margin: 0.5rem auto 0;
  }
`;
