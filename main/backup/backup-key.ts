// The backup key: 32 random bytes kept in the shell's secret store
// (Electron: safeStorage, the OS keystore), and the administrator's recovery
// code, from which a key-encryption key is derived (scrypt) to wrap the
// backup key. The wrapped key travels in every backup's header, so on a new
// machine (or after the OS keystore is lost with the old disk) the printed
// code alone opens a backup. The code itself is shown once and never stored.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, scryptSync } from 'node:crypto';
import type { SecretStore } from '../config/secret-store';

export const BACKUP_SECRET = 'backup-key';
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** N = 2^15, r = 8: 32 MiB and about 0.1 s per try, as RFC 7914 and OWASP suggest for interactive use. */
const SCRYPT = { N: 32_768, r: 8, p: 1 } as const;

export interface WrappedKey {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  wrapped: string;
  tag: string;
}

export class BackupKeyError extends Error {
  constructor(
    readonly reason: 'wrong_key' | 'wrong_code' | 'no_key',
    message: string,
  ) {
    super(message);
    this.name = 'BackupKeyError';
  }
}

/** A short fingerprint of a key, written in each backup, to tell at once whether a key fits. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('hims-counter backup key id\n').update(key).digest('hex').slice(0, 16);
}

export function readBackupKey(secrets: SecretStore): Buffer | null {
  const stored = secrets.read(BACKUP_SECRET);
  if (!stored) return null;
  const key = Buffer.from(stored, 'base64');
  return key.length === 32 ? key : null;
}

/** The key in the store, made on first use. */
export function ensureBackupKey(secrets: SecretStore): Buffer {
  const existing = readBackupKey(secrets);
  if (existing) return existing;
  const key = randomBytes(32);
  secrets.write(BACKUP_SECRET, key.toString('base64'));
  return key;
}

/** 24 characters (about 119 bits), shown as six groups of four. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

function kek(code: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(normalizeRecoveryCode(code), salt, 32, { ...params, maxmem: 64 * 1024 * 1024 });
}

export function wrapKey(key: Buffer, code: string): WrappedKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek(code, salt, SCRYPT), iv);
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    wrapped: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function unwrapKey(w: WrappedKey, code: string): Buffer {
  // Bounds on what a header may ask of scrypt: a crafted file must not make restore eat the machine.
  if (w.kdf !== 'scrypt' || w.N > 1 << 20 || w.r > 16 || w.p > 4)
    throw new BackupKeyError('wrong_code', 'unsupported key wrapping');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek(code, Buffer.from(w.salt, 'base64'), w), Buffer.from(w.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(w.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw new BackupKeyError('wrong_code', 'The recovery code does not open this backup. Check it against the printed sheet.');
  }
}
