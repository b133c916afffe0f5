// How printing is going, polled: the core has no push event for print jobs,
// and a slip that failed must reach the clerk within a couple of seconds.
import { useCallback, useEffect, useState } from 'react';
import type { PrintStatus } from '../../../preload/contract/methods/printing-methods';
import { callCounter } from '../api/counter-client';

const POLL_MS = 1500;

export function usePrintStatus(): { status: PrintStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<PrintStatus | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      void callCounter('print.status', {}).then((result) => {
        if (live && result.ok) setStatus(result.value);
      });
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [tick]);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { status, refresh };
}
