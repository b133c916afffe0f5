// Merging a duplicate into the record that survives, and undoing it
// (docs/decisions.md, "Merging duplicates"). Nothing is deleted: the duplicate
// points at the survivor, its tokens and cards move there, and the merge row
// lists exactly what moved, so an undo puts back that and nothing else.
import type { Database } from 'better-sqlite3';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict, notFound } from '../core/app-error';
import { enqueueOutbox } from '../core/outbox';
import { sql } from '../db/statements';
import type { PatientRow } from './patient-rows';
import { patientById, patientByPk } from './patient-store';
import { followMerged, insertMerge, markUndone, mergeById, type MergeRow } from './merge-store';
import { formatUhid } from './uhid';

export interface MergeRequest {
  survivorId: string;
  survivorVersion: number;
  mergedId: string;
  mergedVersion: number;
}

function bumpPatient(db: Database, row: PatientRow, at: string): void {
  sql(db, 'UPDATE patients SET version = version + 1, updated_at = ? WHERE pk = ?').run(at, row.pk);
  enqueueOutbox(db, { entity: 'patient', entityId: row.id, operation: 'update', version: row.version + 1, at });
}

/** Moves tokens to another patient; each Encounter's subject changes, so each is sent again. */
function moveTokens(db: Database, ids: string[], toPk: number, at: string): void {
  const read = sql<[string], { version: number }>(db, 'SELECT version FROM tokens WHERE id = ?');
  const move = sql(db, 'UPDATE tokens SET patient_pk = ?, version = version + 1 WHERE id = ?');
  for (const id of ids) {
    const { version } = read.get(id)!;
    move.run(toPk, id);
    enqueueOutbox(db, { entity: 'token', entityId: id, operation: 'update', version: version + 1, at });
  }
}

function requireVersion(row: PatientRow, version: number, field: string): void {
  if (row.version !== version) {
    throw new AppError('VERSION_CONFLICT', `${field}: ${row.name} was changed since the list was read; reload and try again`, {
      field,
    });
  }
}

/** Call inside a write transaction. Returns the merge row's id. */
export function mergePatients(db: Database, req: MergeRequest, actor: string, at: string): number {
  if (req.survivorId === req.mergedId) {
    throw new AppError('VALIDATION_FAILED', 'mergedId: a patient cannot be merged into itself', {
      field: 'mergedId',
      issues: [{ field: 'mergedId', message: 'a patient cannot be merged into itself', code: 'same_patient' }],
    });
  }
  const survivor = patientById(db, req.survivorId);
  if (!survivor) throw notFound('patient', 'survivorId');
  const merged = patientById(db, req.mergedId);
  if (!merged) throw notFound('patient', 'mergedId');
  for (const [row, field] of [
    [survivor, 'survivorId'],
    [merged, 'mergedId'],
  ] as const) {
    if (row.merged_into_pk !== null) {
      const into = followMerged(db, row);
      throw conflict(
        `${field}: ${row.name} (${formatUhid(row.uhid)}) is already merged into ${into.name} (${formatUhid(into.uhid)})`,
        field,
      );
    }
  }
  requireVersion(survivor, req.survivorVersion, 'survivorVersion');
  requireVersion(merged, req.mergedVersion, 'mergedVersion');

  const tokens = sql<[number], { id: string }>(db, 'SELECT id FROM tokens WHERE patient_pk = ? ORDER BY pk')
    .all(merged.pk)
    .map((t) => t.id);
  moveTokens(db, tokens, survivor.pk, at);

  const cards = sql<[number], { id: string; superseded_at: string | null }>(
    db,
    'SELECT id, superseded_at FROM issued_cards WHERE patient_pk = ? ORDER BY pk',
  ).all(merged.pk);
  // One current card per patient: when both hold one, the duplicate's is
  // superseded by the survivor's, yet still identifies them (supersededByMerge).
  const survivorCard = sql<[number], { id: string }>(
    db,
    'SELECT id FROM issued_cards WHERE patient_pk = ? AND superseded_at IS NULL',
  ).get(survivor.pk);
  const mergedCurrent = cards.find((c) => c.superseded_at === null);
  const supersededCard = survivorCard && mergedCurrent ? mergedCurrent.id : null;
  if (supersededCard) {
    sql(db, 'UPDATE issued_cards SET superseded_at = ?, superseded_by = ? WHERE id = ?').run(
      at,
      survivorCard!.id,
      supersededCard,
    );
  }
  sql(db, 'UPDATE issued_cards SET patient_pk = ? WHERE patient_pk = ?').run(survivor.pk, merged.pk);

  sql(db, 'UPDATE patients SET merged_into_pk = ? WHERE pk = ?').run(survivor.pk, merged.pk);
  bumpPatient(db, merged, at);
  bumpPatient(db, survivor, at);
  const cardIds = cards.map((c) => c.id);
  const id = insertMerge(db, { survivorPk: survivor.pk, mergedPk: merged.pk, at, actor, tokens, cards: cardIds, supersededCard });
  const detail = { merge: id, survivor: survivor.id, merged: merged.id, tokens: tokens.length, cards: cardIds.length };
  appendAudit(db, { at, actor, action: 'patient.merge', entity: 'patient', entityId: merged.id, detail });
  appendAudit(db, { at, actor, action: 'patient.merge', entity: 'patient', entityId: survivor.id, detail });
  return id;
}

/** Call inside a write transaction. */
export function unmergePatients(db: Database, mergeId: number, actor: string, at: string): MergeRow {
  const merge = mergeById(db, mergeId);
  if (!merge) throw notFound(`merge ${mergeId}`, 'mergeId');
  if (merge.undone_at) throw conflict(`mergeId: this merge was already undone at ${merge.undone_at}`, 'mergeId');
  const survivor = patientByPk(db, merge.survivor_pk)!;
  const merged = patientByPk(db, merge.merged_pk)!;
  if (survivor.merged_into_pk !== null) {
    const into = followMerged(db, survivor);
    throw conflict(`mergeId: ${survivor.name} was merged into ${into.name} since; undo that merge first`, 'mergeId');
  }
  const tokens = (JSON.parse(merge.moved_tokens) as string[]).filter(
    (id) =>
      sql<[string], { patient_pk: number }>(db, 'SELECT patient_pk FROM tokens WHERE id = ?').get(id)?.patient_pk === survivor.pk,
  );
  moveTokens(db, tokens, merged.pk, at);
  const cards = JSON.parse(merge.moved_cards) as string[];
  const moveCard = sql(db, 'UPDATE issued_cards SET patient_pk = ? WHERE id = ? AND patient_pk = ?');
  for (const id of cards) moveCard.run(merged.pk, id, survivor.pk);
  if (merge.superseded_card) {
    sql(db, 'UPDATE issued_cards SET superseded_at = NULL, superseded_by = NULL WHERE id = ? AND patient_pk = ?').run(
      merge.superseded_card,
      merged.pk,
    );
  }
  sql(db, 'UPDATE patients SET merged_into_pk = NULL WHERE pk = ?').run(merged.pk);
  bumpPatient(db, merged, at);
  bumpPatient(db, survivor, at);
  markUndone(db, mergeId, at, actor);
  const detail = { merge: mergeId, survivor: survivor.id, merged: merged.id, tokens: tokens.length, cards: cards.length };
  appendAudit(db, { at, actor, action: 'patient.unmerge', entity: 'patient', entityId: merged.id, detail });
  appendAudit(db, { at, actor, action: 'patient.unmerge', entity: 'patient', entityId: survivor.id, detail });
  return mergeById(db, mergeId)!;
}
