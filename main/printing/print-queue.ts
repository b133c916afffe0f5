// The persistent print queue (migration 0030): one row per slip. A token's
// first job is written inside the transaction that issues the token, so the
// two commit together; the worker (print-worker.ts) prints after the commit.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { NoticeReason, PrintErrorCode, PrintJob } from '../../preload/contract/methods/printing-methods';
import { sql } from '../db/statements';
import { readPrinterSettings } from './printer-settings';

interface JobRow {
  seq: number;
  id: string;
  kind: PrintJob['kind'];
  token_id: string | null;
  token_label: string | null;
  duplicate: number;
  status: PrintJob['status'];
  attempts: number;
  /** Only ever written from PrintErrorCode (markFailed, failInterrupted). */
  error_code: PrintErrorCode | null;
  error_message: string | null;
  retry_at: string | null;
  printer: string | null;
  bytes: number | null;
  actor: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  payload: string | null;
}

/** What a notice or card job prints (migration 0060's payload column); token slips need none. */
export type JobPayload =
  { kind: 'notice'; reason: NoticeReason; scannedId: string | null } | { kind: 'card'; cardId: string } | MoneyPayload;

/** Money slips: a receipt or refund voucher, a shift's closing, a UPI payment request. */
export type MoneyPayload =
  | { kind: 'receipt'; receiptId: string }
  | { kind: 'refund'; refundId: string }
  | { kind: 'cash'; shiftId: string }
  | { kind: 'upi'; uri: string; amountPaise: number; departmentCode: string; uhid: string };

/** Which payloads each job kind carries (slips and test prints carry none). */
const PAYLOAD_KINDS: Record<PrintJob['kind'], readonly JobPayload['kind'][]> = {
  slip: [],
  test: [],
  notice: ['notice'],
  card: ['card'],
  receipt: ['receipt', 'refund'],
  cash: ['cash'],
  upi: ['upi'],
};

export type StoredJob = PrintJob & { actor: string; payload: JobPayload | null };

/** A job as the contract shows it: who asked and what it prints stay in the core. */
export const publicJob = ({ actor: _actor, payload: _payload, ...job }: StoredJob): PrintJob => job;

const JOB_SELECT = `SELECT j.*, t.label AS token_label FROM print_jobs j LEFT JOIN tokens t ON t.id = j.token_id`;

function toJob(row: JobRow): StoredJob {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    tokenId: row.token_id,
    tokenLabel: row.token_label,
    duplicate: row.duplicate === 1,
    status: row.status,
    attempts: row.attempts,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    retryAt: row.retry_at,
    printer: row.printer,
    bytes: row.bytes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    actor: row.actor,
    payload: row.payload ? (JSON.parse(row.payload) as JobPayload) : null,
  };
}

// Wake-up calls per database: the worker registers one, and a new job wakes
// it right after the enqueuing transaction has committed (setImmediate runs
// after the synchronous transaction returns).
const wakers = new WeakMap<Database, () => void>();

export function onJobQueued(db: Database, wake: (() => void) | null): void {
  if (wake) wakers.set(db, wake);
  else wakers.delete(db);
}

function wakeWorker(db: Database): void {
  const wake = wakers.get(db);
  if (wake) setImmediate(wake);
}

