// WAL checkpoints off the request path. By default SQLite checkpoints inside
// whichever commit pushes the WAL past 1,000 pages, so one call in every few
// dozen (a token, a "call next") pays for copying the log into the database
// and syncing it: that was most of the counter's p99. The core turns that off
// and checkpoints on a timer between calls instead (PASSIVE: never waits for
// a reader, never blocks a writer); a checkpoint with nothing new to copy
// costs nothing. Another process on the same file (tests, a second core)
// keeps checkpointing for itself, so the log stays bounded either way.
import type { Database } from 'better-sqlite3';

export interface Checkpointer {
  /** Checkpoints now (also what the timer does). Returns the WAL frames copied. */
  run(): number;
  stop(): void;
}

export function startCheckpointer(
  db: Database,
  intervalMs = 1_000,
  log: (message: string) => void = console.error,
): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const run = () => {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return row?.checkpointed ?? 0;
  };
  const timer = setInterval(() => {
    try {
      run();
    } catch (err) {
      // Busy or closing: the next tick tries again.
      log(`checkpoint skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, intervalMs);
  timer.unref();
  return {
    run,
    stop() {
      clearInterval(timer);
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
  };
}
