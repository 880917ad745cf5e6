/** node:util parseArgs with usage errors, and whole-number flags: shared by every command's grammar. */
import {parseArgs, type ParseArgsOptionsConfig} from 'node:util';
import {UsageError} from '../api/errors.js';

export function integer(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return Number(value);
}

export function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({args, options, allowPositionals: true, strict: true} as const);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

