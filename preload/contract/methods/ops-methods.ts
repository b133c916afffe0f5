// clock.*, backups.*, audit.*, maintenance.*, updates.* — keeping the counter
// an appliance hospital IT can trust (docs/decisions.md "Operations").
import { z } from 'zod';
import type { MethodSpec } from '../method-spec';
import {
  AuditFilter,
  AuditRow,
  BackupFile,
  BackupRun,
  BackupSettings,
  BackupStatus,
  ChainVerdict,
  ClockStatus,
  DiskEncryption,
  FeedUrl,
  RestoreInput,
  SaveBackupSettingsInput,
  UpdateSettings,
} from './ops-schemas';

const none = z.object({}).strict();

export const opsMethods = {
  'clock.status': {
    summary:
      "Whether this computer's clock can be trusted: behind what was already dated, jumped, or off from the HIMS or a peer.",
    input: none,
    output: ClockStatus,
  },
  'clock.accept': {
    summary:
      'An administrator says the clock is right as it is now (after it ran ahead): the counter may date records from now on.',
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: ClockStatus,
  },

  'backups.status': {
    summary: 'Last backup, next one due, and whether one failed or is overdue.',
    input: none,
    output: BackupStatus,
  },
  'backups.getSettings': {
    summary: 'The backup folder, schedule and retention.',
    input: none,
    output: BackupSettings,
  },
  'backups.saveSettings': {
    summary: 'Set the backup folder (checked writable), schedule and retention.',
    input: SaveBackupSettingsInput,
    output: BackupSettings,
  },
  'backups.newRecoveryCode': {
    summary: 'Make the backup key if there is none, and a new recovery code for it: shown this once, to be printed.',
    input: none,
    output: z.object({ recoveryCode: z.string(), createdAt: z.string() }),
  },
  'backups.run': {
    summary: 'Back up now: copy, check, encrypt into the backup folder, then apply retention.',
    input: none,
    output: BackupRun,
  },
  'backups.list': {
    summary: 'The backups in the backup folder, newest first.',
    input: none,
    output: z.array(BackupFile),
  },
  'backups.restore': {
    summary: 'Check and stage a backup; the counter restarts onto it (the current database is kept aside).',
    input: RestoreInput,
    output: z.object({
      restartRequired: z.literal(true),
      keptAside: z.string(),
      schemaVersion: z.number().int(),
      createdAt: z.string(),
    }),
  },

  'audit.list': {
    summary: 'Audit entries by date, clerk and patient, newest first (`before`: the seq to page back from).',
    input: AuditFilter.extend({
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(AuditRow), nextBefore: z.number().int().nullable() }),
  },
  'audit.exportCsv': {
    summary: 'The filtered audit as CSV (ids, never names or UHIDs), oldest first, at most 100,000 rows.',
    input: AuditFilter,
    output: z.object({ csv: z.string(), rows: z.number().int(), truncated: z.boolean() }),
  },
  'audit.verify': {
    summary: "Walk the audit's hash chain and say where it breaks.",
    input: none,
    output: ChainVerdict,
  },

  'maintenance.diskEncryption': {
    summary: "Whether the data folder's disk is encrypted (LUKS, BitLocker, FileVault), where the OS can tell.",
    input: none,
    output: DiskEncryption,
  },
  'maintenance.supportBundle': {
    summary: 'Save logs, versions, settings without secrets and database statistics (no patient rows) as a .tar.gz.',
    input: none,
    output: z.object({ file: z.string(), bytes: z.number().int() }),
  },
  'updates.getSettings': {
    summary: "The hospital's update server and what the desktop app's updater last said.",
    input: none,
    output: UpdateSettings,
  },
  'updates.saveSettings': {
    summary: "Set the hospital's update server (https), or null for no updates.",
    input: z.object({ feedUrl: FeedUrl.nullable() }).strict(),
    output: UpdateSettings,
  },
} as const satisfies Record<string, MethodSpec>;
