// SMART Health Card QR numeric mode: "shc:/" then every character of the
// compact JWS as two digits (char code - 45), so the QR can use numeric
// encoding. https://spec.smarthealth.cards/#encoding-qrs
import { reject } from './card-error';

export const SHC_PREFIX = 'shc:/';
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function encodeShcNumeric(jws: string): string {
  let out = SHC_PREFIX;
  for (let i = 0; i < jws.length; i++) out += String(jws.charCodeAt(i) - 45).padStart(2, '0');
  return out;
}

export function decodeShcNumeric(text: string): string {
  const body = text.slice(SHC_PREFIX.length);
  if (/^\d+\/\d+\//.test(body)) {
    throw reject(
      'chunked',
      'This is one part of a multi-part health card, which this counter does not read. Ask for a single-QR card.',
    );
  }
  if (!/^\d+$/.test(body) || body.length % 2 !== 0) {
    throw reject('malformed', 'This health card QR is damaged (it must be pairs of digits after shc:/). Scan it again.');
  }
  let jws = '';
  for (let i = 0; i < body.length; i += 2) {
    const code = Number(body.slice(i, i + 2));
    if (code > 77) throw reject('malformed', 'This health card QR is damaged (a digit pair out of range). Scan it again.');
    jws += String.fromCharCode(code + 45);
  }
  if (!JWS.test(jws)) throw reject('malformed', 'This health card QR does not hold a signed card. Scan it again.');
  return jws;
}

/** QR segments for shc:/ text: the prefix in byte mode, the digits in numeric mode (about 40% smaller). */
export function shcQrSegments(qr: string): [{ mode: 'byte'; data: Buffer }, { mode: 'numeric'; data: string }] {
  return [
    { mode: 'byte', data: Buffer.from(qr.slice(0, SHC_PREFIX.length), 'latin1') },
    { mode: 'numeric', data: qr.slice(SHC_PREFIX.length) },
  ];
}
