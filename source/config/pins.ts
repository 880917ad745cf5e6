/**
 * The pinned certificates, like ssh's known_hosts: `pins.json` in the config directory (0600, the
 * directory 0700), keyed by the contacted `host:port`. A damaged file is never moved, rewritten
 * or worked around: losing a pin would turn a changed certificate into a first contact, so the
 * error names the file and the problem, and nothing connects until it is fixed. Every change
 * re-reads the file under a lock (locked-file.ts), so two running instances keep each other's pins.
 */
import {join} from 'node:path';
import {z} from 'zod';
import {fingerprintOf} from '../api/tls/fingerprint.js';
import type {Pin} from '../api/tls/types.js';
import {ConfigFileError} from './errors.js';
import {readIfExists, updateLocked} from './locked-file.js';
import {ensurePrivateDir, ensurePrivateFile} from './secure-dir.js';

const pinSchema = z.object({
  hostPort: z.string().min(1),
  pem: z.string().min(1),
  fingerprint256: z.string().regex(/^([\dA-F]{2}:){31}[\dA-F]{2}$/),
  trustedAt: z.string(),
});
const pinFileSchema = z.object({pins: z.record(z.string(), pinSchema)});

/** The pin store file cannot be read or makes no sense; nothing was written to it. */
export class PinStoreError extends ConfigFileError {
  override name = 'PinStoreError';
  readonly file: string;

  constructor(file: string, reason: string, options?: {cause?: unknown}) {
    super(
      `The pin store ${file} is damaged (${reason}). Nothing was changed and nothing connects until it is fixed: ` +
        `repair it, or move it away (mv ${file} ${file}.bad) and trust your servers again.`,
      options,
    );
    this.file = file;
  }
}

/** Pinned certificates by `host:port`. */
export class PinStore {
  /** The path of `pins.json`. */
  readonly file: string;

  /** Opens and checks the store; a damaged file throws {@link PinStoreError}. */
  constructor(configDir: string) {
    ensurePrivateDir(configDir);
    this.file = join(configDir, 'pins.json');
    ensurePrivateFile(this.file);
    this.#read();
  }

  /** The pin for `host:port`, if any, as the file holds it now (another instance may have added it). */
  get(hostPort: string): Pin | undefined {
    return this.#read()[hostPort];
  }

  /** Every pin, sorted by `host:port`. */
  list(): Pin[] {
    return Object.values(this.#read()).sort((a, b) => a.hostPort.localeCompare(b.hostPort));
  }

  /** Add or replace the pin of `pin.hostPort`; the fingerprint must be the PEM's. */
  set(pin: Pin): void {
    const parsed = pinSchema.parse(pin);
    if (fingerprintOf(parsed.pem) !== parsed.fingerprint256) {
      throw new Error(`Refusing to pin ${pin.hostPort}: the fingerprint does not belong to the certificate`);
    }
    this.#update((pins) => {
      pins[parsed.hostPort] = parsed;
      return true;
    });
  }

  /** Forget the pin of `host:port`; false when there was none. */
  remove(hostPort: string): boolean {
    let removed = false;
    this.#update((pins) => {
      removed = Object.hasOwn(pins, hostPort);
      delete pins[hostPort];
      return removed;
    });
    return removed;
  }

  /** Apply `change` to the pins on disk now, under the lock; it returns whether to write. */
  #update(change: (pins: Record<string, Pin>) => boolean): void {
    updateLocked(this.file, (text) => {
      const pins = this.#parse(text);
      return change(pins) ? `${JSON.stringify({pins}, null, '\t')}\n` : undefined;
    });
  }

  #read(): Record<string, Pin> {
    return this.#parse(readIfExists(this.file));
  }

  #parse(text: string | undefined): Record<string, Pin> {
    if (text === undefined || text.trim() === '') return {};
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new PinStoreError(this.file, 'not valid JSON', {cause: error});
    }
    const parsed = pinFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PinStoreError(this.file, `unexpected content at ${issue?.path.join('.') || 'the top'}`);
    }
    const pins = parsed.data.pins;
    for (const [key, pin] of Object.entries(pins)) {
      if (key !== pin.hostPort) throw new PinStoreError(this.file, `the entry ${key} names ${pin.hostPort}`);
      let actual: string;
      try {
        actual = fingerprintOf(pin.pem);
      } catch (error) {
        throw new PinStoreError(this.file, `the certificate of ${key} cannot be read`, {cause: error});
      }
      if (actual !== pin.fingerprint256) throw new PinStoreError(this.file, `the fingerprint of ${key} does not match its certificate`);
    }
    return pins;
  }
}
