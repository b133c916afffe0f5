// Locks the counter after the configured minutes without a key, a click, a
// touch, a mouse move or a wheel turn anywhere in the window (idle-timer.ts),
// and while the clerk is busy tells the core now and then that they are
// still here (the core only sees calls, not typing).
import { useEffect, useEffectEvent } from 'react';
import { startIdleTimer } from './idle-timer';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(enabled: boolean, idleMinutes: number, onIdle: () => void, onActive: () => void): void {
  const idle = useEffectEvent(onIdle);
  const active = useEffectEvent(onActive);
  useEffect(() => {
    if (!enabled || idleMinutes <= 0) return;
    const idleMs = idleMinutes * 60_000;
    const timer = startIdleTimer({
      idleMs,
      onIdle: () => idle(),
      onActive: () => active(),
      // Well inside the core's own idle time, so a busy clerk is never locked by it.
      activeEveryMs: Math.min(60_000, idleMs / 3),
    });
    const onActivity = () => timer.activity();
    const options = { capture: true, passive: true };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, options);
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, options);
    };
  }, [enabled, idleMinutes]);
}
