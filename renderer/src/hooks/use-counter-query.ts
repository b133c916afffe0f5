// Loads one contract method's answer for the current input, reloads on
// demand, and drops answers that arrive after the input has changed (a slow
// answer for the previous department must not overwrite the current one).
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { CallError, MethodInput, MethodName, MethodOutput } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';

export interface QueryState<T> {
  data: T | null;
  error: CallError | null;
  /** True until the first answer for the current input has arrived. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | null;
  error: CallError | null;
}

/** `input: null` means "nothing to load yet". `refreshKey` changes force a reload. */
export function useCounterQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  refreshKey: number = 0,
): QueryState<MethodOutput<M>> {
  const key = input === null ? null : `${method}:${JSON.stringify(input)}`;
  const [settled, setSettled] = useState<Settled<MethodOutput<M>> | null>(null);
  const [tick, setTick] = useState(0);
  // Reads the latest input without making the effect depend on its identity
  // (callers build a new object every render; the key says when it changed).
  const load = useEffectEvent(() => (input === null ? null : callCounter(method, input)));

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const pending = load();
    void pending?.then((result) => {
      if (!live) return;
      setSettled(result.ok ? { key, data: result.value, error: null } : { key, data: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [key, tick, refreshKey]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = settled !== null && settled.key === key ? settled : null;
  return {
    data: current?.data ?? null,
    error: current?.error ?? null,
    loading: key !== null && current === null,
    reload,
  };
}
