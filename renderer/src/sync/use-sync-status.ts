// The sync engine's status: pushed by the core as the 'sync.status' event
// (SSE in the browser shell, IPC in Electron), plus a slow poll so "oldest
// waiting for" keeps counting and a missed event heals itself.
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../preload/contract/methods/sync-schemas';
import { callCounter } from '../api/counter-client';
import { subscribeCoreEvents } from '../scanning/core-events';

const POLL_MS = 10_000;

export function useSyncStatus(): { status: SyncStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      void callCounter('sync.status', {}).then((result) => {
        if (live && result.ok) setStatus(result.value);
      });
    load();
    const timer = window.setInterval(load, POLL_MS);
    const unsubscribe = subscribeCoreEvents((event) => {
      if (live && event.name === 'sync.status') setStatus(event.payload);
    });
    return () => {
      live = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [tick]);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { status, refresh };
}
