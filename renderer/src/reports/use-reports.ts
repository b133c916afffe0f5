// Data for the reports screen: the three reports by the contract, and the
// CSV/PDF export as a file the browser can save.
import { useCallback, useState } from 'react';
import type { CallError, MethodInput } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';
import { useCounterQuery } from '../hooks/use-counter-query';
import { fileUrl } from './date-range';

/** This counter's census, or the whole hospital's (every paired counter that answers). */
export function useCensus(range: { from: string; to: string } | null, hospital: boolean) {
  const own = useCounterQuery('reports.census', hospital ? null : range);
  const whole = useCounterQuery('reports.hospitalCensus', hospital ? range : null);
  return hospital ? whole : { ...own, data: own.data ? { ...own.data, unreachable: [] } : null };
}
export const useFeeReport = (range: { from: string; to: string } | null) => useCounterQuery('reports.fees', range);
export function useHmis(month: string | null, hospital: boolean) {
  const own = useCounterQuery('reports.hmis', month && !hospital ? { month } : null);
  const whole = useCounterQuery('reports.hospitalHmis', month && hospital ? { month } : null);
  return hospital ? whole : { ...own, data: own.data ? { ...own.data, unreachable: [] } : null };
}

export interface SavedFile {
  url: string;
  fileName: string;
}

export function useReportExport() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [file, setFile] = useState<SavedFile | null>(null);
  const run = useCallback(async (input: MethodInput<'reports.export'>) => {
    setPending(true);
    setError(null);
    const result = await callCounter('reports.export', input);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    const saved = { url: fileUrl(result.value.base64, result.value.mimeType), fileName: result.value.fileName };
    setFile((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return saved;
    });
    return saved;
  }, []);
  return { run, pending, error, file };
}
