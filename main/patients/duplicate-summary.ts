// The supervisor's list of likely duplicates as a summary kept on write
// (migration 0170): a patient added or changed is queued by a trigger, and
// its pairs are found again by the same rules as the warning before a
// registration (duplicate-finder.ts), in the registration's own transaction.
// Opening the list then reads the pairs by index, whatever the cache's size.
import type { Database } from 'better-sqlite3';
import type { DuplicatePair } from '../../preload/contract/methods/merge-methods';
import type { DuplicateCandidate } from '../../preload/contract/records';
import { sql } from '../db/statements';
import { findDuplicates } from './duplicate-finder';
import { toSummary, type PatientRow } from './patient-rows';
import { patientById, patientByPk } from './patient-store';

/** How many queued patients one look at the list finds pairs for: the list never compared more than the latest 2,000. */
const PENDING_SCAN = 2000;

type Reasons = DuplicateCandidate['reasons'];

/** Finds `pk`'s pairs again (it is new, or its name, birth, phone or ABHA changed). */
function refreshPatient(db: Database, pk: number, day: string): void {
  sql<[number, number]>(db, 'DELETE FROM duplicate_candidates WHERE a_pk = ? OR b_pk = ?').run(pk, pk);
  const row = patientByPk(db, pk);
  if (!row || row.unidentified === 1 || row.merged_into_pk !== null) return;
  const candidates = findDuplicates(
    db,
    {
      name: row.name,
      dateOfBirth: row.date_of_birth,
      dobEstimated: row.dob_estimated === 1,
      phone: row.phone,
      abhaNumber: row.abha_number,
      abhaAddress: row.abha_address,
      excludeId: row.id,
    },
    day,
  );
  const insert = sql<[number, number, string, string]>(
    db,
    `INSERT INTO duplicate_candidates (a_pk, b_pk, reasons, newest_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (a_pk, b_pk) DO UPDATE SET reasons = excluded.reasons, newest_at = excluded.newest_at`,
  );
  for (const c of candidates) {
    const other = patientById(db, c.patient.id)!;
    // A newborn shares the mother's mobile and carries her name ("Baby of …"): never her duplicate.
    if (other.mother_pk === row.pk || row.mother_pk === other.pk) continue;
    const [a, b] = row.pk < other.pk ? [row, other] : [other, row];
    insert.run(a.pk, b.pk, JSON.stringify(c.reasons), a.created_at > b.created_at ? a.created_at : b.created_at);
  }
}

/**
 * Finds pairs for queued patients: one patient (a registration, in its own
 * transaction), or the latest queued (before the list is read: a pull from
 * the HIMS or a copy from a peer queues its patients without waiting here).
 * Call inside a write transaction.
 */
export function refreshDuplicateSummary(db: Database, day: string, onlyPk?: number): void {
  if (onlyPk !== undefined) {
    if (!sql<[number], { pk: number }>(db, 'SELECT pk FROM duplicate_pending WHERE pk = ?').get(onlyPk)) return;
    refreshPatient(db, onlyPk, day);
    sql<[number]>(db, 'DELETE FROM duplicate_pending WHERE pk = ?').run(onlyPk);
    return;
  }
  const queued = sql<[number], { pk: number }>(
    db,
    `SELECT q.pk FROM duplicate_pending q JOIN patients p ON p.pk = q.pk
      ORDER BY p.created_at DESC, p.pk DESC LIMIT ?`,
  ).all(PENDING_SCAN);
  for (const { pk } of queued) refreshPatient(db, pk, day);
  // Older ones would never have been among the latest the list compared.
  sql<[]>(db, 'DELETE FROM duplicate_pending').run();
}

export function hasPendingDuplicates(db: Database): boolean {
  return !!sql<[], { x: number }>(db, 'SELECT 1 AS x FROM duplicate_pending LIMIT 1').get();
}

/** Newest first through duplicate_candidates_by_newest; each patient by its primary key. */
export const DUPLICATE_PAIRS_SQL = `SELECT d.a_pk, d.b_pk, d.reasons FROM duplicate_candidates d
   JOIN patients a ON a.pk = d.a_pk JOIN patients b ON b.pk = d.b_pk
  WHERE d.newest_at >= ? AND a.merged_into_pk IS NULL AND b.merged_into_pk IS NULL
    AND a.unidentified = 0 AND b.unidentified = 0
  ORDER BY d.newest_at DESC, d.b_pk DESC LIMIT ?`;

/** The pairs with one patient registered since `from`, newest first; merged and unidentified patients are nobody's pair. */
export function readDuplicatePairs(db: Database, day: string, from: string, limit: number): DuplicatePair[] {
  const rows = sql<[string, number], { a_pk: number; b_pk: number; reasons: string }>(db, DUPLICATE_PAIRS_SQL).all(from, limit);
  const summary = (pk: number) => toSummary(patientByPk(db, pk) as PatientRow, day);
  return rows.map((r) => ({ a: summary(r.a_pk), b: summary(r.b_pk), reasons: JSON.parse(r.reasons) as Reasons }));
}
