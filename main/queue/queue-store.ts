// SQL of the queue: the rows the rule orders, the calls already made, the
// tokens at a room or set aside, and the recorded moves. The order itself is
// queue-order.ts (pure); nothing here sorts by anything but a fetch order.
import type { Database } from 'better-sqlite3';
import type { Token } from '../../preload/contract/records';
import type { QueueRule, RecordedMove } from '../../preload/contract/queue-rule';
import type { TokenStatus } from '../../preload/contract/fields';
import { sql } from '../db/statements';
import { TOKEN_SELECT, toToken, type TokenRow } from '../tokens/token-store';
import type { CallRecord, QueueEntry } from './queue-order';

interface EntryRow {
  id: string;
  counter_letter: string;
  number: number;
  priority: QueueEntry['priority'];
  queue_at: string;
  issued_at: string;
  assigned_room: string | null;
  version: number;
}

export type WaitingEntry = QueueEntry & { version: number };

const toEntry = (r: EntryRow): WaitingEntry => ({
  id: r.id,
  counterLetter: r.counter_letter,
  number: r.number,
  priority: r.priority,
  queueAt: r.queue_at,
  issuedAt: r.issued_at,
  assignedRoom: r.assigned_room,
  version: r.version,
});

const ENTRY_COLUMNS = 'id, counter_letter, number, priority, queue_at, issued_at, assigned_room, version';
const WAITING = `visit_date = @visitDate AND department_code = @departmentCode AND status = 'issued' AND queue_status = 'waiting'
  AND (@room IS NULL OR assigned_room IS NULL OR assigned_room = @room)`;
/** compareEntries (queue-order.ts) in SQL. */
const ENTRY_ORDER = 'ORDER BY queue_at, issued_at, counter_letter, number, id';
/** The priority class exactly as the index tokens_waiting (migration 0100) has it: 2 emergency, 1 other priority, 0 none. */
const CLASS = "(CASE priority WHEN 'emergency' THEN 2 WHEN 'none' THEN 0 ELSE 1 END)";

interface WaitingQuery {
  visitDate: string;
  departmentCode: string;
  /** Per-room queues: the room asking (its own tokens and the unassigned ones); null: all. */
  room: string | null;
}

/** One seek in tokens_waiting (tests/integration/query-plans.test.ts). */
export const WAITING_HEAD_SQL = `SELECT ${ENTRY_COLUMNS} FROM tokens WHERE ${WAITING} AND ${CLASS} = @class ${ENTRY_ORDER} LIMIT 1`;

/** The waiting tokens of a queue, light rows (index tokens_waiting). */
export function waitingEntries(db: Database, query: WaitingQuery): WaitingEntry[] {
  return sql<WaitingQuery, EntryRow>(db, `SELECT ${ENTRY_COLUMNS} FROM tokens WHERE ${WAITING}`).all(query).map(toEntry);
}

/**
 * The first waiting token of each priority class (emergency, other priority,
 * regular) in queue order: whatever the rule, "call next" takes the head of
 * one class, so these few rows give the same answer as the whole queue
 * (tests/unit/queue-order.test.ts checks it) without reading 500 rows.
 */
export function waitingHeads(db: Database, query: WaitingQuery): WaitingEntry[] {
  const head = sql<WaitingQuery & { class: number }, EntryRow>(db, WAITING_HEAD_SQL);
  return [2, 1, 0].flatMap((c) => head.all({ ...query, class: c }).map(toEntry));
}

