// SQL of the sync engine: settings, the HIMS's ids and versions, cursors,
// the review list, and reads of the outbox (its rows are written by the
// change's own transaction, main/core/outbox.ts; only sync marks them sent).
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';

export interface SyncSettingsRow {
  enabled: number;
  base_url: string | null;
  auth_kind: 'none' | 'bearer' | 'client_credentials';
  token_url: string | null;
  client_id: string | null;
  scope: string | null;
  ca_pem: string | null;
  timeout_ms: number;
  batch_size: number;
}

const DEFAULT_SETTINGS: SyncSettingsRow = {
  enabled: 0,
  base_url: null,
  auth_kind: 'none',
  token_url: null,
  client_id: null,
  scope: null,
  ca_pem: null,
  timeout_ms: 15_000,
  batch_size: 100,
};

export function readSettings(db: Database): SyncSettingsRow {
  return (
    sql<[], SyncSettingsRow>(
      db,
      'SELECT enabled, base_url, auth_kind, token_url, client_id, scope, ca_pem, timeout_ms, batch_size FROM sync_settings WHERE id = 1',
    ).get() ?? DEFAULT_SETTINGS
  );
}

export function writeSettings(db: Database, s: SyncSettingsRow, at: string): void {
  sql(
    db,
    `INSERT INTO sync_settings (id, enabled, base_url, auth_kind, token_url, client_id, scope, ca_pem, timeout_ms, batch_size, updated_at)
    VALUES (1, @enabled, @base_url, @auth_kind, @token_url, @client_id, @scope, @ca_pem, @timeout_ms, @batch_size, @at)
    ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, base_url = excluded.base_url, auth_kind = excluded.auth_kind,
      token_url = excluded.token_url, client_id = excluded.client_id, scope = excluded.scope, ca_pem = excluded.ca_pem,
      timeout_ms = excluded.timeout_ms, batch_size = excluded.batch_size, updated_at = excluded.updated_at`,
  ).run({ ...s, at });
}

/** What the outbox names: the synced records and departments (pulled, never sent). */
export type SyncedEntity = 'patient' | 'token' | 'charge' | 'receipt' | 'refund';

export interface PendingRow {
  seq: number;
  entity: SyncedEntity | 'department';
  entity_id: string;
}

/** Oldest pending rows first, skipping records held in the review list. */
export function pendingRows(db: Database, limit: number): PendingRow[] {
  return sql<[number], PendingRow>(
    db,
    `SELECT o.seq, o.entity, o.entity_id FROM outbox o
    WHERE o.sent_at IS NULL AND NOT EXISTS
      (SELECT 1 FROM sync_review r WHERE r.resolved_at IS NULL AND r.entity = o.entity AND r.local_id = o.entity_id)
    ORDER BY o.seq LIMIT ?`,
  ).all(limit);
}

