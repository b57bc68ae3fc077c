import { css } from 'lit';

/**
 * The buttons of the components with forms (wish board, voting panel, request form and tracker):
 * primary by default, `.secondary` for the quieter choice. Placed before a component's own
 * styles; a module of its own, so the map's bundle does not carry it.
 */
export const buttonStyles = css`
  [part~='button'] {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  [part~='button'].secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  [part~='button']:disabled {
    opacity: 0.6;
    cursor: default;
  }
`;
