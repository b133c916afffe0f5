// Search as you type: waits for a short pause so a fast typist or a barcode
// scanner sends one query, not one per key, and ignores answers to queries
// the clerk has already typed past.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, MethodOutput, PatientLink, PatientSummary } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';

export const SEARCH_DEBOUNCE_MS = 120;
const SEARCH_LIMIT = 20;

export type SearchKind = MethodOutput<'patients.search'>['kind'];

export interface SearchState {
  /** The trimmed query the shown results answer ('' before any). */
  settledQuery: string;
  /** What the core took the query for: an exact id (UHID, mobile, ABHA) or a name. */
  kind: SearchKind;
  patients: PatientSummary[];
  error: CallError | null;
  /** The results answer what is in the box right now. */
  upToDate: boolean;
  /** The UHID searched is a duplicate merged into the patient shown. */
  mergedFrom: PatientLink | null;
  /** Asks now instead of after the pause: Enter was pressed, the clerk is done typing. */
  searchNow: () => void;
}

interface Settled {
  query: string;
  kind: SearchKind;
  patients: PatientSummary[];
  error: CallError | null;
  mergedFrom: PatientLink | null;
}

export function usePatientSearch(query: string): SearchState {
  const trimmed = query.normalize('NFC').replace(/\s+/g, ' ').trim();
  const [settled, setSettled] = useState<Settled | null>(null);
  const now = useRef(() => {});

  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    let asked = false;
    const ask = () => {
      window.clearTimeout(timer);
      if (asked) return;
      asked = true;
      void callCounter('patients.search', { query: trimmed, limit: SEARCH_LIMIT }).then((result) => {
        if (!live) return; // the clerk has typed on: this answer is stale
        setSettled(
          result.ok
            ? {
                query: trimmed,
                kind: result.value.kind,
                patients: result.value.patients,
                error: null,
                mergedFrom: result.value.mergedFrom ?? null,
              }
            : { query: trimmed, kind: 'none', patients: [], error: result.error, mergedFrom: null },
        );
      });
    };
    const timer = window.setTimeout(ask, SEARCH_DEBOUNCE_MS);
    now.current = ask;
    return () => {
      live = false;
      window.clearTimeout(timer);
      now.current = () => {};
    };
  }, [trimmed]);
  const searchNow = useCallback(() => now.current(), []);

  // An emptied box (a patient served) starts the next search afresh: the last
  // patient's results and "nobody found" are no answer to the next patient's first keys.
  if (trimmed === '' && settled !== null) setSettled(null);
  if (trimmed === '' || settled === null) {
    return { settledQuery: '', kind: 'none', patients: [], error: null, upToDate: trimmed === '', mergedFrom: null, searchNow };
  }
  // Keep showing the previous results while the next ones load: less flicker.
  return {
    settledQuery: settled.query,
    kind: settled.kind,
    patients: settled.patients,
    error: settled.error,
    upToDate: settled.query === trimmed,
    mergedFrom: settled.mergedFrom,
    searchNow,
  };
}
