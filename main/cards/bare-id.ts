// Bare identifiers printed as a QR or a barcode, or typed: the hospital UHID
// (checked by its Verhoeff digit), a 14-digit ABHA number (hyphens or not),
// an ABHA address (name@abdm, name@sbx).
import type { CardVerification, ParsedCard } from '../../preload/contract/methods/card-schemas';
import { formatUhid, normalizeUhid } from '../patients/uhid';
import { emptyCard, validAbhaAddress, validAbhaNumber } from './card-fields';

const UNSIGNED: CardVerification = { state: 'unsigned', issuer: null, issuerName: null, kid: null };

export function parseBareId(text: string): { card: ParsedCard; verification: CardVerification } | null {
  if (text.length > 80) return null;
  if (text.includes('@')) {
    const address = validAbhaAddress(text);
    if (!address) return null;
    return { card: { ...emptyCard('abha_address'), abhaAddress: address }, verification: UNSIGNED };
  }
  if (/^[\d\s-]+$/.test(text) && text.replace(/\D/g, '').length === 14) {
    const number = validAbhaNumber(text);
    if (number) return { card: { ...emptyCard('abha_number'), abhaNumber: number }, verification: UNSIGNED };
  }
  const uhid = normalizeUhid(text);
  if (uhid) return { card: { ...emptyCard('uhid'), uhid: formatUhid(uhid) }, verification: UNSIGNED };
  return null;
}
