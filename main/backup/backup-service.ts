// Online backups: every `everyMinutes` while the counter is open
// and once at close, SQLite's backup API copies the live database to a work
// file in the data folder, a worker thread checks the copy
// (integrity_check), and it is written encrypted into the backup folder the
// IT officer chose; then retention. Every run is recorded, and the status
// (off, ok, running, overdue, failed, no key) is pushed to the counter screen.
import { accessSync, constants, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { BackupFile, BackupRun, BackupSettings, BackupStatus } from '../../preload/contract/methods/ops-schemas';
import type { SecretStore } from '../config/secret-store';
import { AppError } from '../core/app-error';
import type { CoreContext } from '../core/core-context';
import type { LogFn } from '../log/logger';
import { ensureBackupKey, keyId, newRecoveryCode, readBackupKey, wrapKey } from './backup-key';
import { writeBackupFile } from './backup-file';
import { filesToDelete } from './backup-retention';
import { lastRuns, readBackupSettings, recordRun, writeBackupSettings, type BackupRunRow } from './backup-store';
import { checkDatabaseFile } from './db-check';
import { snapshotDatabase } from './db-snapshot';

export const BACKUP_EXTENSION = '.himsbak';
const NAME = /^hims-backup_([A-Z_])_(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})_([0-9a-f]{8})\.himsbak$/;
/** A backup is overdue once two intervals have passed without one. */
const OVERDUE_FACTOR = 2;

export function backupFileName(letter: string, counterId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  return `hims-backup_${letter}_${stamp}_${counterId.replace(/-/g, '').slice(0, 8).toLowerCase()}${BACKUP_EXTENSION}`;
}

export function parseBackupName(name: string): { letter: string; createdAt: string; counterPrefix: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, letter, y, mo, d, h, mi, s, ms, prefix] = m as unknown as string[];
  return { letter: letter!, createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, counterPrefix: prefix! };
}

export interface BackupServiceOptions {
  ctx: CoreContext;
  dataDir: string;
  secrets: SecretStore;
  nativeBinding?: string;
  onStatus?: (status: BackupStatus) => void;
  log?: LogFn;
  /** How often the schedule is looked at (default one minute). */
  tickMs?: number;
}

export interface BackupService {
  status(): BackupStatus;
  settings(): BackupSettings;
  saveSettings(
    input: { folder: string | null; everyMinutes: number; keepRecent: number; keepDailyDays: number },
    at: string,
  ): BackupSettings;
  newRecoveryCode(at: string): { recoveryCode: string; createdAt: string };
  run(reason: BackupRunRow['reason']): Promise<BackupRun>;
  list(): BackupFile[];
  /** The folder path of a listed backup, or NOT_FOUND. */
  pathOf(name: string): string;
  /** Runs the schedule: a backup if one is due (the timer calls this every minute). */
  tick(): Promise<void>;
  /** At close: one last backup when backups are on, so the day's work is in the folder. */
  runAtClose(): Promise<void>;
  start(): void;
  stop(): void;
}

