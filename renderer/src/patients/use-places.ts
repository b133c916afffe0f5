// The India Post directory as the registration form uses it: a complete PIN
// looked up once (its places fill district and state), the states and the
// districts matching what is typed for the type-ahead lists.
import { useCallback, useRef, useState } from 'react';
import type { Place, State } from '../../../preload/contract/methods/place-methods';
import { callCounter } from '../api/counter-client';
import { useCounterQuery } from '../hooks/use-counter-query';

export interface PinLookup {
  pincode: string;
  known: boolean;
  places: Place[];
}

export interface PincodeLookup {
  /** The last finished lookup. */
  result: PinLookup | null;
  /** Looks a complete PIN up; resolves with its answer (null when the call failed). */
  lookup: (pincode: string) => Promise<PinLookup | null>;
  /** The lookup under way for this PIN, so Enter can wait for it. */
  pending: (pincode: string) => Promise<PinLookup | null> | null;
}

export function usePincodeLookup(): PincodeLookup {
  const [result, setResult] = useState<PinLookup | null>(null);
  const inFlight = useRef<{ pincode: string; promise: Promise<PinLookup | null> } | null>(null);
  const lookup = useCallback((pincode: string) => {
    if (inFlight.current?.pincode === pincode) return inFlight.current.promise;
    const promise = callCounter('places.pincode', { pincode }).then((r) => {
      const value = r.ok ? r.value : null;
      if (value) setResult(value);
      return value;
    });
    inFlight.current = { pincode, promise };
    return promise;
  }, []);
  const pending = useCallback((pincode: string) => (inFlight.current?.pincode === pincode ? inFlight.current.promise : null), []);
  return { result, lookup, pending };
}

export function useStates(): State[] {
  return useCounterQuery('places.states', {}).data ?? [];
}

/** Districts for the type-ahead: those of the state typed (if it is one), matching the text typed. */
export function useDistricts(query: string, state: string): Place[] {
  const input = { query: query.trim().slice(0, 60), limit: 30, ...(state.trim() ? { state: state.trim().slice(0, 60) } : {}) };
  return useCounterQuery('places.districts', input).data ?? [];
}