export function insertJob(
  db: Database,
  job: { kind: PrintJob['kind']; tokenId: string | null; duplicate: boolean; actor: string; at: string; payload?: JobPayload },
): StoredJob {
  const allowed = PAYLOAD_KINDS[job.kind];
  if (allowed.length === 0 ? job.payload !== undefined : !job.payload || !allowed.includes(job.payload.kind))
    throw new Error(`a ${job.kind} job needs ${allowed.length ? 'its' : 'no'} payload`);
  const id = randomUUID();
  sql(
    db,
    `INSERT INTO print_jobs (id, kind, token_id, duplicate, status, actor, created_at, updated_at, payload)
     VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
  ).run(
    id,
    job.kind,
    job.tokenId,
    job.duplicate ? 1 : 0,
    job.actor,
    job.at,
    job.at,
    job.payload ? JSON.stringify(job.payload) : null,
  );
  wakeWorker(db);
  return jobById(db, id)!;
}

/**
 * Queues the slip of a just-issued token. Call it inside the transaction that
 * issues the token (tokens.issue, tokens.transfer): the token and its job
 * commit together. Returns null when this counter has no printer set up.
 * Never waits for the printer.
 */
export function enqueueTokenSlip(db: Database, entry: { tokenId: string; actor: string; at: string }): StoredJob | null {
  if (!db.inTransaction) throw new Error('a slip job must be written inside the token’s transaction');
  if (readPrinterSettings(db).interface === null) return null;
  return insertJob(db, { kind: 'slip', tokenId: entry.tokenId, duplicate: false, actor: entry.actor, at: entry.at });
}

export function jobById(db: Database, id: string): StoredJob | undefined {
  const row = sql<[string], JobRow>(db, `${JOB_SELECT} WHERE j.id = ?`).get(id);
  return row ? toJob(row) : undefined;
}

/** The job to print next: the oldest one not yet done. Failed jobs without a retry time are skipped (they wait for a person). */
export function headJob(db: Database): StoredJob | undefined {
  const row = sql<[], JobRow>(
    db,
    `${JOB_SELECT} WHERE j.status IN ('queued', 'sending', 'failed') AND (j.status = 'queued' OR (j.status = 'failed' AND j.retry_at IS NOT NULL))
     ORDER BY j.seq LIMIT 1`,
  ).get();
  return row ? toJob(row) : undefined;
}

export function listJobs(
  db: Database,
  filter: { tokenId?: string | undefined; status?: PrintJob['status'] | undefined; limit: number },
): StoredJob[] {
  const where: string[] = [];
  if (filter.tokenId) where.push('j.token_id = @tokenId');
  if (filter.status) where.push('j.status = @status');
  return sql<object, JobRow>(
    db,
    `${JOB_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.seq DESC LIMIT @limit`,
  )
    .all({ tokenId: filter.tokenId ?? null, status: filter.status ?? null, limit: filter.limit })
    .map(toJob);
}

export function pendingCount(db: Database): number {
  return sql<[], { n: number }>(db, "SELECT count(*) AS n FROM print_jobs WHERE status IN ('queued', 'sending')").get()!.n;
}

/** The newest failed job created since `since` (ISO), i.e. one the clerk should still see. */
export function latestFailed(db: Database, since: string): StoredJob | undefined {
  const row = sql<[string], JobRow>(
    db,
    `${JOB_SELECT} WHERE j.status = 'failed' AND j.created_at >= ? ORDER BY j.seq DESC LIMIT 1`,
  ).get(since);
  return row ? toJob(row) : undefined;
}

export function latestJob(db: Database): StoredJob | undefined {
  const row = sql<[], JobRow>(db, `${JOB_SELECT} ORDER BY j.seq DESC LIMIT 1`).get();
  return row ? toJob(row) : undefined;
}

export function markSending(db: Database, id: string, at: string): void {
  sql(db, "UPDATE print_jobs SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?").run(at, id);
}

export function markSent(db: Database, id: string, done: { at: string; printer: string; bytes: number }): void {
  sql(
    db,
    `UPDATE print_jobs SET status = 'sent', sent_at = @at, updated_at = @at, printer = @printer, bytes = @bytes,
       error_code = NULL, error_message = NULL, retry_at = NULL WHERE id = @id`,
  ).run({ id, ...done });
}

export function markFailed(
  db: Database,
  id: string,
  failure: {
    at: string;
    code: PrintErrorCode;
    message: string;
    retryAt: string | null;
    printer: string | null;
    bytes: number | null;
  },
): void {
  sql(
    db,
    `UPDATE print_jobs SET status = 'failed', updated_at = @at, error_code = @code, error_message = @message,
       retry_at = @retryAt, printer = COALESCE(@printer, printer), bytes = COALESCE(@bytes, bytes) WHERE id = @id`,
  ).run({ id, ...failure });
}

/** A failed job back in line, to go now. */
export function requeue(db: Database, id: string, at: string): void {
  sql(db, "UPDATE print_jobs SET status = 'queued', retry_at = NULL, updated_at = ? WHERE id = ? AND status = 'failed'").run(
    at,
    id,
  );
  wakeWorker(db);
}

/**
 * After a crash a job may be left 'sending': its slip may or may not have come
 * out, so it is not sent again by itself; the clerk sees it and decides.
 */
export function failInterrupted(db: Database, at: string): number {
  return sql(
    db,
    `UPDATE print_jobs SET status = 'failed', error_code = 'interrupted', retry_at = NULL, updated_at = ?,
       error_message = 'the app stopped while this slip was being sent; it may not have printed'
     WHERE status = 'sending'`,
  ).run(at).changes;
}
