// When the search box's "No patient found" is settled, so that the
// registration form may open by itself and the other counters be asked. Only
// for an answer to what is in the box now: an answer to the number typed
// before (the last patient's, after a registration) says nothing about the
// first key of the next one. And only for a query that names one patient
// when complete: a mobile, UHID or ABHA number or address, or a name. A
// number still being typed ("951", nine digits of a mobile, half a UHID) is
// none of them, so a clerk's pause on it or a scanner's hiccup opens no form
// and starts none of the form's own calls.
import type { SearchState } from '../hooks/use-patient-search';

/** Shorter queries match too many names to mean "this patient is new". */
const NOT_FOUND_MIN_LENGTH = 3;

const EXACT: ReadonlySet<SearchState['kind']> = new Set(['uhid', 'phone', 'abha_number', 'abha_address']);

export function foundNobody(search: Pick<SearchState, 'upToDate' | 'error' | 'patients' | 'settledQuery' | 'kind'>): boolean {
  if (!search.upToDate || search.error !== null || search.patients.length > 0) return false;
  if (search.settledQuery.length < NOT_FOUND_MIN_LENGTH) return false;
  // A name has no digits: letters and digits together are an id half typed (the registration prefill's rule).
  return EXACT.has(search.kind) || (search.kind === 'name' && !/\d/.test(search.settledQuery));
}
