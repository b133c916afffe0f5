// A pull that meets a merged record follows the link: a Patient
// the HIMS marks replaced-by another (https://hl7.org/fhir/R4/patient.html#links)
// becomes, in this cache, a pointer to that other record, so a search or a
// card scan finds the survivor. Tokens stay where they are (each counter
// moves only its own, when it merges); a merge this counter made itself is
// its own to keep or undo, whatever a pull says.
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { localIdOfRemote } from './sync-store';

/**
 * Points the local copy of `remoteId` at the local copy of the record it was
 * replaced by (or clears a pointer the HIMS has undone). Returns the survivor's
 * remote id when it is not in the cache yet, for the caller to fetch.
 */
export function followHimsMerge(db: Database, remoteId: string, replacedBy: string | null): string | null {
  const localId = localIdOfRemote(db, 'patient', remoteId);
  if (!localId) return null;
  const self = sql<[string], { pk: number; merged_into_pk: number | null }>(
    db,
    'SELECT pk, merged_into_pk FROM patients WHERE id = ?',
  ).get(localId);
  if (!self) return null;
  const ownMerge = sql<[number], { id: number }>(
    db,
    'SELECT id FROM patient_merges WHERE merged_pk = ? AND undone_at IS NULL',
  ).get(self.pk);
  if (ownMerge) return null;
  const survivorRemote = replacedBy?.startsWith('Patient/') ? replacedBy.slice('Patient/'.length) : null;
  if (!survivorRemote) {
    if (self.merged_into_pk !== null) sql(db, 'UPDATE patients SET merged_into_pk = NULL WHERE pk = ?').run(self.pk);
    return null;
  }
  const survivorLocal = localIdOfRemote(db, 'patient', survivorRemote);
  const survivor = survivorLocal
    ? sql<[string], { pk: number }>(db, 'SELECT pk FROM patients WHERE id = ?').get(survivorLocal)
    : undefined;
  if (!survivor) return survivorRemote;
  if (survivor.pk !== self.pk && self.merged_into_pk !== survivor.pk) {
    sql(db, 'UPDATE patients SET merged_into_pk = ? WHERE pk = ?').run(survivor.pk, self.pk);
  }
  return null;
}
