// How the bundle's plugins patch a dependency's source: by exact strings, failing the build when
// one is no longer there, so that an update of the dependency cannot silently undo a patch.
import {readFile} from 'node:fs/promises';

/** The text of `path`. */
export function read(path) {
  return readFile(path, 'utf8');
}

/** `source` with each `[from, to]` replaced once, and `helpers` appended. */
export function patch(path, source, replacements, helpers = '') {
  let patched = source;
  for (const [from, to] of replacements) {
    if (!patched.includes(from)) throw new Error(`patch: ${path} no longer contains ${JSON.stringify(from.trim())}`);
    patched = patched.replace(from, to);
  }
  return patched + helpers;
}