export function pendingSummary(db: Database): { pending: number; oldest: string | null } {
  const row = sql<[], { n: number; oldest: string | null }>(
    db,
    'SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL',
  ).get();
  return { pending: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/** Every pending row of a record up to `maxSeq` is delivered by one send of its current state. */
export function markSent(db: Database, entity: string, entityId: string, maxSeq: number, at: string): void {
  sql(
    db,
    'UPDATE outbox SET sent_at = ?, last_error = NULL WHERE entity = ? AND entity_id = ? AND seq <= ? AND sent_at IS NULL',
  ).run(at, entity, entityId, maxSeq);
}

export function markAttempt(db: Database, seqs: number[], error: string): void {
  const stmt = sql(db, 'UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?');
  for (const seq of seqs) stmt.run(error, seq);
}

export interface RemoteRow {
  remote_id: string;
  version_id: string | null;
  last_updated: string | null;
  synced_version: number;
}

export function remoteOf(db: Database, entity: SyncedEntity, localId: string): RemoteRow | undefined {
  return sql<[string, string], RemoteRow>(
    db,
    'SELECT remote_id, version_id, last_updated, synced_version FROM sync_remote WHERE entity = ? AND local_id = ?',
  ).get(entity, localId);
}

export function localIdOfRemote(db: Database, entity: SyncedEntity, remoteId: string): string | undefined {
  return sql<[string, string], { local_id: string }>(
    db,
    'SELECT local_id FROM sync_remote WHERE entity = ? AND remote_id = ?',
  ).get(entity, remoteId)?.local_id;
}

export function saveRemote(db: Database, entity: SyncedEntity, localId: string, r: RemoteRow): void {
  sql(
    db,
    `INSERT INTO sync_remote (entity, local_id, remote_id, version_id, last_updated, synced_version) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (entity, local_id) DO UPDATE SET remote_id = excluded.remote_id, version_id = excluded.version_id,
      last_updated = excluded.last_updated, synced_version = excluded.synced_version`,
  ).run(entity, localId, r.remote_id, r.version_id, r.last_updated, r.synced_version);
}

export function readCursor(db: Database, name: string): string | null {
  return sql<[string], { value: string }>(db, 'SELECT value FROM sync_cursors WHERE name = ?').get(name)?.value ?? null;
}

export function writeCursor(db: Database, name: string, value: string, at: string): void {
  sql(
    db,
    'INSERT INTO sync_cursors (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(name, value, at);
}

export interface ReviewInsert {
  entity: SyncedEntity;
  localId: string;
  reason: 'version_conflict' | 'multiple_matches' | 'same_identifier' | 'rejected';
  message: string;
  local: unknown;
  remote: unknown;
  remoteId: string | null;
  at: string;
}

/** One open entry per record: a second problem with it updates the first (unless `keepOpen`). */
/** Opens (or refreshes) the review entry of a record: read and write in one IMMEDIATE transaction. */
export function addReview(db: Database, r: ReviewInsert, keepOpen = false): void {
  writeTransaction(db, () => addReviewRow(db, r, keepOpen));
}

function addReviewRow(db: Database, r: ReviewInsert, keepOpen: boolean): void {
  const open = sql<[string, string], { id: number }>(
    db,
    'SELECT id FROM sync_review WHERE entity = ? AND local_id = ? AND resolved_at IS NULL',
  ).get(r.entity, r.localId);
  if (open && keepOpen) return;
  const values = [
    r.reason,
    r.message,
    JSON.stringify(r.local),
    r.remote === null ? null : JSON.stringify(r.remote),
    r.remoteId,
  ] as const;
  if (open) {
    sql(db, 'UPDATE sync_review SET reason = ?, message = ?, local_json = ?, remote_json = ?, remote_id = ? WHERE id = ?').run(
      ...values,
      open.id,
    );
  } else {
    sql(
      db,
      'INSERT INTO sync_review (reason, message, local_json, remote_json, remote_id, entity, local_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(...values, r.entity, r.localId, r.at);
  }
}

export interface ReviewRow {
  id: number;
  entity: SyncedEntity;
  local_id: string;
  reason: ReviewInsert['reason'];
  message: string;
  local_json: string;
  remote_json: string | null;
  remote_id: string | null;
  created_at: string;
}

export function openReviews(db: Database, limit = 500): ReviewRow[] {
  return sql<[number], ReviewRow>(
    db,
    'SELECT id, entity, local_id, reason, message, local_json, remote_json, remote_id, created_at FROM sync_review WHERE resolved_at IS NULL ORDER BY id LIMIT ?',
  ).all(limit);
}

export function reviewById(db: Database, id: number): (ReviewRow & { resolved_at: string | null }) | undefined {
  return sql<[number], ReviewRow & { resolved_at: string | null }>(
    db,
    'SELECT id, entity, local_id, reason, message, local_json, remote_json, remote_id, created_at, resolved_at FROM sync_review WHERE id = ?',
  ).get(id);
}

export function closeReview(db: Database, id: number, resolution: string, at: string): void {
  sql(db, 'UPDATE sync_review SET resolved_at = ?, resolution = ? WHERE id = ?').run(at, resolution, id);
}

export function isHeld(db: Database, entity: string, localId: string): boolean {
  return !!sql<[string, string], { id: number }>(
    db,
    'SELECT id FROM sync_review WHERE entity = ? AND local_id = ? AND resolved_at IS NULL',
  ).get(entity, localId);
}

export function openReviewCount(db: Database): number {
  return sql<[], { n: number }>(db, 'SELECT count(*) AS n FROM sync_review WHERE resolved_at IS NULL').get()?.n ?? 0;
}

export interface SyncLogRow {
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export function readLog(db: Database): SyncLogRow {
  return (
    sql<[], SyncLogRow>(db, 'SELECT last_success_at, last_error, last_error_at FROM sync_log WHERE id = 1').get() ?? {
      last_success_at: null,
      last_error: null,
      last_error_at: null,
    }
  );
}

/** Changes some of the log's fields; the read and the write are one IMMEDIATE transaction. */
export function updateLog(db: Database, changes: Partial<SyncLogRow>): void {
  writeTransaction(db, () => writeLog(db, { ...readLog(db), ...changes }));
}

function writeLog(db: Database, log: SyncLogRow): void {
  sql(
    db,
    `INSERT INTO sync_log (id, last_success_at, last_error, last_error_at) VALUES (1, @last_success_at, @last_error, @last_error_at)
    ON CONFLICT (id) DO UPDATE SET last_success_at = excluded.last_success_at, last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
  ).run(log);
}
