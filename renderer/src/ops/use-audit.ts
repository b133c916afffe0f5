// The audit log for the supervisor's screen: the filtered entries newest
// first, "Show older" pages back by seq, the chain check, and the CSV export
// handed to the browser as a download.
import { useCallback, useState } from 'react';
import type { CallError, MethodInput, MethodOutput } from '../../../preload/contract';
import type { AuditRow } from '../../../preload/contract/methods/ops-schemas';
import { callCounter } from '../api/counter-client';
import { useCounterQuery } from '../hooks/use-counter-query';

export type AuditFilterValues = Omit<MethodInput<'audit.exportCsv'>, never>;
const PAGE = 50;

/** Saves text as a file through the browser (Electron: its download, Save As). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useAudit(filter: AuditFilterValues) {
  const key = JSON.stringify(filter);
  const first = useCounterQuery('audit.list', { ...filter, limit: PAGE });
  // Older pages for the current filter only: a new filter starts again from the newest.
  const [older, setOlder] = useState<{ key: string; entries: AuditRow[]; nextBefore: number | null } | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [verdict, setVerdict] = useState<MethodOutput<'audit.verify'> | null>(null);
  const [exported, setExported] = useState<{ rows: number; truncated: boolean } | null>(null);
  const mine = older?.key === key ? older : null;
  const entries = [...(first.data?.entries ?? []), ...(mine?.entries ?? [])];
  const nextBefore = mine ? mine.nextBefore : (first.data?.nextBefore ?? null);

  const loadOlder = useCallback(async () => {
    if (nextBefore === null) return;
    const result = await callCounter('audit.list', {
      ...(JSON.parse(key) as AuditFilterValues),
      limit: PAGE,
      before: nextBefore,
    });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setOlder((prev) => ({
      key,
      entries: [...(prev?.key === key ? prev.entries : []), ...result.value.entries],
      nextBefore: result.value.nextBefore,
    }));
  }, [key, nextBefore]);

  const verify = useCallback(async () => {
    const result = await callCounter('audit.verify', {});
    if (result.ok) setVerdict(result.value);
    else setError(result.error);
  }, []);

  const exportCsv = useCallback(async () => {
    const result = await callCounter('audit.exportCsv', JSON.parse(key) as AuditFilterValues);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    download(`audit-${new Date().toISOString().slice(0, 10)}.csv`, result.value.csv);
    setExported({ rows: result.value.rows, truncated: result.value.truncated });
  }, [key]);

  return {
    entries,
    error: error ?? first.error,
    loading: first.loading,
    more: nextBefore !== null,
    loadOlder: () => void loadOlder(),
    verdict,
    verify: () => void verify(),
    exported,
    exportCsv: () => void exportCsv(),
  };
}