/** Full records of the given tokens, in the order of `ids`. */
export function tokensInOrder(db: Database, ids: readonly string[]): Token[] {
  if (ids.length === 0) return [];
  // One cached statement per list length (at most queue.list's limit of them).
  const rows = sql<string[], TokenRow>(db, `${TOKEN_SELECT} WHERE t.id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids)
    .map(toToken);
  const byId = new Map(rows.map((t) => [t.id, t]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * The latest calls (not recalls) of the department, or of one room: enough
 * for the one-in-N rule, which only looks back to the last priority call.
 */
export const RECENT_CALLS_SQL = `SELECT m.at, t.priority, m.room FROM token_moves m JOIN tokens t ON t.id = m.token_id
  WHERE m.visit_date = @visitDate AND m.department_code = @departmentCode AND m.move = 'call'
    AND (@room IS NULL OR m.room = @room) ORDER BY m.pk DESC LIMIT @limit`;

export function recentCalls(
  db: Database,
  visitDate: string,
  departmentCode: string,
  room: string | null,
  limit: number,
): CallRecord[] {
  return sql<{ visitDate: string; departmentCode: string; room: string | null; limit: number }, CallRecord>(
    db,
    RECENT_CALLS_SQL,
  ).all({ visitDate, departmentCode, room, limit });
}

/** History needed by the rule: the room's own calls when rooms keep their own queues. */
export function historyFor(db: Database, visitDate: string, departmentCode: string, rule: QueueRule, room: string | null) {
  return recentCalls(db, visitDate, departmentCode, rule.rooms === 'per_room' ? room : null, rule.interleaveEvery);
}

/** Called or in consultation, latest call first; one room's, or every room's. */
export function atRoomTokens(db: Database, visitDate: string, departmentCode: string, room: string | null): Token[] {
  // Index tokens_at_room.
  const where = `t.visit_date = ? AND t.department_code = ? AND t.status = 'issued' AND t.queue_status IN ('called', 'in_consultation')`;
  const rows = room
    ? sql<[string, string, string], TokenRow>(
        db,
        `${TOKEN_SELECT} WHERE ${where} AND t.call_room = ? ORDER BY t.called_at DESC`,
      ).all(visitDate, departmentCode, room)
    : sql<[string, string], TokenRow>(db, `${TOKEN_SELECT} WHERE ${where} ORDER BY t.called_at DESC`).all(
        visitDate,
        departmentCode,
      );
  return rows.map(toToken);
}

/** Skipped or no-show, still open, latest change first. */
export function setAsideTokens(db: Database, visitDate: string, departmentCode: string): Token[] {
  return sql<[string, string], TokenRow>(
    db,
    `${TOKEN_SELECT} WHERE t.visit_date = ? AND t.department_code = ? AND t.status = 'issued'
       AND t.queue_status IN ('no_show', 'skipped') ORDER BY t.version DESC, t.called_at DESC`,
  )
    .all(visitDate, departmentCode)
    .map(toToken);
}

/** Per-room queues: the department's room with the fewest tokens waiting for it (ties: the room's order). */
export function leastBusyRoom(db: Database, visitDate: string, departmentCode: string, rooms: readonly string[]): string | null {
  if (rooms.length === 0) return null;
  const counts = new Map(
    sql<[string, string], { room: string | null; n: number }>(
      db,
      `SELECT assigned_room AS room, count(*) AS n FROM tokens
       WHERE visit_date = ? AND department_code = ? AND status = 'issued' AND queue_status = 'waiting' GROUP BY assigned_room`,
    )
      .all(visitDate, departmentCode)
      .map((r) => [r.room, r.n]),
  );
  let best = rooms[0]!;
  for (const room of rooms) if ((counts.get(room) ?? 0) < (counts.get(best) ?? 0)) best = room;
  return best;
}

export interface MoveRow {
  id: string;
  token_id: string;
  move: RecordedMove;
  from_status: TokenStatus;
  to_status: TokenStatus;
  room: string | null;
  actor: string;
  at: string;
  version: number;
}

export function moveById(db: Database, id: string): MoveRow | undefined {
  return sql<[string], MoveRow>(
    db,
    'SELECT id, token_id, move, from_status, to_status, room, actor, at, version FROM token_moves WHERE id = ?',
  ).get(id);
}

/** A token's moves, oldest first (Encounter.statusHistory, waiting times). */
export function movesOf(db: Database, tokenId: string): MoveRow[] {
  return sql<[string], MoveRow>(
    db,
    'SELECT id, token_id, move, from_status, to_status, room, actor, at, version FROM token_moves WHERE token_id = ? ORDER BY pk',
  ).all(tokenId);
}

export interface MoveInsert {
  id: string;
  token: Pick<Token, 'id' | 'departmentCode' | 'visitDate'>;
  move: RecordedMove;
  fromStatus: TokenStatus;
  toStatus: TokenStatus;
  room: string | null;
  actor: string;
  at: string;
  version: number;
}

export function insertMove(db: Database, m: MoveInsert): void {
  sql(
    db,
    `INSERT INTO token_moves (id, token_id, department_code, visit_date, move, from_status, to_status, room, actor, at, version)
     VALUES (@id, @tokenId, @departmentCode, @visitDate, @move, @fromStatus, @toStatus, @room, @actor, @at, @version)`,
  ).run({
    id: m.id,
    tokenId: m.token.id,
    departmentCode: m.token.departmentCode,
    visitDate: m.token.visitDate,
    move: m.move,
    fromStatus: m.fromStatus,
    toStatus: m.toStatus,
    room: m.room,
    actor: m.actor,
    at: m.at,
    version: m.version,
  });
}
