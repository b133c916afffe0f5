// Backups and restore on real files: a backup holds every patient and token
// and gives them back in a fresh data folder (with only the recovery code);
// read without the key it shows no patient's name, phone or ABHA number; a
// backup from a newer version, with the wrong key or code, or changed after
// it was written is refused in words and changes nothing.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackupFile, readBackupHeader } from '../../main/backup/backup-file';
import { restoreBackup, RestoreError, compareVersions } from '../../main/backup/backup-restore';
import { keyId, readBackupKey } from '../../main/backup/backup-key';
import { latestVersion, loadMigrations } from '../../main/db/migrate';
import { migrationsDir } from '../../main/db/open-database';
import { plainFileSecretStore } from '../../main/config/secret-store';
import { databaseFile, fileHolds, SEEDED, seededCounter, snapshot, type SeededCounter } from '../support/ops-fixture';
import { startTestCore, tempDir } from '../support/temp-core';

const LATEST = latestVersion(loadMigrations(migrationsDir()));
const counters: SeededCounter[] = [];
afterEach(() => counters.splice(0).forEach((c) => c.t.dispose()));

async function counter(): Promise<SeededCounter> {
  const c = await seededCounter();
  counters.push(c);
  return c;
}

const restoreTo = (file: string, dataDir: string, extra: Partial<Parameters<typeof restoreBackup>[0]> = {}) =>
  restoreBackup({ file, dataDir, supportedSchema: LATEST, appVersion: '0.1.0', mode: 'place', ...extra });

