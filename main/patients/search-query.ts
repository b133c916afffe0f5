// What a clerk typed (or a scanner sent) into the one search box, classified:
// exact identifiers go to their index, anything else is a name.
import { AbhaAddress, AbhaNumber, IndianMobile } from '../../preload/contract/fields';
import { nameWords } from './name-match';
import { normalizeUhid } from './uhid';

export type SearchQuery =
  | { kind: 'none' }
  | { kind: 'uhid'; uhid: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'abha_number'; value: string }
  | { kind: 'abha_address'; value: string }
  | { kind: 'name'; match: string; initials: string[] };

export function classifyQuery(raw: string): SearchQuery {
  const query = raw.trim();
  if (query.length < 2) return { kind: 'none' };
  if (query.includes('@')) {
    const address = AbhaAddress.safeParse(query);
    return address.success ? { kind: 'abha_address', value: address.data } : { kind: 'none' };
  }
  if (/^[+\d\s-]+$/.test(query)) {
    const digits = query.replace(/\D/g, '');
    if (digits.length === 14) {
      const abha = AbhaNumber.safeParse(digits);
      if (abha.success) return { kind: 'abha_number', value: abha.data };
    }
    const phone = IndianMobile.safeParse(query);
    return phone.success ? { kind: 'phone', phone: phone.data } : { kind: 'none' };
  }
  const uhid = normalizeUhid(query);
  if (uhid) return { kind: 'uhid', uhid };
  return nameQuery(query);
}

/**
 * Every word of two or more letters becomes an FTS5 prefix term, ANDed, so
 * "kumar ram" finds "Ram Kumar". Single letters ("Ram K") would make FTS
 * walk a huge prefix range, so they are matched after the index narrows.
 */
export function nameQuery(query: string): SearchQuery {
  const words = nameWords(query);
  const long = [...new Set(words.filter((w) => w.length >= 2))];
  const initials = words.filter((w) => w.length === 1);
  if (long.length === 0) return { kind: 'none' };
  // Words hold only letters, marks and digits (nameWords), so quoting is safe.
  return { kind: 'name', match: long.map((w) => `"${w}"*`).join(' AND '), initials };
}
