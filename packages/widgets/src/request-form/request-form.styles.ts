import { css } from 'lit';

export const requestFormStyles = css`
  :host {
    display: block;
    --_map-height: var(--gz-map-height, 260px);
    --_map-background: var(--gz-map-background, #eef1f4);
  }
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  form,
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .field {
    gap: 0.25rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
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
  .check {
    font-weight: normal;
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [part='map'] {
    height: var(--_map-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_map-background);
  }
  .leaflet-container {
    font: inherit;
    background: var(--_map-background);
  }
  [part~='button'] {
    align-self: flex-start;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .problem {
    color: var(--_danger);
  }
  .problem:empty {
    display: none;
  }
  [part='code'] {
    font-size: 1.5rem;
    font-weight: 700;
    letter-spacing: 0.05em;
    color: var(--_primary);
  }
`;
