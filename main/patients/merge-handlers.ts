// patients.duplicatePairs / merge / unmerge / merges (preload/contract/methods/merge-methods.ts).
import type { Database } from 'better-sqlite3';
import type { DuplicatePair } from '../../preload/contract/methods/merge-methods';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { hasPendingDuplicates, readDuplicatePairs, refreshDuplicateSummary } from './duplicate-summary';
import { mergePatients, unmergePatients } from './merge';
import { mergeById, recentMerges, toMergeRecord } from './merge-store';
import { toPatient } from './patient-rows';
import { patientByPk } from './patient-store';

/** Likely duplicate pairs with one patient registered in the last `days` days, each pair once, newest first. */
export function duplicatePairs(db: Database, day: string, days: number, limit: number): DuplicatePair[] {
  const from = new Date(`${day}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - days);
  // Patients a pull or a peer added since the last look (a registration finds its own pairs at once).
  if (hasPendingDuplicates(db)) writeTransaction(db, () => refreshDuplicateSummary(db, day));
  return readDuplicatePairs(db, day, from.toISOString(), limit);
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
