// One department's queue for today. Other counters issue tokens too and the
// contract has no push event for that yet, so it also refreshes on a timer.
import { useCallback, useEffect } from 'react';
import type { CallError, Token } from '../../../preload/contract';
import { useCounterMutation } from './use-counter-mutation';
import { useCounterQuery } from './use-counter-query';

const POLL_MS = 15_000;

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: CallError } | null;

export interface QueueState {
  tokens: Token[];
  loading: boolean;
  error: CallError | null;
  cancel: (tokenId: string, reason: string) => Promise<ActionResult<Token>>;
  transfer: (tokenId: string, departmentCode: string) => Promise<ActionResult<{ from: Token; to: Token }>>;
  pending: boolean;
}

/**
 * `onChanged` is told after a cancel or transfer, with the token as it is now
 * and, for a transfer, the new token, so other views can follow.
 */
export function useQueue(
  departmentCode: string | null,
  refreshKey: number,
  onChanged: (changed: Token, replacement: Token | null) => void,
): QueueState {
  const query = useCounterQuery('tokens.list', departmentCode ? { departmentCode } : null, refreshKey);
  const cancelCall = useCounterMutation('tokens.cancel');
  const transferCall = useCounterMutation('tokens.transfer');
  const { reload } = query;

  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const { run: runCancel } = cancelCall;
  const cancel = useCallback(
    async (tokenId: string, reason: string) => {
      const result = await runCancel({ tokenId, reason });
      if (result?.ok) onChanged(result.value, null);
      return result;
    },
    [runCancel, onChanged],
  );

  const { run: runTransfer } = transferCall;
  const transfer = useCallback(
    async (tokenId: string, toCode: string) => {
      const result = await runTransfer({ tokenId, departmentCode: toCode });
      if (result?.ok) onChanged(result.value.from, result.value.to);
      return result;
    },
    [runTransfer, onChanged],
  );

  return {
    tokens: query.data ?? [],
    loading: query.loading,
    error: query.error,
    cancel,
    transfer,
    pending: cancelCall.pending || transferCall.pending,
  };
}
