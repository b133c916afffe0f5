// Opens (or creates) the counter's SQLite file with the settings every part
// relies on: WAL for concurrent readers, FULL sync because a registration or a
// printed token must survive a power cut, foreign keys, and a busy timeout so
// two processes on one file wait for each other instead of failing.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { registerAuditFunctions } from '../audit/audit-chain';
import { loadMigrations, migrate, type Migration } from './migrate';
import { registerSqlFunctions } from './sql-functions';

export type { Database };

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron). */
  nativeBinding?: string;
  migrations?: Migration[];
  /** Stop at this schema version (tests of a migration). */
  targetVersion?: number;
}

export class DatabaseOpenError extends Error {
  constructor(file: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open the counter database at ${file}: ${why}`);
    this.name = 'DatabaseOpenError';
  }
}

/** Where the SQL migration files are, in the source tree and in the bundle. */
export function migrationsDir(): string {
  const candidates = [join(__dirname, 'migrations'), join(__dirname, '../../main/db/migrations')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

const BUSY_TIMEOUT_MS = 5000;

function isBusy(err: unknown): boolean {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('SQLITE_BUSY');
}

/** Runs `step` again after a short pause while SQLite answers busy, up to the busy timeout. */
function retryWhileBusy<T>(step: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return step();
    } catch (err) {
      if (!isBusy(err) || Date.now() > deadline) throw err;
      Atomics.wait(pause, 0, 0, 10 + Math.random() * 40); // opening is synchronous: a real sleep, not a spin
    }
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const conn = db;
    conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Switching a new file to WAL, and the first read while another process
    // recovers the WAL, answer SQLITE_BUSY at once instead of waiting on the
    // busy timeout (https://sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode),
    // so two counters starting on one new file retry here rather than fail.
    retryWhileBusy(() => conn.pragma('journal_mode = WAL'));
    conn.pragma('synchronous = FULL');
    conn.pragma('foreign_keys = ON');
    // Before the migrations: the reports' summary triggers call these (migration 0130).
    registerSqlFunctions(conn);
    // Reading the schema fails fast on a file that is not a database at all.
    retryWhileBusy(() => conn.prepare('SELECT count(*) FROM sqlite_schema').get());
    // Migration 0110 chains the audit rows with the app's own hash function.
    registerAuditFunctions(conn);
    migrate(db, options.migrations ?? loadMigrations(migrationsDir()), options.targetVersion);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof Error && err.name === 'DatabaseFromFutureError') throw err;
    throw new DatabaseOpenError(file, err);
  }
}
