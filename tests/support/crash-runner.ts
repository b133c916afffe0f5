// The core in its own process for the crash test: opens the counter database
// in DATA_DIR (recovering it after the last SIGKILL as the app would), then
// CALLERS concurrent callers register patients and issue tokens as fast as
// they can until the process is killed. Each acknowledged call is written to
// stdout (a pipe: the write is synchronous on Linux, so a line the test read
// is a call that returned before the kill). The test never lets it finish.
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { createCore } from '../../main/core/create-core';

const DEPARTMENTS = ['MED', 'ENT', 'EYE', 'SURG'];

async function main() {
  const [dataDir, callersText, tag] = process.argv.slice(2) as [string, string, string];
  const core = createCore({ dataDir, shell: 'browser', settings: { counterLetter: 'K', hospitalCode: 'CRS' }, log: () => {} });
  const say = (line: string) => writeSync(1, `${line}\n`);
  say('ready');
  const caller = { kind: 'trusted', actor: `crash-${tag}` } as const;

  async function loop(n: number): Promise<void> {
    for (let i = 0; ; i++) {
      const id = randomUUID();
      const registered = await core.registry.dispatch(
        'patients.register',
        { id, name: `Crash ${tag} ${n} ${i}`, gender: 'other', ageYears: 20 + (i % 60), confirmNotDuplicate: true },
        caller,
      );
      if (!registered.ok) throw new Error(JSON.stringify(registered.error));
      say(`P ${id} ${(registered.value as { uhid: string }).uhid}`);
      for (const department of [DEPARTMENTS[(n + i) % 4]!, DEPARTMENTS[(n + i + 1) % 4]!]) {
        const tokenId = randomUUID();
        const issued = await core.registry.dispatch(
          'tokens.issue',
          { id: tokenId, patientId: id, departmentCode: department },
          caller,
        );
        if (!issued.ok) throw new Error(JSON.stringify(issued.error));
        const token = issued.value as { label: string; visitDate: string };
        say(`T ${tokenId} ${department} ${token.visitDate} ${token.label}`);
      }
      // Let the other callers in between calls, as requests from several windows would.
      await new Promise((r) => setImmediate(r));
    }
  }

  await Promise.all(Array.from({ length: Number(callersText) }, (_, n) => loop(n)));
}

main().catch((err: unknown) => {
  writeSync(2, `crash runner failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
