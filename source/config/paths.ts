import {homedir} from 'node:os';
import {join} from 'node:path';

/** The keymap file's name in the config directory (here, so checking for it loads no parser). */
export const keymapFileName = 'keymap.yaml';

/**
 * The config directory, by precedence: `--config-dir`, `$WAZO_TUI_CONFIG_DIR`,
 * `$XDG_CONFIG_HOME/wazo-tui`, `~/.config/wazo-tui`.
 */
export function resolveConfigDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.WAZO_TUI_CONFIG_DIR) return env.WAZO_TUI_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'wazo-tui');
}
