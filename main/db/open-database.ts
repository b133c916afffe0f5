// Opens (or creates) the counter's SQLite file with the settings every part
// relies on: WAL for concurrent readers, FULL sync because a registration or a
// printed token must survive a power cut, foreign keys, and a busy timeout so
// two processes on one file wait for each other instead of failing.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { loadMigrations, migrate, type Migration } from './migrate';

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

export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Reading the schema fails fast on a file that is not a database at all.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    migrate(db, options.migrations ?? loadMigrations(migrationsDir()), options.targetVersion);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof Error && err.name === 'DatabaseFromFutureError') throw err;
    throw new DatabaseOpenError(file, err);
  }
}
