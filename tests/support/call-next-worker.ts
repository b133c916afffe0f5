// A room in a second OS process, for the queue race test: opens the counter
// database in DATA_DIR, says it is ready, waits for the test's go signal (so
// the rooms race), then presses "call next" for ROOM until nobody is left,
// and prints what it called, in order, as JSON.
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createCore } from '../../main/core/create-core';

async function run() {
  const [dataDir, room, readyFile, goFile] = process.argv.slice(2) as [string, string, string, string];
  const core = createCore({ dataDir, shell: 'browser', settings: { counterLetter: 'A' }, log: () => {} });
  const ctx = { kind: 'trusted', actor: `room-${room}` } as const;
  writeFileSync(readyFile, String(process.pid));
  const deadline = Date.now() + 60_000;
  while (!existsSync(goFile)) {
    if (Date.now() > deadline) throw new Error('no go signal within 60 s');
    await new Promise((r) => setTimeout(r, 2));
  }
  const called: string[] = [];
  for (;;) {
    const r = await core.registry.dispatch('queue.callNext', { moveId: randomUUID(), departmentCode: 'MED', room }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const token = (r.value as { token: { id: string } | null }).token;
    if (!token) break;
    called.push(token.id);
    // A room presses again a moment later, not in a tight loop: SQLite's busy handler is not fair, and a
    // process that takes the write lock back at once can starve the other room, so the rooms would not race.
    await new Promise((r) => setTimeout(r, Math.random() * 2));
  }
  core.close();
  process.stdout.write(JSON.stringify(called));
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
