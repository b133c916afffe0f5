// The card's front QR in a compact signed form that a keyboard-wedge scanner
// types in under a second: a CBOR Web Token (RFC 8392) in a COSE_Sign1 signed
// ES256 with the same issuer key as the SMART Health Card, base45-encoded
// behind the prefix HHC1: — the layout of the EU Digital COVID Certificate
// (HC1:), with a prefix of our own so neither is taken for the other.
// docs/cards.md "Compact card".
import { decode, encode } from 'cbor2';
import { base64url, type CryptoKey } from 'jose';
import { COMPACT_CARD_PREFIX, type CardVerification, type ParsedCard } from '../../preload/contract/methods/card-schemas';
import { formatUhid, normalizeUhid } from '../patients/uhid';
import { decodeBase45, encodeBase45 } from './base45';
import { reject } from './card-error';
import { emptyCard, parseDob, parseGender } from './card-fields';
import { coseSignatureValid, parseCoseSign1, signCoseSign1, signedLength, type CoseSign1 } from './cose-sign1';
import type { CardHolder } from './shc-bundle';
import { checkTimes, verifyKeyOf, type ShcTrust } from './shc-verify';
import type { VerifyKey } from './issuer-store';

/**
 * At most 190 characters: 0.76 s through a wedge scanner at 4 ms a key, which
 * leaves the counter a quarter of a second to open the patient inside the second.
 */
export const MAX_COMPACT_CHARS = 190;
/**
 * The key id on the card: the first 4 bytes of the key's JWK thumbprint. Enough
 * to pick among a hospital's few dozen trusted keys (a clash costs one more
 * signature check, never trust); the full 32 would cost 42 scanned keys.
 */
const SHORT_KID_BYTES = 4;

// CWT claim keys (RFC 8392 §4): the subject is the UHID. No issue time (nbf,
// 9 scanned keys): the issuing counter finds the card, and when it was issued,
// by its text; the SMART Health Card on the back carries it for everyone else.
const SUB = 2;
const EXP = 4;
/** Our one private claim: [name, sex, birth date], what the clerk recognises the holder by. */
const HOLDER = 'p';

export type CompactHolder = Pick<CardHolder, 'uhid' | 'name' | 'gender' | 'dateOfBirth'>;

export interface CompactSigner {
  kid: string;
  key: CryptoKey;
}

export function shortKid(kid: string): Uint8Array {
  return base64url.decode(kid).slice(0, SHORT_KID_BYTES);
}

const base45Length = (bytes: number) => Math.floor(bytes / 2) * 3 + (bytes % 2) * 2;
const SEX = { male: 'm', female: 'f', other: 'o' } as const;

/** 1984-03-05 → 19840305; a year alone (an age given at registration) stays a year. */
const dobNumber = (dob: string) => Number(dob.replace(/-/g, ''));

function claims(holder: CompactHolder, name: string, expiresAt?: Date): Uint8Array {
  const map = new Map<number | string, unknown>([[SUB, holder.uhid]]);
  if (expiresAt) map.set(EXP, Math.floor(expiresAt.getTime() / 1000));
  map.set(HOLDER, [name, SEX[holder.gender], dobNumber(holder.dateOfBirth)]);
  return encode(map);
}

/**
 * The QR text. A name too long for the budget is cut, a whole letter (grapheme)
 * at a time: the full name is printed beside the QR and kept in the record.
 */
export async function signCompactCard(holder: CompactHolder, signer: CompactSigner, expiresAt?: Date): Promise<string> {
  const kid = shortKid(signer.kid);
  const letters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(holder.name)].map((s) => s.segment);
  let payload = claims(holder, holder.name, expiresAt);
  for (let kept = letters.length; kept > 0; kept--) {
    payload = claims(holder, letters.slice(0, kept).join('').trim(), expiresAt);
    if (COMPACT_CARD_PREFIX.length + base45Length(signedLength(payload, kid)) <= MAX_COMPACT_CHARS) break;
  }
  return COMPACT_CARD_PREFIX + encodeBase45(await signCoseSign1(payload, kid, signer.key));
}

export function claimsCompactCard(text: string): boolean {
  return text.slice(0, COMPACT_CARD_PREFIX.length).toUpperCase() === COMPACT_CARD_PREFIX;
}

const malformed = () =>
  reject('malformed', 'This hospital card QR is damaged or cut short (not a signed compact card). Scan it again.');

/** The key among those with the card's key id whose signature it carries, if any. */
async function signedBy(message: CoseSign1, keys: VerifyKey[]): Promise<VerifyKey | null> {
  for (const key of keys) {
    const imported = await verifyKeyOf(key);
    if (!(imported instanceof Uint8Array) && (await coseSignatureValid(message, imported))) return key;
  }
  return null;
}

function holderCard(payload: Uint8Array): { card: ParsedCard; times: { exp?: number } } {
  let map: unknown;
  try {
    map = decode(payload, { preferMap: true });
  } catch {
    throw malformed();
  }
  if (!(map instanceof Map)) throw malformed();
  const uhid: unknown = map.get(SUB);
  const exp: unknown = map.get(EXP);
  const holder: unknown = map.get(HOLDER);
  const compact = typeof uhid === 'string' ? normalizeUhid(uhid) : null;
  if (!compact || (exp !== undefined && typeof exp !== 'number') || !Array.isArray(holder)) throw malformed();
  const [name, sex, dob] = holder as unknown[];
  const card = emptyCard('hospital_card');
  card.uhid = formatUhid(compact);
  card.name = typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 100) : null;
  card.gender = parseGender(sex);
  const digits = typeof dob === 'number' && Number.isInteger(dob) ? String(dob) : '';
  card.dateOfBirthAsPrinted =
    digits.length === 8 ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}` : digits.length === 4 ? digits : null;
  Object.assign(card, parseDob(card.dateOfBirthAsPrinted));
  return { card, times: typeof exp === 'number' ? { exp } : {} };
}

export interface CompactReading {
  card: ParsedCard;
  verification: CardVerification;
  /** The card's text as issued (upper case), by which the issuing counter finds its record. */
  issuedText: string;
}

/**
 * Reads and verifies a compact card offline. It always claims to be one of
 * ours or a trusted hospital's, so a key we do not hold is a forgery, refused
 * like a SMART Health Card that names a trusted issuer with a key it never had.
 */
export async function readCompactCard(text: string, trust: ShcTrust): Promise<CompactReading> {
  // Base45 has no small letters: a scanner typing with Caps Lock on still reads.
  const issuedText = COMPACT_CARD_PREFIX + text.slice(COMPACT_CARD_PREFIX.length).toUpperCase();
  const bytes = decodeBase45(issuedText.slice(COMPACT_CARD_PREFIX.length));
  const message = bytes && parseCoseSign1(bytes);
  if (!message) throw malformed();
  const keys = trust.findKeysByShortKid(message.kid);
  if (keys.length === 0) {
    throw reject('bad_signature', 'This hospital card was signed with a key no trusted issuer has. Do not accept it.');
  }
  const key = await signedBy(message, keys);
  if (!key) {
    throw reject(
      'bad_signature',
      'This hospital card has been altered: its signature does not match. Do not accept it; search the patient by name or UHID.',
    );
  }
  const { card, times } = holderCard(message.payload);
  checkTimes(times, trust.now());
  return { card, verification: { state: 'verified', issuer: key.iss, issuerName: key.name, kid: key.kid }, issuedText };
}
