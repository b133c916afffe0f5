import type { Database } from 'better-sqlite3';

/**
 * Runs `work` in a BEGIN IMMEDIATE transaction: the write lock is taken up
 * front, so two processes sharing the file serialise instead of deadlocking
 * on a read-then-write upgrade (which is how sequences stay unique).
 */
export function writeTransaction<T>(db: Database, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * The same, committed without waiting for the disk (synchronous=NORMAL for
 * this commit only), for writes nobody holds on paper: a queue move. In WAL
 * mode such a commit is atomic and never corrupts; a power cut may lose the
 * last few of them, never a later durable write, because the next FULL commit
 * (a token, a registration) or checkpoint syncs the log up to its own frames
 * (docs/decisions.md, "The queue"). Everything else stays FULL.
 */
export function relaxedWriteTransaction<T>(db: Database, work: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return writeTransaction(db, work);
  } finally {
    db.pragma('synchronous = FULL');
  }
}
