// queue.* — the rooms call and move tokens; the hall board reads; waiting
// times come from the moves (docs/design.md §9). Every move runs in one
// BEGIN IMMEDIATE transaction: "call next" reads the queue and takes its
// first token under the write lock, so two rooms (or two processes on one
// database file) can never call the same patient. A move id seen before is
// answered from what was recorded, never made twice. Moves are committed
// without waiting for the disk (relaxedWriteTransaction): nobody holds a
// call on paper, and a call lost in a power cut is simply made again.
import type { MoveResult } from '../../preload/contract/methods/queue-schemas';
import { canMove, type QueueMove, type RecordedMove } from '../../preload/contract/queue-rule';
import type { Department, Token } from '../../preload/contract/records';
import { AppError, notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import type { CallContext, HandlerMap } from '../core/registry';
import { relaxedWriteTransaction } from '../db/transaction';
import { departmentByCode } from '../departments/department-store';
import { tokenById } from '../tokens/token-store';
import { boardDepartment } from './board-feed';
import { emitQueueChanged } from './queue-events';
import { applyMove, finishAtRoom } from './queue-moves';
import { nextInQueue, queueOrder } from './queue-order';
import {
  atRoomTokens,
  historyFor,
  moveById,
  setAsideTokens,
  tokensInOrder,
  waitingEntries,
  waitingHeads,
  type MoveRow,
} from './queue-store';
import { waitingTimes } from './waiting-times';

/** Moves that put a patient in front of a room: only for today's tokens. */
const TODAY_ONLY: ReadonlySet<QueueMove> = new Set(['call', 'recall', 'start', 'return']);
/** Waiting times over a longer range are a report's job, with its own summaries. */
const MAX_RANGE_DAYS = 92;

export function queueHandlers(ctx: CoreContext, events: CoreEvents): HandlerMap {
  const { db } = ctx;

  function requireDepartment(code: string, field = 'departmentCode'): Department {
    const department = departmentByCode(db, code);
    if (!department) throw notFound(`department ${code}`, field);
    return department;
  }

  function requireRoom(department: Department, room: string): string {
    const known = department.rooms.find((r) => r.toUpperCase() === room.toUpperCase());
    if (!known) {
      throw new AppError('NOT_FOUND', `room ${room} is not a room of ${department.nameEn} (${department.rooms.join(', ')})`, {
        field: 'room',
      });
    }
    return known;
  }

  /** A move id already used: the same request again is answered as it stands now; another request is a mistake. */
  function replay(seen: MoveRow, same: boolean): MoveResult {
    if (!same) throw new AppError('CONFLICT', 'this move id was used for another move', { field: 'moveId' });
    const finishedMove = moveById(db, `${seen.id}:finish`);
    return {
      token: tokenById(db, seen.token_id)!,
      finished: finishedMove ? tokenById(db, finishedMove.token_id)! : null,
      replayed: true,
    };
  }

  function finishRoom(
    department: Department,
    room: string,
    except: string | null,
    moveId: string,
    call: CallContext,
    at: string,
  ) {
    return finishAtRoom(db, { day: today(ctx), department, room, except, moveId, actor: call.actor, at });
  }

  function announce(result: MoveResult, moves: Record<string, RecordedMove>) {
    for (const token of [result.finished, result.token]) {
      if (token && moves[token.id]) emitQueueChanged(events, token, moves[token.id]!, nowIso(ctx));
    }
  }

  return {
    'queue.list': ({ departmentCode, room, date, limit }) => {
      const department = requireDepartment(departmentCode);
      const roomName = room ? requireRoom(department, room) : null;
      const day = date ?? today(ctx);
      const rule = department.queueRule;
      const perRoom = rule.rooms === 'per_room' ? roomName : null;
      const ordered = queueOrder({
        waiting: waitingEntries(db, { visitDate: day, departmentCode, room: perRoom }),
        history: historyFor(db, day, departmentCode, rule, roomName),
        rule,
        room: roomName,
      });
      return {
        departmentCode,
        date: day,
        room: roomName,
        rule,
        waiting: tokensInOrder(
          db,
          ordered.slice(0, limit).map((e) => e.id),
        ),
        waitingCount: ordered.length,
        atRoom: atRoomTokens(db, day, departmentCode, roomName),
        setAside: setAsideTokens(db, day, departmentCode),
        serverTime: nowIso(ctx),
        notShown: [],
        olderCopies: [],
      };
    },

    'queue.callNext': ({ moveId, departmentCode, room }, call) => {
      const result = relaxedWriteTransaction(db, (): MoveResult & { moved: Record<string, RecordedMove> } => {
        const department = requireDepartment(departmentCode);
        const roomName = requireRoom(department, room);
        const seen = moveById(db, moveId);
        if (seen) {
          const again =
            seen.move === 'call' && seen.room === roomName && tokenById(db, seen.token_id)?.departmentCode === departmentCode;
          return { ...replay(seen, again), moved: {} };
        }
        const at = nowIso(ctx);
        const day = today(ctx);
        const finished = finishRoom(department, roomName, null, moveId, call, at);
        const moved: Record<string, RecordedMove> = Object.fromEntries(finished.map((t) => [t.id, 'finish']));
        const perRoom = department.queueRule.rooms === 'per_room' ? roomName : null;
        const next = nextInQueue({
          waiting: waitingHeads(db, { visitDate: day, departmentCode, room: perRoom }),
          history: historyFor(db, day, departmentCode, department.queueRule, roomName),
          rule: department.queueRule,
          room: roomName,
        });
        if (!next) return { token: null, finished: finished[0] ?? null, replayed: false, moved };
        const token = applyMove(db, {
          moveId,
          token: tokenById(db, next.id)!,
          move: 'call',
          room: roomName,
          reason: null,
          rule: department.queueRule,
          actor: call.actor,
          at,
        });
        moved[token.id] = 'call';
        return { token, finished: finished[0] ?? null, replayed: false, moved };
      });
      const { moved, ...answer } = result;
      announce(answer, moved);
      return answer;
    },

    'queue.move': ({ moveId, tokenId, move, version, room, reason }, call) => {
      const result = relaxedWriteTransaction(db, (): MoveResult & { moved: Record<string, RecordedMove> } => {
        const seen = moveById(db, moveId);
        if (seen) return { ...replay(seen, seen.token_id === tokenId && seen.move === move), moved: {} };
        const token = tokenById(db, tokenId);
        if (!token) throw notFound('token', 'tokenId');
        if (token.version !== version) {
          throw new AppError('VERSION_CONFLICT', `token ${token.label} changed since it was shown (it is ${token.status} now)`, {
            field: 'version',
            details: { token },
          });
        }
        refuseImpossible(token, move, today(ctx));
        const department = requireDepartment(token.departmentCode);
        const roomName = room ? requireRoom(department, room) : null;
        const at = nowIso(ctx);
        const finished = move === 'call' ? finishRoom(department, roomName!, token.id, moveId, call, at) : [];
        const moved: Record<string, RecordedMove> = Object.fromEntries(finished.map((t) => [t.id, 'finish']));
        const after = applyMove(db, {
          moveId,
          token,
          move,
          room: roomName,
          reason: reason ?? null,
          rule: department.queueRule,
          actor: call.actor,
          at,
        });
        moved[after.id] = move;
        return { token: after, finished: finished[0] ?? null, replayed: false, moved };
      });
      const { moved, ...answer } = result;
      announce(answer, moved);
      return answer;
    },

    'queue.board': ({ departmentCodes, names, recent }) => {
      const day = today(ctx);
      return {
        date: day,
        serverTime: nowIso(ctx),
        departments: [...new Set(departmentCodes)].map((code) =>
          boardDepartment(db, day, code, { names: names === 'first', recent }),
        ),
        notShown: [],
      };
    },

    'queue.waitingTimes': ({ from, to, departmentCode }) => {
      const day = today(ctx);
      const range = { from: from ?? to ?? day, to: to ?? from ?? day };
      if (range.from > range.to) throw new AppError('VALIDATION_FAILED', 'to: must not be before from', { field: 'to' });
      const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
      if (days > MAX_RANGE_DAYS) {
        throw new AppError('VALIDATION_FAILED', `to: at most ${MAX_RANGE_DAYS} days at a time`, { field: 'to' });
      }
      if (departmentCode) requireDepartment(departmentCode);
      return { ...range, rows: waitingTimes(db, { ...range, departmentCode }) };
    },
  };
}

/** A move the token's status (or day) does not allow: a typed refusal carrying the token as it is. */
function refuseImpossible(token: Token, move: QueueMove, day: string): void {
  const why = !canMove(token.status, move)
    ? `token ${token.label} is ${token.status.replace(/_/g, ' ')}: it cannot be ${MOVE_WORDS[move]}`
    : TODAY_ONLY.has(move) && token.visitDate !== day
      ? `token ${token.label} is from ${token.visitDate}: only today's tokens can be ${MOVE_WORDS[move]}`
      : null;
  if (why) throw new AppError('MOVE_NOT_ALLOWED', why, { field: 'move', details: { token, move } });
}

const MOVE_WORDS: Record<QueueMove, string> = {
  call: 'called',
  recall: 'called again',
  start: 'marked in consultation',
  finish: 'finished',
  no_show: 'marked no-show',
  skip: 'skipped',
  return: 'put back in the queue',
  entered_in_error: 'marked entered in error',
};
