import type { Database } from 'better-sqlite3';

/**
 * Runs `work` in a BEGIN IMMEDIATE transaction: the write lock is taken up
 * front, so two processes sharing the file serialise instead of deadlocking
 * on a read-then-write upgrade (which is how sequences stay unique).
 */
export function writeTransaction<T>(db: Database, work: () => T): T {
  return db.transaction(work).immediate();
}
