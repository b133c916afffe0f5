// A call is announced only once the board shows it: the push that tells of a
// call comes before the board has read its feed again, and a footer saying
// "Announcing B-003" over a screen without B-003 is what the hall must never
// see. Calls wait here, in the order they came, until the feed holds them
// (or for at most HOLD_MS, if the feed cannot be read: a call is never lost).
import type { BoardView } from '../../../preload/contract/methods/queue-schemas';
import type { Call } from './speech/announcer';

export const HOLD_MS = 3_000;

export interface Held {
  call: Call;
  /** When the push came (ms). */
  at: number;
}

/** The token ids the view shows, called now or before. */
export function shownTokens(view: BoardView | null): Set<string> {
  const ids = new Set<string>();
  for (const d of view?.departments ?? []) for (const c of [...d.nowCalling, ...d.recent]) ids.add(c.tokenId);
  return ids;
}

/** How many of the held calls, from the first, may be announced now: in order, never one before an earlier one. */
export function dueCount(held: readonly Held[], shown: ReadonlySet<string>, now: number): number {
  let n = 0;
  while (n < held.length) {
    const { call, at } = held[n]!;
    if (!shown.has(call.key.slice(0, call.key.lastIndexOf(':'))) && now - at < HOLD_MS) break;
    n++;
  }
  return n;
}
