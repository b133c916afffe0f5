// The clock and backup statuses for the counter screen: pushed by the core
// ('clock.status', 'backup.status' events), plus a slow poll so a missed
// event heals itself and "overdue" appears even when nothing is pushed.
import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus, ClockStatus } from '../../../preload/contract/methods/ops-schemas';
import { callCounter } from '../api/counter-client';
import { subscribeCoreEvents } from '../scanning/core-events';

const POLL_MS = 30_000;

export interface OpsStatus {
  clock: ClockStatus | null;
  backup: BackupStatus | null;
  refresh: () => void;
}

export function useOpsStatus(): OpsStatus {
  const [clock, setClock] = useState<ClockStatus | null>(null);
  const [backup, setBackup] = useState<BackupStatus | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () => {
      void callCounter('clock.status', {}).then((r) => live && r.ok && setClock(r.value));
      void callCounter('backups.status', {}).then((r) => live && r.ok && setBackup(r.value));
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    const unsubscribe = subscribeCoreEvents((event) => {
      if (!live) return;
      if (event.name === 'clock.status') setClock(event.payload);
      if (event.name === 'backup.status') setBackup(event.payload);
    });
    return () => {
      live = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [tick]);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { clock, backup, refresh };
}
