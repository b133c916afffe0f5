// One department's queue for today. Rooms call and move its tokens and the
// core pushes each change (queue.changed), so it is read again then, never
// on a timer.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { CallError, Token } from '../../../preload/contract';
import type { QueueMove } from '../../../preload/contract/queue-rule';
import { newId } from '../lib/new-id';
import { subscribeCoreEvents, watchCoreEventsState } from '../scanning/core-events';
import { useCounterMutation } from './use-counter-mutation';
import { useCounterQuery } from './use-counter-query';

/** No tokens yet: one array, so the queue list sees no change between renders. */
const NO_TOKENS: Token[] = [];

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: CallError } | null;

export interface QueueState {
  tokens: Token[];
  loading: boolean;
  error: CallError | null;
  cancel: (tokenId: string, reason: string) => Promise<ActionResult<Token>>;
  transfer: (tokenId: string, departmentCode: string) => Promise<ActionResult<{ from: Token; to: Token }>>;
  /** A queue move from the counter: put a no-show back, or mark a token entered in error. */
  move: (
    token: Token,
    move: Extract<QueueMove, 'return' | 'entered_in_error'>,
    reason?: string,
  ) => Promise<ActionResult<unknown>>;
  pending: boolean;
}

/**
 * `onChanged` is told after a cancel or transfer, with the token as it is now
 * and, for a transfer, the new token, so other views can follow. The state
 * returned changes only when the queue does: the counter screen renders on
 * every key typed in the search box, and its queue list (hundreds of rows on a
 * busy morning) must not render with it.
 */
export function useQueue(
  departmentCode: string | null,
  refreshKey: number,
  onChanged: (changed: Token, replacement: Token | null) => void,
): QueueState {
  const query = useCounterQuery('tokens.list', departmentCode ? { departmentCode } : null, refreshKey);
  const cancelCall = useCounterMutation('tokens.cancel');
  const transferCall = useCounterMutation('tokens.transfer');
  const moveCall = useCounterMutation('queue.move');
  const { reload } = query;
  // The caller's latest handler, read when a move's answer arrives: the moves keep their identity.
  const changed = useRef(onChanged);
  useEffect(() => {
    changed.current = onChanged;
  });

  useEffect(() => {
    if (!departmentCode) return;
    const unsubscribe = subscribeCoreEvents((event) => {
      if (event.name === 'queue.changed' && event.payload.departmentCode === departmentCode) reload();
    });
    const unwatch = watchCoreEventsState((state) => {
      if (state === 'open') reload();
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  }, [departmentCode, reload]);

  const { run: runCancel } = cancelCall;
  const cancel = useCallback(
    async (tokenId: string, reason: string) => {
      const result = await runCancel({ tokenId, reason });
      if (result?.ok) changed.current(result.value, null);
      return result;
    },
    [runCancel],
  );

  const { run: runTransfer } = transferCall;
  const transfer = useCallback(
    async (tokenId: string, toCode: string) => {
      const result = await runTransfer({ tokenId, departmentCode: toCode });
      if (result?.ok) changed.current(result.value.from, result.value.to);
      return result;
    },
    [runTransfer],
  );

  const { run: runMove } = moveCall;
  const move = useCallback(
    async (token: Token, m: 'return' | 'entered_in_error', reason?: string) => {
      const result = await runMove({
        moveId: newId(),
        tokenId: token.id,
        version: token.version,
        move: m,
        ...(reason ? { reason } : {}),
      });
      if (result?.ok && result.value.token) changed.current(result.value.token, null);
      return result;
    },
    [runMove],
  );

  const tokens = query.data ?? NO_TOKENS;
  const pending = cancelCall.pending || transferCall.pending || moveCall.pending;
  return useMemo(
    () => ({ tokens, loading: query.loading, error: query.error, cancel, transfer, move, pending }),
    [tokens, query.loading, query.error, cancel, transfer, move, pending],
  );
}
