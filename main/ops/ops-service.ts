// Keeping the counter safe to run, wired into the core: the clock
// watch, backups, the audit's browser and verifier, maintenance (disk
// encryption, support bundle) and the update feed setting. Timers start only
// when a shell asks (autoStart); tests drive tick() themselves.
import { join } from 'node:path';
import { latestVersion, loadMigrations } from '../db/migrate';
import { migrationsDir } from '../db/open-database';
import { appendAudit, type AuditAction } from '../audit/audit-log';
import { auditCheckpointStep } from '../audit/audit-checkpoint';
import { verifyAuditChainAsync } from '../audit/audit-chain';
import { exportAuditCsv, listAudit } from '../audit/audit-query';
import { createBackupService, type BackupService } from '../backup/backup-service';
import { restoreBackup, RestoreError } from '../backup/backup-restore';
import { createClockMonitor, type ClockMonitor } from '../clock/clock-monitor';
import type { SecretStore } from '../config/secret-store';
import { AppError } from '../core/app-error';
import type { CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { logFn, type Logger } from '../log/logger';
import { detectDiskEncryption, type CommandRunner } from './disk-encryption';
import { writeSupportBundle } from './support-bundle';
import { readFeedUrl, writeFeedUrl } from './update-settings';

export interface OpsOptions {
  /** Start the backup schedule and the clock watch (the shells do; tests call tick()). */
  autoStart?: boolean;
  /** Monotonic milliseconds for the clock watch (tests move it by hand). */
  monotonic?: () => number;
  clockIntervalMs?: number;
  backupTickMs?: number;
  /** A restore was staged: the shell restarts the counter onto it. */
  onRestartRequested?: () => void;
  /** Whether this shell updates itself (Electron). */
  selfUpdating?: boolean;
  /** Disk-encryption probes (tests give the OS's recorded output). */
  diskProbe?: { platform: NodeJS.Platform; run: CommandRunner };
}

export interface Ops {
  clock: ClockMonitor;
  backups: BackupService;
  handlers: HandlerMap;
  /** The sync engine's step after a round: the audit checkpoint to the HIMS. */
  afterSyncRound: ReturnType<typeof auditCheckpointStep>;
  /** The desktop updater says what it is doing, in words the Maintenance screen shows. */
  setUpdaterStatus(words: string | null): void;
  /** Called when the update feed is saved (the desktop updater points itself there). */
  onFeedChange(listener: (feedUrl: string | null) => void): () => void;
  start(): void;
  stop(): void;
}

export interface OpsDeps {
  ctx: CoreContext;
  dataDir: string;
  databaseFile: string;
  secrets: SecretStore;
  events: CoreEvents;
  logger: Logger;
  nativeBinding?: string;
  /** For the support bundle: the sync engine's status. */
  syncStatus: () => unknown;
}

export function createOps(deps: OpsDeps, options: OpsOptions = {}): Ops {
  const { ctx } = deps;
  const { db } = ctx;
  const timeZone = () => ctx.identity.timeZone;
  const clock = createClockMonitor({
    db,
    clock: ctx.clock,
    timeZone,
    ...(options.monotonic ? { monotonic: options.monotonic } : {}),
    ...(options.clockIntervalMs ? { intervalMs: options.clockIntervalMs } : {}),
    onChange: (status) => deps.events.emit('clock.status', status),
    log: logFn(deps.logger.child('clock')),
  });
  const backups = createBackupService({
    ctx,
    dataDir: deps.dataDir,
    secrets: deps.secrets,
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    ...(options.backupTickMs ? { tickMs: options.backupTickMs } : {}),
    onStatus: (status) => deps.events.emit('backup.status', status),
    log: logFn(deps.logger.child('backup')),
  });
  let updaterStatus: string | null = null;
  const feedListeners = new Set<(url: string | null) => void>();
  const at = () => ctx.clock.now().toISOString();

  function audit(actor: string, action: AuditAction, detail?: Record<string, unknown>): void {
    appendAudit(db, {
      at: at(),
      actor,
      action,
      entity: 'counter',
      entityId: ctx.identity.counterId,
      ...(detail ? { detail } : {}),
    });
  }

  function updateSettings() {
    return { feedUrl: readFeedUrl(db), selfUpdating: options.selfUpdating ?? false, updaterStatus };
  }

  const handlers: HandlerMap = {
    'clock.status': () => clock.status(),
    'clock.accept': (_input, call) => {
      const before = clock.status();
      clock.acceptCurrentClock();
      audit(call.actor, 'clock.accept', { problems: before.problems.map((p) => p.kind) });
      deps.logger.warn('clock accepted as it is by an administrator', { actor: call.actor });
      return clock.status();
    },

    'backups.status': () => backups.status(),
    'backups.getSettings': () => backups.settings(),
    'backups.saveSettings': (input, call) => {
      const saved = backups.saveSettings(input, at());
      audit(call.actor, 'backup.settings', { folderSet: input.folder !== null, everyMinutes: input.everyMinutes });
      return saved;
    },
    'backups.newRecoveryCode': (_input, call) => {
      const made = backups.newRecoveryCode(at());
      audit(call.actor, 'backup.recoveryCode');
      return made;
    },
    'backups.run': () => backups.run('manual'),
    'backups.list': () => backups.list(),
    'backups.restore': async ({ name, recoveryCode, confirm: _confirm }, call) => {
      const file = backups.pathOf(name);
      try {
        const outcome = await restoreBackup({
          file,
          dataDir: deps.dataDir,
          supportedSchema: latestVersion(loadMigrations(migrationsDir())),
          appVersion: ctx.appVersion,
          secrets: deps.secrets,
          ...(recoveryCode ? { recoveryCode } : {}),
          ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
          mode: 'stage',
          now: () => ctx.clock.now(),
        });
        audit(call.actor, 'backup.restore', {
          backup: name,
          createdAt: outcome.header.createdAt,
          schemaVersion: outcome.header.schemaVersion,
        });
        deps.logger.warn('restore staged; the counter restarts onto it', { backup: name });
        // After the answer has gone out: the shell restarts the counter.
        setTimeout(() => options.onRestartRequested?.(), 200).unref?.();
        return {
          restartRequired: true as const,
          keptAside: outcome.keptAside ?? '',
          schemaVersion: outcome.header.schemaVersion,
          createdAt: outcome.header.createdAt,
        };
      } catch (err) {
        if (err instanceof RestoreError) {
          const field = err.reason === 'wrong_key' || err.reason === 'wrong_code' ? 'recoveryCode' : 'name';
          throw new AppError('CONFLICT', err.message, { field, details: { reason: err.reason } });
        }
        throw err;
      }
    },

    'audit.list': ({ before, limit, ...filter }) => listAudit(db, filter, { before, limit }, timeZone()),
    'audit.exportCsv': (filter, call) => {
      const out = exportAuditCsv(db, filter, timeZone());
      writeTransaction(db, () => audit(call.actor, 'audit.export', { rows: out.rows, filter }));
      return out;
    },
    'audit.verify': async () => {
      const { intact, entries, head, breaks } = await verifyAuditChainAsync(db);
      if (!intact) deps.logger.error(`audit chain broken at ${breaks.length} place(s), first at seq ${breaks[0]?.seq ?? '?'}`);
      return { intact, entries, head, breaks };
    },

    'maintenance.diskEncryption': () => detectDiskEncryption(deps.dataDir, options.diskProbe?.platform, options.diskProbe?.run),
    'maintenance.supportBundle': async (_input, call) => {
      const stamp = at()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const folder = backups.settings().folder;
      const out = await writeSupportBundle({
        db,
        databaseFile: deps.databaseFile,
        dataDir: deps.dataDir,
        outDir: folder ?? join(deps.dataDir, 'support'),
        name: `hims-support_${ctx.identity.counterLetter}_${stamp}`,
        versions: { app: ctx.appVersion, schema: db.pragma('user_version', { simple: true }) as number, shell: ctx.shell },
        statuses: {
          sync: deps.syncStatus(),
          backups: backups.status(),
          clock: clock.status(),
          disk: await detectDiskEncryption(deps.dataDir, options.diskProbe?.platform, options.diskProbe?.run),
          updates: updateSettings(),
        },
        ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
      });
      audit(call.actor, 'support.bundle', { bytes: out.bytes });
      deps.logger.info('support bundle saved', { bytes: out.bytes });
      return out;
    },
    'updates.getSettings': () => updateSettings(),
    'updates.saveSettings': ({ feedUrl }, call) => {
      writeTransaction(db, () => {
        writeFeedUrl(db, feedUrl, at());
        audit(call.actor, 'update.settings', { feedUrlSet: feedUrl !== null });
      });
      for (const listener of feedListeners) listener(feedUrl);
      return updateSettings();
    },
  };

  return {
    clock,
    backups,
    handlers,
    afterSyncRound: auditCheckpointStep(
      db,
      () => ctx.identity,
      () => ctx.clock.now(),
    ),
    setUpdaterStatus: (words) => {
      updaterStatus = words;
    },
    onFeedChange: (listener) => {
      feedListeners.add(listener);
      return () => feedListeners.delete(listener);
    },
    start() {
      if (!options.autoStart) return;
      clock.start();
      backups.start();
    },
    stop() {
      clock.stop();
      backups.stop();
    },
  };
}
