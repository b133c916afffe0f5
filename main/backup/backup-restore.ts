// Restoring a backup: refuse what this version cannot read (a newer schema or
// app), open it with this counter's key or the administrator's recovery code,
// decrypt into the data folder, check it, bring its schema up to date, and
// only then put it in place. The database it replaces is never deleted: it
// is moved into replaced-<time>/ beside it. A running counter stages the
// restore and restarts onto it (applyPendingRestore runs before the database
// is opened); the command line (restore-cli.ts) places it at once.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../config/secret-store';
import { openDatabase } from '../db/open-database';
import { BACKUP_SECRET, BackupKeyError, keyId, readBackupKey, unwrapKey } from './backup-key';
import { BackupFileError, decryptBackupFile, readBackupHeader, type BackupHeader } from './backup-file';
import { checkDatabaseFile, type DbCheck } from './db-check';

export const DATABASE_FILE = 'counter.sqlite';
export const STAGED_FILE = 'counter.sqlite.restore';
const STAGED_NOTE = 'restore-pending.json';

export type RestoreRefusal =
  'not_backup' | 'damaged' | 'newer_schema' | 'newer_app' | 'wrong_key' | 'wrong_code' | 'integrity' | 'target_exists';

export class RestoreError extends Error {
  constructor(
    readonly reason: RestoreRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** -1, 0, 1 for dotted versions ("0.10.2" > "0.9.9"); a pre-release tail is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split('-')[0]!
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export interface RestoreOptions {
  file: string;
  dataDir: string;
  /** This version's newest schema and its app version: anything newer is refused. */
  supportedSchema: number;
  appVersion: string;
  /** This counter's secret store (its backup key); the recovery code is asked for when that key does not fit. */
  secrets?: SecretStore;
  recoveryCode?: string;
  nativeBinding?: string;
  /** 'stage': a running counter restarts onto it; 'place': put it in place now (the counter is not running). */
  mode: 'stage' | 'place';
  now?: () => Date;
}

export interface RestoreOutcome {
  header: BackupHeader;
  check: DbCheck;
  /** Where the database it replaces was (or will be) moved; null when there was none. */
  keptAside: string | null;
}

/** Reads only the header: refuses what this version must not restore, before any key is asked for. */
export function checkRestorable(file: string, supportedSchema: number, appVersion: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = readBackupHeader(file).header;
  } catch (err) {
    throw new RestoreError('not_backup', err instanceof Error ? err.message : String(err));
  }
  if (header.schemaVersion > supportedSchema)
    throw new RestoreError(
      'newer_schema',
      `This backup was made by a newer HIMS Counter (database schema ${header.schemaVersion}; this version reads up to ${supportedSchema}). ` +
        'Update this counter to the same or a newer version first, then restore.',
    );
  if (compareVersions(header.appVersion, appVersion) > 0)
    throw new RestoreError(
      'newer_app',
      `This backup was made by HIMS Counter ${header.appVersion}, newer than this one (${appVersion}). Update this counter first, then restore.`,
    );
  return header;
}

function keyFor(
  header: BackupHeader,
  secrets: SecretStore | undefined,
  code: string | undefined,
): { key: Buffer; fromCode: boolean } {
  const own = secrets ? readBackupKey(secrets) : null;
  if (own && keyId(own) === header.keyId) return { key: own, fromCode: false };
  if (!code)
    throw new RestoreError(
      'wrong_key',
      'This backup was made with another key (another counter, or this one before its key was replaced). Enter the recovery code printed for it.',
    );
  if (!header.recovery)
    throw new RestoreError(
      'wrong_key',
      'This backup carries no recovery copy of its key; only the counter that made it can open it.',
    );
  try {
    const key = unwrapKey(header.recovery, code);
    if (keyId(key) !== header.keyId) throw new BackupKeyError('wrong_code', 'the recovery code does not open this backup');
    return { key, fromCode: true };
  } catch (err) {
    throw new RestoreError(
      'wrong_code',
      err instanceof BackupKeyError ? err.message : 'The recovery code does not open this backup.',
    );
  }
}

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Moves counter.sqlite and its -wal/-shm into replaced-<time>/; returns that folder, or null if there was no database. */
function moveAside(dataDir: string, folderName: string): string | null {
  const live = join(dataDir, DATABASE_FILE);
  if (!existsSync(live)) return null;
  const aside = join(dataDir, folderName);
  mkdirSync(aside, { recursive: true, mode: 0o700 });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(live + suffix)) renameSync(live + suffix, join(aside, DATABASE_FILE + suffix));
  }
  return aside;
}

