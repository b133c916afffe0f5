// Slows down password guessing at a counter: after MAX_FAILURES wrong
// passwords in a row for one username, that username is refused (even with
// the right password) for PAUSE_MS. In memory: a restart forgets, which only
// costs a guesser one restart per five guesses.
import type { Clock } from '../core/clock';

export const MAX_FAILURES = 5;
export const PAUSE_MS = 60_000;
const MAX_TRACKED = 1000;

export interface SignInThrottle {
  /** Milliseconds until this username may try again (0: now). */
  waitFor(username: string): number;
  failed(username: string): void;
  succeeded(username: string): void;
}

export function createSignInThrottle(clock: Clock): SignInThrottle {
  const state = new Map<string, { failures: number; until: number }>();
  const now = () => clock.now().getTime();
  return {
    waitFor(username) {
      const s = state.get(username);
      return s ? Math.max(0, s.until - now()) : 0;
    },
    failed(username) {
      const s = state.get(username) ?? { failures: 0, until: 0 };
      s.failures++;
      if (s.failures >= MAX_FAILURES) {
        s.until = now() + PAUSE_MS;
        s.failures = 0;
      }
      state.set(username, s);
      // Guessing at made-up names must not grow this without end: forget the oldest.
      if (state.size > MAX_TRACKED) state.delete(state.keys().next().value!);
    },
    succeeded(username) {
      state.delete(username);
    },
  };
}
