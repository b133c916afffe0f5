// Keeping the counter safe, measured: what the audit chain adds to each
// audit row, how fast the chain verifies, and an online backup of a full
// cache — its time, its size, and what the clerk feels meanwhile (tokens
// issued every 50 ms during the backup, and the event loop's longest stall)
// — then the restore.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { appendAudit } from '../../main/audit/audit-log';
import { verifyAuditChain, verifyAuditChainAsync } from '../../main/audit/audit-chain';
import { restoreBackup } from '../../main/backup/backup-restore';
import { createCore } from '../../main/core/create-core';
import { latestVersion, loadMigrations } from '../../main/db/migrate';
import { migrationsDir } from '../../main/db/open-database';
import { TEST_IDENTITY, tempDir } from '../support/temp-core';
import type { BenchOptions, BenchReport } from './bench-runner';
import { measure, printTable, type Result } from './stats';
import { seedCache } from './synthetic-patients';

const AUDIT_ROWS = 200_000;

export async function run(options: BenchOptions): Promise<BenchReport> {
  const dataDir = tempDir('hims-bench-ops-');
  // A counter that is set up: an unconfigured one refuses every token, and the clerk below would measure refusals.
  const core = createCore({ dataDir, shell: 'browser', settings: TEST_IDENTITY, log: () => {} });
  const caller = { kind: 'trusted', actor: 'bench' } as const;
  const results: Result[] = [];
  const missed: string[] = [];
  try {
    const { sample } = seedCache(core.db, options.patients);

    // 1. The chain's cost per audit row (one read of the last hash, one SHA-256), inside
    //    the caller's transaction as every handler writes it: 100 rows per measured run.
    let n = 0;
    const hundred = core.db.transaction(() => {
      for (let k = 0; k < 100; k++)
        appendAudit(core.db, {
          at: new Date().toISOString(),
          actor: 'bench',
          action: 'patient.view',
          entity: 'patient',
          entityId: `p-${n++}`,
        });
    });
    results.push(
      await measure('100 chained audit rows, one transaction', 200, () => {
        hundred();
        return Promise.resolve();
      }),
    );
    core.db.transaction(() => {
      for (let i = 0; i < AUDIT_ROWS; i++)
        appendAudit(core.db, {
          at: new Date().toISOString(),
          actor: 'bench',
          action: 'token.print',
          entity: 'token',
          entityId: `t-${i}`,
        });
    })();
    const entries = (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const verifyStart = performance.now();
    const verdict = verifyAuditChain(core.db);
    const verifyMs = performance.now() - verifyStart;
    // The supervisor's check walks the same chain a page at a time: the longest the counter waits is one page.
    const verifyLoop = monitorEventLoopDelay({ resolution: 10 });
    verifyLoop.enable();
    await verifyAuditChainAsync(core.db);
    verifyLoop.disable();
    const verifyStallMs = verifyLoop.max / 1e6;
    if (!verdict.intact) missed.push('the chain did not verify');

    // 2. An online backup while a clerk keeps issuing tokens.
    const backupDir = tempDir('hims-bench-backups-');
    await core.registry.dispatch(
      'backups.saveSettings',
      { folder: backupDir, everyMinutes: 30, keepRecent: 48, keepDailyDays: 30 },
      caller,
    );
    const code = await core.registry.dispatch('backups.newRecoveryCode', {}, caller);
    if (!code.ok) throw new Error(JSON.stringify(code.error));
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = statSync(join(dataDir, 'counter.sqlite')).size;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const issueTimes: number[] = [];
    let refusedDuringBackup = 0;
    let issuing = true;
    let i = 0;
    const clerk = (async () => {
      while (issuing) {
        const patient = sample[i++ % sample.length]!;
        const start = performance.now();
        const issued = await core.registry.dispatch(
          'tokens.issue',
          { patientId: patient.id, departmentCode: i % 2 ? 'EYE' : 'DENT' },
          caller,
        );
        issueTimes.push(performance.now() - start);
        if (!issued.ok) refusedDuringBackup++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    loop.enable();
    const backupStart = performance.now();
    const backup = await core.registry.dispatch('backups.run', {}, caller);
    const backupMs = performance.now() - backupStart;
    loop.disable();
    issuing = false;
    await clerk;
    if (!backup.ok) throw new Error(JSON.stringify(backup.error));
    const file = join(backupDir, (backup.value as { file: string }).file);
    const backupBytes = statSync(file).size;
    issueTimes.sort((a, b) => a - b);
    const issueP99 = issueTimes[Math.max(0, Math.ceil(issueTimes.length * 0.99) - 1)] ?? NaN;
    const stallMs = loop.max / 1e6;
    if (refusedDuringBackup > 0)
      missed.push(`${refusedDuringBackup} tokens refused during the backup: the times are not of issuing`);
    if (stallMs > 250) missed.push(`event loop stalled ${stallMs.toFixed(0)} ms during the backup (budget 250 ms)`);

    // 3. Restore into a fresh folder with the recovery code.
    const restoreStart = performance.now();
    await restoreBackup({
      file,
      dataDir: tempDir('hims-bench-restore-'),
      supportedSchema: latestVersion(loadMigrations(migrationsDir())),
      appVersion: core.context.appVersion,
      recoveryCode: (code.value as { recoveryCode: string }).recoveryCode,
      mode: 'place',
    });
    const restoreMs = performance.now() - restoreStart;

    printTable(results);
    const rows: [string, string][] = [
      ['patients in the cache', options.patients.toLocaleString('en-IN')],
      [
        'audit entries verified',
        `${entries.toLocaleString('en-IN')} in ${verifyMs.toFixed(0)} ms (${Math.round(entries / (verifyMs / 1000)).toLocaleString('en-IN')}/s)`,
      ],
      ['longest stall during the async chain check', `${verifyStallMs.toFixed(0)} ms`],
      ['database file', `${(dbBytes / 1e6).toFixed(1)} MB`],
      ['backup (copy, check, gzip, encrypt)', `${(backupMs / 1000).toFixed(1)} s, ${(backupBytes / 1e6).toFixed(1)} MB`],
      ['tokens issued during the backup', `${issueTimes.length}, p99 ${issueP99.toFixed(1)} ms`],
      ['longest event-loop stall during the backup', `${stallMs.toFixed(0)} ms`],
      ['restore (decrypt, check, migrate)', `${(restoreMs / 1000).toFixed(1)} s`],
    ];
    for (const [what, value] of rows) console.log(`${what.padEnd(44)} ${value}`);
    return {
      name: 'ops',
      data: {
        results,
        patients: options.patients,
        entries,
        verifyMs,
        dbBytes,
        backupMs,
        backupBytes,
        issuesDuringBackup: issueTimes.length,
        issueP99,
        stallMs,
        restoreMs,
      },
      missed,
    };
  } finally {
    core.close();
  }
}
