// Merging duplicate patients: a supervisor's list of likely
// duplicates, the merge (one record survives, the other points to it, tokens
// and cards move, nothing is deleted) and its undo.
import { z } from 'zod';
import { Uuid } from '../fields';
import { DuplicateCandidate, Patient, PatientLink, PatientSummary } from '../records';
import type { MethodSpec } from '../method-spec';

export const MergeRecord = z.object({
  id: z.number().int(),
  survivor: PatientLink,
  merged: PatientLink,
  mergedAt: z.string(),
  mergedBy: z.string(),
  movedTokens: z.number().int(),
  movedCards: z.number().int(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

export const DuplicatePair = z.object({ a: PatientSummary, b: PatientSummary, reasons: DuplicateCandidate.shape.reasons });
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const mergeMethods = {
  'patients.duplicatePairs': {
    summary:
      'Likely duplicates among patients registered in the last days (same mobile and similar name, same name and birth year, same ABHA).',
    input: z
      .object({ days: z.number().int().min(1).max(365).optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    output: z.array(DuplicatePair),
  },
  'patients.merge': {
    summary: 'Merge a duplicate into the record that survives; both versions must be the ones the supervisor saw.',
    input: z
      .object({
        survivorId: Uuid,
        survivorVersion: z.number().int().min(1),
        mergedId: Uuid,
        mergedVersion: z.number().int().min(1),
      })
      .strict(),
    output: z.object({ merge: MergeRecord, survivor: Patient, merged: Patient }),
  },
  'patients.unmerge': {
    summary: 'Undo a merge: the duplicate is a patient again with the tokens and cards that moved.',
    input: z.object({ mergeId: z.number().int().positive() }).strict(),
    output: z.object({ merge: MergeRecord, survivor: Patient, restored: Patient }),
  },
  'patients.merges': {
    summary: 'Recent merges, newest first, for a supervisor to review or undo.',
    input: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.array(MergeRecord),
  },
} as const satisfies Record<string, MethodSpec>;
