// COSE_Sign1 (RFC 9052 §4.2) with ES256, as far as our compact card needs it:
// a protected header of {alg: ES256, kid}, an empty unprotected header, the
// payload, and a 64-byte P-256 signature (r‖s) over the Sig_structure. Written
// from the RFC with cbor2 for the CBOR; the tag (18) is left out because the
// card's prefix already says what follows, and every byte is 1.5 scanned keys.
import { decode, encode } from 'cbor2';
import type { CryptoKey } from 'jose';

const ALG = 1;
const KID = 4;
const ES256 = -7;
const ECDSA_P256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** P-256 signature as r‖s, 32 bytes each. */
const SIGNATURE_BYTES = 64;
/** Every CBOR map as a Map, empty ones included (their keys are numbers). */
const AS_MAPS = { preferMap: true } as const;

export interface CoseSign1 {
  /** The protected header exactly as signed. */
  protectedBytes: Uint8Array;
  kid: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

function toBeSigned(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

function protectedHeader(kid: Uint8Array): Uint8Array {
  return encode(
    new Map<number, number | Uint8Array>([
      [ALG, ES256],
      [KID, kid],
    ]),
  );
}

/** The message's length in bytes once signed: a signature is always 64 bytes. */
export function signedLength(payload: Uint8Array, kid: Uint8Array): number {
  return encode([protectedHeader(kid), new Map(), payload, new Uint8Array(SIGNATURE_BYTES)]).length;
}

export async function signCoseSign1(payload: Uint8Array, kid: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const protectedBytes = protectedHeader(kid);
  const signature = new Uint8Array(await crypto.subtle.sign(ECDSA_P256, key, toBeSigned(protectedBytes, payload)));
  return encode([protectedBytes, new Map(), payload, signature]);
}

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/** The message's parts, or null when the bytes are not an ES256 COSE_Sign1 with a kid. */
export function parseCoseSign1(bytes: Uint8Array): CoseSign1 | null {
  let message: unknown;
  let header: unknown;
  try {
    message = decode(bytes, AS_MAPS);
    if (!Array.isArray(message) || message.length !== 4) return null;
    const [protectedBytes, unprotected, payload, signature] = message as unknown[];
    if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) return null;
    if (!(unprotected instanceof Map) || unprotected.size !== 0 || signature.length !== SIGNATURE_BYTES) return null;
    header = decode(protectedBytes, AS_MAPS);
    if (!(header instanceof Map) || header.size !== 2 || header.get(ALG) !== ES256) return null;
    const kid: unknown = header.get(KID);
    if (!isBytes(kid) || kid.length === 0 || kid.length > 32) return null;
    return { protectedBytes, kid, payload, signature };
  } catch {
    return null;
  }
}

export async function coseSignatureValid(message: CoseSign1, key: CryptoKey): Promise<boolean> {
  try {
    return await crypto.subtle.verify(ECDSA_P256, key, message.signature, toBeSigned(message.protectedBytes, message.payload));
  } catch {
    return false;
  }
}
