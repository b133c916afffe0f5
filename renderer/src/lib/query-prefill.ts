// Turns what the clerk typed into the search box into the registration field
// it most likely is, so "not found" flows straight into a prefilled form.
// Mirrors the identifier rules in preload/contract/fields.ts (IndianMobile,
// AbhaNumber, AbhaAddress) without importing zod into this hot path.

export type PrefillKind = 'phone' | 'abhaNumber' | 'abhaAddress' | 'name' | 'none';

export interface QueryPrefill {
  kind: PrefillKind;
  /** The value for the field named by kind ('' when kind is 'none'). */
  value: string;
}

const MOBILE = /^[6-9]\d{9}$/;
const ABHA_ADDRESS = /^[a-z0-9][a-z0-9._]{2,49}@(abdm|sbx)$/;

/** Strip the prefixes people write in front of a mobile number (+91, 0091, 91, 0). */
function mobileDigits(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+91|0091|91(?=\d{10}$)|0(?=\d{10}$))/, '');
}

export function prefillFromQuery(query: string): QueryPrefill {
  const q = query.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (q === '') return { kind: 'none', value: '' };

  const mobile = mobileDigits(q);
  if (MOBILE.test(mobile)) return { kind: 'phone', value: mobile };

  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{14}$/.test(digits)) {
    // Shown the way the card prints it: XX-XXXX-XXXX-XXXX.
    const d = digits;
    return { kind: 'abhaNumber', value: `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6, 10)}-${d.slice(10)}` };
  }

  if (q.includes('@')) {
    const address = q.toLowerCase();
    // A half-typed address (no @abdm yet) is still an address, not a name.
    return ABHA_ADDRESS.test(address) || /^[a-z0-9._]+@[a-z]*$/.test(address)
      ? { kind: 'abhaAddress', value: address }
      : { kind: 'none', value: '' };
  }

  // A name has letters (any script) and no digits; digits alone or mixed with
  // letters are a partial phone, UHID or ABHA number and prefill nothing.
  if (/\p{L}/u.test(q) && !/\d/.test(q)) return { kind: 'name', value: q };
  return { kind: 'none', value: '' };
}
