// ABHA card QR: unsigned JSON printed on the card the ABHA app and the
// ABDM portal generate. Card versions spell keys differently (docs/design.md §4):
// hidn = ABHA number; hid or phr = ABHA address; district_name or "dist name";
// state_name or "state name". dob is kept as printed.
import type { CardVerification, ParsedCard } from '../../preload/contract/methods/card-schemas';
import { reject } from './card-error';
import {
  cleanText,
  emptyCard,
  parseDob,
  parseGender,
  validAbhaAddress,
  validAbhaNumber,
  validPhone,
  validPincode,
} from './card-fields';

const UNSIGNED: CardVerification = { state: 'unsigned', issuer: null, issuerName: null, kid: null };

function pick(obj: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) if (Object.hasOwn(obj, key) && obj[key] !== null && obj[key] !== '') return obj[key];
  return undefined;
}

export function looksLikeAbhaCard(text: string): boolean {
  return text.startsWith('{');
}

export function parseAbhaCard(text: string): { card: ParsedCard; verification: CardVerification } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw reject(
      'malformed',
      'This looks like an ABHA card QR but it is not valid JSON. Scan it again, or type the ABHA number.',
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw reject('unrecognized', 'This QR holds data that is not a health card.');
  }
  const obj = json as Record<string, unknown>;
  const rawNumber = pick(obj, 'hidn', 'healthIdNumber', 'abhaNumber');
  const rawAddress = pick(obj, 'phr', 'hid', 'healthId', 'abhaAddress');
  if (rawNumber === undefined && rawAddress === undefined) {
    throw reject('unrecognized', 'This QR holds JSON but no ABHA number or address, so it is not an ABHA card.');
  }
  const card = emptyCard('abha_card');
  card.abhaNumber = validAbhaNumber(rawNumber);
  // Early cards put the 14-digit number in "hid"; later ones the address.
  const addressAsNumber = validAbhaNumber(rawAddress);
  if (addressAsNumber && !card.abhaNumber) card.abhaNumber = addressAsNumber;
  else card.abhaAddress = validAbhaAddress(rawAddress);
  if (!card.abhaNumber && !card.abhaAddress) {
    throw reject('malformed', 'This ABHA card QR has an ABHA number or address that is not valid.');
  }
  card.name = cleanText(pick(obj, 'name', 'fullName'), 100);
  card.gender = parseGender(pick(obj, 'gender'));
  card.dateOfBirthAsPrinted = cleanText(pick(obj, 'dob', 'dateOfBirth', 'yob'), 20);
  Object.assign(card, parseDob(card.dateOfBirthAsPrinted));
  card.phone = validPhone(pick(obj, 'mobile', 'phone'));
  card.address = {
    line: cleanText(pick(obj, 'address'), 200),
    district: cleanText(pick(obj, 'district_name', 'dist name', 'districtName'), 60),
    state: cleanText(pick(obj, 'state_name', 'state name', 'stateName'), 60),
    pincode: validPincode(pick(obj, 'pincode', 'pin')),
  };
  return { card, verification: UNSIGNED };
}