export async function restoreBackup(o: RestoreOptions): Promise<RestoreOutcome> {
  const now = o.now ?? (() => new Date());
  const header = checkRestorable(o.file, o.supportedSchema, o.appVersion);
  const { key, fromCode } = keyFor(header, o.secrets, o.recoveryCode);
  mkdirSync(o.dataDir, { recursive: true });
  const partial = join(o.dataDir, `restore-${process.pid}-${Date.now()}.partial`);
  try {
    try {
      await decryptBackupFile(o.file, key, partial);
    } catch (err) {
      throw new RestoreError('damaged', err instanceof BackupFileError ? err.message : 'The backup could not be decrypted.');
    }
    const check = await checkDatabaseFile(partial, o.nativeBinding);
    if (!check.ok)
      throw new RestoreError(
        'integrity',
        `The database inside this backup failed its integrity check (${check.problems[0] ?? ''}).`,
      );
    // Bring it to this version's schema now, so a failure shows here and not at the next start.
    openDatabase(partial, o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}).close();
    for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
    // A key opened with the recovery code is kept, so this machine's next backups use it (same code).
    if (fromCode && o.secrets && !readBackupKey(o.secrets)) o.secrets.write(BACKUP_SECRET, key.toString('base64'));
    const asideName = `replaced-${stamp(now())}`;
    if (o.mode === 'stage') {
      renameSync(partial, join(o.dataDir, STAGED_FILE));
      writeFileSync(
        join(o.dataDir, STAGED_NOTE),
        JSON.stringify({ stagedAt: now().toISOString(), from: o.file, aside: asideName }),
      );
      return { header, check, keptAside: existsSync(join(o.dataDir, DATABASE_FILE)) ? join(o.dataDir, asideName) : null };
    }
    const keptAside = moveAside(o.dataDir, asideName);
    renameSync(partial, join(o.dataDir, DATABASE_FILE));
    return { header, check, keptAside };
  } finally {
    rmSync(partial, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
  }
}

/**
 * Before the database is opened: a restore staged by a running counter is
 * put in place, the database it replaces moved aside. Returns what happened.
 */
export function applyPendingRestore(
  dataDir: string,
  now = new Date(),
): { keptAside: string | null; restoredFrom: string } | null {
  const staged = join(dataDir, STAGED_FILE);
  if (!existsSync(staged) || statSync(staged).size === 0) return null;
  let note: { from?: string; aside?: string } = {};
  try {
    note = JSON.parse(readFileSync(join(dataDir, STAGED_NOTE), 'utf8')) as typeof note;
  } catch {
    // Without the note: a fresh name for the folder, "a backup" in the log.
  }
  const asideName = note.aside && /^replaced-[0-9TZ]+$/.test(note.aside) ? note.aside : `replaced-${stamp(now)}`;
  const from = note.from ?? 'a backup';
  const keptAside = moveAside(dataDir, existsSync(join(dataDir, asideName)) ? `${asideName}-${process.pid}` : asideName);
  renameSync(staged, join(dataDir, DATABASE_FILE));
  rmSync(join(dataDir, STAGED_NOTE), { force: true });
  return { keptAside, restoredFrom: from };
}
