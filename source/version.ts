declare const WAZO_TUI_VERSION: string | undefined;

/** The package version, injected by the bundler; `dev` when running from source. */
export const version: string = typeof WAZO_TUI_VERSION === 'string' ? WAZO_TUI_VERSION : 'dev';
