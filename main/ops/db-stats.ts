// Database statistics for the support bundle: how many rows each table has,
// how big the file is and whether it is sound. Counts and sizes only; no
// row is ever read out.
import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';

export interface DbStats {
  file: string;
  bytes: number;
  walBytes: number;
  pageSize: number;
  pageCount: number;
  freePages: number;
  schemaVersion: number;
  tables: Record<string, number>;
}

function size(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function databaseStats(db: Database, file: string): DbStats {
  // FTS shadow tables are the index's internals; the index itself is counted as its table.
  const names = (
    db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT GLOB '*_fts_*' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of names)
    tables[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return {
    file,
    bytes: size(file),
    walBytes: size(`${file}-wal`),
    pageSize: db.pragma('page_size', { simple: true }) as number,
    pageCount: db.pragma('page_count', { simple: true }) as number,
    freePages: db.pragma('freelist_count', { simple: true }) as number,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    tables,
  };
}
