import {shellWord} from '../text/shell-word.js';

/**
 * The options a suggested `wazo-tui trust` command must repeat so that it pins where the failed
 * command looks: only an explicit `--config-dir` (the environment variables apply by themselves).
 */
export function trustOptionsFor(configDirFlag: string | undefined): string {
  return configDirFlag ? ` --config-dir ${shellWord(configDirFlag)}` : '';
}
