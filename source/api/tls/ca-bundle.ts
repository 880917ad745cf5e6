/**
 * The CA certificates trusted when no pin exists: Node's bundled roots, the OS bundle when present,
 * `NODE_EXTRA_CA_CERTS`, and the user's `--ca-file`s. Giving `ca` replaces all of Node's defaults,
 * so the list is rebuilt here in full (notes/tls.md, pitfall 1).
 */
import {X509Certificate} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {rootCertificates} from 'node:tls';
import {UsageError} from '../errors.js';

/** Where distributions keep their CA bundle; the first one that exists is read. */
const SYSTEM_BUNDLE_PATHS: readonly string[] = [
  '/etc/ssl/certs/ca-certificates.crt', // Debian, Ubuntu, Alpine, Arch
  '/etc/pki/tls/certs/ca-bundle.crt', // Fedora, RHEL
  '/etc/ssl/ca-bundle.pem', // openSUSE
  '/etc/pki/tls/cacert.pem', // OpenELEC
  '/etc/ssl/cert.pem', // macOS, Alpine, BSDs
];

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

let processDefault: readonly string[] | undefined;

/** The bundle for this process and these CA files; the part that never changes is read once. */
export function caBundleFor(caFiles: readonly string[] = []): string[] {
  processDefault ??= defaultCaBundle(process.env, SYSTEM_BUNDLE_PATHS);
  return caFiles.length === 0 ? [...processDefault] : dedupe([...processDefault, ...caFiles.flatMap(readCaFile)]);
}

/** Read the user's CA files as {@link caBundleFor} would, for their errors alone (a pinned server trusts its pin only). */
export function checkCaFiles(caFiles: readonly string[]): void {
  for (const file of caFiles) readCaFile(file);
}

/** What is trusted without a --ca-file: Node's roots, the first OS bundle found, `NODE_EXTRA_CA_CERTS`; one copy of each. */
export function defaultCaBundle(env: NodeJS.ProcessEnv, systemPaths: readonly string[]): string[] {
  const system = systemPaths.map(readQuietly).find((blocks) => blocks !== undefined) ?? [];
  // Node itself warns at start-up about an unreadable NODE_EXTRA_CA_CERTS and carries on: so do we.
  const extra = env.NODE_EXTRA_CA_CERTS ? (readQuietly(env.NODE_EXTRA_CA_CERTS) ?? []) : [];
  return dedupe([...rootCertificates, ...system, ...extra]);
}

/**
 * The certificates of a user-given CA file, PEM. Throws a UsageError naming the file when it
 * cannot be read, holds no certificate, or holds a broken one.
 */
function readCaFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : code;
    throw new UsageError(`Cannot read the CA file ${file}: ${why ?? 'unknown error'}`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new UsageError(`The CA file ${file} contains no certificate: it must hold PEM blocks (-----BEGIN CERTIFICATE-----)`);
  }
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch {
      throw new UsageError(`The CA file ${file} holds a damaged certificate (number ${index + 1})`);
    }
  });
  return blocks;
}

/** The parseable certificates of a file, or undefined when it cannot be read. */
function readQuietly(file: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return (text.match(PEM_BLOCK) ?? []).filter((block) => {
    try {
      new X509Certificate(block);
      return true;
    } catch {
      return false;
    }
  });
}

/** The same certificate often sits in Node's list and in the OS bundle; one copy is enough. */
function dedupe(blocks: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const block of blocks) {
    const key = block.replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(block);
  }
  return unique;
}
