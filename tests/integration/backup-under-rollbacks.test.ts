// A backup ends while the counter keeps working, refusals included. SQLite's
// online backup API started over from the first page at every rollback on the
// counter's connection, and a counter rolls back each refused write: on a
// large file the backup never ended (main/backup/db-snapshot.ts).
import { afterEach, expect, it } from 'vitest';
import { seedCache } from '../bench/synthetic-patients';
import { startTestCore, tempDir, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

it('ends while writes are rolled back every few milliseconds on the counter’s connection', async () => {
  t = startTestCore();
  // Large enough that copying takes many steps of the online backup API (44 MB): it never ended before.
  seedCache(t.core.db, 200_000);
  const caller = { kind: 'trusted', actor: 'test' } as const;
  const call = async (method: string, input: unknown) => {
    const answer = await t!.core.registry.dispatch(method, input, caller);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value;
  };
  await call('backups.saveSettings', { folder: tempDir(), everyMinutes: 30, keepRecent: 48, keepDailyDays: 30 });
  await call('backups.newRecoveryCode', {});
  const db = t.core.db;
  const refused = db.transaction(() => {
    db.prepare("INSERT INTO settings (key, value) VALUES ('refused', 'x')").run();
    throw new Error('refused');
  });
  let rollbacks = 0;
  const clerk = setInterval(() => {
    try {
      refused.immediate();
    } catch {
      rollbacks++;
    }
  }, 2);
  try {
    const run = (await call('backups.run', {})) as { file: string; bytes: number };
    expect(run.bytes).toBeGreaterThan(1_000_000);
  } finally {
    clearInterval(clerk);
  }
  expect(rollbacks).toBeGreaterThan(10);
}, 90_000);
