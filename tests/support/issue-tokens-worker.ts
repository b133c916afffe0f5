// A second OS process for the concurrency tests: opens the counter database
// in DATA_DIR, registers COUNT patients, says it is ready, waits for the
// test's go signal (so the processes race), issues a MED token for each and
// prints the labels as JSON.
import { existsSync, writeFileSync } from 'node:fs';
import { createCore } from '../../main/core/create-core';
import { TEST_IDENTITY } from './temp-core';

async function run() {
  const [dataDir, letter, countText, readyFile, goFile] = process.argv.slice(2) as [string, string, string, string, string];
  const core = createCore({ dataDir, shell: 'browser', settings: { ...TEST_IDENTITY, counterLetter: letter }, log: () => {} });
  const ctx = { kind: 'trusted', actor: `worker-${process.pid}` } as const;
  const ids: string[] = [];
  for (let i = 0; i < Number(countText); i++) {
    const r = await core.registry.dispatch(
      'patients.register',
      { name: `Worker ${process.pid} Patient ${i}`, gender: 'other', ageYears: 30, confirmNotDuplicate: true },
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    ids.push((r.value as { id: string }).id);
  }
  writeFileSync(readyFile, String(process.pid));
  const deadline = Date.now() + 60_000;
  while (!existsSync(goFile)) {
    if (Date.now() > deadline) throw new Error('no go signal within 60 s');
    await new Promise((r) => setTimeout(r, 2));
  }
  const labels: string[] = [];
  for (const patientId of ids) {
    const r = await core.registry.dispatch('tokens.issue', { patientId, departmentCode: 'MED' }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    labels.push((r.value as { label: string }).label);
  }
  core.close();
  process.stdout.write(JSON.stringify(labels));
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
