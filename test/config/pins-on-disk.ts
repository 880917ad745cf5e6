/** What pins.json holds on disk, read without the store: what a test checks after a refusal. */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

/** The `host:port` keys of the pins in `configDir`, sorted; [] when there is no pins.json. */
export function pinnedHostPorts(configDir: string): string[] {
  const file = join(configDir, 'pins.json');
  if (!existsSync(file)) return [];
  const content = JSON.parse(readFileSync(file, 'utf8')) as {pins?: Record<string, unknown>};
  return Object.keys(content.pins ?? {}).sort();
}
