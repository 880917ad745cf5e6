/** What a process's resident set is made of, from /proc: its own memory, and pages of files it maps. */
import {readFileSync} from 'node:fs';

export interface ResidentParts {
  /** Anonymous pages: the JS heap, malloc, WebAssembly memory, stacks. */
  anonMB: number;
  /** Pages of mapped files, mostly the Node binary's own code and data (shared, clean). */
  fileMB: number;
}

/** `RssAnon` and `RssFile` of `pid`, or undefined when it is gone. */
export function residentParts(pid: number): ResidentParts | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const anon = kB('RssAnon');
    const file = kB('RssFile');
    return Number.isNaN(anon) || Number.isNaN(file) ? undefined : {anonMB: anon / 1024, fileMB: file / 1024};
  } catch {
    return undefined;
  }
}