describe('a backup', () => {
  it('is written encrypted into the backup folder; read without the key it shows no name, phone, ABHA number or UHID', async () => {
    const c = await counter();
    const run = await c.t.call('backups.run', {});
    const file = join(c.backupDir, run.file);
    expect(existsSync(file)).toBe(true);
    expect(run.file).toMatch(/^hims-backup_B_\d{8}-\d{6}-\d{3}_[0-9a-f]{8}\.himsbak$/);
    // The live database does hold them (so the search below could find them).
    c.t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileHolds(databaseFile(c.t.dataDir), SEEDED[0].name)).toBe(true);
    for (const person of SEEDED) {
      expect(fileHolds(file, person.name)).toBe(false);
      expect(fileHolds(file, person.phone)).toBe(false);
      expect(fileHolds(file, person.abhaNumber)).toBe(false);
    }
    for (const uhid of c.uhids) expect(fileHolds(file, uhid.replace(/-/g, ''))).toBe(false);
    expect(fileHolds(file, 'SQLite format 3')).toBe(false);
    // The header says what it is without the key, and carries the audit chain head.
    const { header } = readBackupHeader(file);
    expect(header).toMatchObject({
      format: 1,
      schemaVersion: LATEST,
      counterLetter: 'B',
      hospitalCode: 'LNH',
      cipher: 'aes-256-gcm',
      auditHead: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(run.auditHead).toEqual(header.auditHead);
    expect(c.t.count('backup_runs')).toBe(1);
    expect((await c.t.call('backups.status', {})).state).toBe('ok');
    // No plain copy left behind in the data folder.
    expect(readdirSync(join(c.t.dataDir, 'backup-work'))).toEqual([]);
  });

  it('restored into a fresh data folder with only the recovery code gives back every patient and token', async () => {
    const c = await counter();
    const run = await c.t.call('backups.run', {});
    const before = snapshot(databaseFile(c.t.dataDir));
    const fresh = tempDir('hims-new-machine-');
    const secrets = plainFileSecretStore(join(fresh, 'secrets'));
    const outcome = await restoreTo(join(c.backupDir, run.file), fresh, { secrets, recoveryCode: c.recoveryCode.toLowerCase() });
    expect(outcome.keptAside).toBeNull();
    expect(outcome.check).toMatchObject({ ok: true, patients: 3, tokens: 6 });
    const after = snapshot(databaseFile(fresh));
    expect(after).toEqual(before);
    expect(after.patients).toHaveLength(3);
    expect(after.tokens).toHaveLength(6);
    // The key came with the code, so this machine's next backups open with the same code.
    expect(keyId(readBackupKey(secrets)!)).toBe(readBackupHeader(join(c.backupDir, run.file)).header.keyId);
    // And a counter started there finds them.
    const restored = startTestCore(null, fresh);
    try {
      const found = await restored.call('patients.search', { query: SEEDED[1].phone });
      expect(found.patients.map((p) => p.name)).toEqual([SEEDED[1].name]);
      expect(restored.core.context.identity.counterLetter).toBe('B');
      expect((await restored.call('audit.verify', {})).intact).toBe(true);
    } finally {
      restored.core.close();
    }
  });

  it('is refused with the wrong recovery code, or another counter’s key, and nothing is written', async () => {
    const c = await counter();
    const run = await c.t.call('backups.run', {});
    const file = join(c.backupDir, run.file);
    const fresh = tempDir('hims-new-machine-');
    await expect(restoreTo(file, fresh)).rejects.toMatchObject({
      reason: 'wrong_key',
      message: expect.stringMatching(/another key.*recovery code/),
    });
    await expect(restoreTo(file, fresh, { recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2' })).rejects.toMatchObject({
      reason: 'wrong_code',
      message: expect.stringMatching(/recovery code does not open this backup/),
    });
    // Another counter's own key does not open it either.
    const other = await counter();
    await expect(
      restoreTo(file, other.t.dataDir, { secrets: plainFileSecretStore(join(other.t.dataDir, 'secrets')) }),
    ).rejects.toBeInstanceOf(RestoreError);
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('from a newer schema or a newer app is refused before any key is asked for', async () => {
    const c = await counter();
    const run = await c.t.call('backups.run', {});
    const key = readBackupKey(plainFileSecretStore(join(c.t.dataDir, 'secrets')))!;
    const { header } = readBackupHeader(join(c.backupDir, run.file));
    const newer = async (patch: Partial<typeof header>) => {
      const out = join(tempDir(), 'newer.himsbak');
      c.t.core.db.pragma('wal_checkpoint(TRUNCATE)');
      await writeBackupFile(databaseFile(c.t.dataDir), out, { ...header, ...patch }, key);
      return out;
    };
    const fresh = tempDir('hims-new-machine-');
    await expect(
      restoreTo(await newer({ schemaVersion: LATEST + 10 }), fresh, { recoveryCode: c.recoveryCode }),
    ).rejects.toMatchObject({
      reason: 'newer_schema',
      message: expect.stringMatching(/newer HIMS Counter \(database schema \d+; this version reads up to \d+\)/),
    });
    await expect(restoreTo(await newer({ appVersion: '0.2.0' }), fresh, { recoveryCode: c.recoveryCode })).rejects.toMatchObject({
      reason: 'newer_app',
      message: expect.stringMatching(/made by HIMS Counter 0\.2\.0, newer than this one \(0\.1\.0\)/),
    });
    expect(readdirSync(fresh)).toEqual([]);
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0')).toBe(0);
  });

  it('changed after it was written (one byte, or its header) is refused as damaged', async () => {
    const c = await counter();
    const run = await c.t.call('backups.run', {});
    const file = join(c.backupDir, run.file);
    const bytes = readFileSync(file);
    const body = Buffer.from(bytes);
    body[body.length - 100] = body[body.length - 100]! ^ 0x01;
    const flipped = join(tempDir(), 'flipped.himsbak');
    writeFileSync(flipped, body);
    const fresh = tempDir('hims-new-machine-');
    await expect(restoreTo(flipped, fresh, { recoveryCode: c.recoveryCode })).rejects.toMatchObject({ reason: 'damaged' });
    // The header is authenticated too: "B" made into "C" in the counter letter.
    const headerEdit = Buffer.from(bytes.toString('latin1').replace('"counterLetter":"B"', '"counterLetter":"C"'), 'latin1');
    const edited = join(tempDir(), 'edited.himsbak');
    writeFileSync(edited, headerEdit);
    await expect(restoreTo(edited, fresh, { recoveryCode: c.recoveryCode })).rejects.toMatchObject({ reason: 'damaged' });
    writeFileSync(join(tempDir(), 'x'), '');
    await expect(restoreTo(join(tempDir(), 'x'), fresh)).rejects.toMatchObject({ reason: 'not_backup' });
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('restored from the Maintenance screen: staged, then put in place at the next start, the newer database kept aside', async () => {
    const c = await counter();
    const run = await c.t.call('backups.run', {});
    const atBackup = snapshot(databaseFile(c.t.dataDir));
    const late = await c.t.call('patients.register', {
      name: 'After Backup',
      gender: 'male',
      ageYears: 30,
      confirmNotDuplicate: true,
    });
    const refused = await c.t.fail('backups.restore', { name: run.file, confirm: 'restore' });
    expect(refused.code).toBe('VALIDATION_FAILED');
    const staged = await c.t.call('backups.restore', { name: run.file, confirm: 'RESTORE' });
    expect(staged).toMatchObject({
      restartRequired: true,
      schemaVersion: LATEST,
      keptAside: expect.stringContaining('replaced-'),
    });
    const dataDir = c.t.dataDir;
    c.t.core.close();
    const restarted = startTestCore(null, dataDir);
    try {
      expect(snapshot(databaseFile(dataDir)).patients).toEqual(atBackup.patients);
      expect(snapshot(join(staged.keptAside, 'counter.sqlite')).patients.map((p) => (p as { id: string }).id)).toContain(late.id);
      const audit = await restarted.call('audit.list', { limit: 5 });
      expect(audit.entries.length).toBeGreaterThan(0);
    } finally {
      restarted.core.close();
    }
    counters.splice(counters.indexOf(c), 1);
  });

  it('by the command line: npm run restore into a fresh folder, refusing one that holds a database without --replace', async () => {
    const c = await counter();
    const run = await c.t.call('backups.run', {});
    const file = join(c.backupDir, run.file);
    const tsx = createRequire(__filename).resolve('tsx/cli');
    const cli = join(__dirname, '../../main/backup/restore-cli.ts');
    const exec = promisify(execFile);
    const fresh = tempDir('hims-cli-');
    const ok = await exec(process.execPath, [tsx, cli, '--backup', file, '--data-dir', fresh], {
      env: { ...process.env, HIMS_RECOVERY_CODE: c.recoveryCode },
    });
    expect(ok.stdout).toMatch(/Restored the backup of LNH counter B .*: 3 patients, 6 tokens/);
    expect(snapshot(databaseFile(fresh)).patients).toEqual(snapshot(databaseFile(c.t.dataDir)).patients);
    const again = await exec(process.execPath, [tsx, cli, '--backup', file, '--data-dir', fresh]).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(again).toMatchObject({ code: 2, stdout: expect.stringMatching(/already holds a counter database/) });
    const info = await exec(process.execPath, [tsx, cli, '--backup', file, '--info']);
    expect(JSON.parse(info.stdout)).toMatchObject({ schemaVersion: LATEST, counter: expect.stringContaining('LNH B') });
  }, 60_000);
});

describe('backup settings and status', () => {
  it('refuse a folder that is relative, missing, or inside the data folder, and change nothing', async () => {
    const t = startTestCore();
    try {
      for (const folder of ['backups', join(tempDir(), 'not-there'), join(t.dataDir, 'inner')]) {
        if (folder.endsWith('inner')) mkdirSync(folder);
        const error = await t.fail('backups.saveSettings', { folder, everyMinutes: 30, keepRecent: 48, keepDailyDays: 30 });
        expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'folder' });
      }
      expect(t.count('backup_settings')).toBe(0);
      expect((await t.call('backups.status', {})).state).toBe('off');
      expect(await t.fail('backups.run', {})).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/backup folder/),
      });
    } finally {
      t.dispose();
    }
  });

  it('go off → no key → ok → overdue → failed, and back to ok after the next run; retention keeps only this counter’s newest', async () => {
    const t = startTestCore({ counterLetter: 'C' });
    try {
      const folder = tempDir('hims-backups-');
      // Another counter's backup in the same folder must never be touched.
      const stranger = 'hims-backup_D_20200101-000000-000_deadbeef.himsbak';
      writeFileSync(join(folder, stranger), 'not ours');
      await t.call('backups.saveSettings', { folder, everyMinutes: 30, keepRecent: 2, keepDailyDays: 0 });
      expect((await t.call('backups.status', {})).state).toBe('no_key');
      await t.call('backups.newRecoveryCode', {});
      expect((await t.call('backups.status', {})).state).toBe('overdue');
      for (let i = 0; i < 4; i++) {
        await t.call('backups.run', {});
        t.clock.advance(1000);
      }
      const files = await t.call('backups.list', {});
      expect(files.filter((f) => f.ownCounter)).toHaveLength(2);
      expect(files.find((f) => f.name === stranger)).toMatchObject({ ownCounter: false });
      expect((await t.call('backups.status', {})).state).toBe('ok');
      t.clock.advance(61 * 60_000);
      expect((await t.call('backups.status', {})).state).toBe('overdue');
      // The scheduler runs the due backup.
      await t.core.ops.backups.tick();
      expect((await t.call('backups.status', {})).state).toBe('ok');
      // The stick is pulled out: the next run fails and says so.
      t.core.db.prepare('UPDATE backup_settings SET folder = ?').run(join(folder, 'gone'));
      await t.fail('backups.run', {});
      const failed = await t.call('backups.status', {});
      expect(failed).toMatchObject({ state: 'failed', lastError: expect.any(String) });
      t.core.db.prepare('UPDATE backup_settings SET folder = ?').run(folder);
      await t.call('backups.run', {});
      expect((await t.call('backups.status', {})).state).toBe('ok');
    } finally {
      t.dispose();
    }
  });
});
