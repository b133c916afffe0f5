// The renderer's idle lock: after `idleMs` without the clerk touching the
// keyboard, mouse or wheel, `onIdle` runs once (the gate then calls
// auth.lock). Activity only records the time; one timer checks it, so a
// moving mouse costs nothing. The core locks an idle session by itself too,
// but it only sees calls, not typing: `onActive` (at most every `activeEveryMs`)
// lets the gate tell the core the clerk is still here while they fill a form.
export interface IdleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleTimerOptions {
  idleMs: number;
  onIdle: () => void;
  onActive?: () => void;
  activeEveryMs?: number;
  clock?: IdleClock;
}

export interface IdleTimer {
  /** The clerk did something. */
  activity(): void;
  stop(): void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function startIdleTimer({
  idleMs,
  onIdle,
  onActive,
  activeEveryMs = 60_000,
  clock = realClock,
}: IdleTimerOptions): IdleTimer {
  let last = clock.now();
  let lastActive = last;
  let handle: unknown = null;
  let stopped = false;

  const check = () => {
    handle = null;
    if (stopped) return;
    const idleFor = clock.now() - last;
    if (idleFor >= idleMs) {
      stopped = true;
      onIdle();
    } else {
      handle = clock.setTimeout(check, idleMs - idleFor);
    }
  };
  handle = clock.setTimeout(check, idleMs);

  return {
    activity() {
      if (stopped) return;
      last = clock.now();
      if (onActive && last - lastActive >= activeEveryMs) {
        lastActive = last;
        onActive();
      }
    },
    stop() {
      stopped = true;
      if (handle !== null) clock.clearTimeout(handle);
      handle = null;
    },
  };
}
