// Numbered SQL migrations (0010_name.sql, steps of 10), each applied in its own
// transaction and recorded in PRAGMA user_version. A database written by a
// newer version of the app is refused rather than guessed at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer HIMS Counter (schema ${found}; this version knows up to ${supported}). ` +
        'Update the app on this counter; the database has not been touched.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`migration file name "${file}" is not NNNN_name.sql`);
      return { version: Number(match[1]), name: match[2] as string, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version) throw new Error(`two migrations numbered ${m.version}`);
  });
  return migrations;
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Applies what is missing, up to `target` (all by default). Returns the new version. */
export function migrate(db: Database, migrations: Migration[], target = latestVersion(migrations)): number {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const supported = latestVersion(migrations);
  if (version() > supported) throw new DatabaseFromFutureError(version(), supported);
  for (const migration of migrations) {
    if (migration.version > target) break;
    db.transaction(() => {
      // Read again under the write lock: another process opening the same
      // file at the same moment may have applied this migration already.
      if (version() >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return version();
}
