// The hospital network key (docs/peers.md): entered once on each counter by a
// supervisor, kept in the secret store. It never crosses the network; what
// does is HMAC-SHA256 proofs made with a key derived from it, so a machine
// without it can neither pair nor call, and learns nothing from trying.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretStore } from '../config/secret-store';

const SECRET = 'peer-network-key';

/** 5 groups of 5 from an alphabet without look-alikes (no 0/O, 1/I/L): about 120 bits, readable aloud. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateNetworkKey(): string {
  const bytes = randomBytes(25);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!);
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Spaces, dashes and case do not matter: the key is read from paper and typed again. */
export function normalizeNetworkKey(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export const MIN_KEY_CHARACTERS = 20;

export interface NetworkKey {
  /** HMAC-SHA256 over the parts, each length-prefixed so no two lists make the same bytes. */
  sign(...parts: string[]): string;
  verify(signature: string, ...parts: string[]): boolean;
  /** Not the key: a short check value two people can compare to see they typed the same key. */
  checkValue: string;
}

export function networkKeyFrom(typed: string): NetworkKey {
  const material = Buffer.from(normalizeNetworkKey(typed), 'utf8');
  const key = Buffer.from(hkdfSync('sha256', material, 'hims-counter', 'peer network v1', 32));
  const sign = (...parts: string[]) => {
    const mac = createHmac('sha256', key);
    for (const part of parts) {
      const bytes = Buffer.from(part, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      mac.update(length).update(bytes);
    }
    return mac.digest('base64');
  };
  return {
    sign,
    verify(signature, ...parts) {
      const expected = Buffer.from(sign(...parts), 'base64');
      const given = Buffer.from(signature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    checkValue: createHash('sha256').update(key).update('check').digest('hex').slice(0, 6).toUpperCase(),
  };
}

export function readNetworkKey(secrets: SecretStore): NetworkKey | null {
  const typed = secrets.read(SECRET);
  return typed ? networkKeyFrom(typed) : null;
}

export function saveNetworkKey(secrets: SecretStore, typed: string): NetworkKey {
  const normalized = normalizeNetworkKey(typed);
  secrets.write(SECRET, normalized);
  return networkKeyFrom(normalized);
}
