// History Bundles (https://hl7.org/fhir/R4/http.html#history) from the
// development HIMS's log of changes: newest first, each entry with the
// request that made it and its response (bdl-3, bdl-4), a deletion as an
// entry without a resource.
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

/** One write (a version) or one delete, in the order they happened. */
export type Change =
  | { resourceType: string; id: string; version: Resource; created: boolean }
  | { resourceType: string; id: string; version: null; at: string };

export function changeTime(change: Change): string {
  return change.version ? (change.version.meta?.lastUpdated ?? '') : change.at;
}

function entryOf(change: Change): BundleEntry {
  const { resourceType, id, version } = change;
  if (!version) {
    return {
      request: { method: 'DELETE', url: `${resourceType}/${id}` },
      response: { status: '410', lastModified: change.at },
    };
  }
  const versionId = version.meta?.versionId ?? '';
  return {
    fullUrl: `${resourceType}/${id}`,
    resource: structuredClone(version),
    request: change.created ? { method: 'POST', url: resourceType } : { method: 'PUT', url: `${resourceType}/${id}` },
    response: {
      status: change.created ? '201' : '200',
      etag: `W/"${versionId}"`,
      ...(version.meta?.lastUpdated ? { lastModified: version.meta.lastUpdated } : {}),
    },
  };
}

/** `changes` oldest first, as logged; the Bundle newest first, one page of it. */
export function historyBundle<T extends Resource = Resource>(
  changes: Change[],
  page: { offset?: number | undefined; count?: number | undefined },
): Bundle<T> {
  const newestFirst = [...changes].reverse();
  const offset = page.offset ?? 0;
  const shown = newestFirst.slice(offset, page.count === undefined ? undefined : offset + page.count);
  return {
    resourceType: 'Bundle',
    type: 'history',
    total: changes.length,
    entry: shown.map(entryOf) as BundleEntry<T>[],
  };
}
