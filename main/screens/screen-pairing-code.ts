// The code shown at the counter that pairs a room screen or hall board with
// it (docs/peers.md "Room screens and boards over TLS"). It is the counter's
// own TLS key, shortened: the first 60 bits of the SHA-256 of its
// SubjectPublicKeyInfo in base32, as XXXX-XXXX-XXXX. A screen that connects
// checks the key it is shown against the code typed from the counter's
// screen, then pins the whole key; a machine in the middle would need a key
// of its own matching 60 bits of a hash, which no one finds in a day. No
// secret is in the code: it names the counter's key, nothing more.
import { createHash, X509Certificate } from 'node:crypto';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: read off a screen and typed
const CODE_CHARACTERS = 12;

/** XXXX-XXXX-XXXX for the base64 SPKI pin (peer-tls.ts spkiPin). */
export function pairingCode(spkiPin: string): string {
  const bytes = Buffer.from(spkiPin, 'base64');
  let bits = '';
  for (const byte of bytes.subarray(0, 8)) bits += byte.toString(2).padStart(8, '0');
  let code = '';
  for (let i = 0; i < CODE_CHARACTERS; i++) code += BASE32[parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
  return code.match(/.{4}/g)!.join('-');
}

/** What a clerk types: any case, with or without dashes and spaces. */
export function normalizePairingCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '');
  return plain.length === CODE_CHARACTERS ? plain.match(/.{4}/g)!.join('-') : plain;
}

/** The SHA-256 fingerprint of the certificate as browsers show it (AB:CD:…), for installing it by hand. */
export function certificateFingerprint(certPem: string): string {
  const der = new X509Certificate(certPem).raw;
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/.{2}/g)!.join(':');
}
