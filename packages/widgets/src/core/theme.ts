import { css } from 'lit';

/**
 * Design tokens. A portal sets `--gz-*` on the element or any ancestor (they inherit into the
 * shadow root); each widget reads them through these defaults, so nothing needs to be set.
 */
export const themeStyles = css`
  :host {
    --_primary: var(--gz-color-primary, #c8161d);
    --_on-primary: var(--gz-color-on-primary, #ffffff);
    --_text: var(--gz-color-text, #1f2329);
    --_muted: var(--gz-color-text-muted, #5c6370);
    --_surface: var(--gz-color-surface, #ffffff);
    --_border: var(--gz-color-border, #d9dce1);
    /* Dark enough for small text on a selected row (tinted with the primary colour): 4.5:1 and more. */
    --_open: var(--gz-color-open, #116329);
    --_closed: var(--gz-color-closed, #57606a);
    --_danger: var(--gz-color-danger, #b42318);
    --_focus: var(--gz-focus-ring, 3px solid #1a56db);
    --_radius: var(--gz-radius, 6px);
    --_font: var(--gz-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif);

    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
`;
