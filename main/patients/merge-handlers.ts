// patients.duplicatePairs / merge / unmerge / merges (preload/contract/methods/merge-methods.ts).
import type { Database } from 'better-sqlite3';
import type { DuplicatePair } from '../../preload/contract/methods/merge-methods';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { findDuplicates } from './duplicate-finder';
import { mergePatients, unmergePatients } from './merge';
import { mergeById, recentMerges, toMergeRecord } from './merge-store';
import { PATIENT_COLUMNS, toPatient, toSummary, type PatientRow } from './patient-rows';
import { patientById, patientByPk } from './patient-store';

/** How many recent registrations one look at the list compares (each against the whole cache, by index). */
const RECENT_SCAN = 2000;

/**
 * Likely duplicate pairs among recent registrations, by the same rules as the
 * warning before a registration (duplicate-finder.ts), each pair once.
 */
export function duplicatePairs(db: Database, day: string, days: number, limit: number): DuplicatePair[] {
  const from = new Date(`${day}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - days);
  const recent = sql<[string, number], PatientRow>(
    db,
    `SELECT ${PATIENT_COLUMNS} FROM patients p
      WHERE p.created_at >= ? AND p.merged_into_pk IS NULL AND p.unidentified = 0
      ORDER BY p.created_at DESC LIMIT ?`,
  ).all(from.toISOString(), RECENT_SCAN);
  const pairs = new Map<string, DuplicatePair>();
  for (const row of recent) {
    if (pairs.size >= limit) break;
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
    for (const c of candidates) {
      const key = [row.id, c.patient.id].sort().join(':');
      if (pairs.has(key) || pairs.size >= limit) continue;
      const other = patientById(db, c.patient.id)!;
      // A newborn shares the mother's mobile and carries her name ("Baby of …"): never her duplicate.
      if (other.mother_pk === row.pk || row.mother_pk === other.pk) continue;
      // The older record first: it is the one more often kept.
      const [a, b] = row.pk < other.pk ? [row, other] : [other, row];
      pairs.set(key, { a: toSummary(a, day), b: toSummary(b, day), reasons: c.reasons });
    }
  }
  return [...pairs.values()];
}

export function mergeHandlers(ctx: CoreContext): HandlerMap {
  const { db } = ctx;
  const patientOf = (pk: number) => toPatient(patientByPk(db, pk)!, today(ctx));
  return {
    'patients.duplicatePairs': ({ days, limit }) => duplicatePairs(db, today(ctx), days ?? 30, limit ?? 100),
    'patients.merge': (input, call) =>
      writeTransaction(db, () => {
        const merge = mergeById(db, mergePatients(db, input, call.actor, nowIso(ctx)))!;
        return { merge: toMergeRecord(db, merge), survivor: patientOf(merge.survivor_pk), merged: patientOf(merge.merged_pk) };
      }),
    'patients.unmerge': ({ mergeId }, call) =>
      writeTransaction(db, () => {
        const merge = unmergePatients(db, mergeId, call.actor, nowIso(ctx));
        return { merge: toMergeRecord(db, merge), survivor: patientOf(merge.survivor_pk), restored: patientOf(merge.merged_pk) };
      }),
    'patients.merges': ({ limit }) => recentMerges(db, limit ?? 50).map((m) => toMergeRecord(db, m)),
  };
}
