// Search as you type: waits for a short pause so a fast typist or a barcode
// scanner sends one query, not one per key, and ignores answers to queries
// the clerk has already typed past.
import { useEffect, useState } from 'react';
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
  /** The UHID searched is a duplicate merged into the patient shown (issue 13). */
  mergedFrom: PatientLink | null;
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

  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
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
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [trimmed]);

  if (trimmed === '' || settled === null) {
    return { settledQuery: '', kind: 'none', patients: [], error: null, upToDate: trimmed === '', mergedFrom: null };
  }
  // Keep showing the previous results while the next ones load: less flicker.
  return {
    settledQuery: settled.query,
    kind: settled.kind,
    patients: settled.patients,
    error: settled.error,
    upToDate: settled.query === trimmed,
    mergedFrom: settled.mergedFrom,
  };
}
