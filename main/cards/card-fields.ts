// Helpers shared by the card parsers: an empty card, and turning printed
// values (dates, genders, phones) into what the registration form takes.
import type { ParsedCard } from '../../preload/contract/methods/card-schemas';
import type { CardKind } from '../../preload/contract/methods/card-schemas';
import { AbhaAddress, AbhaNumber, IndianMobile, IsoDate, Pincode } from '../../preload/contract/fields';

export function emptyCard(kind: CardKind): ParsedCard {
  return {
    kind,
    uhid: null,
    abhaNumber: null,
    abhaAddress: null,
    cardId: null,
    name: null,
    gender: null,
    dateOfBirthAsPrinted: null,
    dateOfBirth: null,
    yearOfBirth: null,
    phone: null,
    address: { line: null, district: null, state: null, pincode: null },
  };
}

/** Printable text kept as printed, whitespace collapsed, capped; control characters dropped. */
export function cleanText(value: unknown, max = 200): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value)
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text.slice(0, max);
}

/** M/F/O as ABHA prints it, male/female/other as FHIR writes it. */
export function parseGender(value: unknown): ParsedCard['gender'] {
  const g = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (g === 'm' || g === 'male') return 'male';
  if (g === 'f' || g === 'female') return 'female';
  if (g === 'o' || g === 'other' || g === 't' || g === 'transgender') return 'other';
  return null;
}

/**
 * A printed date of birth: DD-MM-YYYY or DD/MM/YYYY (ABHA), YYYY-MM-DD
 * (FHIR), or a year alone. The printed form is kept; ISO only when complete.
 */
export function parseDob(printed: string | null): { dateOfBirth: string | null; yearOfBirth: number | null } {
  if (!printed) return { dateOfBirth: null, yearOfBirth: null };
  let iso: string | null = null;
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(printed);
  if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(printed);
  if (m) iso = printed;
  if (iso && IsoDate.safeParse(iso).success) return { dateOfBirth: iso, yearOfBirth: Number(iso.slice(0, 4)) };
  const year = /^(\d{4})$/.exec(printed) ?? /^(\d{4})-\d{2}$/.exec(printed);
  if (year) return { dateOfBirth: null, yearOfBirth: Number(year[1]) };
  return { dateOfBirth: null, yearOfBirth: null };
}

export const validAbhaNumber = (value: unknown): string | null => {
  const r = AbhaNumber.safeParse(typeof value === 'number' ? String(value) : value);
  return r.success ? r.data : null;
};
export const validAbhaAddress = (value: unknown): string | null => {
  const r = AbhaAddress.safeParse(value);
  return r.success ? r.data : null;
};
export const validPhone = (value: unknown): string | null => {
  const r = IndianMobile.safeParse(typeof value === 'number' ? String(value) : value);
  return r.success ? r.data : null;
};
export const validPincode = (value: unknown): string | null => {
  const r = Pincode.safeParse(typeof value === 'number' ? String(value) : value);
  return r.success ? r.data : null;
};
