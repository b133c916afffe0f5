// Queueing the two slips that are not token slips: the kiosk's "go to the
// counter" notice and the e-health card. They go through the same queue and
// worker as token slips (same order, time-outs, retries, fallback printer);
// what they print is kept in the job's payload (migration 0060).
import type { Database } from 'better-sqlite3';
import type { NoticeReason } from '../../preload/contract/methods/printing-methods';
import { conflict } from '../core/app-error';
import { nowIso, type CoreContext } from '../core/core-context';
import { writeTransaction } from '../db/transaction';
import { sql } from '../db/statements';
import { insertJob, jobById, type StoredJob } from './print-queue';
import { readPrinterSettings } from './printer-settings';

function requirePrinter(db: Database): void {
  if (readPrinterSettings(db).interface === null) throw conflict('interface: no printer is set up at this counter', 'interface');
}

/**
 * A patient who scans the same unreadable card again and again at the kiosk
 * gets one notice, not a roll of them: the same notice within this window
 * answers with the job already queued (unless that one failed to print).
 */
export const NOTICE_REPEAT_MS = 30_000;

/** The kiosk's notice: nothing is looked up, only the reason and the scanned id are kept. */
export function queueNoticeSlip(
  ctx: CoreContext,
  notice: { reason: NoticeReason; scannedId: string | null; actor: string },
): StoredJob {
  requirePrinter(ctx.db);
  const since = new Date(ctx.clock.now().getTime() - NOTICE_REPEAT_MS).toISOString();
  return writeTransaction(ctx.db, () => {
    const repeat = sql<[string, string, string | null, string], { id: string }>(
      ctx.db,
      `SELECT id FROM print_jobs WHERE kind = 'notice' AND status != 'failed' AND created_at >= ?
         AND payload ->> '$.reason' = ? AND payload ->> '$.scannedId' IS ? AND actor = ?
       ORDER BY seq DESC LIMIT 1`,
    ).get(since, notice.reason, notice.scannedId, notice.actor);
    if (repeat) return jobById(ctx.db, repeat.id)!;
    return insertJob(ctx.db, {
      kind: 'notice',
      tokenId: null,
      duplicate: false,
      actor: notice.actor,
      at: nowIso(ctx),
      payload: { kind: 'notice', reason: notice.reason, scannedId: notice.scannedId },
    });
  });
}

/** Call inside a transaction (the card's audit row goes with it); throws CONFLICT with no printer. */
export function queueCardSlip(db: Database, card: { cardId: string; actor: string; at: string }): StoredJob {
  requirePrinter(db);
  return insertJob(db, {
    kind: 'card',
    tokenId: null,
    duplicate: false,
    actor: card.actor,
    at: card.at,
    payload: { kind: 'card', cardId: card.cardId },
  });
}

export { requirePrinter as requireSlipPrinter };
