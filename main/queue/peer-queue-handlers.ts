// What this counter answers about its own part of a department's queue to
// the hospital's other counters (peer.queue, peer.tokens, peer.board), and
// the moves it makes on its own tokens at their asking (peer.call,
// peer.move). Each counter stays the only writer of its tokens: a call is
// made here, in this counter's IMMEDIATE transaction, or not at all.
import type { Database } from 'better-sqlite3';
import type { Token } from '../../preload/contract/records';
import { PEER_QUEUE_CAPS } from '../../preload/contract/methods/peer-queue-methods';
import { notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import type { HandlerMap } from '../core/registry';
import { relaxedWriteTransaction } from '../db/transaction';
import { departmentByCode } from '../departments/department-store';
import { readStamp } from '../departments/departments-copy';
import { tokenById } from '../tokens/token-store';
import { boardDepartment } from './board-feed';
import { emitQueueChanged } from './queue-events';
import { applyMove } from './queue-moves';
import { atRoomTokens, historyFor, moveById, setAsideTokens, tokensInOrder, waitingEntries, waitingHeads } from './queue-store';

/** This counter's tokens among `ids` (others' ids are simply not here). */
function ownTokens(db: Database, ids: readonly string[]): Token[] {
  const here = ids.filter((id) => tokenById(db, id) !== undefined);
  return tokensInOrder(db, here);
}

export function peerQueueHandlers(ctx: CoreContext, events: CoreEvents, local: HandlerMap): HandlerMap {
  const { db } = ctx;
  return {
    'peer.queue': ({ departmentCode, room, scope }) => {
      const department = departmentByCode(db, departmentCode);
      if (!department) throw notFound(`department ${departmentCode}`, 'departmentCode');
      const day = today(ctx);
      const rule = department.queueRule;
      const query = { visitDate: day, departmentCode, room: rule.rooms === 'per_room' ? room : null };
      const strip = ({ version: _version, ...entry }: ReturnType<typeof waitingEntries>[number]) => entry;
      // Within the contract's caps (PeerQueue), so a very busy day is a long list, not a refused answer:
      // the first in the queue, the latest calls, the latest set aside.
      return {
        waiting: (scope === 'heads' ? waitingHeads(db, query) : waitingEntries(db, query))
          .slice(0, PEER_QUEUE_CAPS.waiting)
          .map(strip),
        history: historyFor(db, day, departmentCode, rule, room).slice(0, PEER_QUEUE_CAPS.history),
        atRoom: atRoomTokens(db, day, departmentCode, room).slice(0, PEER_QUEUE_CAPS.atRoom),
        setAside: scope === 'all' ? setAsideTokens(db, day, departmentCode).slice(0, PEER_QUEUE_CAPS.setAside) : [],
        departments: readStamp(db),
      };
    },
    'peer.tokens': ({ ids }) => ownTokens(db, ids),
    'peer.board': ({ departmentCode, names, recent }) =>
      boardDepartment(db, today(ctx), departmentCode, { names: names === 'first', recent }),
    'peer.call': ({ moveId, tokenId, room }, call) => {
      const answer = relaxedWriteTransaction(db, () => {
        const seen = moveById(db, moveId);
        // The same press sent again (its answer was lost): what it called then.
        if (seen) return { token: seen.move === 'call' ? (tokenById(db, seen.token_id) ?? null) : null, replayed: true };
        const token = tokenById(db, tokenId);
        if (!token) throw notFound('token', 'tokenId');
        // Taken by a room meanwhile, cancelled, or yesterday's: gone; the caller tries the next.
        if (token.status !== 'issued' || token.visitDate !== today(ctx)) return { token: null, replayed: false };
        const department = departmentByCode(db, token.departmentCode)!;
        const called = applyMove(db, {
          moveId,
          token,
          move: 'call',
          room,
          reason: null,
          rule: department.queueRule,
          actor: call.actor,
          at: nowIso(ctx),
        });
        return { token: called, replayed: false };
      });
      if (answer.token && !answer.replayed) emitQueueChanged(events, answer.token, 'call', nowIso(ctx));
      return answer;
    },
    'peer.move': (input, call) => local['queue.move']!(input, call),
  };
}
