/**
 * The pinned certificates, like ssh's known_hosts: `pins.json` in the config directory (0600, the
 * directory 0700). A damaged file is never overwritten: the error names it and says what to do.
 */
import {join} from 'node:path';
import type Conf from 'conf';
import {z} from 'zod';
import {fingerprintOf} from '../api/tls/fingerprint.js';
import type {Pin} from '../api/tls/types.js';
import {ConfigFileError} from './errors.js';
import {createPrivateDir} from './secure-dir.js';
import {openSettingsFile} from './settings-file.js';

const pinSchema = z.object({
  hostPort: z.string().min(1),
  pem: z.string().min(1),
  fingerprint256: z.string().regex(/^([\dA-F]{2}:){31}[\dA-F]{2}$/),
  trustedAt: z.string(),
});
const pinMapSchema = z.record(z.string(), pinSchema);

type PinFile = {pins: Record<string, Pin>};

/** The pin store file cannot be read or makes no sense; nothing was written to it. */
export class PinStoreError extends ConfigFileError {
  override name = 'PinStoreError';
  readonly file: string;

  constructor(file: string, reason: string, options?: {cause?: unknown}) {
    super(
      `The pin store ${file} is damaged (${reason}). Nothing was changed: move it away (mv ${file} ${file}.bad), then trust your servers again.`,
      options,
    );
    this.file = file;
  }
}

/** Pinned certificates by `host:port`. */
export class PinStore {
  /** The path of `pins.json`. */
  readonly file: string;
  readonly #store: Conf<PinFile>;

  constructor(configDir: string) {
    createPrivateDir(configDir);
    this.file = join(configDir, 'pins.json');
    try {
      this.#store = openSettingsFile<PinFile>(configDir, 'pins');
    } catch (error) {
      throw this.#damaged(error);
    }
    this.#read();
  }

  /** The pin for `host:port`, if any. */
  get(hostPort: string): Pin | undefined {
    return this.#read()[hostPort];
  }

  /** Add or replace the pin of `pin.hostPort`; the fingerprint must be the PEM's. */
  set(pin: Pin): void {
    const parsed = pinSchema.parse(pin);
    if (fingerprintOf(parsed.pem) !== parsed.fingerprint256) {
      throw new Error(`Refusing to pin ${pin.hostPort}: the fingerprint does not belong to the certificate`);
    }
    const pins = this.#read();
    pins[parsed.hostPort] = parsed;
    this.#store.set('pins', pins);
  }

  #read(): Record<string, Pin> {
    let raw: unknown;
    try {
      raw = this.#store.get('pins', {});
    } catch (error) {
      throw this.#damaged(error);
    }
    const parsed = pinMapSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PinStoreError(this.file, `unexpected content at ${issue?.path.join('.') || 'pins'}`);
    }
    for (const [key, pin] of Object.entries(parsed.data)) {
      if (key !== pin.hostPort) throw new PinStoreError(this.file, `the entry ${key} names ${pin.hostPort}`);
      let actual: string;
      try {
        actual = fingerprintOf(pin.pem);
      } catch (error) {
        throw new PinStoreError(this.file, `the certificate of ${key} cannot be read`, {cause: error});
      }
      if (actual !== pin.fingerprint256) throw new PinStoreError(this.file, `the fingerprint of ${key} does not match its certificate`);
    }
    return parsed.data;
  }

  #damaged(error: unknown): PinStoreError {
    const reason = error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : String(error);
    return new PinStoreError(this.file, reason, {cause: error});
  }
}
