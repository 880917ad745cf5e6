/**
 * The smallest terminal the full-screen UI draws itself in; below it the app shows `TooSmall`.
 *
 * 60 columns: half of a common 120-column window split side by side in tmux; the selection gutter
 * plus three useful columns (name, extension, context) and the footer's first hints
 * (`? help  ↑↓ move  PgUp/PgDn page  Enter open`) still fit.
 * 12 rows: header (2, with the full-access warning), table header (1), footer (1) and status
 * line (1) leave 7 body rows, enough to page meaningfully. The certificate screens want about 16
 * rows; below that they clip their explanations and keep the fingerprint and the keys.
 */
export const MIN_WIDTH = 60;

/** See {@link MIN_WIDTH}. */
export const MIN_HEIGHT = 12;
