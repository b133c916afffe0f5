// boards.* — the hall boards supervisors started (auth.startBoard): which are
// running, and ending one (its screen then asks for a supervisor again).
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../core/app-error';
import { nowIso, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import type { BoardSessions } from './board-sessions';

export function boardsHandlers(ctx: CoreContext, boards: BoardSessions): HandlerMap {
  const { db } = ctx;
  return {
    'boards.list': ({ includeEnded }) => boards.list(includeEnded ?? false),
    'boards.end': ({ id }, call) =>
      writeTransaction(db, () => {
        const ended = boards.end(id, call.actor);
        if (!ended) throw notFound('board', 'id');
        appendAudit(db, { at: nowIso(ctx), actor: call.actor, action: 'board.end', entity: 'board', entityId: id });
        return ended;
      }),
  };
}
