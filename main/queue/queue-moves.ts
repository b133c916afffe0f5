// One move of one token, inside the caller's write transaction: the token's
// row, its recorded move, its outbox row (the HIMS learns the new status and
// history) and the audit entry commit together, or not at all. Whether the
// move is allowed was checked by the caller (queue-rule.ts MOVES).
import type { Database } from 'better-sqlite3';
import type { Department, Token } from '../../preload/contract/records';
import { MOVES, type QueueMove, type QueueRule } from '../../preload/contract/queue-rule';
import { appendAudit } from '../audit/audit-log';
import { enqueueOutbox } from '../core/outbox';
import { sql } from '../db/statements';
import { tokenById } from '../tokens/token-store';
import { atRoomTokens, insertMove } from './queue-store';

/** The columns each move sets (the version always goes up by one). */
const SET: Record<QueueMove, string> = {
  call: `queue_status = 'called', call_room = @room, called_at = @at, first_called_at = coalesce(first_called_at, @at),
         call_count = call_count + 1`,
  recall: `call_room = coalesce(@room, call_room), called_at = @at, call_count = call_count + 1`,
  start: `queue_status = 'in_consultation', call_room = coalesce(@room, call_room)`,
  finish: `queue_status = 'done'`,
  no_show: `queue_status = 'no_show'`,
  skip: `queue_status = 'skipped'`,
  // Back into the queue: its old place, or the end (the department's rule).
  return: `queue_status = 'waiting', queue_at = CASE WHEN @returnToEnd = 1 THEN @at ELSE queue_at END`,
  entered_in_error: `status = 'cancelled', queue_status = 'entered_in_error', cancelled_at = @at, cancel_reason = @reason`,
};

export interface MoveOrder {
  moveId: string;
  token: Token;
  move: QueueMove;
  room: string | null;
  reason: string | null;
  rule: QueueRule;
  actor: string;
  at: string;
}

/** Applies the move and returns the token as it is now. Throws if the row changed under us (never, inside BEGIN IMMEDIATE). */
export function applyMove(db: Database, order: MoveOrder): Token {
  const { token, move, at } = order;
  const changed = sql(db, `UPDATE tokens SET ${SET[move]}, version = version + 1 WHERE id = @id AND version = @version`).run({
    id: token.id,
    version: token.version,
    room: order.room,
    at,
    reason: order.reason,
    returnToEnd: order.rule.returnTo === 'end' ? 1 : 0,
  }).changes;
  if (changed !== 1) throw new Error(`token ${token.label} changed during its own move`);
  const version = token.version + 1;
  insertMove(db, {
    id: order.moveId,
    token,
    move,
    fromStatus: token.status,
    toStatus: MOVES[move].to,
    room: order.room,
    actor: order.actor,
    at,
    version,
  });
  enqueueOutbox(db, { entity: 'token', entityId: token.id, operation: 'update', version, at });
  appendAudit(db, {
    at,
    actor: order.actor,
    action: 'token.move',
    entity: 'token',
    entityId: token.id,
    detail: { move, label: token.label, from: token.status, room: order.room, ...(order.reason ? { reason: order.reason } : {}) },
  });
  return tokenById(db, token.id)!;
}

/**
 * Calling a patient in ends the room's current one (docs/decisions.md "The
 * queue"): finishes this counter's tokens called or in consultation at the
 * room, with move ids derived from the call's, so a retried call finishes
 * nothing twice. Run inside the caller's write transaction.
 */
export function finishAtRoom(
  db: Database,
  o: {
    day: string;
    department: Pick<Department, 'code' | 'queueRule'>;
    room: string;
    except: string | null;
    moveId: string;
    actor: MoveOrder['actor'];
    at: string;
  },
): Token[] {
  const current = atRoomTokens(db, o.day, o.department.code, o.room).filter((t) => t.id !== o.except);
  return current.map((token, i) =>
    applyMove(db, {
      moveId: i === 0 ? `${o.moveId}:finish` : `${o.moveId}:finish:${i}`,
      token,
      move: 'finish',
      room: o.room,
      reason: null,
      rule: o.department.queueRule,
      actor: o.actor,
      at: o.at,
    }),
  );
}
