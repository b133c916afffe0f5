// Pull: patients changed at the HIMS since a cursor, into the local cache, so
// a patient registered at another hospital or counter is found here by card,
// ABHA or phone (https://hl7.org/fhir/R4/search.html#lastUpdated). Keyset
// paging on _lastUpdated: each page asks for what changed at or after the
// last instant seen, so the few records of that instant come again and are
// passed over (a version already held is a no-op). An offset among them would
// skip a newer record as soon as one of them changed again; it is used only
// to walk through more records of one instant than a page holds. The cursor
// is saved with each page in the same SQLite transaction, so an interrupted
// seeding of a large cache resumes at the page it stopped.
// Pulled records never write outbox rows: they came from the HIMS.
import type { Database } from 'better-sqlite3';
import type { Bundle, Patient as FhirPatient } from '@medplum/fhirtypes';
import { sql } from '../db/statements';
import { fromFhirPatient } from '../fhir/patient-mapping';
import { insertPatient, patientByIdentifier, setIdentifier, IDENTIFIER_SYSTEMS } from '../patients/patient-store';
import { updateLocalPatient } from './local-patient-update';
import { PermanentError, type HimsClient } from './hims-client';
import { addReview, localIdOfRemote, readCursor, remoteOf, saveRemote, writeCursor } from './sync-store';
import { writeTransaction } from '../db/transaction';
import { readPatientExtras } from '../fhir/patient-extras';
import { followHimsMerge } from './pull-merge';

export interface PullOptions {
  pageSize: number;
  /** Pages per round, so a seeding of a million patients never starves the push. */
  maxPages: number;
  now: () => string;
}

export interface PullResult {
  received: number;
  inserted: number;
  updated: number;
  /** Caught up with the HIMS (false: more pages wait for the next round). */
  done: boolean;
}

interface Cursor {
  since: string | null;
  /** Records of `since` to step over by offset (only inside a group of one instant larger than a page). */
  skip: number;
  /** Ids of the records of `since` already read: they come again on the next page and are passed over. */
  seen?: string[];
}

const CURSOR = 'patients';

export async function pullPatients(db: Database, client: HimsClient, options: PullOptions): Promise<PullResult> {
  const result: PullResult = { received: 0, inserted: 0, updated: 0, done: false };
  for (let page = 0; page < options.maxPages; page++) {
    const cursor = JSON.parse(readCursor(db, CURSOR) ?? '{"since":null,"skip":0}') as Cursor;
    const query = new URLSearchParams({ _sort: '_lastUpdated', _count: String(options.pageSize) });
    if (cursor.since) query.set('_lastUpdated', `ge${cursor.since}`);
    if (cursor.skip > 0) query.set('_offset', String(cursor.skip));
    const response = await client.request<Bundle<FhirPatient>>('GET', `Patient?${query.toString()}`);
    if (response.status !== 200 || response.data?.resourceType !== 'Bundle') {
      throw new PermanentError(`The HIMS refused the patient search (${response.status})`);
    }
    const resources = (response.data.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is FhirPatient => r?.resourceType === 'Patient');
    // The records of the cursor's own instant come again every round: passed over, not received twice.
    const seen = new Set(cursor.seen ?? []);
    const fresh = resources.filter((r) => !(r.meta?.lastUpdated === cursor.since && r.id && seen.has(r.id)));
    const survivorsToFetch = new Set<string>();
    writeTransaction(db, () => {
      for (const resource of fresh) upsertPatient(db, resource, options.now(), result);
      // A record the HIMS merged into another (Patient.link replaced-by) points here at that one.
      for (const resource of fresh) {
        const missing = resource.id ? followHimsMerge(db, resource.id, readPatientExtras(resource).replacedBy) : null;
        if (missing) survivorsToFetch.add(missing);
      }
      writeCursor(db, CURSOR, JSON.stringify(nextCursor(cursor, resources, options.pageSize)), options.now());
    });
    // The survivor may be later in the pull, or older than the cursor: fetch it now and follow again.
    for (const survivorId of survivorsToFetch) {
      const answer = await client.request<FhirPatient>('GET', `Patient/${survivorId}`);
      if (answer.status !== 200 || answer.data?.resourceType !== 'Patient') continue;
      writeTransaction(db, () => {
        upsertPatient(db, answer.data, options.now(), result);
        for (const resource of fresh) {
          if (resource.id) followHimsMerge(db, resource.id, readPatientExtras(resource).replacedBy);
        }
      });
    }
    result.received += fresh.length;
    if (resources.length < options.pageSize) {
      result.done = true;
      break;
    }
  }
  return result;
}

