// Two rooms pressing "call next" at once must never get the same patient:
// not in one process, and not as two OS processes on one database file (a
// counter's core and a second core started on the same data folder). 1,000
// waiting tokens, two rooms calling as fast as they can: 1,000 contested
// calls, each token called exactly once.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestCore, tempDir } from '../support/temp-core';

const run = promisify(execFile);
const tsx = createRequire(__filename).resolve('tsx/cli');
const worker = join(__dirname, '../support/call-next-worker.ts');
const TOKENS = 1000;

/** A counter with TOKENS waiting in MED (one in five a senior citizen), rooms 101 and 102 sharing the queue. */
async function seedQueue(dir: string): Promise<string[]> {
  const t = startTestCore({ counterLetter: 'A' }, dir);
  t.clock.current = new Date(); // the rooms' processes run on the real clock: the tokens must be today's
  await t.call('departments.update', { code: 'MED', rooms: ['101', '102'] });
  // Patients straight into the table in one transaction (registration is tested elsewhere); tokens through the contract.
  const insert = t.core.db.prepare(
    `INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, origin_counter, created_at, updated_at)
     VALUES (?, ?, ?, 'other', '1980-01-01', 1, 'A', '2026-11-25T04:00:00Z', '2026-11-25T04:00:00Z')`,
  );
  const patients = Array.from({ length: TOKENS }, () => randomUUID());
  t.core.db.transaction(() =>
    patients.forEach((id, i) => insert.run(id, `GHA26${String(i).padStart(7, '0')}`, `Patient ${i}`)),
  )();
  // Seeding only: durability is not what this test is about (the race below runs with the counter's own settings).
  t.core.db.pragma('synchronous = OFF');
  const ids: string[] = [];
  for (const [i, patientId] of patients.entries()) {
    const token = await t.call('tokens.issue', { patientId, departmentCode: 'MED', priority: i % 5 === 0 ? 'senior' : 'none' });
    ids.push(token.id);
  }
  t.core.close();
  return ids;
}

describe('call next under a race', () => {
  it('two rooms in two processes on one database file call each of 1,000 tokens exactly once', async () => {
    const dir = tempDir();
    const issued = await seedQueue(dir);
    const signals = tempDir('hims-signals-');
    const go = join(signals, 'go');
    const rooms = ['101', '102'];
    const ready = rooms.map((room) => join(signals, `ready-${room}`));
    const outputs = Promise.all(
      rooms.map((room, i) => run(process.execPath, [tsx, worker, dir, room, ready[i]!, go], { timeout: 90_000 })),
    );
    const deadline = Date.now() + 60_000;
    while (!ready.every((f) => existsSync(f)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    writeFileSync(go, 'go');
    const [a, b] = (await outputs).map((o) => JSON.parse(o.stdout) as string[]) as [string[], string[]];

    // Every token called, none twice, by either room.
    const all = [...a, ...b];
    expect(all).toHaveLength(TOKENS);
    expect(new Set(all).size).toBe(TOKENS);
    expect(new Set(all)).toEqual(new Set(issued));

    const db = new BetterSqlite3(join(dir, 'counter.sqlite'), { readonly: true });
    try {
      // The database agrees: one call move per token, from one room, and the rooms really raced (interleaved).
      const calls = db.prepare("SELECT token_id, room FROM token_moves WHERE move = 'call' ORDER BY pk").all() as {
        token_id: string;
        room: string;
      }[];
      expect(calls).toHaveLength(TOKENS);
      expect(new Set(calls.map((c) => c.token_id)).size).toBe(TOKENS);
      const switches = calls.filter((c, i) => i > 0 && c.room !== calls[i - 1]!.room).length;
      // SQLite's busy handler lets the holder of the lock run on for a while: the rooms take turns in runs, not strictly.
      expect(Math.min(a.length, b.length)).toBeGreaterThan(50);
      expect(switches).toBeGreaterThanOrEqual(4);
      // Each room's current patient was finished by its next call (the last by the call that found nobody).
      expect(db.prepare('SELECT queue_status, count(*) AS n FROM tokens GROUP BY queue_status').all()).toEqual([
        { queue_status: 'done', n: TOKENS },
      ]);
      // The priority rule held across both rooms: every senior was called before any regular patient.
      const seniorsLast = db
        .prepare(
          `SELECT max(m.pk) AS last FROM token_moves m JOIN tokens t ON t.id = m.token_id WHERE m.move = 'call' AND t.priority = 'senior'`,
        )
        .get() as { last: number };
      const regularFirst = db
        .prepare(
          `SELECT min(m.pk) AS first FROM token_moves m JOIN tokens t ON t.id = m.token_id WHERE m.move = 'call' AND t.priority = 'none'`,
        )
        .get() as { first: number };
      expect(seniorsLast.last).toBeLessThan(regularFirst.first);
    } finally {
      db.close();
    }
  }, 180_000);
});
