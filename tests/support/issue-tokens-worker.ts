// A second OS process for the concurrency tests: opens the counter database
// in DATA_DIR, registers COUNT patients, waits for START_AT (so the processes
// race), issues a MED token for each and prints the labels as JSON.
import { createCore } from '../../main/core/create-core';

async function run() {
  const [dataDir, letter, countText, startAtText] = process.argv.slice(2);
  const core = createCore({ dataDir: dataDir!, shell: 'browser', settings: { counterLetter: letter! }, log: () => {} });
  const ctx = { actor: `worker-${process.pid}` };
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
  while (Date.now() < Number(startAtText)) await new Promise((r) => setTimeout(r, 5));
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
