// The calls this counter asked another counter to make (0150_remote_calls.sql):
// answered ones are replayed to a press sent again, unsettled ones are asked
// again of the same owner. In the file so a restart of this counter between
// two presses changes neither (a map in memory did).
import type { Database } from 'better-sqlite3';
import { MoveResult } from '../../preload/contract/methods/queue-schemas';
import { sql } from '../db/statements';
import { relaxedWriteTransaction } from '../db/transaction';

/** Long past any press sent again: a room screen retries within the minute. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

interface Row {
  counter_id: string;
  token_id: string;
  result: string | null;
}

export type RemoteCall = { state: 'answered'; result: MoveResult } | { state: 'unsettled'; counterId: string; tokenId: string };

export function remoteCall(db: Database, moveId: string): RemoteCall | null {
  const row = sql<[string], Row>(db, 'SELECT counter_id, token_id, result FROM remote_calls WHERE move_id = ?').get(moveId);
  if (!row) return null;
  if (row.result === null) return { state: 'unsettled', counterId: row.counter_id, tokenId: row.token_id };
  return { state: 'answered', result: MoveResult.parse(JSON.parse(row.result)) };
}

function save(db: Database, moveId: string, counterId: string, tokenId: string, result: string | null, at: string): void {
  // Relaxed like the queue's own moves (docs/decisions.md): a crash of the app keeps it, as WAL does.
  relaxedWriteTransaction(db, () => {
    sql(db, 'DELETE FROM remote_calls WHERE at < ?').run(new Date(Date.parse(at) - KEEP_MS).toISOString());
    sql(
      db,
      `INSERT INTO remote_calls (move_id, counter_id, token_id, result, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (move_id) DO UPDATE SET counter_id = excluded.counter_id, token_id = excluded.token_id,
         result = excluded.result, at = excluded.at`,
    ).run(moveId, counterId, tokenId, result, at);
  });
}

/** The owner may have called the patient but did not say: the next press with this id asks it first. */
export function recordUnsettled(db: Database, moveId: string, counterId: string, tokenId: string, at: string): void {
  save(db, moveId, counterId, tokenId, null, at);
}

/** The owner's answer, for a press sent again. */
export function recordAnswered(db: Database, moveId: string, counterId: string, result: MoveResult, at: string): void {
  save(db, moveId, counterId, result.token?.id ?? '', JSON.stringify(result), at);
}

/** An unsettled call the owner has since said it did not make. */
export function forgetRemoteCall(db: Database, moveId: string): void {
  relaxedWriteTransaction(db, () => sql(db, 'DELETE FROM remote_calls WHERE move_id = ?').run(moveId));
}
