// What the board shows, kept current by the core's pushes, never by polling:
// a queue.changed push for one of its departments reads the feed again, and a
// call or a recall in it is handed to the announcer. "Connected" means the
// push stream is open and the last read answered; otherwise the board shows
// that it is not connected instead of numbers that may be stale. The stream
// reopens by itself (scanning/core-events.ts); if it stays down, the session
// is checked again, which reloads a page the restarted counter no longer
// knows (use-board-session.ts).
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { BoardGrant } from '../../../preload/contract/methods/auth-schemas';
import { useCounterQuery } from '../hooks/use-counter-query';
import { coreEventsState, subscribeCoreEvents, watchCoreEventsState, type CoreEventsState } from '../scanning/core-events';
import { dueCount, HOLD_MS, shownTokens, type Held } from './held-calls';
import type { Call } from './speech/announcer';

/** Down this long: ask the core whether this page and board are still known. */
const RECHECK_MS = 10_000;
/** Not connected for this long is "not connected", not "connecting". */
const GRACE_MS = 4_000;
/** Earlier calls asked for per department: as many as the contract gives; the screen shows what fits (board-fit.ts). */
const RECENT = 12;

export function useBoardFeed(grant: BoardGrant, onCall: (call: Call) => void, recheck: () => Promise<void>) {
  const [reloads, setReloads] = useState(0);
  const stream: CoreEventsState = useSyncExternalStore(watchCoreEventsState, coreEventsState);
  const feed = useCounterQuery(
    'queue.board',
    { departmentCodes: grant.departmentCodes, names: grant.showFirstNames ? 'first' : 'none', recent: RECENT },
    reloads,
  );
  const codes = grant.departmentCodes.join(',');
  const held = useRef<Held[]>([]);
  const view = useRef(feed.data);
  const release = useCallback(() => {
    const due = dueCount(held.current, shownTokens(view.current), Date.now());
    for (const { call } of held.current.splice(0, due)) onCall(call);
  }, [onCall]);

  useEffect(() => {
    const watched = new Set(codes.split(','));
    const unsubscribe = subscribeCoreEvents((event) => {
      if (event.name !== 'queue.changed' || !watched.has(event.payload.departmentCode)) return;
      const change = event.payload;
      if ((change.move === 'call' || change.move === 'recall') && change.room) {
        // Said once the board shows it (held-calls.ts): the reload below brings it.
        held.current.push({
          call: {
            key: `${change.tokenId}:${change.callCount}`,
            label: change.label,
            room: change.room,
            departmentCode: change.departmentCode,
          },
          at: Date.now(),
        });
        window.setTimeout(release, HOLD_MS);
      }
      setReloads((n) => n + 1);
    });
    const unwatch = watchCoreEventsState((state) => {
      // Back after a gap: read what was missed (calls made meanwhile are shown, not announced late).
      if (state === 'open') setReloads((n) => n + 1);
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  }, [codes, release]);

  useEffect(() => {
    view.current = feed.data;
    release();
  }, [feed.data, release]);

  const connected = stream === 'open' && feed.data !== null && feed.error === null;
  const [downLong, setDownLong] = useState(false);

  useEffect(() => {
    if (connected) {
      const reset = window.setTimeout(() => setDownLong(false), 0);
      return () => window.clearTimeout(reset);
    }
    const grace = window.setTimeout(() => setDownLong(true), GRACE_MS);
    const timer = window.setInterval(() => {
      void recheck();
      setReloads((n) => n + 1);
    }, RECHECK_MS);
    return () => {
      window.clearTimeout(grace);
      window.clearInterval(timer);
    };
  }, [connected, recheck]);

  return { view: feed.data, error: feed.error, stream, connected, downLong };
}
