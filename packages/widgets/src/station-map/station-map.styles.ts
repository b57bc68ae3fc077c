import { css } from 'lit';

export const stationMapStyles = css`
  :host {
    display: block;
    --_map-height: var(--gz-map-height, 460px);
    --_map-background: var(--gz-map-background, #eef1f4);
    --_outline: var(--gz-map-outline-color, var(--_primary));
  }
  [part='base'] {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
    grid-template-rows: auto auto;
    gap: 0.75rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    container-type: inline-size;
  }
  @container (max-width: 40rem) {
    [part='base'] {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part='toolbar'] {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  select,
  [part~='button'] {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  [part~='button'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  [part='status'] {
    color: var(--_muted);
    flex: 1 1 12rem;
  }
  [part='status'].problem {
    color: var(--_danger);
  }
  .map {
    height: var(--_map-height);
    min-height: 16rem;
    background: var(--_map-background);
    border-radius: var(--_radius);
    /* Leaflet's panes stack up to z-index 1000: keep them under the page's own menus. */
    isolation: isolate;
    z-index: 0;
  }
  .map:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    max-height: var(--_map-height);
    min-height: 0;
    overflow: auto;
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  [part~='list-item'] {
    width: 100%;
    text-align: start;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15rem 0.5rem;
    padding: 0.5rem 0.6rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
  }
  [part~='list-item']:hover {
    border-color: var(--_border);
  }
  [part~='list-item'][aria-current='true'] {
    border-color: var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .name {
    font-weight: 600;
  }
  .meta {
    grid-column: 1 / -1;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .badge {
    font-size: 0.8em;
    padding: 0 0.4rem;
    border-radius: 999px;
    align-self: start;
    white-space: nowrap;
    border: 1px solid currentColor;
  }
  .badge.open {
    color: var(--_open);
  }
  .badge.closed {
    color: var(--_closed);
  }
  [part='detail'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  [part='detail'] h3 {
    margin: 0 0 0.4rem;
    font-size: 1.05em;
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    justify-content: space-between;
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  dd ul {
    margin: 0;
    padding-inline-start: 1.1rem;
  }
  .detail-actions {
    margin-top: 0.5rem;
    display: flex;
    justify-content: flex-end;
  }
  [part~='more-button'] {
    align-self: center;
  }
  a {
    color: var(--_primary);
  }

  /* Markers live in Leaflet's panes, inside this shadow root: styled here. */
  .gz-marker,
  .gz-cluster {
    border-radius: 50%;
    display: grid;
    place-items: center;
    /* No box-shadow: hundreds of blurred shadows made every frame of a pan or zoom slow to paint. */
  }
  .gz-marker {
    background: var(--_primary);
    border: 3px solid var(--_surface);
  }
  .gz-marker.selected {
    background: var(--_on-primary);
    border: 5px solid var(--_primary);
  }
  .gz-cluster {
    background: color-mix(in srgb, var(--_primary) 85%, transparent);
    border: 3px solid color-mix(in srgb, var(--_surface) 80%, transparent);
    color: var(--_on-primary);
    font: 600 12px / 1 var(--_font);
  }
  .gz-marker:focus-visible,
  .gz-cluster:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .leaflet-container {
    font-family: var(--_font);
    background: var(--_map-background);
  }
`;
