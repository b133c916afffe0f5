// When the search box's exact id (mobile, UHID, ABHA) finds nobody here, the
// hospital's other counters are asked (patients.searchElsewhere, a short
// time-out each): a patient registered at counter C ten minutes ago is found
// instead of registered twice. Names are never sent around.
import { useEffect, useState } from 'react';
import type { CallError, MethodOutput } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';
import type { SearchState } from '../hooks/use-patient-search';

export type Elsewhere = MethodOutput<'patients.searchElsewhere'>;
export type FoundElsewhere = Elsewhere['found'][number];

export interface ElsewhereState {
  /** idle: nothing to ask; asking: waiting for the counters; done: their answers are in. */
  phase: 'idle' | 'asking' | 'done';
  found: FoundElsewhere[];
  notAsked: Elsewhere['notAsked'];
  error: CallError | null;
}

const EXACT: ReadonlySet<SearchState['kind']> = new Set(['uhid', 'phone', 'abha_number', 'abha_address']);
const IDLE: ElsewhereState = { phase: 'idle', found: [], notAsked: [], error: null };

export function useElsewhereSearch(search: SearchState, notFoundHere: boolean): ElsewhereState {
  const query = notFoundHere && EXACT.has(search.kind) ? search.settledQuery : null;
  const [answer, setAnswer] = useState<{ query: string; state: ElsewhereState } | null>(null);

  useEffect(() => {
    if (query === null) return;
    let live = true;
    void callCounter('patients.searchElsewhere', { query }).then((result) => {
      if (!live) return;
      setAnswer({
        query,
        state: result.ok
          ? { phase: 'done', ...result.value, error: null }
          : { phase: 'done', found: [], notAsked: [], error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [query]);

  if (query === null) return IDLE;
  return answer?.query === query ? answer.state : { ...IDLE, phase: 'asking' };
}
