// SQL of backups: the settings row and the record of every run (migration 0110).
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import type { WrappedKey } from './backup-key';

export interface BackupSettingsRow {
  folder: string | null;
  everyMinutes: number;
  keepRecent: number;
  keepDailyDays: number;
  keyId: string | null;
  recovery: WrappedKey | null;
  recoveryCreatedAt: string | null;
}

const DEFAULTS: BackupSettingsRow = {
  folder: null,
  everyMinutes: 30,
  keepRecent: 48,
  keepDailyDays: 30,
  keyId: null,
  recovery: null,
  recoveryCreatedAt: null,
};

interface Row {
  folder: string | null;
  every_minutes: number;
  keep_recent: number;
  keep_daily_days: number;
  key_id: string | null;
  recovery_json: string | null;
  recovery_created_at: string | null;
}

export function readBackupSettings(db: Database): BackupSettingsRow {
  const row = sql<[], Row>(
    db,
    'SELECT folder, every_minutes, keep_recent, keep_daily_days, key_id, recovery_json, recovery_created_at FROM backup_settings WHERE id = 1',
  ).get();
  if (!row) return DEFAULTS;
  return {
    folder: row.folder,
    everyMinutes: row.every_minutes,
    keepRecent: row.keep_recent,
    keepDailyDays: row.keep_daily_days,
    keyId: row.key_id,
    recovery: row.recovery_json ? (JSON.parse(row.recovery_json) as WrappedKey) : null,
    recoveryCreatedAt: row.recovery_created_at,
  };
}

export function writeBackupSettings(db: Database, s: BackupSettingsRow, at: string): void {
  sql(
    db,
    `INSERT INTO backup_settings (id, folder, every_minutes, keep_recent, keep_daily_days, key_id, recovery_json, recovery_created_at, updated_at)
     VALUES (1, @folder, @everyMinutes, @keepRecent, @keepDailyDays, @keyId, @recoveryJson, @recoveryCreatedAt, @at)
     ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, every_minutes = excluded.every_minutes,
       keep_recent = excluded.keep_recent, keep_daily_days = excluded.keep_daily_days, key_id = excluded.key_id,
       recovery_json = excluded.recovery_json, recovery_created_at = excluded.recovery_created_at, updated_at = excluded.updated_at`,
  ).run({ ...s, recoveryJson: s.recovery ? JSON.stringify(s.recovery) : null, at });
}

export interface BackupRunRow {
  reason: 'schedule' | 'manual' | 'close';
  startedAt: string;
  finishedAt: string;
  outcome: 'ok' | 'failed';
  file: string | null;
  bytes: number | null;
  message: string | null;
}

/** Keeps the last 1,000 runs: enough to see a pattern, small forever. */
export function recordRun(db: Database, run: BackupRunRow): void {
  db.transaction(() => {
    sql(
      db,
      `INSERT INTO backup_runs (reason, started_at, finished_at, outcome, file, bytes, message)
       VALUES (@reason, @startedAt, @finishedAt, @outcome, @file, @bytes, @message)`,
    ).run(run);
    sql(db, 'DELETE FROM backup_runs WHERE id <= (SELECT max(id) FROM backup_runs) - 1000').run();
  }).immediate();
}

export function lastRuns(db: Database): {
  lastSuccessAt: string | null;
  lastFailure: { at: string; message: string | null } | null;
  /** How the most recent run ended (by order of runs, not by a clock that may have moved). */
  lastOutcome: 'ok' | 'failed' | null;
} {
  const ok = sql<[], { at: string | null }>(db, "SELECT max(finished_at) AS at FROM backup_runs WHERE outcome = 'ok'").get();
  const failed = sql<[], { at: string; message: string | null }>(
    db,
    "SELECT finished_at AS at, message FROM backup_runs WHERE outcome = 'failed' ORDER BY id DESC LIMIT 1",
  ).get();
  const last = sql<[], { outcome: 'ok' | 'failed' }>(db, 'SELECT outcome FROM backup_runs ORDER BY id DESC LIMIT 1').get();
  return { lastSuccessAt: ok?.at ?? null, lastFailure: failed ?? null, lastOutcome: last?.outcome ?? null };
}