export function createBackupService(o: BackupServiceOptions): BackupService {
  const { db } = o.ctx;
  const now = () => o.ctx.clock.now();
  let running: Promise<BackupRun> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let shown = '';
  const ownPrefix = o.ctx.identity.counterId.replace(/-/g, '').slice(0, 8).toLowerCase();

  function status(): BackupStatus {
    const s = readBackupSettings(db);
    const runs = lastRuns(db);
    const base = {
      folder: s.folder,
      lastSuccessAt: runs.lastSuccessAt,
      lastFailureAt: runs.lastFailure?.at ?? null,
      lastError: runs.lastFailure?.message ?? null,
      everyMinutes: s.everyMinutes,
    };
    const dueAt = runs.lastSuccessAt ? new Date(Date.parse(runs.lastSuccessAt) + s.everyMinutes * 60_000).toISOString() : null;
    if (!s.folder) return { ...base, state: 'off', nextDueAt: null };
    if (!s.recovery || !readBackupKey(o.secrets)) return { ...base, state: 'no_key', nextDueAt: null };
    if (running) return { ...base, state: 'running', nextDueAt: dueAt };
    if (runs.lastOutcome === 'failed') return { ...base, state: 'failed', nextDueAt: dueAt };
    const overdue =
      !runs.lastSuccessAt || now().getTime() - Date.parse(runs.lastSuccessAt) > OVERDUE_FACTOR * s.everyMinutes * 60_000;
    return { ...base, state: overdue ? 'overdue' : 'ok', nextDueAt: dueAt ?? now().toISOString() };
  }

  function announce(): void {
    const current = status();
    const key = JSON.stringify(current);
    if (key === shown) return;
    shown = key;
    o.onStatus?.(current);
  }

  function settings(): BackupSettings {
    const s = readBackupSettings(db);
    return {
      folder: s.folder,
      everyMinutes: s.everyMinutes,
      keepRecent: s.keepRecent,
      keepDailyDays: s.keepDailyDays,
      recoveryCodeCreatedAt: s.recoveryCreatedAt,
      keyStore: o.secrets.kind,
      sameDiskAsData: s.folder ? sameDisk(s.folder, o.dataDir) : false,
    };
  }

  function checkFolder(folder: string): string {
    const bad = (message: string) =>
      new AppError('VALIDATION_FAILED', `folder: ${message}`, { field: 'folder', issues: [{ field: 'folder', message }] });
    if (!isAbsolute(folder)) throw bad('give the full path of the folder (for example D:\\HIMS-Backups or /media/backup)');
    const full = resolve(folder);
    const inside = relative(resolve(o.dataDir), full);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
      throw bad("the backup folder must not be inside the counter's own data folder");
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      // Not created here on purpose: a USB stick that is not plugged in must not become a folder on the main disk.
      throw bad('this folder does not exist (is the disk or USB stick plugged in?)');
    }
    if (!isDir) throw bad('this is a file, not a folder');
    try {
      const probe = join(full, `.hims-write-test-${process.pid}`);
      writeFileSync(probe, 'ok');
      rmSync(probe);
    } catch {
      throw bad('this counter cannot write to this folder');
    }
    return full;
  }

  function list(): BackupFile[] {
    const folder = readBackupSettings(db).folder;
    if (!folder) return [];
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    const files: BackupFile[] = [];
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      try {
        files.push({
          name,
          createdAt: parsed.createdAt,
          bytes: statSync(join(folder, name)).size,
          ownCounter: parsed.counterPrefix === ownPrefix,
        });
      } catch {
        // Removed meanwhile (another counter's retention): not listed.
      }
    }
    return files.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  async function makeBackup(reason: BackupRunRow['reason']): Promise<BackupRun> {
    const startedAt = now().toISOString();
    const s = readBackupSettings(db);
    const key = readBackupKey(o.secrets);
    const workDir = join(o.dataDir, 'backup-work');
    const copy = join(workDir, `copy-${process.pid}-${Date.now()}.sqlite`);
    try {
      if (!s.folder) throw new AppError('CONFLICT', 'Choose a backup folder first.');
      if (!s.recovery || !key || keyId(key) !== s.keyId)
        throw new AppError('CONFLICT', 'Backups need a recovery code: the administrator makes one in Maintenance.');
      accessSync(s.folder, constants.W_OK);
      mkdirSync(workDir, { recursive: true, mode: 0o700 });
      // VACUUM INTO on a connection of its own (db-snapshot.ts): the online backup API started over at every rollback.
      await snapshotDatabase(db.name, copy, o.nativeBinding);
      const check = await checkDatabaseFile(copy, o.nativeBinding);
      if (!check.ok) throw new Error(`the copy failed its integrity check: ${check.problems.slice(0, 3).join('; ')}`);
      const createdAt = now();
      // A counter not set up yet has no letter; its backups still need a name.
      const letter = o.ctx.identity.counterLetter ?? '_';
      const name = backupFileName(letter, o.ctx.identity.counterId, createdAt);
      const bytes = await writeBackupFile(
        copy,
        join(s.folder, name),
        {
          appVersion: o.ctx.appVersion,
          schemaVersion: check.schemaVersion,
          createdAt: createdAt.toISOString(),
          counterId: o.ctx.identity.counterId,
          counterLetter: letter,
          hospitalCode: o.ctx.identity.hospitalCode ?? '',
          auditHead: check.auditHead,
          databaseBytes: statSync(copy).size,
          keyId: s.keyId,
          recovery: s.recovery,
        },
        key,
      );
      const removed = applyRetention(s);
      recordRun(db, { reason, startedAt, finishedAt: now().toISOString(), outcome: 'ok', file: name, bytes, message: null });
      o.log?.(
        `backup ${reason}: ${name}, ${bytes} bytes, ${check.patients} patients, ${check.tokens} tokens${removed ? `; ${removed} old removed` : ''}`,
        'info',
      );
      return {
        file: name,
        bytes,
        createdAt: createdAt.toISOString(),
        schemaVersion: check.schemaVersion,
        auditHead: check.auditHead,
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      recordRun(db, { reason, startedAt, finishedAt: now().toISOString(), outcome: 'failed', file: null, bytes: null, message });
      o.log?.(`backup ${reason} failed: ${message}`, 'error');
      throw err instanceof AppError ? err : new AppError('INTERNAL', `The backup failed: ${message}`);
    } finally {
      rmSync(copy, { force: true });
      rmSync(`${copy}-journal`, { force: true });
    }
  }

  function applyRetention(s: ReturnType<typeof readBackupSettings>): number {
    const own = list().filter((f) => f.ownCounter);
    const doomed = filesToDelete(own, s, now(), o.ctx.identity.timeZone);
    for (const name of doomed) rmSync(join(s.folder!, name), { force: true });
    return doomed.length;
  }

  function run(reason: BackupRunRow['reason']): Promise<BackupRun> {
    if (running) return running;
    running = makeBackup(reason).finally(() => {
      running = null;
      announce();
    });
    announce();
    return running;
  }

  function due(): boolean {
    const st = status();
    if (st.state === 'off' || st.state === 'no_key' || st.state === 'running') return false;
    return !st.lastSuccessAt || now().getTime() >= Date.parse(st.nextDueAt ?? st.lastSuccessAt) || st.state === 'failed';
  }

  return {
    status,
    settings,
    saveSettings(input, at) {
      const folder = input.folder === null ? null : checkFolder(input.folder);
      const current = readBackupSettings(db);
      db.transaction(() =>
        writeBackupSettings(
          db,
          {
            ...current,
            folder,
            everyMinutes: input.everyMinutes,
            keepRecent: input.keepRecent,
            keepDailyDays: input.keepDailyDays,
          },
          at,
        ),
      ).immediate();
      announce();
      return settings();
    },
    newRecoveryCode(at) {
      const key = ensureBackupKey(o.secrets);
      const code = newRecoveryCode();
      const current = readBackupSettings(db);
      db.transaction(() =>
        writeBackupSettings(db, { ...current, keyId: keyId(key), recovery: wrapKey(key, code), recoveryCreatedAt: at }, at),
      ).immediate();
      announce();
      return { recoveryCode: code, createdAt: at };
    },
    run,
    list,
    pathOf(name) {
      const folder = readBackupSettings(db).folder;
      if (!folder || !list().some((f) => f.name === name))
        throw new AppError('NOT_FOUND', 'backup not found in the backup folder', { field: 'name' });
      return join(folder, name);
    },
    async tick() {
      // A failed backup is tried again at the next tick after a short pause, not in a tight loop.
      const st = status();
      if (st.state === 'failed' && st.lastFailureAt && now().getTime() - Date.parse(st.lastFailureAt) < 5 * 60_000) {
        announce();
        return;
      }
      if (due()) await run('schedule').catch(() => undefined);
      announce();
    },
    async runAtClose() {
      const st = status();
      if (st.state === 'off' || st.state === 'no_key') return;
      if (running) await running.catch(() => undefined);
      await run('close').catch(() => undefined);
    },
    start() {
      if (timer) return;
      timer = setInterval(() => void this.tick(), o.tickMs ?? 60_000);
      timer.unref?.();
      // The first look soon after start: a counter opened in the morning backs up without waiting half an hour.
      setTimeout(() => void this.tick(), 5_000).unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

function sameDisk(a: string, b: string): boolean {
  try {
    return statSync(a).dev === statSync(b).dev;
  } catch {
    return false;
  }
}
