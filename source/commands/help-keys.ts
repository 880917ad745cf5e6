/**
 * `wazo-tui --help-keys`: every action, its keys as the keymap file leaves them, and where it
 * works. The action names are the ones the keymap file takes; a broken keymap fails here as it
 * would at start-up, so this is also how to check one.
 */
import type {HelpKeysCommand} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {keyTable} from '../keys.js';
import {keymapPath, readKeymap} from '../keymap.js';

export function runHelpKeys(command: HelpKeysCommand): number {
  const configDir = resolveConfigDir(command.configDir);
  const table = readKeymap(configDir);
  const bindings = table ?? keyTable;
  const changed = table === undefined ? [] : table.filter((binding, i) => binding.keys.join() !== keyTable[i]?.keys.join());
  const rows = bindings.map((binding) => [
    binding.id,
    binding.keys.join(', '),
    binding.scopes.includes('global') ? 'everywhere' : binding.scopes.join(', '),
    `${binding.help}${changed.includes(binding) ? '  (keymap)' : ''}`,
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...[['ACTION', 'KEYS', 'WHERE'], ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  process.stdout.write([line(['ACTION', 'KEYS', 'WHERE', 'WHAT']), ...rows.map(line)].join('\n') + '\n');
  const file = keymapPath(configDir);
  process.stdout.write(
    table === undefined
      ? `\nThe default keys: no keymap file (${file}). Change an action's keys there, as: nav.down: [Down, j]\n`
      : `\nFrom ${file}: ${changed.length} action${changed.length === 1 ? '' : 's'} changed. Ctrl-c always quits.\n`,
  );
  return 0;
}
