// SQL of merged duplicates: a merged record is never deleted, it points at the
// record that survived (patients.merged_into_pk), and patient_merges remembers
// what each merge moved so that exactly that can be undone.
import type { Database } from 'better-sqlite3';
import type { MergeRecord } from '../../preload/contract/methods/merge-methods';
import { AppError } from '../core/app-error';
import { sql } from '../db/statements';
import { type PatientRow } from './patient-rows';
import { patientByPk } from './patient-store';
import { formatUhid } from './uhid';

/** Merges can chain (A into B, later B into C); a few hops at most, never a loop. */
const MAX_HOPS = 8;

/** The record a (possibly merged) patient is now: itself, or the survivor it points to. */
export function followMerged(db: Database, row: PatientRow): PatientRow {
  let current = row;
  for (let hop = 0; hop < MAX_HOPS && current.merged_into_pk !== null; hop++) {
    const next = patientByPk(db, current.merged_into_pk);
    if (!next) break;
    current = next;
  }
  return current;
}

/** A merged duplicate takes no tokens and no changes: the survivor does. */
export function requireNotMerged(db: Database, row: PatientRow, field = 'id'): void {
  if (row.merged_into_pk === null) return;
  const survivor = followMerged(db, row);
  throw new AppError(
    'CONFLICT',
    `${field}: this record was merged into ${survivor.name} (${formatUhid(survivor.uhid)}); use that record`,
    {
      field,
      details: { mergedInto: { id: survivor.id, uhid: formatUhid(survivor.uhid), name: survivor.name } },
    },
  );
}

export interface MergeRow {
  id: number;
  survivor_pk: number;
  merged_pk: number;
  merged_at: string;
  merged_by: string;
  moved_tokens: string;
  moved_cards: string;
  superseded_card: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

const MERGE_COLUMNS =
  'id, survivor_pk, merged_pk, merged_at, merged_by, moved_tokens, moved_cards, superseded_card, undone_at, undone_by';

export function mergeById(db: Database, id: number): MergeRow | undefined {
  return sql<[number], MergeRow>(db, `SELECT ${MERGE_COLUMNS} FROM patient_merges WHERE id = ?`).get(id);
}

export function recentMerges(db: Database, limit: number): MergeRow[] {
  return sql<[number], MergeRow>(db, `SELECT ${MERGE_COLUMNS} FROM patient_merges ORDER BY id DESC LIMIT ?`).all(limit);
}

export function insertMerge(
  db: Database,
  m: {
    survivorPk: number;
    mergedPk: number;
    at: string;
    actor: string;
    tokens: string[];
    cards: string[];
    supersededCard: string | null;
  },
): number {
  const result = sql(
    db,
    `INSERT INTO patient_merges (survivor_pk, merged_pk, merged_at, merged_by, moved_tokens, moved_cards, superseded_card)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.survivorPk, m.mergedPk, m.at, m.actor, JSON.stringify(m.tokens), JSON.stringify(m.cards), m.supersededCard);
  return Number(result.lastInsertRowid);
}

export function markUndone(db: Database, id: number, at: string, actor: string): void {
  sql(db, 'UPDATE patient_merges SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, actor, id);
}

/** A card superseded only because its holder was merged still identifies the patient (card-resolve.ts). */
export function supersededByMerge(db: Database, cardId: string): boolean {
  return !!sql<[string], { id: number }>(db, 'SELECT id FROM patient_merges WHERE superseded_card = ? AND undone_at IS NULL').get(
    cardId,
  );
}

/** Ids (client UUIDs) of the records merged into this one, for the FHIR "replaces" links. */
export function mergedIntoThis(db: Database, pk: number): string[] {
  return sql<[number], { id: string }>(db, 'SELECT id FROM patients WHERE merged_into_pk = ? ORDER BY pk')
    .all(pk)
    .map((r) => r.id);
}

export function toMergeRecord(db: Database, m: MergeRow): MergeRecord {
  const link = (pk: number) => {
    const row = patientByPk(db, pk)!;
    return { id: row.id, uhid: formatUhid(row.uhid), name: row.name };
  };
  return {
    id: m.id,
    survivor: link(m.survivor_pk),
    merged: link(m.merged_pk),
    mergedAt: m.merged_at,
    mergedBy: m.merged_by,
    movedTokens: (JSON.parse(m.moved_tokens) as string[]).length,
    movedCards: (JSON.parse(m.moved_cards) as string[]).length,
    undoneAt: m.undone_at,
    undoneBy: m.undone_by,
  };
}
