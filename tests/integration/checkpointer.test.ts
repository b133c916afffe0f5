// The core checkpoints the WAL on a timer, not inside a clerk's commit: its
// connection has autocheckpoint off, the log is copied into the database
// between calls, and what was written is all there after a reopen.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../main/db/checkpointer';
import { openDatabase } from '../../main/db/open-database';
import { startTestCore, tempDir, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

describe('WAL checkpoints', () => {
  it('are not made inside commits: the core checkpoints between calls', async () => {
    t = startTestCore();
    expect(t.core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = t.core.db.prepare("INSERT INTO settings (key, value) VALUES (?, 'x')");
    for (let i = 0; i < 3000; i++) t.core.db.transaction(() => insert.run(`k${i}`)).immediate();
    // Without the timer nothing was copied: the log holds every commit.
    const before = statSync(join(t.dataDir, 'counter.sqlite-wal')).size;
    expect(before).toBeGreaterThan(1000 * 4096);
    await new Promise((r) => setTimeout(r, 1_300));
    const after = t.core.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(after[0]!.checkpointed).toBe(after[0]!.log); // the timer had copied everything already
  });

  it('leaves every committed row in the database file', () => {
    const file = join(tempDir(), 'counter.sqlite');
    const db = openDatabase(file);
    const checkpointer = startCheckpointer(db, 60_000);
    db.prepare("INSERT INTO settings (key, value) VALUES ('kept', 'yes')").run();
    expect(checkpointer.run()).toBeGreaterThan(0);
    checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
    const again = new BetterSqlite3(file, { readonly: true });
    expect(again.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: 'yes' });
    again.close();
  });
});
