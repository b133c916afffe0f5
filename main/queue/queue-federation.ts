// One queue per department across the hospital's counters (docs/peers.md,
// docs/design.md §10). With paired counters, a room screen or hall board
// attached to any counter sees the department's tokens from every counter
// that answers, merged by the same pure rule (queue-order.ts), and "call
// next" asks the token's own counter to make the call: the owner's
// transaction decides, so two rooms on two counters never get the same
// patient. A counter that does not answer is named, never guessed at. With
// no paired counter these are the counter's own queue.* handlers, untouched.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { MoveInput, MoveResult, QueueView } from '../../preload/contract/methods/queue-schemas';
import type { PeerQueue } from '../../preload/contract/methods/peer-queue-methods';
import type { Department, Token } from '../../preload/contract/records';
import { AppError, notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import type { CallContext, HandlerMap } from '../core/registry';
import { relaxedWriteTransaction } from '../db/transaction';
import { departmentByCode } from '../departments/department-store';
import type { DepartmentsSharing } from '../departments/departments-sharing';
import type { PeerService } from '../peers/peer-service';
import { listPeers, type PeerRow } from '../peers/peer-store';
import { tokenById } from '../tokens/token-store';
import { boardDepartment } from './board-feed';
import { mergeBoard } from './board-merge';
import { emitQueueChanged } from './queue-events';
import { applyMove, finishAtRoom } from './queue-moves';
import { nextInQueue, queueOrder, type CallRecord, type QueueEntry } from './queue-order';
import { forgetRemoteCall, recordAnswered, recordUnsettled, remoteCall } from './remote-calls-store';
import { atRoomTokens, historyFor, moveById, setAsideTokens, tokensInOrder, waitingEntries, waitingHeads } from './queue-store';

/** A part of the queue not read within this long is not shown (and named). */
export const QUEUE_READ_TIMEOUT_MS = 800;
/** "Call next" tries again this many times when the token it chose was taken meanwhile. */
const CALL_ATTEMPTS = 20;

type NotShown = QueueView['notShown'];

interface Part {
  peer: PeerRow;
  queue: PeerQueue;
}

export function federatedQueueHandlers(
  ctx: CoreContext,
  peers: PeerService,
  local: HandlerMap,
  events: CoreEvents,
  sharing: DepartmentsSharing,
): HandlerMap {
  const { db } = ctx;
  const hasPeers = () => listPeers(db).length > 0;

  function requireDepartment(code: string): Department {
    const department = departmentByCode(db, code);
    if (!department) throw notFound(`department ${code}`, 'departmentCode');
    return department;
  }

  function requireRoom(department: Department, room: string): string {
    const known = department.rooms.find((r) => r.toUpperCase() === room.toUpperCase());
    if (!known) throw new AppError('NOT_FOUND', `room ${room} is not a room of ${department.nameEn}`, { field: 'room' });
    return known;
  }

  /**
   * Every answering counter's part; a newer copy of the departments heard of
   * in the answers is taken first, so the department (its rooms and rule)
   * is read after it: one rule for the merge, hospital-wide.
   */
  async function gather(departmentCode: string, room: string | null, scope: 'heads' | 'all') {
    const answers = await peers.callAll('peer.queue', { departmentCode, room, scope }, QUEUE_READ_TIMEOUT_MS);
    const parts: Part[] = [];
    const notShown: NotShown = [];
    for (const { peer, result } of answers) {
      if (result.ok) parts.push({ peer, queue: result.value });
      else notShown.push({ counterLetter: peer.counter_letter, problem: result.problem });
    }
    const olderCopies = await sharing.catchUp(parts.map((p) => ({ peer: p.peer, stamp: p.queue.departments })));
    return { parts, notShown, olderCopies, department: requireDepartment(departmentCode) };
  }

  /** This counter's rows and every answering counter's, for the rule. */
  function merged(parts: Part[], own: { waiting: QueueEntry[]; history: CallRecord[] }) {
    return {
      waiting: [...own.waiting, ...parts.flatMap((p) => p.queue.waiting)],
      history: [...own.history, ...parts.flatMap((p) => p.queue.history)],
    };
  }

  /**
   * Called or in consultation at the room, everywhere: calling the next one finishes them (as at one counter).
   * Safe to run again for the same move id: what was finished then is not at the room any more, and ids
   * are derived from the move's and the token's.
   */
  async function finishRoom(
    parts: Part[],
    department: Department,
    room: string,
    moveId: string,
    call: CallContext,
    { except = null, here = true }: { except?: string | null; here?: boolean } = {},
  ) {
    const at = nowIso(ctx);
    const finishedHere = here && !moveById(db, `${moveId}:finish`);
    const finished: Token[] = finishedHere
      ? relaxedWriteTransaction(db, () =>
          finishAtRoom(db, { day: today(ctx), department, room, except, moveId, actor: call.actor, at }),
        )
      : [];
    finished.forEach((t) => emitQueueChanged(events, t, 'finish', at));
    for (const { peer, queue } of parts) {
      for (const token of queue.atRoom.filter((t) => t.callRoom === room && t.id !== except)) {
        const answer = await peers.call(peer.counter_id, 'peer.move', {
          moveId: derivedId(moveId, `finish:${token.id}`),
          tokenId: token.id,
          move: 'finish',
          version: token.version,
          room,
        });
        // Not finished there (not reached, or changed meanwhile): the next call at this room finishes it.
        if (answer.ok && answer.value.token) finished.push(answer.value.token);
      }
    }
    return finished;
  }

  /**
   * Asks a token's own counter to call it, once more if the answer did not come: 'unknown' when it still
   * does not answer (it may have called the patient), null when it clearly did not call it.
   */
  async function askOwner(peer: PeerRow, moveId: string, tokenId: string, room: string): Promise<Token | null | 'unknown'> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await peers.call(peer.counter_id, 'peer.call', { moveId, tokenId, room });
      if (answer.ok) return answer.value.token;
      if (answer.problem === 'refused') return null;
    }
    return 'unknown';
  }

  /** Calls this counter's own token if it still waits (the same atomic step as a local call). */
  function callOwn(tokenId: string, department: Department, room: string, moveId: string, call: CallContext): Token | null {
    const token = relaxedWriteTransaction(db, () => {
      const fresh = tokenById(db, tokenId);
      if (!fresh || fresh.status !== 'issued' || fresh.visitDate !== today(ctx)) return null;
      return applyMove(db, {
        moveId,
        token: fresh,
        move: 'call',
        room,
        reason: null,
        rule: department.queueRule,
        actor: call.actor,
        at: nowIso(ctx),
      });
    });
    if (token) emitQueueChanged(events, token, 'call', nowIso(ctx));
    return token;
  }

  async function callNext(moveId: string, departmentCode: string, room: string, call: CallContext): Promise<MoveResult> {
    // Made at another counter before (remote-calls-store): a press sent again gets the same answer.
    const earlier = remoteCall(db, moveId);
    if (earlier?.state === 'answered') return { ...earlier.result, replayed: true };
    let department = requireDepartment(departmentCode);
    const roomName = requireRoom(department, room);
    // Called here before (its answer lost): the local handler answers from what it recorded.
    if (moveById(db, moveId)) return local['queue.callNext']!({ moveId, departmentCode, room }, call);
    // Asked of another counter before, and it did not say: ask it again, with the same id (it replays).
    if (earlier?.state === 'unsettled') {
      const peer = listPeers(db).find((p) => p.counter_id === earlier.counterId);
      const answer = peer ? await askOwner(peer, moveId, earlier.tokenId, roomName) : null;
      if (answer === 'unknown') throw notAnswered(peer!);
      if (answer) return remember(moveId, earlier.counterId, { token: answer, finished: null, replayed: false });
      forgetRemoteCall(db, moveId); // it did not call that patient (or is no longer paired): choose afresh
    }
    const gathered = await gather(departmentCode, roomName, 'heads');
    let { parts } = gathered;
    department = gathered.department;
    const perRoom = department.queueRule.rooms === 'per_room' ? roomName : null;
    const day = today(ctx);
    const finished = await finishRoom(parts, department, roomName, moveId, call);
    for (let attempt = 0; attempt < CALL_ATTEMPTS; attempt++) {
      const ownWaiting = waitingHeads(db, { visitDate: day, departmentCode, room: perRoom });
      const own = { waiting: ownWaiting, history: historyFor(db, day, departmentCode, department.queueRule, roomName) };
      const next = nextInQueue({ ...merged(parts, own), rule: department.queueRule, room: roomName });
      if (!next) break;
      // By where the row came from, not by letter: a letter is only what a counter was called when paired.
      const owner = parts.find((p) => p.queue.waiting.some((w) => w.id === next.id))?.peer;
      if (!owner || ownWaiting.some((w) => w.id === next.id)) {
        const token = callOwn(next.id, department, roomName, moveId, call);
        if (token) return { token, finished: finished[0] ?? null, replayed: false };
      } else {
        const answer = await askOwner(owner, moveId, next.id, roomName);
        if (answer === 'unknown') {
          // It may have called the patient: calling another now could call two to one room.
          recordUnsettled(db, moveId, owner.counter_id, next.id, nowIso(ctx));
          throw notAnswered(owner);
        }
        if (answer) return remember(moveId, owner.counter_id, { token: answer, finished: finished[0] ?? null, replayed: false });
      }
      // Taken by another room meanwhile: read the heads again and take the next one.
      parts = (await gather(departmentCode, roomName, 'heads')).parts.filter((p) =>
        parts.some((q) => q.peer.counter_id === p.peer.counter_id),
      );
    }
    return { token: null, finished: finished[0] ?? null, replayed: false };
  }

  function notAnswered(peer: PeerRow): AppError {
    return new AppError(
      'UNAVAILABLE',
      `counter ${peer.counter_letter} did not answer whether it called the patient: press again to ask it`,
      {
        field: 'room',
      },
    );
  }

  function remember(moveId: string, counterId: string, result: MoveResult): MoveResult {
    recordAnswered(db, moveId, counterId, result, nowIso(ctx));
    return result;
  }

  async function list(input: {
    departmentCode: string;
    room?: string | undefined;
    date?: string | undefined;
    limit: number;
  }): Promise<QueueView> {
    const roomAsked = input.room ? requireRoom(requireDepartment(input.departmentCode), input.room) : null;
    const { parts, notShown, olderCopies, department } = await gather(input.departmentCode, roomAsked, 'all');
    // The newer copy may have renamed or removed the room: checked again against it.
    const roomName = input.room ? requireRoom(department, input.room) : null;
    const day = today(ctx);
    const rule = department.queueRule;
    const perRoom = rule.rooms === 'per_room' ? roomName : null;
    const own = {
      waiting: waitingEntries(db, { visitDate: day, departmentCode: input.departmentCode, room: perRoom }),
      history: historyFor(db, day, input.departmentCode, rule, roomName),
    };
    const ordered = queueOrder({ ...merged(parts, own), rule, room: roomName });
    const shown = ordered.slice(0, input.limit);
    const letter = ctx.identity.counterLetter;
    const byId = new Map(
      tokensInOrder(
        db,
        shown.filter((e) => e.counterLetter === letter).map((e) => e.id),
      ).map((t) => [t.id, t]),
    );
    for (const { peer } of parts) {
      const ids = shown.filter((e) => e.counterLetter === peer.counter_letter).map((e) => e.id);
      if (ids.length === 0) continue;
      const answer = await peers.call(peer.counter_id, 'peer.tokens', { ids }, QUEUE_READ_TIMEOUT_MS);
      if (answer.ok) answer.value.forEach((t) => byId.set(t.id, t));
      // Its rows are left out of the list: say whose.
      else if (!notShown.some((n) => n.counterLetter === peer.counter_letter)) {
        notShown.push({ counterLetter: peer.counter_letter, problem: answer.problem });
      }
    }
    const latestCallFirst = (a: Token, b: Token) => (b.calledAt ?? '').localeCompare(a.calledAt ?? '');
    return {
      departmentCode: input.departmentCode,
      date: day,
      room: roomName,
      rule,
      waiting: shown.map((e) => byId.get(e.id)).filter((t): t is Token => t !== undefined),
      waitingCount: ordered.length,
      atRoom: [...atRoomTokens(db, day, input.departmentCode, roomName), ...parts.flatMap((p) => p.queue.atRoom)].sort(
        latestCallFirst,
      ),
      setAside: [...setAsideTokens(db, day, input.departmentCode), ...parts.flatMap((p) => p.queue.setAside)].sort(
        latestCallFirst,
      ),
      serverTime: nowIso(ctx),
      notShown,
      olderCopies,
    };
  }

  /** A move of another counter's token, made by that counter; its refusal comes back in its words. */
  async function ownersMove(input: z.output<typeof MoveInput>): Promise<MoveResult> {
    // The screen names the token's counter: ask it alone (the others are not woken, nor waited for if down).
    const named = listPeers(db).find((p) => p.counter_letter === input.counterLetter);
    const answers = named
      ? [{ peer: named, result: await peers.call(named.counter_id, 'peer.move', input) }]
      : await peers.callAll('peer.move', input);
    const owner = answers.find((a) => a.result.ok);
    if (owner?.result.ok) return owner.result.value;
    const refusal = answers.find((a) => !a.result.ok && a.result.problem === 'refused' && a.result.error?.code !== 'NOT_FOUND');
    if (refusal && !refusal.result.ok && refusal.result.error) {
      throw new AppError(refusal.result.error.code, `counter ${refusal.peer.counter_letter}: ${refusal.result.error.message}`, {
        ...(refusal.result.error.field ? { field: refusal.result.error.field } : {}),
        details: refusal.result.error.details,
      });
    }
    const unreachable = answers.some((a) => !a.result.ok && a.result.problem !== 'refused');
    throw new AppError(
      unreachable ? 'UNAVAILABLE' : 'NOT_FOUND',
      unreachable ? 'the counter that issued this token is not reachable now' : 'token not found',
      { field: 'tokenId' },
    );
  }

  return {
    'queue.list': (input, call) => (hasPeers() && !input.date ? list(input) : local['queue.list']!(input, call)),
    'queue.callNext': (input, call) =>
      hasPeers() ? callNext(input.moveId, input.departmentCode, input.room, call) : local['queue.callNext']!(input, call),
    'queue.move': async (input, call) => {
      if (!hasPeers()) return local['queue.move']!(input, call);
      const here = tokenById(db, input.tokenId) !== undefined;
      const result = here ? await local['queue.move']!(input, call) : await ownersMove(input);
      // A token called by hand (a set-aside one, "call this"): the room's patients at other counters are done too.
      if (input.move !== 'call' || !result.token || result.replayed) return result;
      const department = departmentByCode(db, result.token.departmentCode);
      const room = result.token.callRoom;
      if (!department || !room) return result;
      const { parts } = await gather(department.code, room, 'heads');
      const finished = await finishRoom(parts, department, room, input.moveId, call, { except: result.token.id, here: !here });
      return { ...result, finished: result.finished ?? finished[0] ?? null };
    },
    'queue.board': async ({ departmentCodes, names, recent }, call) => {
      if (!hasPeers()) return local['queue.board']!({ departmentCodes, names, recent }, call);
      const day = today(ctx);
      const notShown: NotShown = [];
      const departments = await Promise.all(
        [...new Set(departmentCodes)].map(async (code) => {
          const own = boardDepartment(db, day, code, { names: names === 'first', recent });
          const answers = await peers.callAll('peer.board', { departmentCode: code, names, recent }, QUEUE_READ_TIMEOUT_MS);
          for (const { peer, result } of answers) {
            if (!result.ok && !notShown.some((n) => n.counterLetter === peer.counter_letter)) {
              notShown.push({ counterLetter: peer.counter_letter, problem: result.problem });
            }
          }
          return mergeBoard(
            own,
            answers.flatMap((a) => (a.result.ok ? [a.result.value] : [])),
            recent,
          );
        }),
      );
      return { date: day, serverTime: nowIso(ctx), departments, notShown };
    },
  };
}

/** A move id derived from another (a finish made with a call): the same on a retry, unique per token. */
function derivedId(moveId: string, what: string): string {
  // Keep it a UUID (the contract's MoveInput wants one): the namespace is the call's id, the name what it derives.
  return uuidV5(`${moveId}:${what}`);
}

/** RFC 4122 version 5 layout over SHA-1 of `name` (a stable id from a stable name). */
function uuidV5(name: string): string {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