function nextCursor(cursor: Cursor, page: FhirPatient[], pageSize: number): Cursor {
  const last = page[page.length - 1]?.meta?.lastUpdated;
  if (!last) return cursor;
  const sameInstant = last === cursor.since;
  const allAtLast = page.every((r) => r.meta?.lastUpdated === last);
  // Inside a group of one instant larger than a page: step over it by offset, or the next page would be this one.
  if (allAtLast && ((sameInstant && cursor.skip > 0) || page.length >= pageSize)) {
    return { since: last, skip: (sameInstant ? cursor.skip : 0) + page.length };
  }
  const atLast = page.filter((r) => r.meta?.lastUpdated === last).map((r) => r.id ?? '');
  return { since: last, skip: 0, seen: sameInstant ? [...new Set([...(cursor.seen ?? []), ...atLast])] : atLast };
}

function upsertPatient(db: Database, resource: FhirPatient, at: string, result: PullResult): void {
  if (!resource.id) return;
  const local = fromFhirPatient(resource, resource.id);
  if (!local) return;
  const versionId = resource.meta?.versionId ?? null;
  const localId = localIdOfRemote(db, 'patient', resource.id) ?? local.id;
  const existing = sql<[string], { pk: number; version: number }>(db, 'SELECT pk, version FROM patients WHERE id = ?').get(
    localId,
  );
  const remote = { remote_id: resource.id, version_id: versionId, last_updated: resource.meta?.lastUpdated ?? null };
  if (existing) {
    const known = remoteOf(db, 'patient', localId);
    if (known?.version_id === versionId && known.remote_id === resource.id) return; // our own send coming back
    const pending = sql<[string], { n: number }>(
      db,
      "SELECT count(*) AS n FROM outbox WHERE entity = 'patient' AND entity_id = ? AND sent_at IS NULL",
    ).get(localId)!.n;
    if (pending > 0) return; // our change is on its way; its If-Match decides
    const version = updateLocalPatient(db, existing.pk, local, at);
    saveRemote(db, 'patient', localId, { ...remote, synced_version: version });
    result.updated++;
    return;
  }
  // The same person registered here while offline (same ABHA number): a person decides.
  const twin = local.abhaNumber ? patientByIdentifier(db, IDENTIFIER_SYSTEMS.abhaNumber, local.abhaNumber) : undefined;
  if (twin) {
    addReview(
      db,
      {
        entity: 'patient',
        localId: twin.id,
        reason: 'same_identifier',
        at,
        remote: resource,
        remoteId: resource.id,
        local: { id: twin.id, name: twin.name },
        message: 'The HIMS has another patient with this ABHA number.',
      },
      true,
    );
    return;
  }
  const uhid = local.uhid || `HIMS${resource.id.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  if (sql<[string], { pk: number }>(db, 'SELECT pk FROM patients WHERE uhid = ?').get(uhid)) return;
  if (local.abhaAddress && patientByIdentifier(db, IDENTIFIER_SYSTEMS.abhaAddress, local.abhaAddress)) local.abhaAddress = null;
  const pk = insertPatient(db, {
    ...local,
    id: localId,
    uhid,
    originCounter: 'HIMS',
    at: resource.meta?.lastUpdated ?? at,
    temporaryName: local.unidentified ? local.name : null,
  });
  setIdentifier(db, pk, IDENTIFIER_SYSTEMS.abhaNumber, local.abhaNumber);
  setIdentifier(db, pk, IDENTIFIER_SYSTEMS.abhaAddress, local.abhaAddress);
  saveRemote(db, 'patient', localId, { ...remote, synced_version: 1 });
  result.inserted++;
}
