// Shapes for keeping the counter safe to run: the clock, backups,
// the audit chain and its browser, and maintenance (disk encryption, support
// bundle, updates).
import { z } from 'zod';

const isoInstant = z.string().min(10).max(40);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const ClockProblem = z.discriminatedUnion('kind', [
  /** The clock is earlier than records this counter already dated: it will not issue. */
  z.object({ kind: z.literal('behind_records'), latestAt: isoInstant, latestDay: isoDay }),
  /** The clock jumped while the counter was running (minutes, + forward / − back). */
  z.object({ kind: z.literal('jumped'), byMinutes: z.number().int(), at: isoInstant }),
  /** The clock differs from the HIMS's or a peer counter's (minutes this one is ahead; negative: behind). */
  z.object({
    kind: z.literal('differs'),
    source: z.enum(['hims', 'peer']),
    peer: z.string().nullable(),
    byMinutes: z.number().int(),
    at: isoInstant,
  }),
]);
export type ClockProblem = z.infer<typeof ClockProblem>;

export const ClockStatus = z.object({
  ok: z.boolean(),
  now: isoInstant,
  today: isoDay,
  /** False while the clock is behind what was already dated: tokens and registrations are refused. */
  canIssue: z.boolean(),
  problems: z.array(ClockProblem),
});
export type ClockStatus = z.infer<typeof ClockStatus>;

export const BackupState = z.enum(['off', 'ok', 'running', 'overdue', 'failed', 'no_key']);
export type BackupState = z.infer<typeof BackupState>;

export const BackupStatus = z.object({
  state: BackupState,
  folder: z.string().nullable(),
  lastSuccessAt: isoInstant.nullable(),
  lastFailureAt: isoInstant.nullable(),
  lastError: z.string().nullable(),
  nextDueAt: isoInstant.nullable(),
  everyMinutes: z.number().int(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupSettings = z.object({
  folder: z.string().nullable(),
  everyMinutes: z.number().int().min(5).max(1440),
  keepRecent: z.number().int().min(1).max(1000),
  keepDailyDays: z.number().int().min(0).max(3650),
  /** A recovery code was made (its time); the code itself is shown once and never kept. */
  recoveryCodeCreatedAt: isoInstant.nullable(),
  /** How the backup key is kept on this machine. */
  keyStore: z.enum(['os-keystore', 'plain-file']),
  /** The folder is on the same disk as the counter's data: a failed disk would take both. */
  sameDiskAsData: z.boolean(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const SaveBackupSettingsInput = z
  .object({
    /** An absolute folder path on this computer (a second disk, a USB stick, a mounted share); null turns backups off. */
    folder: z.string().trim().min(1).max(1000).nullable(),
    everyMinutes: z.number().int().min(5).max(1440).default(30),
    keepRecent: z.number().int().min(1).max(1000).default(48),
    keepDailyDays: z.number().int().min(0).max(3650).default(30),
  })
  .strict();

export const BackupFile = z.object({
  name: z.string(),
  createdAt: isoInstant,
  bytes: z.number().int(),
  /** This counter's own backup (another counter's may share the folder). */
  ownCounter: z.boolean(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const BackupRun = z.object({
  file: z.string(),
  bytes: z.number().int(),
  createdAt: isoInstant,
  schemaVersion: z.number().int(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type BackupRun = z.infer<typeof BackupRun>;

/**
 * The administrator's recovery code: 24 characters from an alphabet without
 * 0/O, 1/I/L, printed in six groups of four; typed with or without the
 * hyphens and spaces, in either case. Normalised to the bare 24 characters.
 */
export const RecoveryCode = z
  .string()
  .max(60)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{24}$/, 'a recovery code is 24 letters and digits, as printed'));

export const RestoreInput = z
  .object({
    /** A backup file's name in the backup folder (backups.list). */
    name: z.string().min(1).max(300),
    /** Needed only when this counter's own key cannot open the backup (another machine's backup). */
    recoveryCode: RecoveryCode.optional(),
    /** The administrator typed RESTORE: this replaces the counter's database (the current one is kept aside). */
    confirm: z.literal('RESTORE'),
  })
  .strict();

export const AuditFilter = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    actor: z.string().trim().min(1).max(64).optional(),
    /** A UHID (any spelling) or a patient's id: their record and their tokens. */
    patient: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

export const AuditRow = z.object({
  seq: z.number().int(),
  at: isoInstant,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const ChainBreak = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  reason: z.enum(['changed', 'missing_before', 'unchained']),
});

export const ChainVerdict = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  breaks: z.array(ChainBreak),
});
export type ChainVerdict = z.infer<typeof ChainVerdict>;

export const DiskEncryption = z.object({
  state: z.enum(['encrypted', 'not_encrypted', 'unknown']),
  method: z.enum(['luks', 'dm-crypt', 'bitlocker', 'filevault']).nullable(),
  /** What was looked at, in a line for the IT officer (device names, the OS's own words). */
  detail: z.string(),
  dataDir: z.string(),
});
export type DiskEncryption = z.infer<typeof DiskEncryption>;

export const UpdateSettings = z.object({
  feedUrl: z.string().nullable(),
  /** Whether this shell updates itself (the desktop app does; the browser shell is updated by IT). */
  selfUpdating: z.boolean(),
  /** What the desktop app's updater last said, in words; null when it has said nothing. */
  updaterStatus: z.string().nullable(),
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

/** The hospital's update server: https, a path, no credentials in the URL. */
export const FeedUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  }, 'the update server must be an https:// address without user, password, query or #');
