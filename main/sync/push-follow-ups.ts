// What a record's first arrival at the HIMS makes possible: a
// reference to it. A newborn's mother (a RelatedPerson naming the baby's
// Patient) and the survivor of a merge (Patient.link "replaces" the
// duplicate) can only be sent once the HIMS has given the other record its
// id, so its creation queues one more send of the record that points to it.
// Each fires once, on a create, so nothing can loop.
import type { Database } from 'better-sqlite3';
import { enqueueOutbox } from '../core/outbox';
import { sql } from '../db/statements';
import { remoteOf, type SyncedEntity } from './sync-store';

interface Row {
  id: string;
  version: number;
}

function resend(db: Database, row: Row | undefined, at: string): boolean {
  if (row) enqueueOutbox(db, { entity: 'patient', entityId: row.id, operation: 'update', version: row.version, at });
  return row !== undefined;
}

/** Call in the transaction that records the create's success; true when a send was queued. */
export function followUpsOfCreate(db: Database, entity: SyncedEntity, localId: string, at: string): boolean {
  if (entity !== 'patient') return false;
  const self = sql<[string], Row & { mother_pk: number | null; merged_into_pk: number | null; pk: number }>(
    db,
    'SELECT pk, id, version, mother_pk, merged_into_pk FROM patients WHERE id = ?',
  ).get(localId);
  if (!self) return false;
  let queued = false;
  // A newborn: its mother goes with its next send.
  if (self.mother_pk !== null) queued = resend(db, self, at) || queued;
  // A merged duplicate: its survivor, if already at the HIMS, can now say "replaces".
  if (self.merged_into_pk !== null) {
    const survivor = sql<[number], Row>(db, 'SELECT id, version FROM patients WHERE pk = ?').get(self.merged_into_pk);
    if (survivor && remoteOf(db, 'patient', survivor.id)) queued = resend(db, survivor, at) || queued;
  }
  // A survivor created with duplicates not yet at the HIMS (or in the same Bundle): link them next round.
  const duplicates = sql<[number], { id: string }>(db, 'SELECT id FROM patients WHERE merged_into_pk = ?').all(self.pk);
  if (duplicates.length > 0) queued = resend(db, self, at) || queued;
  return queued;
}
