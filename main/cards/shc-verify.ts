// Reading our SMART Health Card offline: shc:/ digits → compact JWS (ES256,
// zip DEF, kid = JWK thumbprint) → verified against trusted issuer keys →
// inflated payload → the FHIR Bundle's Patient.
// https://spec.smarthealth.cards/#health-cards-are-encoded-as-compact-serialization-json-web-signatures-jws
// Tampered (a trusted key, a signature that does not match; or a trusted
// issuer's name with a key it never had) and expired cards are refused;
// an issuer we do not know is read but shown as unverified.
import { inflateRawSync } from 'node:zlib';
import { base64url, compactVerify, decodeProtectedHeader, importJWK, type CryptoKey } from 'jose';
import type { CardVerification, ParsedCard } from '../../preload/contract/methods/card-schemas';
import { reject } from './card-error';
import { cardFromPayload } from './shc-bundle';
import { decodeShcNumeric } from './shc-numeric';
import type { VerifyKey } from './issuer-store';

/** A card's payload inflates to a few hundred bytes; more is a zip bomb. */
const MAX_INFLATED = 32 * 1024;
/** Clocks at counters drift: a card issued at the counter next door must read at once. */
const CLOCK_SKEW_SECONDS = 300;

export interface ShcTrust {
  findKey(kid: string): VerifyKey | null;
  /** Keys whose JWK thumbprint starts with these bytes (the compact card carries only the first few). */
  findKeysByShortKid(shortKid: Uint8Array): VerifyKey[];
  isKnownIssuer(iss: string): boolean;
  now(): Date;
}

/** Imported keys by kid and point: importing costs more than verifying. */
const imported = new Map<string, Promise<CryptoKey | Uint8Array>>();
export function verifyKeyOf(key: VerifyKey): Promise<CryptoKey | Uint8Array> {
  const cacheKey = `${key.kid}:${key.jwk.x}:${key.jwk.y}`;
  const cached = imported.get(cacheKey);
  if (cached) return cached;
  const fresh = importJWK({ ...key.jwk }, 'ES256');
  imported.set(cacheKey, fresh);
  return fresh;
}

function inflate(bytes: Uint8Array): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(inflateRawSync(bytes, { maxOutputLength: MAX_INFLATED }).toString('utf8'));
  } catch {
    throw reject('malformed', 'This health card’s contents cannot be read (not compressed card data).');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw reject('malformed', 'This health card’s contents are not a card.');
  return json as Record<string, unknown>;
}

function header(jws: string): { kid: string } {
  let h: ReturnType<typeof decodeProtectedHeader>;
  try {
    h = decodeProtectedHeader(jws);
  } catch {
    throw reject('malformed', 'This health card’s signature header cannot be read.');
  }
  if (h.alg !== 'ES256' || h.zip !== 'DEF' || typeof h.kid !== 'string' || h.kid.length === 0 || h.kid.length > 100) {
    throw reject('malformed', 'This health card is not signed the way SMART Health Cards are (ES256, zip DEF, kid).');
  }
  return { kid: h.kid };
}

export function checkTimes(payload: Record<string, unknown>, now: Date): void {
  const seconds = now.getTime() / 1000;
  const { nbf, exp } = payload;
  if (typeof nbf === 'number' && nbf > seconds + CLOCK_SKEW_SECONDS) {
    throw reject('not_yet_valid', 'This health card is dated in the future; check this counter’s clock.');
  }
  if (typeof exp === 'number' && exp < seconds)
    throw reject('expired', 'This health card has expired. Ask the patient for a new card.');
}

export async function readShc(text: string, trust: ShcTrust): Promise<{ card: ParsedCard; verification: CardVerification }> {
  const jws = decodeShcNumeric(text);
  const { kid } = header(jws);
  const key = trust.findKey(kid);
  let payload: Record<string, unknown>;
  if (key) {
    let signed: Uint8Array;
    try {
      signed = (await compactVerify(jws, await verifyKeyOf(key), { algorithms: ['ES256'] })).payload;
    } catch {
      throw reject(
        'bad_signature',
        'This health card has been altered: its signature does not match. Do not accept it; search the patient by name or UHID.',
      );
    }
    payload = inflate(signed);
    if (payload['iss'] !== key.iss) {
      throw reject('bad_signature', 'This health card names another issuer than the key that signed it. Do not accept it.');
    }
  } else {
    let bytes: Uint8Array;
    try {
      bytes = base64url.decode(jws.split('.')[1]!);
    } catch {
      throw reject('malformed', 'This health card’s contents cannot be read.');
    }
    payload = inflate(bytes);
    if (typeof payload['iss'] === 'string' && trust.isKnownIssuer(payload['iss'])) {
      // Our own (or a trusted) issuer's name with a key it never had: forged.
      throw reject(
        'bad_signature',
        'This health card claims a trusted issuer but was signed with a key that issuer does not have. Do not accept it.',
      );
    }
  }
  checkTimes(payload, trust.now());
  const card = cardFromPayload(payload);
  const iss = typeof payload['iss'] === 'string' ? payload['iss'].slice(0, 300) : null;
  const verification: CardVerification = key
    ? { state: 'verified', issuer: key.iss, issuerName: key.name, kid }
    : { state: 'unverified', issuer: iss, issuerName: null, kid };
  return { card, verification };
}
