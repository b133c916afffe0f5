// The room screen's data and moves: this room's queue (queue.list) and
// today's waiting times, read again whenever the core pushes a change to the
// department's queue (no polling), and the moves the doctor's keys make.
// Each press of a key gets its own move id; "Try again" after a lost answer
// sends the same id, so the core answers it instead of calling twice.
import { useServerSkew } from '../hooks/use-server-skew';
import { useCallback, useEffect, useState } from 'react';
import type { CallError, MethodInput, Token } from '../../../preload/contract';
import type { MoveResult, QueueView, WaitingTimes } from '../../../preload/contract/methods/queue-schemas';
import type { QueueMove } from '../../../preload/contract/queue-rule';
import { callCounter } from '../api/counter-client';
import { useCounterQuery } from '../hooks/use-counter-query';
import { newId } from '../lib/new-id';
import { subscribeCoreEvents, watchCoreEventsState } from '../scanning/core-events';

type Action =
  { method: 'queue.callNext'; input: MethodInput<'queue.callNext'> } | { method: 'queue.move'; input: MethodInput<'queue.move'> };

export interface RoomOutcome {
  action: Action;
  result: MoveResult | null;
  error: CallError | null;
}

export interface RoomQueue {
  view: QueueView | null;
  viewError: CallError | null;
  times: WaitingTimes | null;
  /** The core's clock minus this screen's, so waiting minutes are the core's. */
  skewMs: number;
  pending: boolean;
  /** The last move and what came of it (the screen says it, and offers "Try again" after a lost answer). */
  last: RoomOutcome | null;
  callNext(): Promise<void>;
  move(token: Token, move: QueueMove, extra?: { reason?: string }): Promise<void>;
  retry(): Promise<void>;
}

export function useRoomQueue(departmentCode: string, room: string): RoomQueue {
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const list = useCounterQuery('queue.list', { departmentCode, room, limit: 40 }, reloads);
  const times = useCounterQuery('queue.waitingTimes', { departmentCode }, reloads);
  const [pending, setPending] = useState(false);
  const [last, setLast] = useState<RoomOutcome | null>(null);
  const skewMs = useServerSkew(list.data?.serverTime);

  // Pushed, not polled: any change to this department's queue (a clerk issued, another room called) reads it again.
  useEffect(() => {
    const unsubscribe = subscribeCoreEvents((event) => {
      if (event.name === 'queue.changed' && event.payload.departmentCode === departmentCode) reload();
    });
    // Back from a dropped connection: what was missed is read again.
    const unwatch = watchCoreEventsState((state) => {
      if (state === 'open') reload();
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  }, [departmentCode, reload]);

  const send = useCallback(
    async (action: Action) => {
      if (pending) return;
      setPending(true);
      const result =
        action.method === 'queue.callNext'
          ? await callCounter('queue.callNext', action.input)
          : await callCounter('queue.move', action.input);
      setPending(false);
      setLast(result.ok ? { action, result: result.value, error: null } : { action, result: null, error: result.error });
      reload();
    },
    [pending, reload],
  );

  return {
    view: list.data,
    viewError: list.error,
    times: times.data,
    skewMs,
    pending,
    last,
    callNext: () => send({ method: 'queue.callNext', input: { moveId: newId(), departmentCode, room } }),
    move: (token, move, extra = {}) =>
      send({
        method: 'queue.move',
        input: {
          moveId: newId(),
          tokenId: token.id,
          version: token.version,
          move,
          room,
          counterLetter: token.counterLetter,
          ...extra,
        },
      }),
    retry: async () => {
      if (last?.error) await send(last.action);
    },
  };
}
