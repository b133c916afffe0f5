import { describe, expect, it } from 'vitest';
import { startIdleTimer, type IdleClock } from './idle-timer';

/** A clock the test moves by hand; timers fire in time order. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  };
  function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      timers.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  }
  return { clock, advance, pending: () => timers.size };
}

const MINUTE = 60_000;

describe('idle timer', () => {
  it('locks once after the idle time with no activity', () => {
    const { clock, advance } = fakeClock();
    let idle = 0;
    startIdleTimer({ idleMs: 5 * MINUTE, onIdle: () => idle++, clock });
    advance(5 * MINUTE - 1);
    expect(idle).toBe(0);
    advance(1);
    expect(idle).toBe(1);
    advance(30 * MINUTE);
    expect(idle).toBe(1);
  });

  it('counts the idle time from the last activity', () => {
    const { clock, advance } = fakeClock();
    let idle = 0;
    const timer = startIdleTimer({ idleMs: 5 * MINUTE, onIdle: () => idle++, clock });
    advance(4 * MINUTE);
    timer.activity();
    advance(4 * MINUTE);
    expect(idle).toBe(0);
    timer.activity();
    advance(5 * MINUTE - 1);
    expect(idle).toBe(0);
    advance(1);
    expect(idle).toBe(1);
  });

  it('keeps a single timer however much the mouse moves', () => {
    const { clock, advance, pending } = fakeClock();
    const timer = startIdleTimer({ idleMs: MINUTE, onIdle: () => undefined, clock });
    for (let i = 0; i < 1000; i++) {
      advance(10);
      timer.activity();
    }
    expect(pending()).toBe(1);
  });

  it('does nothing after stop', () => {
    const { clock, advance, pending } = fakeClock();
    let idle = 0;
    const timer = startIdleTimer({ idleMs: MINUTE, onIdle: () => idle++, clock });
    timer.stop();
    advance(10 * MINUTE);
    expect(idle).toBe(0);
    expect(pending()).toBe(0);
  });

  it('tells the core the clerk is here at most once a period while they keep working', () => {
    const { clock, advance } = fakeClock();
    let active = 0;
    const timer = startIdleTimer({
      idleMs: 5 * MINUTE,
      onIdle: () => undefined,
      onActive: () => active++,
      activeEveryMs: MINUTE,
      clock,
    });
    for (let s = 0; s < 180; s++) {
      advance(1000);
      timer.activity();
    }
    expect(active).toBe(3);
  });
});
