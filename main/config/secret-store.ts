// Where secrets are kept: the card issuer's private key, HIMS credentials. The core must not import
// electron (docs/design.md §1), so the shell injects the store: Electron wraps
// safeStorage (the OS keystore: DPAPI, Keychain, libsecret) around files in
// the user-data folder; the browser shell uses the plain-file fallback below.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretStore {
  /** Shown in docs and logs: how well the secret is protected at rest. */
  readonly kind: 'os-keystore' | 'plain-file';
  read(name: string): string | null;
  write(name: string, value: string): void;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,100}$/i;

function secretPath(dir: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid secret name "${name}"`);
  return join(dir, `${name}.secret`);
}

/** Atomic write (temp + rename) so a power cut never leaves half a key. */
export function writeSecretFile(dir: string, name: string, bytes: Buffer): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = secretPath(dir, name);
  const temp = `${path}.tmp`;
  writeFileSync(temp, bytes, { mode: 0o600 });
  renameSync(temp, path);
  chmodSync(path, 0o600);
}

export function readSecretFile(dir: string, name: string): Buffer | null {
  const path = secretPath(dir, name);
  return existsSync(path) ? readFileSync(path) : null;
}

/**
 * Plain files readable only by the OS user (mode 0600) in <dataDir>/secrets.
 * Anyone who can read that user's files can sign cards: documented in
 * docs/cards.md; the Electron shell uses the OS keystore instead.
 */
export function plainFileSecretStore(dir: string): SecretStore {
  return {
    kind: 'plain-file',
    read: (name) => readSecretFile(dir, name)?.toString('utf8') ?? null,
    write: (name, value) => writeSecretFile(dir, name, Buffer.from(value, 'utf8')),
  };
}
