// Runs one changing call (register, issue, cancel) at a time: a second Enter
// while the first is in flight is ignored instead of sent twice.
import { useCallback, useRef, useState } from 'react';
import type { CallResult, MethodInput, MethodName, MethodOutput } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';

export interface Mutation<M extends MethodName> {
  /** Resolves to null when a call of this kind was already running. */
  run: (input: MethodInput<M>) => Promise<CallResult<MethodOutput<M>> | null>;
  pending: boolean;
}

export function useCounterMutation<M extends MethodName>(method: M): Mutation<M> {
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (input: MethodInput<M>) => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      try {
        return await callCounter(method, input);
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [method],
  );
  return { run, pending };
}
