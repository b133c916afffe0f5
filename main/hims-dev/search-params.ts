// Medplum's in-memory search silently ignores a search parameter it does not
// know (a typo like `identifer=` returns every resource, or with a
// conditional create, matches "all"). A real server must refuse it instead
// (https://hl7.org/fhir/R4/search.html#errors, handling=strict): the wrapper
// checks every query before the router sees it.
import { badRequest, getSearchParameters, OperationOutcomeError } from '@medplum/core';

/** Result parameters and controls every type accepts. */
const CONTROL_PARAMS = new Set([
  '_count',
  '_offset',
  '_sort',
  '_total',
  '_summary',
  '_elements',
  '_include',
  '_revinclude',
  '_format',
  '_pretty',
  '_cursor',
  '_id',
  '_lastUpdated',
]);

export function checkSearchParams(resourceType: string, params: URLSearchParams): void {
  const known = getSearchParameters(resourceType);
  if (!known) throw new OperationOutcomeError(badRequest(`Unknown resource type ${resourceType}`));
  for (const name of new Set(params.keys())) {
    const base = name.split(':')[0] ?? name;
    if (CONTROL_PARAMS.has(base) || Object.hasOwn(known, base)) continue;
    throw new OperationOutcomeError(badRequest(`Unknown search parameter "${name}" for ${resourceType}`));
  }
}

/** The same check for a URL such as `Patient?identifier=...` (a conditional entry). */
export function checkSearchUrl(url: string): void {
  const cut = url.indexOf('?');
  if (cut < 0) return;
  const type = url.slice(0, cut).split('/').filter(Boolean)[0] ?? '';
  checkSearchParams(type, new URLSearchParams(url.slice(cut + 1)));
}
